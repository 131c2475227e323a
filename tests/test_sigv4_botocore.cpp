// swfpp's SigV4 against botocore's: for SWF-like requests with varied inputs (unicode and
// control characters in bodies, session tokens, regions, times, header shapes), the
// Authorization, X-Amz-Date and X-Amz-Security-Token swfpp sets equal what
// botocore.auth.SigV4Auth sets for the same request at the same frozen time
// (tools/botocore_sign.py).
//
// Its own main, no doctest: prints one `ok`/`not ok` line per case, exits 0 when all match,
// 1 otherwise, and 77 (meson's "skipped") when python3 or botocore is missing.
#include <swfpp/crypto/openssl.hpp>
#include <swfpp/sigv4.hpp>

#include "support/python_oracle.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace {

struct test_case {
    std::string name;
    swfpp::http_request request;
    swfpp::credentials creds;
    std::string region = "us-east-1";
    std::string service = "swf";
    long long time_us = 1440938160000000LL;  // 2015-08-30T12:36:00Z
};

void json_string(std::string& out, std::string_view s) {
    out += '"';
    for (char ch : s) {
        const unsigned char c = static_cast<unsigned char>(ch);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += ch;
        } else if (c < 0x20 || c == 0x7f) {
            char esc[7];
            std::snprintf(esc, sizeof esc, "\\u%04x", c);
            out += esc;
        } else {
            out += ch;  // UTF-8 passes through; JSON text is UTF-8
        }
    }
    out += '"';
}

std::string url_of(const swfpp::http_request& r) {
    std::string url = r.scheme + "://" + r.host;
    if (r.port != 0) url += ":" + std::to_string(r.port);
    return url + r.target;
}

std::string to_json(const std::vector<test_case>& cases) {
    std::string out = "[\n";
    for (const test_case& c : cases) {
        if (&c != &cases.front()) out += ",\n";
        out += "{\"method\":";
        json_string(out, c.request.method);
        out += ",\"url\":";
        json_string(out, url_of(c.request));
        out += ",\"headers\":[";
        for (const auto& h : c.request.headers) {
            if (&h != &c.request.headers.front()) out += ',';
            out += '[';
            json_string(out, h.name);
            out += ',';
            json_string(out, h.value);
            out += ']';
        }
        out += "],\"body\":";
        json_string(out, c.request.body);
        out += ",\"access_key\":";
        json_string(out, c.creds.access_key_id);
        out += ",\"secret_key\":";
        json_string(out, c.creds.secret_access_key);
        out += ",\"token\":";
        json_string(out, c.creds.session_token);
        out += ",\"region\":";
        json_string(out, c.region);
        out += ",\"service\":";
        json_string(out, c.service);
        out += ",\"time_us\":" + std::to_string(c.time_us) + "}";
    }
    return out + "\n]\n";
}

swfpp::http_request swf_request(std::string_view region, std::string_view action, std::string body) {
    swfpp::http_request r;
    r.method = "POST";
    r.scheme = "https";
    r.host = "swf." + std::string(region) + ".amazonaws.com";
    r.target = "/";
    r.headers = {{"Host", r.host},
                 {"Content-Type", "application/x-amz-json-1.0"},
                 {"X-Amz-Target", "SimpleWorkflowService." + std::string(action)},
                 {"User-Agent", "swfpp/0.1.0"}};
    r.body = std::move(body);
    return r;
}

