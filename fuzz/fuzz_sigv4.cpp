// Fuzz target: SigV4 canonicalisation and signing. FuzzedDataProvider builds a request (method,
// target with path and query, scheme, host, port, up to 12 headers, body) and the signing
// parameters (credentials, region, service, time) from random bytes.
//
// Crypto is a fake: a cheap keyed mix, not SHA-256. What is fuzzed is canonicalisation and the
// signer's handling of hostile requests; OpenSSL would only make each run slower.
//
// Properties: make_signing_input never crashes, even on requests the signer would refuse; sign()
// either refuses (configuration_error, request untouched, a message that does not depend on the
// secret or the token) or leaves no CR, LF or NUL in any header, exactly one Authorization and
// one X-Amz-Date, a SignedHeaders list of lowercase tokens that includes host and x-amz-date,
// and signs deterministically: signing the signed request again gives the same Authorization.
#include <fuzzer/FuzzedDataProvider.h>

#include <swfpp/sigv4.hpp>

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.hpp"

namespace {

struct fake_crypto {
    // Not instrumented: its comparisons on hashed bytes teach the fuzzer nothing and cost time.
    __attribute__((no_sanitize("coverage"))) static swfpp::sha256_digest mix(std::string_view key, std::string_view bytes) {
        swfpp::sha256_digest d{};
        std::uint64_t h = 1469598103934665603ULL ^ key.size();
        for (char c : key) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
        for (char c : bytes) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
        for (std::size_t i = 0; i < d.size(); ++i) {
            h ^= h >> 29;
            h *= 0xbf58476d1ce4e5b9ULL;
            d[i] = static_cast<std::uint8_t>(h >> 56);
        }
        return d;
    }
    swfpp::sha256_digest sha256(std::string_view bytes) const { return mix({}, bytes); }
    swfpp::sha256_digest hmac_sha256(std::string_view key, std::string_view bytes) const { return mix(key, bytes); }
};

std::size_t count_headers(const swfpp::http_request& r, std::string_view name) {
    std::size_t n = 0;
    for (const auto& h : r.headers) n += swfpp::iequals(h.name, name) ? 1 : 0;
    return n;
}

bool same_request(const swfpp::http_request& a, const swfpp::http_request& b) {
    if (a.method != b.method || a.scheme != b.scheme || a.host != b.host || a.port != b.port ||
        a.target != b.target || a.body != b.body || a.headers.size() != b.headers.size())
        return false;
    for (std::size_t i = 0; i < a.headers.size(); ++i)
        if (a.headers[i].name != b.headers[i].name || a.headers[i].value != b.headers[i].value) return false;
    return true;
}

bool is_signed_headers_list(std::string_view list) {
    if (list.empty() || list.front() == ';' || list.back() == ';') return false;
    for (char c : list)
        if ((c >= 'A' && c <= 'Z') || !(swfpp::detail::tchar_table[static_cast<unsigned char>(c)] || c == ';'))
            return false;
    return true;
}

bool lists(std::string_view list, std::string_view name) {
    for (std::size_t pos = 0; pos <= list.size();) {
        auto end = list.find(';', pos);
        if (end == std::string_view::npos) end = list.size();
        if (list.substr(pos, end - pos) == name) return true;
        pos = end + 1;
    }
    return false;
}

// `s` with every printable byte replaced by `fill`: what validation sees stays the same.
std::string mask(std::string s, char fill) {
    for (char& c : s)
        if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7f) c = fill;
    return s;
}

