// swfpp — SigV4 canonicalisation: the pure string transformations behind the canonical request
// (URI path, query string, headers) and the X-Amz-Date timestamp. No crypto, no I/O.
//
// The reference is botocore 1.43 (`botocore.auth.SigV4Auth`), checked against the AWS SigV4 test
// suite. Where botocore and the written spec disagree, botocore wins, because the service accepts
// what botocore sends; each such choice is noted where it is made.
#ifndef SWFPP_DETAIL_SIGV4_CANONICAL_HPP
#define SWFPP_DETAIL_SIGV4_CANONICAL_HPP

#include <algorithm>
#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "swfpp/detail/config.hpp"
#include "swfpp/http.hpp"

SWFPP_NAMESPACE_BEGIN
namespace detail {

constexpr unsigned char ascii_lower(unsigned char c) noexcept {
    return (c >= 'A' && c <= 'Z') ? static_cast<unsigned char>(c - 'A' + 'a') : c;
}

// Orders as if both strings were ASCII-lowercased first, byte-wise unsigned: the order of
// botocore's `sorted()` over lowercased header names, without building lowercase copies.
constexpr int ascii_icompare(std::string_view a, std::string_view b) noexcept {
    const std::size_t n = a.size() < b.size() ? a.size() : b.size();
    for (std::size_t i = 0; i < n; ++i) {
        const unsigned char x = ascii_lower(static_cast<unsigned char>(a[i]));
        const unsigned char y = ascii_lower(static_cast<unsigned char>(b[i]));
        if (x != y) return x < y ? -1 : 1;
    }
    return a.size() == b.size() ? 0 : (a.size() < b.size() ? -1 : 1);
}

// RFC 3986 unreserved characters: the only bytes SigV4 leaves unencoded.
constexpr bool sigv4_is_unreserved(unsigned char c) noexcept {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
           c == '.' || c == '~';
}

inline void sigv4_append_encoded_byte(std::string& out, unsigned char c) {
    if (sigv4_is_unreserved(c)) {
        out += static_cast<char>(c);
        return;
    }
    constexpr char digits[] = "0123456789ABCDEF";  // SigV4 wants uppercase escapes
    const char esc[3] = {'%', digits[c >> 4], digits[c & 0x0f]};
    out.append(esc, 3);
}

// Percent-encodes every byte outside the unreserved set (Python's `quote(s, safe='~')`).
inline void sigv4_uri_encode(std::string& out, std::string_view s) {
    for (char c : s) sigv4_append_encoded_byte(out, static_cast<unsigned char>(c));
}

constexpr int hex_digit_value(char c) noexcept {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Percent-decodes `s`, then encodes it with the unreserved set, in one pass. Query components
// on the wire may already be encoded (`%E1%88%B4`) or not (raw UTF-8): both canonicalise to
// the same bytes. A '%' not followed by two hex digits stays a literal '%' (as Python's
// `unquote`), and '+' is a literal plus, not a space.
inline void sigv4_requote(std::string& out, std::string_view s) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c == '%' && i + 2 < s.size()) {
            const int hi = hex_digit_value(s[i + 1]);
            const int lo = hex_digit_value(s[i + 2]);
            if (hi >= 0 && lo >= 0) {
                c = static_cast<unsigned char>(hi * 16 + lo);
                i += 2;
            }
        }
        sigv4_append_encoded_byte(out, c);
    }
}

// Splits a request-target into path and query; a fragment (never sent, but possible in a
// hand-built target) is dropped, as urlsplit does.
inline void sigv4_split_target(std::string_view target, std::string_view& path, std::string_view& query) noexcept {
    if (const std::size_t hash = target.find('#'); hash != std::string_view::npos) target = target.substr(0, hash);
    const std::size_t q = target.find('?');
    path = target.substr(0, q);
    query = q == std::string_view::npos ? std::string_view() : target.substr(q + 1);
}

// Canonical URI, as botocore's `quote(remove_dot_segments(path), safe='/~')`: dot segments
// resolved, empty segments (repeated slashes) dropped, a trailing slash kept if any segment
// remains, each segment URI-encoded. The path is NOT percent-decoded first: a wire path
// `/a%20b` becomes `/a%2520b`, the double encoding every AWS service except S3 expects.
inline void sigv4_append_canonical_uri(std::string& out, std::string_view path) {
    if (path.empty()) {
        out += '/';
        return;
    }
    const std::size_t base = out.size();
    std::size_t segments = 0;
    for (std::size_t pos = 0; pos <= path.size();) {
        std::size_t slash = path.find('/', pos);
        if (slash == std::string_view::npos) slash = path.size();
        const std::string_view segment = path.substr(pos, slash - pos);
        pos = slash + 1;
        if (segment.empty() || segment == ".") continue;
        if (segment == "..") {
            if (segments > 0) {  // every kept segment starts with '/', and encoding never emits one
                out.resize(out.rfind('/'));
                --segments;
            }
            continue;
        }
        out += '/';
        sigv4_uri_encode(out, segment);
        ++segments;
    }
    if (path.front() != '/') {
        if (segments > 0) out.erase(base, 1);  // a relative path stays relative, as in botocore
        return;
    }
    if (segments == 0) {
        out += '/';
        return;
    }
    if (path.back() == '/') out += '/';
}