std::vector<test_case> make_cases() {
    const swfpp::credentials plain{"AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", ""};
    std::string long_token = "IQoJb3JpZ2luX2VjE";
    while (long_token.size() < 900) long_token += "Abc+/xyz09=";
    const swfpp::credentials temporary{"ASIAIOSFODNN7EXAMPLE", "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY", long_token};
    const std::string poll = R"({"domain":"orders","taskList":{"name":"main"},"identity":"worker-1"})";
    std::vector<test_case> cases;
    auto add = [&](std::string name, swfpp::http_request r, swfpp::credentials c = {}) {
        test_case t;
        t.name = std::move(name);
        t.request = std::move(r);
        t.creds = c.access_key_id.empty() ? plain : c;
        cases.push_back(std::move(t));
        return &cases.back();
    };

    add("PollForDecisionTask, long-term credentials", swf_request("us-east-1", "PollForDecisionTask", poll));
    add("session token is added and signed", swf_request("us-east-1", "PollForDecisionTask", poll), temporary);
    {
        auto* t = add("eu-west-1 on a leap day at 23:59:59", swf_request("eu-west-1", "ListDomains", R"({"registrationStatus":"REGISTERED"})"));
        t->region = "eu-west-1";
        t->time_us = 1709251199000000LL;
    }
    {
        auto* t = add("ap-southeast-2 at 2000-01-01T00:00:00", swf_request("ap-southeast-2", "DescribeDomain", R"({"name":"d"})"), temporary);
        t->region = "ap-southeast-2";
        t->time_us = 946684800000000LL;
    }
    {
        auto* t = add("fractional second before the epoch truncates down", swf_request("us-west-2", "ListDomains", "{}"));
        t->region = "us-west-2";
        t->time_us = -500000LL;
    }
    {
        auto* t = add("fractional second past 2038 truncates", swf_request("us-gov-west-1", "ListDomains", "{}"));
        t->region = "us-gov-west-1";
        t->time_us = 2147483647999999LL;
    }
    add("unicode body", swf_request("us-east-1", "SignalWorkflowExecution",
                                    "{\"domain\":\"d\",\"workflowId\":\"caf\xc3\xa9\",\"input\":\"\xe6\x97\xa5\xe6\x9c\xac "
                                    "\xf0\x9f\x98\x80 \xe2\x80\xa8 \xc2\xa0\"}"));
    add("control characters in body", swf_request("us-east-1", "RecordActivityTaskHeartbeat",
                                                  std::string("{\"details\":\"\x01\t\n\r\x1f\x7f") + '\0' + "end\"}"));
    add("large body", swf_request("us-east-1", "RespondDecisionTaskCompleted", std::string(200000, 'x')));
    {
        swfpp::http_request r = swf_request("us-east-1", "ListDomains", "");
        r.method = "GET";
        add("empty body", r);
    }
    {
        swfpp::http_request r = swf_request("us-east-1", "ListDomains", "{}");
        r.headers.push_back({"X-Custom", "  a   b\t\tc  "});
        r.headers.push_back({"X-Empty", ""});
        r.headers.push_back({"X-Custom", "second"});
        r.headers.push_back({"x-custom", "third"});
        add("whitespace, empty and repeated header values", r);
    }
    {
        swfpp::http_request r = swf_request("us-east-1", "ListDomains", "{}");
        for (const char* n : {"Expect", "X-Amzn-Trace-Id", "Connection", "Keep-Alive", "TE", "Upgrade"})
            r.headers.push_back({n, "ignored"});
        add("botocore's unsigned headers are not signed", r);
    }
    {
        swfpp::http_request r = swf_request("us-east-1", "ListDomains", "{}");
        r.headers.push_back({"Authorization", "AWS4-HMAC-SHA256 Credential=stale"});
        r.headers.push_back({"X-Amz-Date", "20010101T000000Z"});
        r.headers.push_back({"X-Amz-Security-Token", "stale-token"});
        add("stale Authorization, X-Amz-Date and token are replaced", r, temporary);
    }
    {
        swfpp::http_request r = swf_request("us-east-1", "ListDomains", "{}");
        r.headers.push_back({"X-Amz-Security-Token", "caller-managed-token"});
        add("an existing token header without a credentials token stays signed", r);
    }
    {
        swfpp::http_request r = swf_request("us-east-1", "ListDomains", "{}");
        r.headers = {{"HOST", r.host},
                     {"CONTENT-TYPE", "application/x-amz-json-1.0"},
                     {"x-amz-TARGET", "SimpleWorkflowService.ListDomains"}};
        add("mixed-case header names", r);
    }
    {
        swfpp::http_request r = swf_request("us-east-1", "ListDomains", "{}");
        r.headers.erase(r.headers.begin());  // no Host: both sides sign the host of the URL
        r.host = "swf.example.com";
        r.port = 8443;
        add("no Host header, non-default port", r);
    }
    {
        swfpp::http_request r = swf_request("us-east-1", "ListDomains", "{}");
        r.target = "/a/./b/../c d/%20/\xe6\x97\xa5/$x//";
        add("path with dot segments, spaces, escapes and UTF-8", r);
    }
    {
        swfpp::http_request r = swf_request("us-east-1", "ListDomains", "{}");
        r.target = "/?b=2&a=1&a=%E1%88%B4&Param-3=x&Param=y&empty=";
        add("percent-encoded query", r);
    }
    {
        auto* t = add("another service and region", swf_request("cn-north-1", "ListDomains", "{}"), temporary);
        t->region = "cn-north-1";
        t->service = "states";
    }
    {
        swfpp::http_request r = swf_request("us-east-1", "ListDomains", "{}");
        r.method = "post";
        r.headers.push_back({"X-Unicode", "caf\xc3\xa9 \xe6\x97\xa5\xe6\x9c\xac"});
        add("lowercase method, UTF-8 header value", r);
    }
    return cases;
}

}  // namespace

