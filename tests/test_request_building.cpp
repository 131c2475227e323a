#include <doctest/doctest.h>

#include <swfpp/operations/request_cancel_workflow_execution.hpp>
#include <swfpp/request.hpp>

#include <string>

using op = swfpp::request_cancel_workflow_execution;

namespace {
swfpp::endpoint regional() { return *swfpp::endpoint_for_region("us-east-1"); }
}  // namespace

TEST_CASE("the request is a POST to / with the AWS JSON 1.0 headers and the JSON body") {
    swfpp::http_request req;
    REQUIRE(swfpp::build_request<op>({"d", "w", "r"}, regional(), req).ok());
    CHECK(req.method == "POST");
    CHECK(req.scheme == "https");
    CHECK(req.host == "swf.us-east-1.amazonaws.com");
    CHECK(req.target == "/");
    REQUIRE(req.headers.size() == 4);
    CHECK(req.headers[0].name == "Host");
    CHECK(req.headers[0].value == "swf.us-east-1.amazonaws.com");
    CHECK(req.headers[1].name == "X-Amz-Target");
    CHECK(req.headers[1].value == "SimpleWorkflowService.RequestCancelWorkflowExecution");
    CHECK(req.headers[2].name == "Content-Type");
    CHECK(req.headers[2].value == "application/x-amz-json-1.0");
    CHECK(req.headers[3].name == "User-Agent");
    CHECK(req.headers[3].value == "swfpp/" SWFPP_VERSION_STRING);
    CHECK(req.body == R"({"domain":"d","workflowId":"w","runId":"r"})");
    CHECK(swfpp::find_header(req.headers, "content-length") == nullptr);
}

TEST_CASE("an invalid input builds nothing and leaves the output untouched") {
    swfpp::http_request req;
    req.body = "previous";
    const auto r = swfpp::build_request<op>({"", "w", std::nullopt}, regional(), req);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().kind == swfpp::errc::validation_failed);
    CHECK(req.body == "previous");
}

TEST_CASE("a custom endpoint's port and path reach the Host header and the request target") {
    swfpp::http_request req;
    REQUIRE(swfpp::build_request<op>({"d", "w", std::nullopt}, *swfpp::parse_endpoint_url("http://127.0.0.1:9/swf"), req).ok());
    CHECK(req.scheme == "http");
    CHECK(req.port == 9);
    CHECK(req.target == "/swf");
    CHECK(swfpp::find_header(req.headers, "host")->value == "127.0.0.1:9");
}

TEST_CASE("a reused request is cleared, not appended to") {
    swfpp::http_request req;
    REQUIRE(swfpp::build_request<op>({"d1", "w1", std::nullopt}, regional(), req).ok());
    REQUIRE(swfpp::build_request<op>({"d2", "w2", std::nullopt}, regional(), req).ok());
    CHECK(req.headers.size() == 4);
    CHECK(req.body == R"({"domain":"d2","workflowId":"w2"})");
}

TEST_CASE("a user agent with CR or LF is refused so no header can be injected") {
    swfpp::http_request req;
    const auto r = swfpp::build_request<op>({"d", "w", std::nullopt}, regional(), req, "app/1\r\nX-Evil: 1");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().kind == swfpp::errc::configuration_error);
}
