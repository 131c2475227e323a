#include <doctest/doctest.h>

#include <swfpp/operations/request_cancel_workflow_execution.hpp>
#include <swfpp/validate.hpp>

#include <string>

using swfpp::request_cancel_workflow_execution_input;

TEST_CASE("a complete input is valid") {
    CHECK(swfpp::validate(request_cancel_workflow_execution_input{"d", "w", std::nullopt}).ok());
    CHECK(swfpp::validate(request_cancel_workflow_execution_input{"d", "w", std::string()}).ok());
}

TEST_CASE("an empty domain fails with botocore's wording and names the member") {
    const auto r = swfpp::validate(request_cancel_workflow_execution_input{"", "w", std::nullopt});
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().kind == swfpp::errc::validation_failed);
    CHECK(r.error().member == "domain");
    CHECK(r.error().message == "Invalid length for parameter domain, value: 0, valid min length: 1");
}

TEST_CASE("every violation is reported, one line each, the first one named as the member") {
    const auto r = swfpp::validate(request_cancel_workflow_execution_input{"", "", std::nullopt});
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().member == "domain");
    CHECK(r.error().message ==
          "Invalid length for parameter domain, value: 0, valid min length: 1\n"
          "Invalid length for parameter workflowId, value: 0, valid min length: 1");
}

TEST_CASE("maximum lengths are left to the service") {
    const std::string long_text(10000, 'x');
    CHECK(swfpp::validate(request_cancel_workflow_execution_input{long_text, long_text, long_text}).ok());
}

TEST_CASE("minimum length counts code points, not bytes") {
    // One code point of four bytes satisfies min length 1, as len() does in botocore.
    CHECK(swfpp::validate(request_cancel_workflow_execution_input{"\xF0\x9F\x98\x80", "w", std::nullopt}).ok());
}

TEST_CASE("invalid UTF-8 is a validation error naming the member and the byte offset") {
    struct bad_case {
        const char* what;
        std::string text;
        std::size_t offset;
    };
    const bad_case cases[] = {
        {"lone continuation byte", "ab\x80", 2},
        {"truncated sequence", "a\xC3", 1},
        {"overlong encoding of '/'", "\xC0\xAF", 0},
        {"overlong three-byte form", "\xE0\x80\xAF", 0},
        {"UTF-16 surrogate", "x\xED\xA0\x80", 1},
        {"above U+10FFFF", "\xF4\x90\x80\x80", 0},
        {"invalid lead byte", "\xFF", 0},
    };
    for (const auto& c : cases) {
        CAPTURE(c.what);
        const auto r = swfpp::validate(request_cancel_workflow_execution_input{"d", "w", c.text});
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().member == "runId");
        CHECK(r.error().message ==
              "Invalid UTF-8 in parameter runId at byte offset " + std::to_string(c.offset));
    }
}

TEST_CASE("NUL and other control characters are valid UTF-8 and accepted") {
    CHECK(swfpp::validate(request_cancel_workflow_execution_input{std::string("a\0b", 3), "\r\n", std::nullopt}).ok());
}
