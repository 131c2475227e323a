// swfpp::raw_json and swfpp::unmodelled_members: JSON the shapes do not model is kept as
// minified text, in order, and written back as members of the same object.
#include <doctest/doctest.h>

#include <swfpp/response.hpp>
#include <swfpp/serialize.hpp>
#include <swfpp/validate.hpp>
#include <swfpp/value_types.hpp>

#include <optional>
#include <string>
#include <tuple>

namespace {

struct open_record {
    std::string id;
    std::optional<swfpp::raw_json> blob;
    swfpp::unmodelled_members rest;
    static constexpr auto members() {
        return std::make_tuple(swfpp::member("id", &open_record::id), swfpp::member("blob", &open_record::blob),
                               swfpp::other_members(&open_record::rest));
    }
};

struct record_op {
    static constexpr std::string_view name = "Record";
    using input = open_record;
    using output = open_record;
};

swfpp::result<open_record> parse(std::string body) {
    swfpp::http_response r;
    r.status = 200;
    r.body = std::move(body);
    return swfpp::parse_response<record_op>(r);
}

std::string body_of(const open_record& r) {
    std::string out;
    swfpp::serialize_json(r, out);
    return out;
}

}  // namespace

TEST_CASE("a raw_json member keeps any JSON value, minified") {
    const auto r = parse(R"({"id":"a","blob":{ "k" : [1, 2.5, true, null, "x\ny"] }})");
    REQUIRE(r.ok());
    REQUIRE(r->blob.has_value());
    CHECK(r->blob->text == R"({"k":[1,2.5,true,null,"x\ny"]})");
    CHECK(r->rest.empty());
}

TEST_CASE("members the shape does not declare are kept in order with their raw values") {
    const auto r = parse(R"({"later":{"a":1},"id":"a","n":7,"s":"caf\u00e9","blob":[]})");
    REQUIRE(r.ok());
    REQUIRE(r->rest.items.size() == 3);
    CHECK(r->rest.items[0].name == "later");
    CHECK(r->rest.items[0].value.text == R"({"a":1})");
    CHECK(r->rest.items[1].name == "n");
    CHECK(r->rest.items[2].value.text == "\"caf\xC3\xA9\"");
    REQUIRE(r->rest.find("n") != nullptr);
    CHECK(r->rest.find("n")->text == "7");
    CHECK(r->rest.find("id") == nullptr);
}

TEST_CASE("unmodelled members are written back after the declared ones") {
    auto r = parse(R"({"x":{"deep":[1]},"id":"a"})");
    REQUIRE(r.ok());
    CHECK(body_of(*r) == R"({"id":"a","x":{"deep":[1]}})");
}

TEST_CASE("raw JSON in a request must be non-empty UTF-8; it is sent verbatim") {
    open_record in;
    in.id = "a";
    in.blob = swfpp::raw_json{R"({"keep":"as is"})"};
    CHECK(swfpp::validate(in).ok());
    CHECK(body_of(in) == R"({"id":"a","blob":{"keep":"as is"}})");

    in.blob = swfpp::raw_json{};
    auto v = swfpp::validate(in);
    REQUIRE_FALSE(v.ok());
    CHECK(v.error().message == "Invalid JSON in parameter blob: the text is empty");

    in.blob.reset();
    in.rest.items.push_back({"bad", swfpp::raw_json{"\"\xFF\""}});
    v = swfpp::validate(in);
    REQUIRE_FALSE(v.ok());
    CHECK(v.error().message == "Invalid UTF-8 in parameter bad at byte offset 1");
}

TEST_CASE("an unmodelled member without a usable name is rejected") {
    open_record in;
    in.rest.items.push_back({"", swfpp::raw_json{"1"}});
    const auto v = swfpp::validate(in);
    REQUIRE_FALSE(v.ok());
    CHECK(v.error().message == "Invalid member name (empty or not UTF-8) among the other members of input");
}
