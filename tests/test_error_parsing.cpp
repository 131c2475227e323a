// How non-2xx responses become swfpp::error values (awsJson1_0 rules + botocore's fallbacks),
// and how bad success responses are reported.
#include <doctest/doctest.h>

#include <swfpp/operations/request_cancel_workflow_execution.hpp>
#include <swfpp/response.hpp>

#include <string>

using op = swfpp::request_cancel_workflow_execution;

namespace {
swfpp::http_response response(int status, std::string body, swfpp::http_headers headers = {}) {
    swfpp::http_response r;
    r.status = status;
    r.headers = std::move(headers);
    r.body = std::move(body);
    return r;
}

swfpp::error error_of(const swfpp::http_response& r) {
    const auto parsed = swfpp::parse_response<op>(r);
    REQUIRE_FALSE(parsed.ok());
    return parsed.error();
}
}  // namespace

TEST_CASE("a 200 with an empty body, whitespace or {} is success") {
    CHECK(swfpp::parse_response<op>(response(200, "")).ok());
    CHECK(swfpp::parse_response<op>(response(200, " \n")).ok());
    CHECK(swfpp::parse_response<op>(response(200, "{}")).ok());
    CHECK(swfpp::parse_response<op>(response(204, "")).ok());
}

TEST_CASE("a 200 whose body is not JSON, or not an object, is a malformed response") {
    for (const char* body : {"{", "not json", "[1,2]", "\"text\"", "{\"a\":1}garbage"}) {
        CAPTURE(body);
        const auto e = error_of(response(200, body, {{"x-amzn-RequestId", "rid-1"}}));
        CHECK(e.kind == swfpp::errc::malformed_response);
        CHECK(e.request_id == "rid-1");
        CHECK(e.http_status == 200);
    }
}

TEST_CASE("the modelled faults are typed, with code, message, request id and status") {
    const auto e = error_of(response(
        400, R"({"__type":"com.amazonaws.swf.base.model#UnknownResourceFault","message":"Unknown execution: w"})",
        {{"x-amzn-RequestId", "0a1b"}}));
    CHECK(e.kind == swfpp::errc::service_error);
    CHECK(e.fault == swfpp::swf_fault::unknown_resource);
    CHECK(e.is(swfpp::swf_fault::unknown_resource));
    CHECK(e.code == "UnknownResourceFault");
    CHECK(e.message == "Unknown execution: w");
    CHECK(e.request_id == "0a1b");
    CHECK(e.http_status == 400);

    const auto denied = error_of(response(400, R"({"__type":"OperationNotPermittedFault","message":"no"})"));
    CHECK(denied.fault == swfpp::swf_fault::operation_not_permitted);
}

TEST_CASE("other service errors keep their code as data and no fault") {
    const auto e = error_of(response(400, R"({"__type":"ThrottlingException","message":"Rate exceeded"})"));
    CHECK(e.kind == swfpp::errc::service_error);
    CHECK(e.fault == swfpp::swf_fault::none);
    CHECK(e.code == "ThrottlingException");
}

