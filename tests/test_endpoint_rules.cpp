// SWF's endpoint rule set: botocore's own 26 test cases (tests/data/endpoints/swf/,
// read with simdjson), and the rule set's branches that today's partitions cannot reach.
#include <doctest/doctest.h>

#include <swfpp/endpoint.hpp>

#include <simdjson.h>

#include <cstdlib>
#include <string>
#include <string_view>

namespace {

struct rule_case {
    std::string documentation;
    swfpp::endpoint_params params;
    std::string expected_url;    // set when the case expects an endpoint
    std::string expected_error;  // set when it expects an error
};

// Missing parameters take the rule set's defaults: UseFIPS/UseDualStack false, Region and
// Endpoint unset (the empty string in endpoint_params).
rule_case read_case(simdjson::dom::object c) {
    rule_case out;
    std::string_view text;
    REQUIRE(!c["documentation"].get(text));
    out.documentation = std::string(text);
    simdjson::dom::object params;
    if (!c["params"].get(params)) {
        for (const auto field : params) {
            if (field.key == "Region") {
                REQUIRE(!field.value.get(text));
                out.params.region = std::string(text);
            } else if (field.key == "Endpoint") {
                REQUIRE(!field.value.get(text));
                out.params.endpoint_url = std::string(text);
            } else if (field.key == "UseFIPS") {
                REQUIRE(!field.value.get(out.params.use_fips));
            } else if (field.key == "UseDualStack") {
                REQUIRE(!field.value.get(out.params.use_dualstack));
            } else {
                FAIL("unknown rule set parameter ", std::string(field.key));
            }
        }
    }
    simdjson::dom::object expect;
    REQUIRE(!c["expect"].get(expect));
    if (!expect["error"].get(text)) {
        out.expected_error = std::string(text);
    } else {
        REQUIRE(!expect["endpoint"]["url"].get(text));
        out.expected_url = std::string(text);
    }
    return out;
}

std::string testdata_file(const char* relative) {
    const char* root = std::getenv("SWFPP_TESTDATA");
    REQUIRE_MESSAGE(root != nullptr, "SWFPP_TESTDATA is not set (tests/meson.build sets it)");
    return std::string(root) + "/" + relative;
}

}  // namespace

TEST_CASE("botocore's 26 SWF endpoint rule set cases all resolve as botocore resolves them") {
    simdjson::dom::parser parser;
    simdjson::dom::element root;
    const auto loaded = parser.load(testdata_file("endpoints/swf/endpoint-tests-1.json")).get(root);
    REQUIRE_MESSAGE(!loaded, "cannot read endpoint-tests-1.json: ", simdjson::error_message(loaded));
    simdjson::dom::array cases;
    REQUIRE(!root["testCases"].get(cases));

    int urls = 0, errors = 0;
    for (const auto element : cases) {
        simdjson::dom::object object;
        REQUIRE(!element.get(object));
        const rule_case c = read_case(object);
        CAPTURE(c.documentation);
        const auto resolved = swfpp::resolve_endpoint(c.params);
        if (!c.expected_url.empty()) {
            REQUIRE_MESSAGE(resolved.ok(), resolved.error().message);
            CHECK(swfpp::to_url(*resolved) == c.expected_url);
            ++urls;
        } else {
            REQUIRE_FALSE(resolved.ok());
            CHECK(resolved.error().kind == swfpp::errc::configuration_error);
            CHECK(resolved.error().message == c.expected_error);
            ++errors;
        }
    }
    CHECK(urls == 23);  // the README of the test data: 23 URLs and 3 errors
    CHECK(errors == 3);
}

