// swfpp::timestamp as a shape member: whole seconds rounded down on the wire, as botocore
// serializes a datetime for SWF; integers and fractional epoch seconds read to the millisecond.
#include <doctest/doctest.h>

#include <swfpp/response.hpp>
#include <swfpp/serialize.hpp>
#include <swfpp/validate.hpp>
#include <swfpp/value_types.hpp>

#include <chrono>
#include <optional>
#include <string>
#include <tuple>

namespace {

struct stamped {
    swfpp::timestamp at{};
    std::optional<swfpp::timestamp> until;
    static constexpr auto members() {
        return std::make_tuple(swfpp::member("at", &stamped::at), swfpp::member("until", &stamped::until));
    }
};

struct stamped_op {
    static constexpr std::string_view name = "Stamped";
    using input = stamped;
    using output = stamped;
};

swfpp::timestamp ms(long long v) { return swfpp::timestamp(std::chrono::milliseconds(v)); }

std::string body_of(const stamped& s) {
    std::string out;
    swfpp::serialize_json(s, out);
    return out;
}

swfpp::result<stamped> parse(std::string body) {
    swfpp::http_response r;
    r.status = 200;
    r.body = std::move(body);
    return swfpp::parse_response<stamped_op>(r);
}

}  // namespace

TEST_CASE("a timestamp is sent as integer epoch seconds, the fraction dropped as botocore does") {
    // botocore: int(calendar.timegm(datetime(2024, 11, 25, 16, 0, 0, 987654).timetuple()))
    CHECK(body_of({ms(1732550400987), std::nullopt}) == R"({"at":1732550400})");
    CHECK(body_of({ms(0), ms(999)}) == R"({"at":0,"until":0})");
}

TEST_CASE("a time before 1970 rounds down too, to the earlier second") {
    // 1969-12-31T23:59:59.500Z: timetuple() gives 23:59:59, timegm -1.
    CHECK(body_of({ms(-500), std::nullopt}) == R"({"at":-1})");
    CHECK(body_of({ms(-1000), std::nullopt}) == R"({"at":-1})");
}

TEST_CASE("every time point is valid input") {
    CHECK(swfpp::validate(stamped{ms(-62135596800000), ms(253402300799000)}).ok());
}

TEST_CASE("fractional epoch seconds read as botocore reads them, in any number syntax") {
    auto r = parse(R"({"at":1.732550400123E9,"until":1732550400.5})");
    REQUIRE(r.ok());
    CHECK(r->at == ms(1732550400123));
    CHECK(r->until == ms(1732550400500));
    // botocore keeps the microsecond (.123900), so the millisecond is the one below, not the nearest.
    r = parse(R"({"at":1732550400.1239,"until":1700000000.9996})");
    REQUIRE(r.ok());
    CHECK(r->at == ms(1732550400123));
    CHECK(r->until == ms(1700000000999));
    // Python rounds the fraction to the microsecond first, which can carry into the next second.
    r = parse(R"({"at":1700000000.9999996,"until":-0.5})");
    REQUIRE(r.ok());
    CHECK(r->at == ms(1700000001000));
    CHECK(r->until == ms(-500));
}

TEST_CASE("integer epoch seconds read exactly, negative ones too") {
    auto r = parse(R"({"at":1732550400,"until":-86400})");
    REQUIRE(r.ok());
    CHECK(r->at == ms(1732550400000));
    CHECK(r->until == ms(-86400000));
}

TEST_CASE("an absent or null optional timestamp stays unset") {
    auto r = parse(R"({"at":0,"until":null})");
    REQUIRE(r.ok());
    CHECK_FALSE(r->until.has_value());
}

TEST_CASE("a timestamp that is not a number, or beyond milliseconds in 64 bits, is a malformed response") {
    for (const char* body : {R"({"at":"2024-11-25T16:00:00Z"})", R"({"at":true})", R"({"at":1e300})",
                             R"({"at":18446744073709551615})", R"({"at":-9300000000000000})"}) {
        CAPTURE(body);
        const auto r = parse(body);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().kind == swfpp::errc::malformed_response);
        CHECK(r.error().message.find("member at") != std::string::npos);
    }
}

TEST_CASE("what is read back re-serializes to botocore's whole seconds") {
    const auto r = parse(R"({"at":1732550400.999})");
    REQUIRE(r.ok());
    CHECK(body_of(*r) == R"({"at":1732550400})");
}