TEST_CASE("the error code keeps the text before the first ':' and then after the last '#'") {
    CHECK(error_of(response(400, R"({"__type":"a.b#c#Code:http://internal/x#y"})")).code == "Code");
    CHECK(error_of(response(400, R"({"__type":"Plain"})")).code == "Plain");
}

TEST_CASE("X-Amzn-ErrorType wins over the body, and is sanitized the same way") {
    const auto e = error_of(response(400, R"({"__type":"FromBody","message":"m"})",
                                     {{"X-Amzn-ErrorType", "UnknownResourceFault:http://internal.amazon.com/"}}));
    CHECK(e.code == "UnknownResourceFault");
    CHECK(e.fault == swfpp::swf_fault::unknown_resource);
    CHECK(e.message == "m");
}

TEST_CASE("the body's `code` is used when there is no header and no __type") {
    CHECK(error_of(response(400, R"({"code":"ns#ValidationException","message":"bad"})")).code ==
          "ValidationException");
}

TEST_CASE("without any code the HTTP status becomes the code") {
    const auto e = error_of(response(403, R"({"message":"denied"})"));
    CHECK(e.code == "403");
    CHECK(e.message == "denied");
}

TEST_CASE("a status outside HTTP's range, even negative, is still the code as its decimal text") {
    swfpp::response_parser parser;
    for (int status : {-1, -2147483647 - 1, 0, 99, 600, 2147483647}) {
        const swfpp::error e = parser.parse_error(response(status, ""));
        CHECK(e.code == std::to_string(status));
        CHECK(e.http_status == status);
    }
}

TEST_CASE("`message` is preferred to `Message`, which is used when it is alone") {
    CHECK(error_of(response(400, R"({"__type":"X","Message":"upper","message":"lower"})")).message == "lower");
    CHECK(error_of(response(400, R"({"__type":"X","Message":"upper"})")).message == "upper");
    CHECK(error_of(response(400, R"({"__type":"X"})")).message.empty());
}

TEST_CASE("a non-string message is printed as botocore prints the Python value") {
    CHECK(error_of(response(400, R"({"__type":"X","message":null})")).message == "None");
    CHECK(error_of(response(400, R"({"__type":"X","message":true})")).message == "True");
    CHECK(error_of(response(400, R"({"__type":"X","message":12})")).message == "12");
    CHECK(error_of(response(400, R"({"__type":"X","message":{"a":[1,2]}})")).message == R"({"a":[1,2]})");
}

TEST_CASE("a non-string __type is ignored in favour of the next rule") {
    CHECK(error_of(response(400, R"({"__type":42,"message":"m"})")).code == "400");
    CHECK(error_of(response(400, R"({"__type":42,"code":"FromCode"})")).code == "FromCode");
}

TEST_CASE("an empty or null __type is an empty code, as botocore reports it") {
    CHECK(error_of(response(400, R"({"__type":""})")).code.empty());
    CHECK(error_of(response(400, R"({"__type":null})")).code.empty());
    CHECK(error_of(response(400, R"({"__type":"ns#"})")).code.empty());
}

TEST_CASE("with repeated keys the last one wins, as in Python's json") {
    const auto e = error_of(response(400, R"({"__type":"A","message":"first","__type":"B","message":"second"})"));
    CHECK(e.code == "B");
    CHECK(e.message == "second");
}

TEST_CASE("a body that is not JSON becomes the message, with the status as code") {
    const std::string xml =
        "<?xml version=\"1.0\"?><ErrorResponse><Error><Code>InvalidClientTokenId</Code></Error></ErrorResponse>";
    const auto e = error_of(response(403, xml));
    CHECK(e.kind == swfpp::errc::service_error);
    CHECK(e.code == "403");
    CHECK(e.message == xml);
}

TEST_CASE("a 5xx with an empty or <html> body gets the status and its reason phrase") {
    auto e = error_of(response(503, ""));
    CHECK(e.code == "503");
    CHECK(e.message == "Service Unavailable");
    e = error_of(response(502, "  \n<html><body><b>Http/1.1 Bad Gateway</b></body></html>\n"));
    CHECK(e.code == "502");
    CHECK(e.message == "Bad Gateway");
    e = error_of(response(500, " \t\r\n"));
    CHECK(e.code == "500");
    CHECK(e.message == "Internal Server Error");
}

TEST_CASE("on a 5xx with an empty body X-Amzn-ErrorType still names the error (awsJson1_0 FooError cases)") {
    struct status_case {
        int status;
        const char* reason;
    };
    for (const auto c : {status_case{500, "Internal Server Error"}, status_case{503, "Service Unavailable"}}) {
        for (const char* body : {"", " \r\n"}) {
            CAPTURE(c.status);
            CAPTURE(body);
            const auto e = error_of(response(c.status, body,
                                             {{"X-Amzn-ErrorType", "ServiceUnavailableException"},
                                              {"x-amzn-RequestId", "rid-5xx"}}));
            CHECK(e.kind == swfpp::errc::service_error);
            CHECK(e.code == "ServiceUnavailableException");
            CHECK(e.message == c.reason);
            CHECK(e.http_status == c.status);
            CHECK(e.request_id == "rid-5xx");
            CHECK(e.fault == swfpp::swf_fault::none);
        }
    }
}

TEST_CASE("on a 5xx HTML page X-Amzn-ErrorType names the error and the message stays the reason phrase") {
    const auto e = error_of(response(502, "<html><body><b>Http/1.1 Bad Gateway</b></body></html>",
                                     {{"x-amzn-errortype", "LimitExceededFault"}}));
    CHECK(e.code == "LimitExceededFault");
    CHECK(e.fault == swfpp::swf_fault::limit_exceeded);
    CHECK(e.is(swfpp::swf_fault::limit_exceeded));
    CHECK(e.message == "Bad Gateway");
}

TEST_CASE("on a 5xx with an empty body the header loses its URL and namespace parts") {
    const std::string url = ":http://internal.amazon.com/coral/com.amazon.coral.validate/";
    CHECK(error_of(response(500, "", {{"X-Amzn-Errortype", "FooError" + url}})).code == "FooError");
    CHECK(error_of(response(500, "", {{"X-Amzn-Errortype", "aws.protocoltests.json10#FooError" + url}})).code ==
          "FooError");
    const auto e =
        error_of(response(500, "", {{"X-Amzn-ErrorType", "com.amazonaws.swf.base.model#UnknownResourceFault"}}));
    CHECK(e.code == "UnknownResourceFault");
    CHECK(e.fault == swfpp::swf_fault::unknown_resource);
}

TEST_CASE("without X-Amzn-ErrorType a 5xx with an empty or HTML body keeps the status as code") {
    for (const char* body : {"", "<html><body>oops</body></html>"}) {
        CAPTURE(body);
        const auto e = error_of(response(503, body, {{"x-amzn-RequestId", "rid"}, {"X-Amzn-Trace-Id", "Root=1"}}));
        CHECK(e.code == "503");
        CHECK(e.message == "Service Unavailable");
        CHECK(e.fault == swfpp::swf_fault::none);
    }
}

TEST_CASE("a 4xx HTML page is not generic: its text becomes the message") {
    const auto e = error_of(response(404, "<html>nope</html>"));
    CHECK(e.code == "404");
    CHECK(e.message == "<html>nope</html>");
}

TEST_CASE("an empty 4xx body gives the status as code and an empty message") {
    const auto e = error_of(response(400, ""));
    CHECK(e.code == "400");
    CHECK(e.message.empty());
}

TEST_CASE("a 5xx JSON error is parsed normally") {
    const auto e = error_of(response(500, R"({"__type":"InternalFailure","message":"oops"})"));
    CHECK(e.code == "InternalFailure");
    CHECK(e.message == "oops");
}

TEST_CASE("invalid UTF-8 in a non-JSON body is replaced, never passed on raw") {
    const auto e = error_of(response(400, std::string("bad \xFF\xC3 end")));
    CHECK(e.message == "bad \xEF\xBF\xBD\xEF\xBF\xBD end");
}

TEST_CASE("truncated, deeply nested and NUL-laden bodies give a typed error, not a crash") {
    CHECK(error_of(response(400, R"({"__type":"X","message":"unterminat)")).code == "400");
    std::string deep(100000, '[');
    CHECK(error_of(response(400, deep)).kind == swfpp::errc::service_error);
    CHECK(error_of(response(200, deep)).kind == swfpp::errc::malformed_response);
    const std::string with_nul("{\"__type\":\"A\0B\"}", 16);
    CHECK(error_of(response(400, with_nul)).kind == swfpp::errc::service_error);
}

TEST_CASE("a body larger than the parser's limit is never handed to simdjson") {
    swfpp::response_parser small(64);
    const auto r = small.parse<op>(response(200, "{\"padding\":\"" + std::string(100, 'x') + "\"}"));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().kind == swfpp::errc::malformed_response);
    const auto e = small.parse_error(response(400, R"({"__type":"X","message":")" + std::string(100, 'y') + "\"}"));
    CHECK(e.code == "400");  // too large to parse: treated as non-JSON text
}

TEST_CASE("one parser is reused across many responses without carrying state over") {
    swfpp::response_parser parser;
    CHECK(parser.parse_error(response(400, R"({"__type":"A","message":"first"})")).message == "first");
    CHECK(parser.parse_error(response(400, R"({"__type":"B"})")).message.empty());
    CHECK(parser.parse<op>(response(200, "{}")).ok());
}