TEST_CASE("FIPS and dual-stack pick swf-fips and the dual-stack suffix in every partition") {
    struct expectation {
        const char* region;
        const char* plain;
        const char* fips;
        const char* dualstack;
        const char* both;
    };
    const expectation cases[] = {
        {"us-west-2", "swf.us-west-2.amazonaws.com", "swf-fips.us-west-2.amazonaws.com", "swf.us-west-2.api.aws",
         "swf-fips.us-west-2.api.aws"},
        {"cn-north-1", "swf.cn-north-1.amazonaws.com.cn", "swf-fips.cn-north-1.amazonaws.com.cn",
         "swf.cn-north-1.api.amazonwebservices.com.cn", "swf-fips.cn-north-1.api.amazonwebservices.com.cn"},
        // GovCloud: its plain endpoints are FIPS already, its dual-stack ones FIPS as well.
        {"us-gov-east-1", "swf.us-gov-east-1.amazonaws.com", "swf.us-gov-east-1.amazonaws.com",
         "swf-fips.us-gov-east-1.api.aws", "swf-fips.us-gov-east-1.api.aws"},
        {"us-iso-west-1", "swf.us-iso-west-1.c2s.ic.gov", "swf-fips.us-iso-west-1.c2s.ic.gov",
         "swf.us-iso-west-1.api.aws.ic.gov", "swf-fips.us-iso-west-1.api.aws.ic.gov"},
        {"us-isob-east-1", "swf.us-isob-east-1.sc2s.sgov.gov", "swf-fips.us-isob-east-1.sc2s.sgov.gov",
         "swf.us-isob-east-1.api.aws.scloud", "swf-fips.us-isob-east-1.api.aws.scloud"},
        {"eu-isoe-west-1", "swf.eu-isoe-west-1.cloud.adc-e.uk", "swf-fips.eu-isoe-west-1.cloud.adc-e.uk",
         "swf.eu-isoe-west-1.api.cloud-aws.adc-e.uk", "swf-fips.eu-isoe-west-1.api.cloud-aws.adc-e.uk"},
        {"us-isof-east-1", "swf.us-isof-east-1.csp.hci.ic.gov", "swf-fips.us-isof-east-1.csp.hci.ic.gov",
         "swf.us-isof-east-1.api.aws.hci.ic.gov", "swf-fips.us-isof-east-1.api.aws.hci.ic.gov"},
        {"eusc-de-east-1", "swf.eusc-de-east-1.amazonaws.eu", "swf-fips.eusc-de-east-1.amazonaws.eu",
         "swf.eusc-de-east-1.api.amazonwebservices.eu", "swf-fips.eusc-de-east-1.api.amazonwebservices.eu"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.region);
        const char* expected[2][2] = {{c.plain, c.dualstack}, {c.fips, c.both}};
        for (int fips = 0; fips < 2; ++fips)
            for (int dualstack = 0; dualstack < 2; ++dualstack) {
                CAPTURE(fips);
                CAPTURE(dualstack);
                const auto ep = swfpp::resolve_endpoint({c.region, fips == 1, dualstack == 1, ""});
                REQUIRE(ep.ok());
                CHECK(ep->scheme == "https");
                CHECK(ep->host == expected[fips][dualstack]);
                CHECK(ep->port == 0);
                CHECK(ep->path == "/");
            }
    }
}

TEST_CASE("regions are matched to partitions in partitions.json order, listed names first-class") {
    CHECK(swfpp::partition_of("us-east-1").name == "aws");
    CHECK(swfpp::partition_of("us-gov-west-1").name == "aws-us-gov");
    CHECK(swfpp::partition_of("aws-us-gov-global").name == "aws-us-gov");  // listed, not matched
    CHECK(swfpp::partition_of("aws-iso-b-global").name == "aws-iso-b");
    CHECK(swfpp::partition_of("aws-global").name == "aws");
    CHECK(swfpp::partition_of("cn-north-1").name == "aws-cn");
    CHECK(swfpp::partition_of("eusc-de-east-1").name == "aws-eusc");
    CHECK(swfpp::partition_of("eusc-fr-east-1").name == "aws");  // only "de" is in the regex
    CHECK(swfpp::partition_of("us-isof-south-1").name == "aws-iso-f");
    // The aws regex is tried first and also matches these, so they are "aws" in botocore too.
    CHECK(swfpp::partition_of("us-gov-1").name == "aws");
    CHECK(swfpp::partition_of("eu-isoe-1").name == "aws");
    // Case matters to the regexes; anything unmatched falls back to "aws".
    CHECK(swfpp::partition_of("CN-NORTH-1").name == "aws");
    CHECK(swfpp::partition_of("local").name == "aws");
    CHECK(swfpp::partition_of("cn-north_x-1").name == "aws-cn");  // \w includes '_'
    CHECK(swfpp::partition_of("cn-north-1a").name == "aws");
}

