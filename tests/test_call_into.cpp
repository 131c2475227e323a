// basic_client::call_into and response_parser::parse_into: one result reused from call to call
// holds exactly what the latest call returned, whatever the previous one left in it.
#include <doctest/doctest.h>

#include <swfpp/client.hpp>
#include <swfpp/operations/describe_workflow_execution.hpp>
#include <swfpp/operations/request_cancel_workflow_execution.hpp>
#include <swfpp/response.hpp>

#include <chrono>
#include <deque>
#include <memory>
#include <string>

namespace {

// Replies with the scripted responses in order.
struct queued_transport {
    std::shared_ptr<std::deque<swfpp::http_response>> replies = std::make_shared<std::deque<swfpp::http_response>>();
    swfpp::result<void> send(const swfpp::http_request&, swfpp::http_response& response) {
        if (replies->empty()) return swfpp::make_transport_error(swfpp::transport_errc::connect_failed, "nothing scripted");
        response = replies->front();
        replies->pop_front();
        return {};
    }
};

struct stamp_signer {
    swfpp::result<void> sign(swfpp::http_request& request, const swfpp::signing_params&) const {
        swfpp::set_header(request.headers, "Authorization", "stamp");
        return {};
    }
};

struct fixed_clock {
    std::chrono::system_clock::time_point now() const {
        return std::chrono::system_clock::time_point(std::chrono::seconds(1764086400));
    }
    void sleep_for(std::chrono::nanoseconds) const {}
};

using op = swfpp::request_cancel_workflow_execution;
using client_type = swfpp::basic_client<queued_transport, stamp_signer, fixed_clock, swfpp::no_retry>;

swfpp::http_response response(int status, std::string body, std::string request_id = "") {
    swfpp::http_response r;
    r.status = status;
    r.body = std::move(body);
    if (!request_id.empty()) r.headers.append("x-amzn-RequestId", request_id);
    return r;
}

client_type make_client(const queued_transport& t) {
    swfpp::client_config c;
    c.region = "us-east-1";
    c.credentials = {"AKIDEXAMPLE", "secret", ""};
    return client_type(c, t);
}

}  // namespace

TEST_CASE("call_into returns ok() and fills the reused result with each call's outcome in turn") {
    queued_transport t;
    t.replies->push_back(response(400, R"({"__type":"com.amazonaws.swf.base.model#UnknownResourceFault","message":"Unknown execution"})", "req-1"));
    t.replies->push_back(response(200, "{}"));
    t.replies->push_back(response(400, R"({"__type":"OperationNotPermittedFault"})"));
    auto client = make_client(t);
    swfpp::result<op::output> r;  // starts as a value-initialised output
    CHECK(r.ok());
    const op::input in{"d", "w", std::nullopt};

    CHECK_FALSE(client.call_into<op>(in, r));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().is(swfpp::swf_fault::unknown_resource));
    CHECK(r.error().message == "Unknown execution");
    CHECK(r.error().request_id == "req-1");
    CHECK(r.error().attempts == 1);

    CHECK(client.call_into<op>(in, r));
    CHECK(r.ok());

    CHECK_FALSE(client.call_into<op>(in, r));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().is(swfpp::swf_fault::operation_not_permitted));
    CHECK(r.error().message.empty());     // nothing of the first error's text is left over
    CHECK(r.error().request_id.empty());  // this response carried no request id
}

TEST_CASE("an error reused by call_into is reset field by field, not merged with the previous one") {
    queued_transport t;
    t.replies->push_back(response(500, "", "req-500"));
    t.replies->push_back(response(400, R"({"code":"LimitExceededFault","message":"slow down"})"));
    auto client = make_client(t);
    swfpp::result<op::output> r{op::output{}};
    const op::input in{"d", "w", std::nullopt};
    CHECK_FALSE(client.call_into<op>(in, r));
    CHECK(r.error().code == "500");
    CHECK(r.error().message == "Internal Server Error");
    CHECK(r.error().http_status == 500);
    CHECK_FALSE(client.call_into<op>(in, r));
    CHECK(r.error().code == "LimitExceededFault");
    CHECK(r.error().message == "slow down");
    CHECK(r.error().http_status == 400);
    CHECK(r.error().request_id.empty());
}

TEST_CASE("call_into reports validation, transport and configuration failures like call()") {
    queued_transport t;  // nothing scripted: a send fails
    auto client = make_client(t);
    swfpp::result<op::output> r{op::output{}};
    CHECK_FALSE(client.call_into<op>({"d", "", std::nullopt}, r));
    CHECK(r.error().kind == swfpp::errc::validation_failed);
    CHECK(r.error().member == "workflowId");
    CHECK_FALSE(client.call_into<op>({"d", "w", std::nullopt}, r));
    CHECK(r.error().kind == swfpp::errc::transport_failed);
    CHECK(r.error().member.empty());
    CHECK(r.error().attempts == 1);

    swfpp::client_config bad;
    bad.region = "not a region";
    bad.credentials = {"AKIDEXAMPLE", "secret", ""};
    client_type misconfigured(bad, t);
    swfpp::call_info info;
    CHECK_FALSE(misconfigured.call_into<op>({"d", "w", std::nullopt}, r, &info));
    CHECK(r.error().kind == swfpp::errc::configuration_error);
    CHECK(info.attempts == 0);
}

TEST_CASE("parse_into turns a reused error back into a value, and a value into a malformed-response error") {
    swfpp::response_parser parser;
    swfpp::result<swfpp::describe_workflow_execution_output> r{swfpp::describe_workflow_execution_output{}};
    parser.parse_into<swfpp::describe_workflow_execution>(response(400, R"({"__type":"UnknownResourceFault"})"), r);
    REQUIRE_FALSE(r.ok());
    parser.parse_into<swfpp::describe_workflow_execution>(
        response(200, R"({"openCounts":{"openActivityTasks":1,"openDecisionTasks":2,"openTimers":0,"openChildWorkflowExecutions":0}})"),
        r);
    REQUIRE(r.ok());
    CHECK(r->open_counts.open_decision_tasks == 2);
    parser.parse_into<swfpp::describe_workflow_execution>(response(200, "[1]", "req-9"), r);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().kind == swfpp::errc::malformed_response);
    CHECK(r.error().request_id == "req-9");
    CHECK(r.error().code.empty());
}

TEST_CASE("an empty-object body reads as the output's defaults, with or without surrounding whitespace") {
    swfpp::response_parser parser;
    for (const char* body : {"{}", " {}\n", "", "{ }"}) {
        auto r = parser.parse<swfpp::describe_workflow_execution>(response(200, body));
        REQUIRE(r.ok());
        CHECK(r->open_counts.open_decision_tasks == 0);
        CHECK_FALSE(r->latest_execution_context.has_value());
    }
}

TEST_CASE("an empty object padded past the parser's size limit is refused like any oversized body") {
    swfpp::response_parser parser(64);
    const auto r = parser.parse<swfpp::describe_workflow_execution>(response(200, std::string(100, '\n') + "{}"));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().kind == swfpp::errc::malformed_response);
    CHECK(parser.parse<swfpp::describe_workflow_execution>(response(200, std::string(10, ' ') + "{}")).ok());
}