// Canonical query string: split on '&', each piece split at its first '=', key and value
// requoted, pairs sorted by (key, value), joined as `k=v&...` ('=' always present). This equals
// botocore's output for the percent-encoded queries it builds itself, and the test suite's
// expectations for raw UTF-8 queries.
inline void sigv4_append_canonical_query(std::string& out, std::string_view query) {
    if (query.empty()) return;
    struct pair_ref {
        std::size_t key_begin, key_end, value_end;  // into `encoded`; the value follows the key
    };
    std::string encoded;  // only requests with a query pay for these two allocations
    std::vector<pair_ref> pairs;
    encoded.reserve(query.size() + query.size() / 2);
    for (std::size_t pos = 0; pos <= query.size();) {
        std::size_t amp = query.find('&', pos);
        if (amp == std::string_view::npos) amp = query.size();
        const std::string_view piece = query.substr(pos, amp - pos);
        pos = amp + 1;
        const std::size_t eq = piece.find('=');
        pair_ref p;
        p.key_begin = encoded.size();
        sigv4_requote(encoded, piece.substr(0, eq));
        p.key_end = encoded.size();
        if (eq != std::string_view::npos) sigv4_requote(encoded, piece.substr(eq + 1));
        p.value_end = encoded.size();
        pairs.push_back(p);
    }
    const std::string_view all = encoded;
    auto key = [&](const pair_ref& p) { return all.substr(p.key_begin, p.key_end - p.key_begin); };
    auto value = [&](const pair_ref& p) { return all.substr(p.key_end, p.value_end - p.key_end); };
    std::sort(pairs.begin(), pairs.end(), [&](const pair_ref& a, const pair_ref& b) {
        const int c = key(a).compare(key(b));
        return c != 0 ? c < 0 : value(a) < value(b);
    });
    bool first = true;
    for (const pair_ref& p : pairs) {
        if (!first) out += '&';
        first = false;
        out += key(p);
        out += '=';
        out += value(p);
    }
}

// The whitespace Python's `str.split()` splits on, restricted to ASCII. botocore canonicalises
// header values with `' '.join(value.split())`; non-ASCII spaces (U+00A0...) are left alone here.
constexpr bool sigv4_is_space(unsigned char c) noexcept {
    return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f);
}

// Appends `value` trimmed, with each internal run of whitespace collapsed to one space. Copies
// word by word rather than byte by byte: this runs over every signed header value.
inline void sigv4_append_trimmed(std::string& out, std::string_view value) {
    const std::size_t n = value.size();
    bool first = true;
    for (std::size_t i = 0; i < n;) {
        while (i < n && sigv4_is_space(static_cast<unsigned char>(value[i]))) ++i;
        const std::size_t word = i;
        while (i < n && !sigv4_is_space(static_cast<unsigned char>(value[i]))) ++i;
        if (word == i) break;
        if (!first) out += ' ';
        first = false;
        out.append(value.data() + word, i - word);
    }
}

// Headers botocore never signs (SIGNED_HEADERS_BLACKLIST), plus Authorization, which botocore
// deletes before signing. Proxies and HTTP clients add or rewrite these in transit.
inline constexpr std::string_view sigv4_unsigned_headers[] = {
    "authorization",       "connection", "expect",  "keep-alive",        "proxy-authenticate",
    "proxy-authorization", "te",         "trailer", "transfer-encoding", "upgrade",
    "user-agent",          "x-amzn-trace-id",
};

constexpr bool sigv4_is_signed_header(std::string_view name) noexcept {
    for (std::string_view u : sigv4_unsigned_headers)
        if (iequals(name, u)) return false;  // compares sizes first: most names exit at once
    return true;
}

// RFC 9110 tchar, as a table: validation looks at every header name byte of every request.
inline constexpr std::array<bool, 256> tchar_table = [] {
    std::array<bool, 256> t{};
    for (int c = '0'; c <= '9'; ++c) t[static_cast<std::size_t>(c)] = true;
    for (int c = 'A'; c <= 'Z'; ++c) t[static_cast<std::size_t>(c)] = true;
    for (int c = 'a'; c <= 'z'; ++c) t[static_cast<std::size_t>(c)] = true;
    for (char c : std::string_view("!#$%&'*+-.^_`|~")) t[static_cast<unsigned char>(c)] = true;
    return t;
}();

// RFC 9110 token: what a header name may contain.
constexpr bool is_http_token(std::string_view s) noexcept {
    if (s.empty()) return false;
    for (char c : s)
        if (!tchar_table[static_cast<unsigned char>(c)]) return false;
    return true;
}

// CR, LF or NUL: the bytes that would let a header value start another header line.
constexpr bool has_line_break_or_nul(std::string_view s) noexcept {
    for (char ch : s) {
        const unsigned char c = static_cast<unsigned char>(ch);
        if (c <= '\r' && (c == '\r' || c == '\n' || c == 0)) return true;
    }
    return false;
}

