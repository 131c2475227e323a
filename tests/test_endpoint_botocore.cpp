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

#include <simdjson.h>
#include <sys/wait.h>
#include <unistd.h>

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

int skip(const char* why) {
    std::printf("SKIP: %s\n", why);
    return 77;
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
    if (std::system("command -v python3 >/dev/null 2>&1") != 0) return skip("python3 not found");
    if (std::system("python3 -c 'import botocore.endpoint_provider' >/dev/null 2>&1") != 0)
        return skip("botocore cannot be imported by python3");
    const char* root = std::getenv("SWFPP_SOURCE_ROOT");
    if (root == nullptr) {
        std::printf("FAIL: SWFPP_SOURCE_ROOT is not set (tests/meson.build sets it)\n");
        return 1;
    }
    const std::string script = std::string(root) + "/tools/botocore_endpoint.py";

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

    char path[] = "/tmp/swfpp_endpoint_botocore_XXXXXX";
    const int fd = mkstemp(path);
    if (fd < 0) {
        std::printf("FAIL: cannot create a temporary file\n");
        return 1;
    }
    const bool written = write(fd, spec.data(), spec.size()) == static_cast<ssize_t>(spec.size());
    close(fd);
    if (!written || script.find('\'') != std::string::npos) {
        unlink(path);
        std::printf("FAIL: cannot write the cases file\n");
        return 1;
    }
    const std::string command = "python3 '" + script + "' '" + path + "'";
    std::FILE* pipe = popen(command.c_str(), "r");
    std::string output;
    if (pipe != nullptr) {
        char buf[4096];
        for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, pipe)) > 0;) output.append(buf, n);
    }
    const int status = pipe != nullptr ? pclose(pipe) : -1;
    unlink(path);
    if (status != 0) {
        if (WIFEXITED(status) && WEXITSTATUS(status) == 77) return skip("botocore_endpoint.py skipped");
        std::printf("FAIL: %s exited with status %d\n", script.c_str(), status);
        return 1;
    }

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
