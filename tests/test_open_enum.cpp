// swfpp::open_enum: known names map to the C++ enum, unknown ones are kept and round-trip, and
// an enum that holds no value is "absent" — omitted when optional, reported missing in
// botocore's words when required.
#include <doctest/doctest.h>

#include <swfpp/response.hpp>
#include <swfpp/serialize.hpp>
#include <swfpp/types/common.hpp>
#include <swfpp/types/decisions.hpp>
#include <swfpp/types/history.hpp>
#include <swfpp/validate.hpp>
#include <swfpp/value_types.hpp>

#include <optional>
#include <string>
#include <tuple>
#include <vector>

namespace {

struct policy_holder {
    swfpp::open_enum<swfpp::child_policy> policy;
    std::optional<swfpp::open_enum<swfpp::close_status>> status;
    std::optional<std::vector<swfpp::open_enum<swfpp::child_policy>>> history;
    static constexpr auto members() {
        return std::make_tuple(swfpp::member("policy", &policy_holder::policy),
                               swfpp::member("status", &policy_holder::status),
                               swfpp::member("history", &policy_holder::history));
    }
};

struct nested {
    policy_holder inner;
    std::vector<policy_holder> many;
    static constexpr auto members() {
        return std::make_tuple(swfpp::member("inner", &nested::inner), swfpp::member("many", &nested::many));
    }
};

struct holder_op {
    static constexpr std::string_view name = "Holder";
    using input = policy_holder;
    using output = policy_holder;
};

std::string body_of(const policy_holder& h) {
    std::string out;
    swfpp::serialize_json(h, out);
    return out;
}

swfpp::result<policy_holder> parse(std::string body) {
    swfpp::http_response r;
    r.status = 200;
    r.body = std::move(body);
    return swfpp::parse_response<holder_op>(r);
}

}  // namespace

TEST_CASE("a known value compares with its enumerator and prints its wire name") {
    swfpp::open_enum<swfpp::child_policy> p = swfpp::child_policy::request_cancel;
    CHECK(p.has_value());
    CHECK(p.is_known());
    CHECK(p == swfpp::child_policy::request_cancel);
    CHECK(swfpp::child_policy::terminate != p);
    CHECK(p.known() == swfpp::child_policy::request_cancel);
    CHECK(p.str() == "REQUEST_CANCEL");
    CHECK(swfpp::open_enum<swfpp::child_policy>::from_string("ABANDON") == swfpp::child_policy::abandon);
}

TEST_CASE("an unknown value keeps its text, equals only the same text, and is no enumerator") {
    const auto p = swfpp::open_enum<swfpp::child_policy>::from_string("PAUSE");
    CHECK(p.has_value());
    CHECK_FALSE(p.is_known());
    CHECK_FALSE(p.known().has_value());
    CHECK(p.str() == "PAUSE");
    CHECK(p == swfpp::open_enum<swfpp::child_policy>::from_string("PAUSE"));
    CHECK(p != swfpp::open_enum<swfpp::child_policy>::from_string("pause"));
    for (auto e : {swfpp::child_policy::terminate, swfpp::child_policy::request_cancel, swfpp::child_policy::abandon})
        CHECK(p != e);
}

TEST_CASE("a default open_enum holds no value and equals no enumerator") {
    const swfpp::open_enum<swfpp::decision_type> d;
    CHECK_FALSE(d.has_value());
    CHECK_FALSE(d.is_known());
    CHECK(d.str().empty());
    CHECK(d != swfpp::decision_type::schedule_activity_task);  // enumerator 0
    CHECK(d == swfpp::open_enum<swfpp::decision_type>());
}

TEST_CASE("every event type name of the SWF model maps to its own enumerator and back") {
    const auto names = enum_names(swfpp::event_type{});
    CHECK(names.size() == 54);
    for (std::size_t i = 0; i < names.size(); ++i) {
        const auto e = swfpp::open_enum<swfpp::event_type>::from_string(names[i]);
        CHECK(e.is_known());
        CHECK(static_cast<std::size_t>(*e.known()) == i);
        CHECK(e.str() == names[i]);
    }
}

TEST_CASE("known and unknown values serialize as their text; absent optionals are omitted") {
    policy_holder h;
    h.policy = swfpp::child_policy::abandon;
    CHECK(body_of(h) == R"({"policy":"ABANDON"})");
    h.status = swfpp::open_enum<swfpp::close_status>::from_string("PAUSED \"soon\"");
    h.history = std::vector<swfpp::open_enum<swfpp::child_policy>>{swfpp::child_policy::terminate,
                                                                  swfpp::open_enum<swfpp::child_policy>::from_string("X")};
    CHECK(body_of(h) == R"({"policy":"ABANDON","status":"PAUSED \"soon\"","history":["TERMINATE","X"]})");
}

TEST_CASE("an optional enum set to an empty open_enum is absent: omitted and not an error") {
    policy_holder h;
    h.policy = swfpp::child_policy::terminate;
    h.status = swfpp::open_enum<swfpp::close_status>();
    CHECK(swfpp::validate(h).ok());
    CHECK(body_of(h) == R"({"policy":"TERMINATE"})");
}

TEST_CASE("a required enum never set is reported missing, as botocore words it, naming the input") {
    const auto r = swfpp::validate(policy_holder{});
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().kind == swfpp::errc::validation_failed);
    CHECK(r.error().member == "policy");
    CHECK(r.error().message == "Missing required parameter in input: \"policy\"");
}

TEST_CASE("missing nested enums name their structure: inner, many[1]; missing ones come first") {
    nested n;
    n.inner.history = std::vector<swfpp::open_enum<swfpp::child_policy>>{swfpp::child_policy::terminate, {}};
    n.many.resize(2);
    n.many[0].policy = swfpp::child_policy::abandon;
    const auto r = swfpp::validate(n);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().member == "inner.policy");
    CHECK(r.error().message ==
          "Missing required parameter in inner: \"policy\"\n"
          "Invalid type for parameter inner.history[1], value: None, type: <class 'NoneType'>, valid types: <class 'str'>\n"
          "Missing required parameter in many[1]: \"policy\"");
}

TEST_CASE("an unknown value must still be valid UTF-8") {
    policy_holder h;
    h.policy = swfpp::open_enum<swfpp::child_policy>::from_string("BAD\xC3");
    const auto r = swfpp::validate(h);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message == "Invalid UTF-8 in parameter policy at byte offset 3");
}

TEST_CASE("responses: unknown values are kept, never an error; a non-string is malformed") {
    auto r = parse(R"({"policy":"SUSPEND","status":"CANCELED","history":["ABANDON","NEW_ONE"]})");
    REQUIRE(r.ok());
    CHECK(r->policy.str() == "SUSPEND");
    CHECK_FALSE(r->policy.is_known());
    CHECK(*r->status == swfpp::close_status::canceled);
    REQUIRE(r->history.has_value());
    CHECK((*r->history)[0] == swfpp::child_policy::abandon);
    CHECK((*r->history)[1].str() == "NEW_ONE");
    CHECK(body_of(*r) == R"({"policy":"SUSPEND","status":"CANCELED","history":["ABANDON","NEW_ONE"]})");

    r = parse(R"({"policy":3})");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().kind == swfpp::errc::malformed_response);
}

TEST_CASE("a required enum absent from a response stays without a value") {
    const auto r = parse("{}");
    REQUIRE(r.ok());
    CHECK_FALSE(r->policy.has_value());
}
