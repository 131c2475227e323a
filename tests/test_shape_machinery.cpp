// The declarative machinery on member kinds beyond strings: integers, bools, doubles, lists,
// nested shapes and optionals, through validation, serialization and response parsing.
#include <doctest/doctest.h>

#include <swfpp/response.hpp>
#include <swfpp/serialize.hpp>
#include <swfpp/validate.hpp>

#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

namespace {

struct retention {
    std::string unit;
    std::int64_t amount = 0;
    static constexpr auto members() {
        return std::make_tuple(swfpp::member("unit", &retention::unit).min(1),
                               swfpp::member("amount", &retention::amount).min(1));
    }
};

struct kitchen_sink {
    std::int32_t count = 0;
    bool enabled = false;
    double ratio = 0;
    std::vector<std::string> tags;
    retention keep;
    std::optional<std::vector<retention>> history;
    std::optional<std::int32_t> limit;
    static constexpr auto members() {
        return std::make_tuple(swfpp::member("count", &kitchen_sink::count).min(0),
                               swfpp::member("enabled", &kitchen_sink::enabled),
                               swfpp::member("ratio", &kitchen_sink::ratio),
                               swfpp::member("tags", &kitchen_sink::tags).min(1),
                               swfpp::member("keep", &kitchen_sink::keep),
                               swfpp::member("history", &kitchen_sink::history),
                               swfpp::member("limit", &kitchen_sink::limit));
    }
};

struct kitchen_sink_op {
    static constexpr std::string_view name = "KitchenSink";
    using input = kitchen_sink;
    using output = kitchen_sink;
};

kitchen_sink sample() {
    kitchen_sink k;
    k.count = 7;
    k.enabled = true;
    k.ratio = 0.25;
    k.tags = {"a", "b\n"};
    k.keep = {"days", 30};
    k.history = std::vector<retention>{{"hours", 2}};
    return k;
}

swfpp::http_response ok_response(std::string body) {
    swfpp::http_response r;
    r.status = 200;
    r.body = std::move(body);
    return r;
}

}  // namespace

TEST_CASE("every member kind serializes in model order, unset optionals omitted") {
    std::string out;
    swfpp::serialize_json(sample(), out);
    CHECK(out == R"({"count":7,"enabled":true,"ratio":0.25,"tags":["a","b\n"],"keep":{"unit":"days","amount":30},)"
                 R"("history":[{"unit":"hours","amount":2}]})");
}

TEST_CASE("an empty list is sent as [] and a set optional integer as a number") {
    auto k = sample();
    k.history = std::vector<retention>{};
    k.limit = -3;
    std::string out;
    swfpp::serialize_json(k, out);
    CHECK(out.find(R"("history":[],"limit":-3})") != std::string::npos);
}

TEST_CASE("violations in nested shapes and list elements are named with botocore's paths") {
    auto k = sample();
    k.count = -1;
    k.tags.clear();
    k.keep.unit.clear();
    k.history = std::vector<retention>{{"ok", 1}, {"x", 0}};
    const auto r = swfpp::validate(k);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().member == "count");
    CHECK(r.error().message ==
          "Invalid value for parameter count, value: -1, valid min value: 0\n"
          "Invalid length for parameter tags, value: 0, valid min length: 1\n"
          "Invalid length for parameter keep.unit, value: 0, valid min length: 1\n"
          "Invalid value for parameter history[1].amount, value: 0, valid min value: 1");
}

TEST_CASE("invalid UTF-8 inside a list element is named by its index") {
    auto k = sample();
    k.tags = {"fine", "bad\xC3"};
    const auto r = swfpp::validate(k);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().member == "tags[1]");
}

TEST_CASE("a non-finite double is rejected before it could reach the wire") {
    auto k = sample();
    k.ratio = std::numeric_limits<double>::infinity();
    const auto r = swfpp::validate(k);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().member == "ratio");
}

TEST_CASE("what the serializer writes, the response parser reads back to the same values") {
    auto k = sample();
    k.limit = 12;
    std::string body;
    swfpp::serialize_json(k, body);
    swfpp::response_parser parser;
    const auto r = parser.parse<kitchen_sink_op>(ok_response(body));
    REQUIRE(r.ok());
    CHECK(r->count == 7);
    CHECK(r->enabled);
    CHECK(r->ratio == 0.25);
    CHECK(r->tags == std::vector<std::string>{"a", "b\n"});
    CHECK(r->keep.unit == "days");
    CHECK(r->keep.amount == 30);
    REQUIRE(r->history.has_value());
    REQUIRE(r->history->size() == 1);
    CHECK((*r->history)[0].unit == "hours");
    CHECK(r->limit == 12);
}

TEST_CASE("absent, null and unknown members in a response leave defaults and are ignored") {
    swfpp::response_parser parser;
    const auto r = parser.parse<kitchen_sink_op>(ok_response(R"({"count":3,"limit":null,"brandNew":{"x":[1]}})"));
    REQUIRE(r.ok());
    CHECK(r->count == 3);
    CHECK_FALSE(r->limit.has_value());
    CHECK_FALSE(r->history.has_value());
}

TEST_CASE("a member of the wrong JSON type makes the response malformed, naming the member") {
    swfpp::response_parser parser;
    const auto r = parser.parse<kitchen_sink_op>(ok_response(R"({"count":"seven"})"));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().kind == swfpp::errc::malformed_response);
    CHECK(r.error().message.find("count") != std::string::npos);
}

TEST_CASE("an integer outside the member's range makes the response malformed") {
    swfpp::response_parser parser;
    const auto r = parser.parse<kitchen_sink_op>(ok_response(R"({"count":4294967296})"));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().kind == swfpp::errc::malformed_response);
    CHECK(r.error().message.find("out of range") != std::string::npos);
}

TEST_CASE("a negative value within range reads back") {
    swfpp::response_parser parser;
    const auto r = parser.parse<kitchen_sink_op>(ok_response(R"({"count":-5})"));
    REQUIRE(r.ok());
    CHECK(r->count == -5);
}