int main() {
    if (int rc = swfpp_test::require_python_module("botocore.auth")) return rc;
    std::vector<test_case> cases = make_cases();
    std::string output;
    if (int rc = swfpp_test::run_python_oracle("botocore_sign.py", to_json(cases), output)) return rc;

    std::vector<std::string> lines;
    for (std::size_t pos = 0; pos < output.size();) {
        std::size_t nl = output.find('\n', pos);
        if (nl == std::string::npos) nl = output.size();
        lines.push_back(output.substr(pos, nl - pos));
        pos = nl + 1;
    }
    if (lines.size() != cases.size()) {
        std::printf("FAIL: botocore signed %zu requests, expected %zu\n", lines.size(), cases.size());
        return 1;
    }

    const swfpp::openssl_sigv4_signer signer;
    int failures = 0;
    for (std::size_t i = 0; i < cases.size(); ++i) {
        test_case& c = cases[i];
        const auto time = std::chrono::system_clock::time_point(std::chrono::microseconds(c.time_us));
        const swfpp::signing_params params{c.creds, c.region, c.service, time};
        swfpp::http_request& r = c.request;
        const swfpp::result<void> res = signer.sign(r, params);
        std::string mine;
        if (res.ok()) {
            auto value = [&r](std::string_view name) {
                const swfpp::http_header* h = swfpp::find_header(r.headers, name);
                return h != nullptr ? h->value : std::string();
            };
            mine = value("Authorization") + "\t" + value("X-Amz-Date") + "\t" + value("X-Amz-Security-Token");
        }
        if (res.ok() && mine == lines[i]) {
            std::printf("ok %zu - %s\n", i + 1, c.name.c_str());
            continue;
        }
        ++failures;
        // Diagnostics show the signatures and canonical requests, never the secret.
        std::printf("not ok %zu - %s\n", i + 1, c.name.c_str());
        if (!res.ok()) {
            std::printf("  swfpp refused to sign: %s\n", res.error().message.c_str());
            continue;
        }
        std::printf("  botocore: %s\n  swfpp:    %s\n", lines[i].c_str(), mine.c_str());
        const auto input = swfpp::make_signing_input(r, params, swfpp::openssl_crypto{});
        std::printf("  swfpp canonical request:\n%s\n  (rerun tools/botocore_sign.py with --explain for botocore's)\n",
                    input.canonical_request.c_str());
    }
    std::printf("%d/%zu requests signed as botocore %s\n", static_cast<int>(cases.size()) - failures, cases.size(),
                failures == 0 ? "does" : "does NOT");
    return failures == 0 ? 0 : 1;
}
