#include <doctest/doctest.h>

#include <swfpp/operations/request_cancel_workflow_execution.hpp>
#include <swfpp/serialize.hpp>

#include <string>

namespace {
std::string body_of(const swfpp::request_cancel_workflow_execution_input& in) {
    std::string out;
    swfpp::serialize_json(in, out);
    return out;
}
}  // namespace

TEST_CASE("members are written compactly in model order") {
    CHECK(body_of({"d", "w", "r"}) == R"({"domain":"d","workflowId":"w","runId":"r"})");
}

TEST_CASE("an unset optional member is omitted") {
    CHECK(body_of({"d", "w", std::nullopt}) == R"({"domain":"d","workflowId":"w"})");
}

TEST_CASE("a set but empty optional member is sent as an empty string") {
    CHECK(body_of({"d", "w", std::string()}) == R"({"domain":"d","workflowId":"w","runId":""})");
}

TEST_CASE("quote and backslash are escaped") {
    CHECK(body_of({"a\"b\\c", "w", std::nullopt}) == R"({"domain":"a\"b\\c","workflowId":"w"})");
}

TEST_CASE("every control character U+0000..U+001F is escaped, short forms where JSON has them") {
    std::string all;
    for (int c = 0; c < 0x20; ++c) all.push_back(static_cast<char>(c));
    const std::string expected =
        R"(\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000b\f\r\u000e\u000f)"
        R"(\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f)";
    CHECK(body_of({all, "w", std::nullopt}) == "{\"domain\":\"" + expected + "\",\"workflowId\":\"w\"}");
}

TEST_CASE("DEL and non-ASCII UTF-8 pass through unescaped") {
    const std::string text = "\x7f" "caf\xC3\xA9 \xE2\x80\xA8 \xF0\x9F\x98\x80";
    CHECK(body_of({text, "w", std::nullopt}) == "{\"domain\":\"" + text + "\",\"workflowId\":\"w\"}");
}

TEST_CASE("serializing appends to the buffer it is given") {
    std::string out = "prefix";
    swfpp::serialize_json(swfpp::request_cancel_workflow_execution_input{"d", "w", std::nullopt}, out);
    CHECK(out == R"(prefix{"domain":"d","workflowId":"w"})");
}
