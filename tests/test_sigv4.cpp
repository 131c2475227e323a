// SigV4: the AWS test suite (testdata/sigv4, named by its upstream case ids), the sans-I/O
// steps, validation, and the OpenSSL crypto policy.
#include <doctest/doctest.h>

#if __has_include(<openssl/evp.h>)

#include <swfpp/crypto/openssl.hpp>
#include <swfpp/sigv4.hpp>

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <type_traits>
#include <vector>

namespace {

using clock_type = std::chrono::system_clock;

clock_type::time_point at_unix(long long seconds) { return clock_type::time_point(std::chrono::seconds(seconds)); }

std::string hex(const swfpp::sha256_digest& d) {
    std::string s(2 * d.size(), '\0');
    swfpp::detail::write_hex(d.data(), d.size(), &s[0]);
    return s;
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE_MESSAGE(in.good(), "cannot open " << path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string testdata(const std::string& relative) {
    const char* root = std::getenv("SWFPP_TESTDATA");
    REQUIRE_MESSAGE(root != nullptr, "SWFPP_TESTDATA is not set (tests/meson.build sets it)");
    return std::string(root) + "/" + relative;
}

// The suite's .req/.sreq files are lenient HTTP: LF line ends, `Name:value` header lines,
// folded continuation lines starting with whitespace, a blank line before an optional body.
swfpp::http_request parse_suite_request(std::string_view text) {
    swfpp::http_request r;
    r.scheme = "https";
    auto next_line = [&text]() {
        const std::size_t nl = text.find('\n');
        std::string_view line = text.substr(0, nl);
        text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        return line;
    };
    // The target may itself hold spaces (get-space): it runs from the first space to the last.
    const std::string_view request_line = next_line();
    const std::size_t first = request_line.find(' ');
    const std::size_t last = request_line.rfind(' ');
    r.method = std::string(request_line.substr(0, first));
    r.target = std::string(request_line.substr(first + 1, last - first - 1));
    while (!text.empty()) {
        const std::string_view line = next_line();
        if (line.empty()) {
            r.body = std::string(text);
            break;
        }
        if (line.front() == ' ' || line.front() == '\t') {
            // An obs-fold becomes one space (RFC 9112 5.2); the signer collapses the rest.
            r.headers.back().value.append(" ").append(line);
            continue;
        }
        const std::size_t colon = line.find(':');
        r.headers.push_back({std::string(line.substr(0, colon)), std::string(line.substr(colon + 1))});
    }
    if (const swfpp::http_header* host = swfpp::find_header(r.headers, "Host")) r.host = host->value;
    return r;
}

const char* const suite_cases[] = {
    "get-header-key-duplicate",
    "get-header-value-multiline",
    "get-header-value-order",
    "get-header-value-trim",
    "get-unreserved",
    "get-utf8",
    "get-vanilla",
    "get-vanilla-empty-query-key",
    "get-vanilla-query",
    "get-vanilla-query-order-encoded",
    "get-vanilla-query-order-key",
    "get-vanilla-query-order-key-case",
    "get-vanilla-query-order-value",
    "get-vanilla-query-unreserved",
    "get-vanilla-utf8-query",
    "get-vanilla-with-session-token",
    "normalize-path/get-relative",
    "normalize-path/get-relative-relative",
    "normalize-path/get-slash",
    "normalize-path/get-slash-dot-slash",
    "normalize-path/get-slash-pointless-dot",
    "normalize-path/get-slashes",
    "normalize-path/get-space",
    "normalize-path/get-special-character",
    "post-header-key-case",
    "post-header-key-sort",
    "post-header-value-case",
    "post-sts-token/post-sts-header-after",
    "post-sts-token/post-sts-header-before",
    "post-vanilla",
    "post-vanilla-empty-query-value",
    "post-vanilla-query",
    "post-x-www-form-urlencoded",
    "post-x-www-form-urlencoded-parameters",
};

const swfpp::credentials suite_credentials{"AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", ""};
const clock_type::time_point suite_time = at_unix(1440938160);  // 2015-08-30T12:36:00Z

std::string header_value(const swfpp::http_request& r, std::string_view name) {
    const swfpp::http_header* h = swfpp::find_header(r.headers, name);
    return h != nullptr ? h->value : std::string();
}

std::size_t header_count(const swfpp::http_request& r, std::string_view name) {
    std::size_t n = 0;
    for (const auto& h : r.headers) n += swfpp::iequals(h.name, name) ? 1 : 0;
    return n;
}

swfpp::http_request swf_request() {
    swfpp::http_request r;
    r.method = "POST";
    r.scheme = "https";
    r.host = "swf.us-east-1.amazonaws.com";
    r.target = "/";
    r.headers = {{"Host", "swf.us-east-1.amazonaws.com"},
                 {"Content-Type", "application/x-amz-json-1.0"},
                 {"X-Amz-Target", "SimpleWorkflowService.PollForDecisionTask"}};
    r.body = R"({"domain":"d","taskList":{"name":"t"}})";
    return r;
}

}  // namespace

TEST_CASE("AWS SigV4 suite: canonical request, string to sign and Authorization match for all 34 cases") {
    const swfpp::openssl_sigv4_signer signer;
    int checked = 0;
    for (const char* name : suite_cases) {
        const std::string id = name;
        const std::string base = testdata("sigv4/" + id + "/" + id.substr(id.rfind('/') + 1));
        INFO("case " << id);
        const swfpp::http_request original = parse_suite_request(read_file(base + ".req"));
        const std::string creq = read_file(base + ".creq");
        const std::string sts = read_file(base + ".sts");
        const std::string authz = read_file(base + ".authz");

        // The token is signed ("before" form) exactly when the expected canonical request has it;
        // post-sts-header-after adds it after signing, so it is signed without a token.
        swfpp::credentials creds = suite_credentials;
        if (creq.find("\nx-amz-security-token:") != std::string::npos)
            creds.session_token = header_value(parse_suite_request(read_file(base + ".sreq")), "X-Amz-Security-Token");
        const swfpp::signing_params params{creds, "us-east-1", "service", suite_time};

        swfpp::http_request prepared = original;
        REQUIRE(swfpp::validate_for_signing(prepared, params).ok());
        swfpp::prepare_for_signing(prepared, params);
        const swfpp::sigv4_signing_input input = swfpp::make_signing_input(prepared, params, swfpp::openssl_crypto{});
        CHECK(input.canonical_request == creq);
        CHECK(input.string_to_sign == sts);
        CHECK(input.credential_scope == "20150830/us-east-1/service/aws4_request");

        swfpp::http_request signed_request = original;
        const swfpp::result<void> r = signer.sign(signed_request, params);
        REQUIRE(r.ok());
        CHECK(header_value(signed_request, "Authorization") == authz);
        CHECK(header_value(signed_request, "X-Amz-Date") == "20150830T123600Z");
        CHECK(header_count(signed_request, "Authorization") == 1);
        ++checked;
    }
    CHECK(checked == 34);
}

TEST_CASE("X-Amz-Date is UTC yyyymmddTHHMMSSZ with seconds truncated, for any date") {
    CHECK(swfpp::format_amz_date(at_unix(0)) == "19700101T000000Z");
    CHECK(swfpp::format_amz_date(suite_time) == "20150830T123600Z");
    CHECK(swfpp::format_amz_date(at_unix(1709251199)) == "20240229T235959Z");  // leap day
    CHECK(swfpp::format_amz_date(at_unix(946684800)) == "20000101T000000Z");
    CHECK(swfpp::format_amz_date(at_unix(2147483648)) == "20380119T031408Z");  // past 32-bit time_t
    CHECK(swfpp::format_amz_date(at_unix(4107542400)) == "21000301T000000Z");  // 2100 is not leap
    CHECK(swfpp::format_amz_date(at_unix(-1)) == "19691231T235959Z");
    CHECK(swfpp::format_amz_date(at_unix(-1) + std::chrono::milliseconds(999)) == "19691231T235959Z");
    CHECK(swfpp::format_amz_date(suite_time + std::chrono::microseconds(999999)) == "20150830T123600Z");
}

TEST_CASE("X-Amz-Date stays right when the same second repeats, alternates, or comes first on a new thread") {
    for (long long t : {1440938160LL, 1440938160LL, 1440938161LL, 1440938160LL, 0LL, 0LL})
        CHECK(swfpp::format_amz_date(at_unix(t)) == (t == 0 ? "19700101T000000Z"
                                                           : t == 1440938160LL ? "20150830T123600Z" : "20150830T123601Z"));
    for (long long first : {-1LL, 0LL}) {  // whatever a fresh thread's last-second memo starts from
        std::string seen;
        std::thread([&] { seen = swfpp::format_amz_date(at_unix(first)); }).join();
        CHECK(seen == (first == -1 ? "19691231T235959Z" : "19700101T000000Z"));
    }
}

TEST_CASE("derive_signing_key matches the AWS documentation example") {
    // docs.aws.amazon.com "Examples of how to derive a signing key for Signature Version 4".
    const swfpp::sha256_digest key = swfpp::derive_signing_key("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "20120215",
                                                               "us-east-1", "iam", swfpp::openssl_crypto{});
    CHECK(hex(key) == "f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d");
}

TEST_CASE("sign sets X-Amz-Date and the session token, both signed, and leaves no CR/LF in produced values") {
    swfpp::credentials creds{"AKIDEXAMPLE", "secret", "token/with+base64=="};
    swfpp::http_request r = swf_request();
    REQUIRE(swfpp::openssl_sigv4_signer{}.sign(r, {creds, "us-east-1", "swf", suite_time}).ok());
    CHECK(header_value(r, "X-Amz-Date") == "20150830T123600Z");
    CHECK(header_value(r, "X-Amz-Security-Token") == "token/with+base64==");
    const std::string auth = header_value(r, "Authorization");
    CHECK(auth.rfind("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/swf/aws4_request, "
                     "SignedHeaders=content-type;host;x-amz-date;x-amz-security-token;x-amz-target, Signature=",
                     0) == 0);
    CHECK(auth.size() == auth.find("Signature=") + 10 + 64);
    for (const auto& h : r.headers) CHECK(h.value.find_first_of(std::string_view("\r\n\0", 3)) == std::string::npos);
}

TEST_CASE("openssl_crypto's prepared HMAC keys give the same digests as hashing the key each time") {
    static_assert(swfpp::has_prepared_hmac<swfpp::openssl_crypto>::value);
    static_assert(!swfpp::has_prepared_hmac<swfpp::openssl_evp_crypto>::value);
    const swfpp::openssl_crypto c;
    for (const std::string& key : {std::string(), std::string("Jefe"), std::string(32, '\x0b'), std::string(64, 'k'),
                                   std::string(65, 'k'), std::string(131, '\xaa')})
        for (const std::string& message : {std::string(), std::string("what do ya want for nothing?"),
                                           std::string(55, 'm'), std::string(56, 'm'), std::string(64, 'm'),
                                           std::string(1000, 'm')})
            CHECK(hex(c.hmac_sha256(c.prepare_hmac(key), message)) == hex(c.hmac_sha256(key, message)));
}

TEST_CASE("the signer's cached, prepared key signs exactly as the step-by-step functions do") {
    const swfpp::openssl_sigv4_signer signer;
    const swfpp::credentials creds{"AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", ""};
    for (int i = 0; i < 3; ++i) {  // cold, then warm twice
        swfpp::http_request r = swf_request();
        const swfpp::signing_params params{creds, "us-east-1", "swf", suite_time + std::chrono::seconds(i)};
        REQUIRE(signer.sign(r, params).ok());
        const std::string signed_value = header_value(r, "Authorization");
        swfpp::http_request expected = swf_request();
        swfpp::prepare_for_signing(expected, params);
        const auto input = swfpp::make_signing_input(expected, params, swfpp::openssl_crypto{});
        const auto key = swfpp::derive_signing_key(creds.secret_access_key, input.amz_date.substr(0, 8), "us-east-1",
                                                   "swf", swfpp::openssl_crypto{});
        std::string authorization;
        swfpp::append_authorization(authorization, creds.access_key_id, input,
                                    swfpp::sigv4_signature(key, input.string_to_sign, swfpp::openssl_crypto{}));
        CHECK(signed_value == authorization);
    }
}

TEST_CASE("a stale Authorization holding CR/LF is replaced by the signature, never sent or rejected") {
    swfpp::credentials creds{"AKIDEXAMPLE", "secret", ""};
    swfpp::http_request r = swf_request();
    r.headers.push_back({"authorization", "stale\r\nX-Injected: 1"});
    r.headers.push_back({"Authorization", "second\n"});
    REQUIRE(swfpp::openssl_sigv4_signer{}.sign(r, {creds, "us-east-1", "swf", suite_time}).ok());
    CHECK(header_count(r, "Authorization") == 1);
    CHECK(header_value(r, "Authorization").rfind("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/", 0) == 0);
    for (const auto& h : r.headers) CHECK(h.value.find_first_of(std::string_view("\r\n\0", 3)) == std::string::npos);
}

TEST_CASE("re-signing a signed request replaces Authorization, X-Amz-Date and the token instead of adding more") {
    const swfpp::openssl_sigv4_signer signer;
    swfpp::credentials creds{"AKIDEXAMPLE", "secret", "token-1"};
    swfpp::http_request r = swf_request();
    r.headers.push_back({"x-amz-date", "19990101T000000Z"});
    r.headers.push_back({"X-AMZ-DATE", "19990101T000000Z"});
    REQUIRE(signer.sign(r, {creds, "us-east-1", "swf", suite_time}).ok());
    creds.session_token = "token-2";
    REQUIRE(signer.sign(r, {creds, "us-east-1", "swf", suite_time + std::chrono::seconds(5)}).ok());
    CHECK(header_count(r, "Authorization") == 1);
    CHECK(header_count(r, "X-Amz-Date") == 1);
    CHECK(header_count(r, "X-Amz-Security-Token") == 1);
    CHECK(header_value(r, "X-Amz-Date") == "20150830T123605Z");
    CHECK(header_value(r, "X-Amz-Security-Token") == "token-2");

    swfpp::http_request fresh = swf_request();
    REQUIRE(signer.sign(fresh, {creds, "us-east-1", "swf", suite_time + std::chrono::seconds(5)}).ok());
    CHECK(header_value(r, "Authorization") == header_value(fresh, "Authorization"));
}

TEST_CASE("botocore's unsigned headers and Authorization are left out of SignedHeaders") {
    const swfpp::credentials creds{"AKIDEXAMPLE", "secret", ""};
    swfpp::http_request r = swf_request();
    for (const char* name : {"User-Agent", "Expect", "Connection", "Keep-Alive", "Proxy-Authenticate",
                             "Proxy-Authorization", "TE", "Trailer", "Transfer-Encoding", "Upgrade", "X-Amzn-Trace-Id",
                             "Authorization"})
        r.headers.push_back({name, "x"});
    swfpp::prepare_for_signing(r, {creds, "us-east-1", "swf", suite_time});
    const auto input = swfpp::make_signing_input(r, {creds, "us-east-1", "swf", suite_time}, swfpp::openssl_crypto{});
    CHECK(input.signed_headers == "content-type;host;x-amz-date;x-amz-target");
}

TEST_CASE("a header name that is a prefix of another sorts first, as botocore signs it") {
    // Expected values from botocore 1.43.11 (SigV4Auth(Credentials("AKIDEXAMPLE",
    // "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"), "swf", "us-east-1").add_auth with
    // botocore.auth.get_current_datetime patched to 2015-08-30T12:36:00Z) on the swf_request()
    // request with the extra headers below, in this order, computed on 2026-12-01. Sorting the
    // "name:value" lines (':' > '-') or longer names first would put x-foo-bar before x-foo.
    const swfpp::credentials creds{"AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", ""};
    const swfpp::signing_params params{creds, "us-east-1", "swf", suite_time};
    const std::string head =
        "POST\n/\n\n"
        "content-type:application/x-amz-json-1.0\n"
        "host:swf.us-east-1.amazonaws.com\n"
        "x-amz-date:20150830T123600Z\n"
        "x-amz-target:SimpleWorkflowService.PollForDecisionTask\n";
    const std::string payload_hash = "efc6100b4681a1ea7769a41f5602932655dc8191f432480fdc969e720ced9552";
    struct prefix_case {
        std::vector<swfpp::http_header> extra;
        std::string canonical_headers_tail;
        std::string signed_headers;
        std::string signature;
    };
    const prefix_case cases[] = {
        {{{"X-Foo-Bar", "2"}, {"X-Foo", "1"}},
         "x-foo:1\nx-foo-bar:2\n",
         "content-type;host;x-amz-date;x-amz-target;x-foo;x-foo-bar",
         "b0cf7d3ef27895be430291ed9b6832c58aeeb1f22e3a6811656fb33d7f3cb967"},
        {{{"x-foo-", "3"}, {"X-Foo-Bar", "2"}, {"X-Foo", "1"}, {"x-fo", "0"}},
         "x-fo:0\nx-foo:1\nx-foo-:3\nx-foo-bar:2\n",
         "content-type;host;x-amz-date;x-amz-target;x-fo;x-foo;x-foo-;x-foo-bar",
         "61cf8cbefa57accbadd2b11b20ff67afb56a2657659376cf0c3c442e754a8673"},
    };
    for (const prefix_case& c : cases) {
        INFO("signed headers " << c.signed_headers);
        swfpp::http_request r = swf_request();
        for (const auto& h : c.extra) r.headers.push_back(h);
        swfpp::http_request prepared = r;
        swfpp::prepare_for_signing(prepared, params);
        const auto input = swfpp::make_signing_input(prepared, params, swfpp::openssl_crypto{});
        CHECK(input.signed_headers == c.signed_headers);
        CHECK(input.canonical_request ==
              head + c.canonical_headers_tail + "\n" + c.signed_headers + "\n" + payload_hash);

        REQUIRE(swfpp::openssl_sigv4_signer{}.sign(r, params).ok());
        CHECK(header_value(r, "Authorization") ==
              "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/swf/aws4_request, SignedHeaders=" +
                  c.signed_headers + ", Signature=" + c.signature);
    }
}

TEST_CASE("without a Host header the host botocore derives from scheme, host and port is signed") {
    const swfpp::credentials creds{"AKIDEXAMPLE", "secret", ""};
    const swfpp::signing_params params{creds, "us-east-1", "swf", suite_time};
    swfpp::http_request r = swf_request();
    r.headers.erase(r.headers.begin());  // Host
    r.host = "SWF.Example.COM";
    r.port = 8443;
    auto input = swfpp::make_signing_input(r, params, swfpp::openssl_crypto{});
    CHECK(input.canonical_request.find("\nhost:swf.example.com:8443\n") != std::string::npos);
    r.port = 443;  // the scheme's default port is not written
    input = swfpp::make_signing_input(r, params, swfpp::openssl_crypto{});
    CHECK(input.canonical_request.find("\nhost:swf.example.com\n") != std::string::npos);
    r.host = "::1";
    input = swfpp::make_signing_input(r, params, swfpp::openssl_crypto{});
    CHECK(input.canonical_request.find("\nhost:[::1]\n") != std::string::npos);
}

TEST_CASE("canonical URI keeps wire escapes encoded once more and resolves dot segments as botocore") {
    auto uri = [](std::string_view path) {
        std::string out;
        swfpp::detail::sigv4_append_canonical_uri(out, path);
        return out;
    };
    CHECK(uri("") == "/");
    CHECK(uri("/") == "/");
    CHECK(uri("/a%20b") == "/a%2520b");  // double encoding, as every AWS service but S3 expects
    CHECK(uri("/a b/c") == "/a%20b/c");
    CHECK(uri("/a/b/../c/./d/") == "/a/c/d/");
    CHECK(uri("/../..") == "/");
    CHECK(uri("/a/b/..") == "/a");  // botocore keeps a trailing slash only from the input
}

TEST_CASE("canonical query requotes keys and values and sorts by key, then value") {
    auto query = [](std::string_view q) {
        std::string out;
        swfpp::detail::sigv4_append_canonical_query(out, q);
        return out;
    };
    CHECK(query("") == "");
    CHECK(query("b=2&a=1&a=0") == "a=0&a=1&b=2");
    CHECK(query("Param-3=x&Param=y") == "Param=y&Param-3=x");  // key order, not "k=v" order
    CHECK(query("flag") == "flag=");
    CHECK(query("k=a b+c%2F%zz") == "k=a%20b%2Bc%2F%25zz");
}

TEST_CASE("header values are trimmed and inner whitespace runs collapse to one space") {
    std::string out;
    swfpp::detail::sigv4_append_trimmed(out, " \t a  \t b\x1f" "c   ");
    CHECK(out == "a b c");
    out.clear();
    swfpp::detail::sigv4_append_trimmed(out, "   ");
    CHECK(out.empty());
}

TEST_CASE("unusable credentials, scope or headers fail with configuration_error and leave the request unsigned") {
    const std::string secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    const std::string token = "SESSION-TOKEN-VALUE";
    struct bad_case {
        const char* what;
        swfpp::credentials creds;
        std::string region, service;
        swfpp::http_header extra;
    };
    const bad_case cases[] = {
        {"empty access key id", {"", secret, token}, "us-east-1", "swf", {}},
        {"empty secret", {"AKID", "", token}, "us-east-1", "swf", {}},
        {"LF in access key id", {"AKID\nX-Evil: 1", secret, token}, "us-east-1", "swf", {}},
        {"NUL in access key id", {std::string("AKID\0", 5), secret, token}, "us-east-1", "swf", {}},
        {"CR in token", {"AKID", secret, token + "\r"}, "us-east-1", "swf", {}},
        {"DEL in token", {"AKID", secret, token + "\x7f"}, "us-east-1", "swf", {}},
        {"empty region", {"AKID", secret, token}, "", "swf", {}},
        {"slash in region", {"AKID", secret, token}, "us-east-1/x", "swf", {}},
        {"LF in region", {"AKID", secret, token}, "us-east-1\n", "swf", {}},
        {"empty service", {"AKID", secret, token}, "us-east-1", "", {}},
        {"tab in service", {"AKID", secret, token}, "us-east-1", "s\twf", {}},
        {"bad header name", {"AKID", secret, token}, "us-east-1", "swf", {"Bad Name", "v"}},
        {"LF in header value", {"AKID", secret, token}, "us-east-1", "swf", {"X-Ok", "a\r\nX-Evil: 1"}},
    };
    const swfpp::openssl_sigv4_signer signer;
    for (const bad_case& c : cases) {
        INFO(c.what);
        swfpp::http_request r = swf_request();
        if (!c.extra.name.empty() || !c.extra.value.empty()) r.headers.push_back(c.extra);
        const swfpp::http_request before = r;
        const swfpp::result<void> res = signer.sign(r, {c.creds, c.region, c.service, suite_time});
        REQUIRE_FALSE(res.ok());
        CHECK(res.error().kind == swfpp::errc::configuration_error);
        CHECK(res.error().message.find("Unable to sign the request: ") == 0);
        CHECK(res.error().message.find(secret) == std::string::npos);
        CHECK(res.error().message.find(token) == std::string::npos);
        REQUIRE(r.headers.size() == before.headers.size());
        for (std::size_t i = 0; i < r.headers.size(); ++i) {
            CHECK(r.headers[i].name == before.headers[i].name);
            CHECK(r.headers[i].value == before.headers[i].value);
        }
    }
}

TEST_CASE("is_sha256_crypto accepts openssl_crypto and rejects types without both functions") {
    struct only_sha {
        swfpp::sha256_digest sha256(std::string_view) const;
    };
    struct wrong_return {
        std::string sha256(std::string_view) const;
        std::string hmac_sha256(std::string_view, std::string_view) const;
    };
    struct non_const {
        swfpp::sha256_digest sha256(std::string_view);
        swfpp::sha256_digest hmac_sha256(std::string_view, std::string_view);
    };
    static_assert(swfpp::is_sha256_crypto_v<swfpp::openssl_crypto>);
    static_assert(!swfpp::is_sha256_crypto_v<int>);
    static_assert(!swfpp::is_sha256_crypto_v<only_sha>);
    static_assert(!swfpp::is_sha256_crypto_v<wrong_return>);
    static_assert(!swfpp::is_sha256_crypto_v<non_const>);
    // Stateless crypto costs nothing inside the signer; the signer is copyable for the client.
    static_assert(std::is_empty_v<swfpp::openssl_crypto>);
    static_assert(sizeof(swfpp::openssl_sigv4_signer) ==
                  sizeof(swfpp::detail::sigv4_key_cache<swfpp::openssl_crypto::hmac_key>));
    static_assert(std::is_copy_constructible_v<swfpp::openssl_sigv4_signer>);
    static_assert(std::is_nothrow_default_constructible_v<swfpp::openssl_crypto>);
    CHECK(true);
}

TEST_CASE_TEMPLATE("openssl_crypto and openssl_evp_crypto SHA-256 match FIPS 180-2 vectors", Crypto,
                   swfpp::openssl_crypto, swfpp::openssl_evp_crypto) {
    const Crypto c;
    CHECK(hex(c.sha256("")) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(hex(c.sha256("abc")) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(hex(c.sha256("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")) ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST_CASE_TEMPLATE("openssl_crypto and openssl_evp_crypto HMAC-SHA-256 match RFC 4231 vectors, including keys longer than a block",
                   Crypto, swfpp::openssl_crypto, swfpp::openssl_evp_crypto) {
    const Crypto c;
    CHECK(hex(c.hmac_sha256(std::string(20, '\x0b'), "Hi There")) ==
          "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
    CHECK(hex(c.hmac_sha256("Jefe", "what do ya want for nothing?")) ==
          "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    CHECK(hex(c.hmac_sha256(std::string(20, '\xaa'), std::string(50, '\xdd'))) ==
          "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe");
    CHECK(hex(c.hmac_sha256(std::string(131, '\xaa'), "Test Using Larger Than Block-Size Key - Hash Key First")) ==
          "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
    CHECK(hex(c.hmac_sha256(std::string(131, '\xaa'),
                            "This is a test using a larger than block-size key and a larger than block-size data. "
                            "The key needs to be hashed before being used by the HMAC algorithm.")) ==
          "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2");
    // Boundaries of the key-length branch, against Python's hmac module.
    CHECK(hex(c.hmac_sha256(std::string(64, 'k'), "exactly one block of key")) ==
          "baa93ea4ccc7062ed6870c5e7937dbd35ad7791df4e29df9addeb429ff491acf");
    CHECK(hex(c.hmac_sha256(std::string(65, 'k'), "one byte longer than a block")) ==
          "7af4cf273b5c4dda3542b03b15206aa517f274b01d1ac41e752d2904fc6cde0f");
    CHECK(hex(c.hmac_sha256("", "empty key")) == "bf6e6a0f34cd9fdf69c67b8c62969c87cd4f783d4665217df03f062dc4a0406e");
}

TEST_CASE_TEMPLATE("openssl_crypto and openssl_evp_crypto give the same digests from many threads at once", Crypto,
                   swfpp::openssl_crypto, swfpp::openssl_evp_crypto) {
    const Crypto c;
    const std::string expected = hex(c.hmac_sha256("key", "message"));
    std::vector<std::thread> threads;
    std::vector<int> mismatches(8, 0);
    for (int t = 0; t < 8; ++t)
        threads.emplace_back([&, t] {
            for (int i = 0; i < 500; ++i)
                if (hex(c.hmac_sha256("key", "message")) != expected) ++mismatches[static_cast<std::size_t>(t)];
        });
    for (auto& th : threads) th.join();
    for (int m : mismatches) CHECK(m == 0);
}

#else

TEST_CASE("SigV4 suite skipped: OpenSSL headers not available") {
    MESSAGE("skipped: <openssl/evp.h> not found");
}

#endif
