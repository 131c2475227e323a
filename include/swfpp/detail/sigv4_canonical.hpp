// swfpp — SigV4 canonicalisation: the pure string transformations behind the canonical request
// (URI path, query string, headers) and the X-Amz-Date timestamp. No crypto, no I/O.
//
// The reference is botocore 1.43 (`botocore.auth.SigV4Auth`), checked against the AWS SigV4 test
// suite. Where botocore and the written spec disagree, botocore wins, because the service accepts
// what botocore sends; each such choice is noted where it is made.
#ifndef SWFPP_DETAIL_SIGV4_CANONICAL_HPP
#define SWFPP_DETAIL_SIGV4_CANONICAL_HPP

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "swfpp/detail/byte_scan.hpp"
#include "swfpp/detail/config.hpp"
#include "swfpp/detail/decimal.hpp"
#include "swfpp/http.hpp"

SWFPP_NAMESPACE_BEGIN
namespace detail {

constexpr unsigned char ascii_lower(unsigned char c) noexcept {
    return (c >= 'A' && c <= 'Z') ? static_cast<unsigned char>(c - 'A' + 'a') : c;
}

// RFC 3986 unreserved characters: the only bytes SigV4 leaves unencoded.
constexpr bool sigv4_is_unreserved(unsigned char c) noexcept {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
           c == '.' || c == '~';
}

SWFPP_DECL void sigv4_append_encoded_byte(std::string& out, unsigned char c);

// Percent-encodes every byte outside the unreserved set (Python's `quote(s, safe='~')`).
SWFPP_DECL void sigv4_uri_encode(std::string& out, std::string_view s);

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
SWFPP_DECL void sigv4_requote(std::string& out, std::string_view s);

// Splits a request-target into path and query; a fragment (never sent, but possible in a
// hand-built target) is dropped, as urlsplit does.
SWFPP_DECL void sigv4_split_target(std::string_view target, std::string_view& path, std::string_view& query) noexcept;

// Canonical URI, as botocore's `quote(remove_dot_segments(path), safe='/~')`: dot segments
// resolved, empty segments (repeated slashes) dropped, a trailing slash kept if any segment
// remains, each segment URI-encoded. The path is NOT percent-decoded first: a wire path
// `/a%20b` becomes `/a%2520b`, the double encoding every AWS service except S3 expects.
SWFPP_DECL void sigv4_append_canonical_uri(std::string& out, std::string_view path);

// Canonical query string: split on '&', each piece split at its first '=', key and value
// requoted, pairs sorted by (key, value), joined as `k=v&...` ('=' always present). This equals
// botocore's output for the percent-encoded queries it builds itself, and the test suite's
// expectations for raw UTF-8 queries.
SWFPP_DECL void sigv4_append_canonical_query(std::string& out, std::string_view query);

// The whitespace Python's `str.split()` splits on, restricted to ASCII. botocore canonicalises
// header values with `' '.join(value.split())`; non-ASCII spaces (U+00A0...) are left alone here.
inline constexpr std::array<bool, 256> sigv4_space_table = [] {
    std::array<bool, 256> t{};
    for (int c = '\t'; c <= '\r'; ++c) t[static_cast<std::size_t>(c)] = true;
    for (int c = 0x1c; c <= 0x1f; ++c) t[static_cast<std::size_t>(c)] = true;
    t[' '] = true;
    return t;
}();

constexpr bool sigv4_is_space(unsigned char c) noexcept { return sigv4_space_table[c]; }

// The first whitespace byte in [p, end), or end. Every whitespace byte is below 0x21, so a
// word of eight bytes with none below 0x21 is skipped whole.
SWFPP_DECL const char* sigv4_find_space(const char* p, const char* end) noexcept;

// Writes `value` trimmed, with each internal run of whitespace collapsed to one space, at `out`
// (at most value.size() bytes) and returns the end. Copies word by word: this runs over every
// signed header value.
SWFPP_DECL char* sigv4_write_trimmed(char* out, std::string_view value) noexcept;

SWFPP_DECL void sigv4_append_trimmed(std::string& out, std::string_view value);

// Headers botocore never signs (SIGNED_HEADERS_BLACKLIST), plus Authorization, which botocore
// deletes before signing. Proxies and HTTP clients add or rewrite these in transit. `lower_name`
// is already lowercase; the switch on length leaves at most three fixed-size comparisons.
SWFPP_DECL bool sigv4_is_signed_header(std::string_view lower_name) noexcept;

// ASCII-lowercases 8 bytes at once: adds 0x20 to each byte in 'A'..'Z', leaves the rest.
SWFPP_DECL std::uint64_t ascii_lower_word(std::uint64_t w) noexcept;

// Writes `s` lowercased at `out` and returns the end.
SWFPP_DECL char* write_ascii_lower(char* out, std::string_view s) noexcept;

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

// The Host value botocore signs when the request has no Host header (`_host_from_url`):
// lowercase host, IPv6 literals bracketed, the port only when it is not the scheme's default.
SWFPP_DECL void sigv4_append_default_host(std::string& out, const http_request& request);

// Canonical headers (`name:value\n` per distinct lowercase name, sorted; repeated headers
// joined with ',' in their original order) appended to `canonical`, and the SignedHeaders list
// (`a;b;c`) to `signed_headers`. Allocation-free for up to 32 signed headers.
SWFPP_DECL void sigv4_append_canonical_headers(std::string& canonical, std::string& signed_headers,
                                               const http_request& request);

// Writes the 16 characters of `yyyymmddTHHMMSSZ` (UTC, seconds truncated, as botocore's
// strftime) to `out`. Pure arithmetic (Howard Hinnant's civil_from_days): no gmtime, no locale,
// thread-safe. Years outside 0..9999 cannot come from system_clock's range on LP64 platforms.
SWFPP_DECL void format_amz_date(std::chrono::system_clock::time_point time, char* out) noexcept;

}  // namespace detail
SWFPP_NAMESPACE_END

#if defined(SWFPP_HEADER_ONLY)
#include "swfpp/detail/impl/sigv4_canonical.ipp"
#endif

#endif
