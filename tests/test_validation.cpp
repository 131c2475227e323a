#include <doctest/doctest.h>

#include <swfpp/operations/request_cancel_workflow_execution.hpp>
#include <swfpp/validate.hpp>

#include <optional>
#include <string>
#include <tuple>

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

namespace {
// A minimum above 1, so that counting bytes instead of code points cannot pass: two multibyte
// characters are 4 to 8 bytes but still too short for min 3.
struct three_code_points {
    std::string code;
    std::optional<std::string> note;
    static constexpr auto members() {
        return std::make_tuple(swfpp::member("code", &three_code_points::code).min(3),
                               swfpp::member("note", &three_code_points::note).min(3));
    }
};
}  // namespace

TEST_CASE("minimum length counts code points, not bytes") {
    // One code point of four bytes satisfies min length 1, as len() does in botocore.
    CHECK(swfpp::validate(request_cancel_workflow_execution_input{"\xF0\x9F\x98\x80", "w", std::nullopt}).ok());

    struct length_case {
        const char* what;
        std::string text;
        std::size_t code_points;
    };
    const length_case cases[] = {
        {"2 x U+00E9 (4 bytes)", "\xC3\xA9\xC3\xA9", 2},
        {"2 x U+20AC (6 bytes)", "\xE2\x82\xAC\xE2\x82\xAC", 2},
        {"2 x U+1F600 (8 bytes)", "\xF0\x9F\x98\x80\xF0\x9F\x98\x80", 2},
        {"'a' and U+1F600 (5 bytes)", "a\xF0\x9F\x98\x80", 2},
        {"3 x ASCII", "abc", 3},
        {"3 x U+00E9 (6 bytes)", "\xC3\xA9\xC3\xA9\xC3\xA9", 3},
        {"3 x U+20AC (9 bytes)", "\xE2\x82\xAC\xE2\x82\xAC\xE2\x82\xAC", 3},
        {"3 x U+1F600 (12 bytes)", "\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80", 3},
    };
    for (const auto& c : cases) {
        INFO("case: " << c.what);
        const auto plain = swfpp::validate(three_code_points{c.text, std::nullopt});
        const auto optional = swfpp::validate(three_code_points{"abc", c.text});
        if (c.code_points >= 3) {
            CHECK(plain.ok());
            CHECK(optional.ok());
            continue;
        }
        REQUIRE_FALSE(plain.ok());
        CHECK(plain.error().kind == swfpp::errc::validation_failed);
        CHECK(plain.error().member == "code");
        CHECK(plain.error().message == "Invalid length for parameter code, value: " + std::to_string(c.code_points) +
                                           ", valid min length: 3");
        REQUIRE_FALSE(optional.ok());
        CHECK(optional.error().member == "note");
        CHECK(optional.error().message == "Invalid length for parameter note, value: " +
                                              std::to_string(c.code_points) + ", valid min length: 3");
    }
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