TEST_CASE("a custom endpoint URL is taken as given, and refused with FIPS or dual-stack") {
    auto ep = swfpp::resolve_endpoint({"eu-west-1", false, false, "http://localhost:4566/swf"});
    REQUIRE(ep.ok());
    CHECK(swfpp::to_url(*ep) == "http://localhost:4566/swf");

    ep = swfpp::resolve_endpoint({"", false, false, "https://example.com"});
    REQUIRE(ep.ok());  // the rule set needs no region for a custom endpoint
    CHECK(ep->host == "example.com");

    ep = swfpp::resolve_endpoint({"eu-west-1", true, true, "https://example.com"});
    REQUIRE_FALSE(ep.ok());
    CHECK(ep.error().message == "Invalid Configuration: FIPS and custom endpoint are not supported");

    ep = swfpp::resolve_endpoint({"eu-west-1", false, true, "https://example.com"});
    REQUIRE_FALSE(ep.ok());
    CHECK(ep.error().message == "Invalid Configuration: Dualstack and custom endpoint are not supported");

    // An unusable URL is reported as such first, as botocore rejects it when the client is made.
    ep = swfpp::resolve_endpoint({"eu-west-1", true, false, "https://user@example.com"});
    REQUIRE_FALSE(ep.ok());
    CHECK(ep.error().message == "Invalid endpoint URL: user information is not allowed");
}

TEST_CASE("a region that is not a host label is rejected before any rule, even with a custom URL") {
    for (const char* url : {"", "https://example.com"}) {
        CAPTURE(url);
        const auto ep = swfpp::resolve_endpoint({"evil.example/#", false, false, url});
        REQUIRE_FALSE(ep.ok());
        CHECK(ep.error().kind == swfpp::errc::configuration_error);
        CHECK(ep.error().message == "Provided region_name 'evil.example/#' doesn't match a supported format.");
    }
    const auto missing = swfpp::resolve_endpoint({});
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().message == "Invalid Configuration: Missing Region");
}

TEST_CASE("a partition without FIPS or dual-stack gets the rule set's errors, not an endpoint") {
    const swfpp::aws_partition neither{"aws-test", "example.test", "dual.example.test", false, false};
    const swfpp::aws_partition fips_only{"aws-test", "example.test", "dual.example.test", true, false};
    const swfpp::aws_partition dual_only{"aws-test", "example.test", "dual.example.test", false, true};
    using swfpp::detail::resolve_regional_endpoint;

    auto ep = resolve_regional_endpoint("xx-test-1", true, true, fips_only);
    REQUIRE_FALSE(ep.ok());
    CHECK(ep.error().message == "FIPS and DualStack are enabled, but this partition does not support one or both");
    ep = resolve_regional_endpoint("xx-test-1", true, true, dual_only);
    REQUIRE_FALSE(ep.ok());
    CHECK(ep.error().message == "FIPS and DualStack are enabled, but this partition does not support one or both");
    ep = resolve_regional_endpoint("xx-test-1", true, false, neither);
    REQUIRE_FALSE(ep.ok());
    CHECK(ep.error().message == "FIPS is enabled but this partition does not support FIPS");
    ep = resolve_regional_endpoint("xx-test-1", false, true, neither);
    REQUIRE_FALSE(ep.ok());
    CHECK(ep.error().message == "DualStack is enabled but this partition does not support DualStack");

    ep = resolve_regional_endpoint("xx-test-1", false, false, neither);
    REQUIRE(ep.ok());
    CHECK(ep->host == "swf.xx-test-1.example.test");
    ep = resolve_regional_endpoint("xx-test-1", true, false, fips_only);
    REQUIRE(ep.ok());
    CHECK(ep->host == "swf-fips.xx-test-1.example.test");
    ep = resolve_regional_endpoint("xx-test-1", false, true, dual_only);
    REQUIRE(ep.ok());
    CHECK(ep->host == "swf.xx-test-1.dual.example.test");
}
