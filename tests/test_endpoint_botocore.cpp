// swfpp's endpoint resolution against botocore's: for every region botocore's partitions.json
// lists, plus made-up regions that probe each partition's regex, and custom endpoint URLs,
// each with the four FIPS/dual-stack combinations, swfpp::resolve_endpoint gives the URL or
// the error that botocore's EndpointProvider gives (tools/botocore_endpoint.py).
//
// Its own main, no doctest: prints a line per mismatch, exits 0 when all match, 1 otherwise, and
// 77 (meson's "skipped") when python3 or botocore is missing.
//
// Known, deliberate differences are not probed: swfpp also rejects an empty region and one
// ending in "\n" (botocore's regex lets both through), URLs with user info, a query or a
// fragment, and prints URLs in a canonical form (lowercase scheme, no root path).
#include <swfpp/endpoint.hpp>

#include "support/python_oracle.hpp"

#include <simdjson.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace {

const char* const made_up_regions[] = {
    "us-east-1", "mars-north-1", "local", "x", "1a", "us-gov-1", "eu-isoe-1", "us-iso-1", "us-isob-x-9",
    "us-isof-a_b-7", "eusc-fr-east-1", "eusc-de-1", "eusc-de-north-22", "cn-1", "cn-north-1a", "cn-north-01",
    "CN-NORTH-1", "Us-East-1", "us-east-01", "us-east-1-fips", "fips-us-east-1", "us--east-1", "us-east--1",
    "aws-global", "aws-cn-global", "aws-us-gov-global", "aws-iso-global", "aws-iso-e-global", "il-central-9",
    "mx-central-1", "zz-central-1", "ap-southeast-99",
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",   // 63: a host label
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",  // 64: not one
    // Not host labels: botocore refuses them before the rule set, and so must swfpp.
    "evil.example/#", "123", "-us", "us-", "us_east_1", "us east 1", "us-east-1.", "us-east-1/x"};

const char* const endpoint_urls[] = {"https://example.com", "http://localhost:4566", "http://127.0.0.1:8000/swf",
                                     "https://swf.internal.example:8443/a/b", "http://[::1]:8080"};

void json_string(std::string& out, std::string_view s) {
    out += '"';
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;  // the inputs above are printable ASCII
    }
    out += '"';
}

// What swfpp gives for one case, in the oracle's vocabulary.
std::string mine(const swfpp::endpoint_params& params, std::string& detail) {
    const auto ep = swfpp::resolve_endpoint(params);
    if (ep) return "url " + swfpp::to_url(*ep);
    detail = ep.error().message;
    if (ep.error().message.find("doesn't match a supported format") != std::string::npos) return "invalid region";
    if (ep.error().message.rfind("Invalid endpoint URL: ", 0) == 0) return "invalid endpoint";
    return "error " + ep.error().message;
}

}  // namespace

int main() {
    if (int rc = swfpp_test::require_python_module("botocore.endpoint_provider")) return rc;

    std::string spec = "{\"regions\":[";
    for (const char* r : made_up_regions) {
        if (r != made_up_regions[0]) spec += ',';
        json_string(spec, r);
    }
    spec += "],\"endpoints\":[";
    for (const char* u : endpoint_urls) {
        if (u != endpoint_urls[0]) spec += ',';
        json_string(spec, u);
    }
    spec += "]}\n";

    std::string output;
    if (int rc = swfpp_test::run_python_oracle("botocore_endpoint.py", spec, output)) return rc;

    simdjson::dom::parser parser;
    simdjson::dom::array cases;
    if (parser.parse(output).get(cases)) {
        std::printf("FAIL: the oracle's output is not a JSON array\n");
        return 1;
    }
    int total = 0, failures = 0, urls = 0;
    for (const auto c : cases) {
        ++total;
        swfpp::endpoint_params params;
        std::string_view text;
        if (!c["region"].get(text)) params.region = std::string(text);
        if (!c["endpoint"].get(text)) params.endpoint_url = std::string(text);
        if (c["fips"].get(params.use_fips) || c["dualstack"].get(params.use_dualstack)) {
            std::printf("FAIL: malformed oracle case %d\n", total);
            return 1;
        }
        std::string expected;
        if (!c["url"].get(text)) {
            expected = "url " + std::string(text);
            ++urls;
        } else if (!c["error"].get(text)) {
            expected = "error " + std::string(text);
        } else if (!c["invalid"].get(text)) {
            expected = "invalid " + std::string(text);
        }
        std::string detail;
        const std::string got = mine(params, detail);
        if (got == expected) continue;
        ++failures;
        std::printf("not ok: region='%s' endpoint='%s' fips=%d dualstack=%d\n  botocore: %s\n  swfpp:    %s %s\n",
                    params.region.c_str(), params.endpoint_url.c_str(), params.use_fips, params.use_dualstack,
                    expected.c_str(), got.c_str(), detail.c_str());
    }
    std::printf("%d/%d cases resolved as botocore resolves them (%d to a URL)\n", total - failures, total, urls);
    return failures == 0 && total > 0 ? 0 : 1;
}