// Header names: mostly ones that matter to the signer, sometimes random bytes.
std::string header_name(FuzzedDataProvider& in) {
    static constexpr const char* known[] = {"Host",         "X-Amz-Date", "X-Amz-Security-Token", "Authorization",
                                            "Content-Type", "User-Agent", "X-Amz-Target",         "Expect",
                                            "host",         "x-amz-date", "X-Custom",             "authorization"};
    if (in.ConsumeBool()) return known[in.ConsumeIntegralInRange<std::size_t>(0, std::size(known) - 1)];
    return in.ConsumeRandomLengthString(40);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    FuzzedDataProvider in(data, size);
    swfpp::http_request request;
    request.method = in.ConsumeBool() ? "POST" : in.ConsumeRandomLengthString(16);
    request.scheme = in.ConsumeBool() ? "https" : in.ConsumeRandomLengthString(8);
    request.host = in.ConsumeRandomLengthString(64);
    request.port = in.ConsumeIntegral<std::uint16_t>();
    request.target = in.ConsumeRandomLengthString(256);
    const std::size_t headers = in.ConsumeIntegralInRange<std::size_t>(0, 12);
    for (std::size_t i = 0; i < headers; ++i) {
        std::string name = header_name(in);
        request.headers.push_back({std::move(name), in.ConsumeRandomLengthString(128)});
    }
    swfpp::credentials creds;
    creds.access_key_id = in.ConsumeBool() ? "AKIDEXAMPLE" : in.ConsumeRandomLengthString(32);
    creds.secret_access_key = in.ConsumeBool() ? "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" : in.ConsumeRandomLengthString(48);
    creds.session_token = in.ConsumeBool() ? std::string() : in.ConsumeRandomLengthString(64);
    const std::string region = in.ConsumeBool() ? "us-east-1" : in.ConsumeRandomLengthString(24);
    const std::string service = in.ConsumeBool() ? "swf" : in.ConsumeRandomLengthString(16);
    // Years 1685 to 2255: what a nanosecond system_clock (libstdc++) can represent.
    const auto seconds = in.ConsumeIntegralInRange<std::int64_t>(-9'000'000'000LL, 9'000'000'000LL);
    request.body = in.ConsumeRemainingBytesAsString();
    const swfpp::signing_params params{creds, region, service,
                                       std::chrono::system_clock::time_point(std::chrono::seconds(seconds))};

    const fake_crypto crypto;
    // Canonicalisation alone, on whatever the fuzzer built: must not crash.
    swfpp::sigv4_signing_input raw;
    swfpp::make_signing_input(request, params, crypto, raw);
    SWFPP_FUZZ_CHECK(raw.amz_date.size() == 16 && raw.amz_date[8] == 'T' && raw.amz_date[15] == 'Z',
                     "X-Amz-Date is yyyymmddTHHMMSSZ");

    const swfpp::sigv4_signer<fake_crypto> signer;
    const swfpp::http_request original = request;
    const auto signed_ = signer.sign(request, params);
    if (!signed_.ok()) {
        const swfpp::error& e = signed_.error();
        SWFPP_FUZZ_CHECK(e.kind == swfpp::errc::configuration_error, "a refusal is a configuration_error");
        SWFPP_FUZZ_CHECK(same_request(request, original), "a refused request is left untouched");
        // The message must not depend on the secret or the token: the same refusal with their
        // printable bytes replaced reads the same (a substring test would trip on tokens that
        // happen to occur in the fixed wording).
        for (const char fill : {'Y', 'Z'}) {
            swfpp::credentials masked{creds.access_key_id, mask(creds.secret_access_key, fill),
                                      mask(creds.session_token, fill)};
            swfpp::http_request copy = original;
            const auto again = signer.sign(copy, {masked, region, service, params.time});
            SWFPP_FUZZ_CHECK(!again.ok() && again.error().message == e.message,
                             "a refusal reads the same whatever the secret and the token are");
        }
        return 0;
    }
    for (const auto& h : request.headers) {
        SWFPP_FUZZ_CHECK(swfpp::detail::is_http_token(h.name), "every header name is an HTTP token");
        SWFPP_FUZZ_CHECK(!swfpp_fuzz::has_line_break_or_nul(h.value), "no CR, LF or NUL in a header value");
    }
    SWFPP_FUZZ_CHECK(count_headers(request, "Authorization") == 1, "exactly one Authorization header");
    SWFPP_FUZZ_CHECK(count_headers(request, "X-Amz-Date") == 1, "exactly one X-Amz-Date header");
    if (!creds.session_token.empty())
        SWFPP_FUZZ_CHECK(count_headers(request, "X-Amz-Security-Token") == 1, "exactly one token header");

    const auto input = swfpp::make_signing_input(request, params, crypto);
    SWFPP_FUZZ_CHECK(is_signed_headers_list(input.signed_headers), "SignedHeaders is a list of lowercase tokens");
    SWFPP_FUZZ_CHECK(lists(input.signed_headers, "host") && lists(input.signed_headers, "x-amz-date"),
                     "host and x-amz-date are always signed");
    SWFPP_FUZZ_CHECK(!lists(input.signed_headers, "authorization"), "Authorization is never signed");

    const std::string authorization = swfpp::find_header(request.headers, "Authorization")->value;
    SWFPP_FUZZ_CHECK(authorization.rfind("AWS4-HMAC-SHA256 Credential=", 0) == 0, "Authorization is SigV4's");
    const auto resigned = signer.sign(request, params);
    SWFPP_FUZZ_CHECK(resigned.ok(), "a signed request can be signed again");
    SWFPP_FUZZ_CHECK(swfpp::find_header(request.headers, "Authorization")->value == authorization,
                     "signing again at the same time gives the same signature");
    return 0;
}
