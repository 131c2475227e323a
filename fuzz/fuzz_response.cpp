// Fuzz target: the response parser. The input is an HTTP response written as text:
//
//     <status>\n<name>: <value>\n...\n\n<body>
//
// (no blank line: no body). Properties: parsing never crashes; a 2xx either succeeds or is a
// malformed_response, anything else is a service_error; error codes and messages are UTF-8
// text; the fault matches the code; parse_error agrees with parse; a reused parser gives the same
// answer twice. A second operation with a rich output shape exercises every member reader; the
// history (every event type typed), activity task and type-detail outputs exercise SWF's own.
#include <swfpp/operations/describe_workflow_type.hpp>
#include <swfpp/operations/get_workflow_execution_history.hpp>
#include <swfpp/operations/poll_for_activity_task.hpp>
#include <swfpp/operations/request_cancel_workflow_execution.hpp>
#include <swfpp/response.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "fuzz_check.hpp"

namespace {

struct rich_inner {
    std::string name;
    std::optional<std::int32_t> count;
    static constexpr auto members() {
        return std::make_tuple(swfpp::member("name", &rich_inner::name), swfpp::member("count", &rich_inner::count));
    }
};

struct rich_output {
    std::string text;
    bool flag = false;
    std::int64_t big = 0;
    std::uint8_t small = 0;
    double number = 0;
    std::optional<std::string> maybe;
    std::vector<std::string> list;
    std::vector<rich_inner> objects;
    rich_inner nested;
    static constexpr auto members() {
        using self = rich_output;
        return std::make_tuple(swfpp::member("text", &self::text), swfpp::member("flag", &self::flag),
                               swfpp::member("big", &self::big), swfpp::member("small", &self::small),
                               swfpp::member("number", &self::number), swfpp::member("maybe", &self::maybe),
                               swfpp::member("list", &self::list), swfpp::member("objects", &self::objects),
                               swfpp::member("nested", &self::nested));
    }
};

struct rich_operation {
    static constexpr std::string_view name = "FuzzRichOutput";
    using input = swfpp::request_cancel_workflow_execution_input;
    using output = rich_output;
};

int parse_status(std::string_view line) {
    long long value = 0;
    bool negative = !line.empty() && line.front() == '-';
    if (negative) line.remove_prefix(1);
    for (char c : line.substr(0, 10)) {
        if (c < '0' || c > '9') break;
        value = value * 10 + (c - '0');
    }
    return static_cast<int>(negative ? -value : value);
}

swfpp::http_response read_response(std::string_view in) {
    swfpp::http_response r;
    auto line_end = in.find('\n');
    r.status = parse_status(in.substr(0, line_end));
    in = line_end == std::string_view::npos ? std::string_view() : in.substr(line_end + 1);
    while (!in.empty()) {
        line_end = in.find('\n');
        const auto line = in.substr(0, line_end);
        in = line_end == std::string_view::npos ? std::string_view() : in.substr(line_end + 1);
        if (line.empty()) {
            r.body = std::string(in);
            break;
        }
        const auto colon = line.find(':');
        auto value = colon == std::string_view::npos ? std::string_view() : line.substr(colon + 1);
        if (!value.empty() && value.front() == ' ') value.remove_prefix(1);
        r.headers.push_back({std::string(line.substr(0, colon)), std::string(value)});
    }
    return r;
}

bool same_error(const swfpp::error& a, const swfpp::error& b) {
    return a.kind == b.kind && a.code == b.code && a.message == b.message && a.request_id == b.request_id &&
           a.http_status == b.http_status && a.fault == b.fault;
}

bool body_can_be_an_object(std::string_view body) {
    const auto first = body.find_first_not_of(" \t\n\r");
    return first != std::string_view::npos && body[first] == '{';
}

template <class Op>
void check_parse(swfpp::response_parser& parser, const swfpp::http_response& response) {
    const bool success_status = response.status >= 200 && response.status <= 299;
    const auto first = parser.parse<Op>(response);
    const auto again = parser.parse<Op>(response);
    SWFPP_FUZZ_CHECK(first.ok() == again.ok(), "a reused parser answers the same twice");
    if (first.ok()) {
        SWFPP_FUZZ_CHECK(success_status, "only a 2xx response parses as an output");
        return;
    }
    const swfpp::error& e = first.error();
    SWFPP_FUZZ_CHECK(same_error(e, again.error()), "a reused parser gives the same error twice");
    SWFPP_FUZZ_CHECK(e.http_status == response.status, "the error carries the HTTP status");
    if (const auto* id = swfpp::find_header(response.headers, "x-amzn-RequestId"))
        SWFPP_FUZZ_CHECK(e.request_id == id->value, "the request id is the header's");
    if (success_status) {
        SWFPP_FUZZ_CHECK(e.kind == swfpp::errc::malformed_response, "a 2xx that fails to parse is malformed_response");
        SWFPP_FUZZ_CHECK(e.message.rfind("Malformed response: ", 0) == 0, "malformed messages are prefixed");
        return;
    }
    SWFPP_FUZZ_CHECK(e.kind == swfpp::errc::service_error, "a non-2xx response is a service_error");
    SWFPP_FUZZ_CHECK(swfpp_fuzz::is_utf8(e.code), "the error code is UTF-8 text");
    SWFPP_FUZZ_CHECK(swfpp_fuzz::is_utf8(e.message), "the error message is UTF-8 text");
    SWFPP_FUZZ_CHECK(e.fault == swfpp::fault_from_code(e.code), "the fault is the code's");
    if (e.fault != swfpp::swf_fault::none) SWFPP_FUZZ_CHECK(e.is(e.fault), "error::is agrees with fault");
    if (!swfpp::find_header(response.headers, "X-Amzn-ErrorType") && !body_can_be_an_object(response.body))
        SWFPP_FUZZ_CHECK(e.code == std::to_string(response.status), "without a code anywhere, the status is the code");
    SWFPP_FUZZ_CHECK(same_error(e, parser.parse_error(response)), "parse and parse_error agree");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static swfpp::response_parser parser;         // reused, as parse_response() reuses its own
    static swfpp::response_parser tiny_parser(64);  // bodies over 64 bytes take the size-limit path
    const swfpp::http_response response = read_response({reinterpret_cast<const char*>(data), size});
    check_parse<swfpp::request_cancel_workflow_execution>(parser, response);
    check_parse<rich_operation>(parser, response);
    check_parse<swfpp::get_workflow_execution_history>(parser, response);
    check_parse<swfpp::poll_for_activity_task>(parser, response);
    check_parse<swfpp::describe_workflow_type>(parser, response);
    check_parse<swfpp::request_cancel_workflow_execution>(tiny_parser, response);
    if (response.status >= 200 && response.status <= 299 && response.body.size() > 64 &&
        !swfpp::detail::strip(response.body).empty())
        SWFPP_FUZZ_CHECK(!tiny_parser.parse<swfpp::request_cancel_workflow_execution>(response).ok(),
                         "a body over the limit is never parsed");
    return 0;
}
