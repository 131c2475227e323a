// Fuzz target: the validator and the serializer. Random bytes go into every member of
// request_cancel_workflow_execution_input (FuzzedDataProvider: three length-prefixed strings,
// then whether runId is set). Properties: the input is invalid exactly when a string is not
// UTF-8 (judged by simdjson's validator, not swfpp's) or a required one is empty, and then
// validation names a member; otherwise the JSON written parses back with simdjson to the very
// same strings, with runId present exactly when it is set, and build_request writes the same
// body under headers without CR, LF or NUL.
#include <fuzzer/FuzzedDataProvider.h>

#include <swfpp/endpoint.hpp>
#include <swfpp/operations/request_cancel_workflow_execution.hpp>
#include <swfpp/request.hpp>
#include <swfpp/serialize.hpp>
#include <swfpp/validate.hpp>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "fuzz_check.hpp"

namespace {

using op = swfpp::request_cancel_workflow_execution;

void check_round_trip(const op::input& input, const std::string& json) {
    static simdjson::dom::parser parser;
    simdjson::dom::object object;
    const auto ec = parser.parse(json).get(object);
    SWFPP_FUZZ_CHECK(!ec, "the serializer writes a JSON object");
    std::size_t members = 0;
    bool domain = false, workflow_id = false, run_id = false;
    for (const auto field : object) {
        ++members;
        std::string_view text;
        SWFPP_FUZZ_CHECK(!field.value.get(text), "every member is written as a JSON string");
        if (field.key == "domain") {
            domain = true;
            SWFPP_FUZZ_CHECK(text == input.domain, "domain reads back unchanged");
        } else if (field.key == "workflowId") {
            workflow_id = true;
            SWFPP_FUZZ_CHECK(text == input.workflow_id, "workflowId reads back unchanged");
        } else if (field.key == "runId") {
            run_id = true;
            SWFPP_FUZZ_CHECK(input.run_id && text == *input.run_id, "runId reads back unchanged");
        } else {
            SWFPP_FUZZ_CHECK(false, "only the input's members are written");
        }
    }
    SWFPP_FUZZ_CHECK(domain && workflow_id, "required members are always written");
    SWFPP_FUZZ_CHECK(run_id == input.run_id.has_value(), "runId is written exactly when it is set");
    SWFPP_FUZZ_CHECK(members == (run_id ? 3u : 2u), "no member is written twice");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    FuzzedDataProvider in(data, size);
    op::input input;
    input.domain = in.ConsumeRandomLengthString();
    input.workflow_id = in.ConsumeRandomLengthString();
    std::string run_id = in.ConsumeRandomLengthString();
    if (in.ConsumeBool()) input.run_id = std::move(run_id);

    const bool expect_valid = swfpp_fuzz::is_utf8(input.domain) && swfpp_fuzz::is_utf8(input.workflow_id) &&
                              (!input.run_id || swfpp_fuzz::is_utf8(*input.run_id)) && !input.domain.empty() &&
                              !input.workflow_id.empty();
    const auto valid = swfpp::validate(input);
    SWFPP_FUZZ_CHECK(valid.ok() == expect_valid, "invalid exactly when a string is not UTF-8 or a required one is empty");

    static const swfpp::endpoint ep = *swfpp::endpoint_for_region("us-east-1");
    static swfpp::http_request request;  // reused, as the client reuses its own
    const auto built = swfpp::build_request<op>(input, ep, request);
    SWFPP_FUZZ_CHECK(built.ok() == valid.ok(), "build_request validates exactly as validate does");
    if (!valid.ok()) {
        const swfpp::error& e = valid.error();
        SWFPP_FUZZ_CHECK(e.kind == swfpp::errc::validation_failed, "a bad input is a validation_failed error");
        SWFPP_FUZZ_CHECK(e.member == "domain" || e.member == "workflowId" || e.member == "runId",
                         "the error names one of the input's members");
        SWFPP_FUZZ_CHECK(!e.message.empty(), "the error says what is wrong");
        SWFPP_FUZZ_CHECK(built.error().member == e.member && built.error().message == e.message,
                         "build_request reports validate's error");
        return 0;
    }

    std::string json;
    swfpp::serialize_json(input, json);
    check_round_trip(input, json);
    SWFPP_FUZZ_CHECK(request.body == json, "build_request sends what serialize_json writes");
    for (const auto& h : request.headers) {
        SWFPP_FUZZ_CHECK(!swfpp_fuzz::has_line_break_or_nul(h.name), "no CR, LF or NUL in a header name");
        SWFPP_FUZZ_CHECK(!swfpp_fuzz::has_line_break_or_nul(h.value), "no CR, LF or NUL in a header value");
    }
    return 0;
}