// The Host value botocore signs when the request has no Host header (`_host_from_url`):
// lowercase host, IPv6 literals bracketed, the port only when it is not the scheme's default.
inline void sigv4_append_default_host(std::string& out, const http_request& request) {
    const std::string_view host = request.host;
    const bool bracket = host.find(':') != std::string_view::npos && (host.empty() || host.front() != '[');
    if (bracket) out += '[';
    for (char c : host) out += static_cast<char>(ascii_lower(static_cast<unsigned char>(c)));
    if (bracket) out += ']';
    const std::uint16_t default_port = iequals(request.scheme, "http") ? 80 : iequals(request.scheme, "https") ? 443 : 0;
    if (request.port != 0 && request.port != default_port) {
        char digits[5];
        int n = 0;
        for (unsigned p = request.port; p != 0; p /= 10) digits[n++] = static_cast<char>('0' + p % 10);
        out += ':';
        while (n > 0) out += digits[--n];
    }
}

// Canonical headers (`name:value\n` per distinct lowercase name, sorted; repeated headers
// joined with ',' in their original order) appended to `canonical`, and the SignedHeaders list
// (`a;b;c`) to `signed_headers`. Allocation-free for up to 32 signed headers.
inline void sigv4_append_canonical_headers(std::string& canonical, std::string& signed_headers,
                                           const http_request& request) {
    struct header_ref {
        std::string_view name;
        std::string_view value;
        std::size_t order;
    };
    constexpr std::size_t inline_capacity = 32;
    header_ref inline_refs[inline_capacity];
    std::vector<header_ref> heap_refs;
    const std::size_t needed = request.headers.size() + 1;  // +1: a Host derived from the URL
    header_ref* refs = inline_refs;
    if (needed > inline_capacity) {
        heap_refs.resize(needed);
        refs = heap_refs.data();
    }

    std::size_t n = 0;
    bool has_host = false;
    for (const http_header& h : request.headers) {
        if (!sigv4_is_signed_header(h.name)) continue;
        has_host = has_host || iequals(h.name, "host");
        refs[n] = header_ref{h.name, h.value, n};
        ++n;
    }
    std::string default_host;  // only when the caller left Host to the transport
    if (!has_host) {
        sigv4_append_default_host(default_host, request);
        refs[n] = header_ref{"host", default_host, n};
        ++n;
    }
    // Index as tie-break: a stable order for repeated names without stable_sort's buffer.
    std::sort(refs, refs + n, [](const header_ref& a, const header_ref& b) {
        const int c = ascii_icompare(a.name, b.name);
        return c != 0 ? c < 0 : a.order < b.order;
    });

    for (std::size_t i = 0; i < n;) {
        if (i > 0) signed_headers += ';';
        const std::size_t name_begin = canonical.size();
        canonical += refs[i].name;
        for (std::size_t k = name_begin; k < canonical.size(); ++k)
            canonical[k] = static_cast<char>(ascii_lower(static_cast<unsigned char>(canonical[k])));
        signed_headers.append(canonical, name_begin, std::string::npos);
        canonical += ':';
        sigv4_append_trimmed(canonical, refs[i].value);
        std::size_t j = i + 1;
        for (; j < n && iequals(refs[j].name, refs[i].name); ++j) {
            canonical += ',';
            sigv4_append_trimmed(canonical, refs[j].value);
        }
        canonical += '\n';
        i = j;
    }
}

// Writes the 16 characters of `yyyymmddTHHMMSSZ` (UTC, seconds truncated, as botocore's
// strftime) to `out`. Pure arithmetic (Howard Hinnant's civil_from_days): no gmtime, no locale,
// thread-safe. Years outside 0..9999 cannot come from system_clock's range on LP64 platforms.
inline void format_amz_date(std::chrono::system_clock::time_point time, char* out) noexcept {
    const long long secs = std::chrono::floor<std::chrono::seconds>(time.time_since_epoch()).count();
    long long days = secs / 86400;
    long long sod = secs % 86400;
    if (sod < 0) {
        sod += 86400;
        --days;
    }
    days += 719468;  // shift the epoch to 0000-03-01
    const long long era = (days >= 0 ? days : days - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(days - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned day = doy - (153 * mp + 2) / 5 + 1;
    const unsigned month = mp < 10 ? mp + 3 : mp - 9;
    long long year = static_cast<long long>(yoe) + era * 400 + (month <= 2 ? 1 : 0);
    if (year < 0) year = 0;
    if (year > 9999) year = 9999;

    auto put = [&out](unsigned long long v, int width) {
        for (int i = width - 1; i >= 0; --i) {
            out[i] = static_cast<char>('0' + v % 10);
            v /= 10;
        }
        out += width;
    };
    put(static_cast<unsigned long long>(year), 4);
    put(month, 2);
    put(day, 2);
    *out++ = 'T';
    put(static_cast<unsigned long long>(sod / 3600), 2);
    put(static_cast<unsigned long long>(sod / 60 % 60), 2);
    put(static_cast<unsigned long long>(sod % 60), 2);
    *out = 'Z';
}

}  // namespace detail
SWFPP_NAMESPACE_END

#endif
