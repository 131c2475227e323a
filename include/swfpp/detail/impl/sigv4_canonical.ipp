// swfpp — bodies of swfpp/detail/sigv4_canonical.hpp.
#ifndef SWFPP_DETAIL_IMPL_SIGV4_CANONICAL_IPP
#define SWFPP_DETAIL_IMPL_SIGV4_CANONICAL_IPP

#include "swfpp/detail/sigv4_canonical.hpp"

#include <algorithm>
#include <cstring>
#include <vector>

SWFPP_NAMESPACE_BEGIN
namespace detail {

void sigv4_append_encoded_byte(std::string& out, unsigned char c) {
    if (sigv4_is_unreserved(c)) {
        out += static_cast<char>(c);
        return;
    }
    constexpr char digits[] = "0123456789ABCDEF";  // SigV4 wants uppercase escapes
    const char esc[3] = {'%', digits[c >> 4], digits[c & 0x0f]};
    out.append(esc, 3);
}

void sigv4_uri_encode(std::string& out, std::string_view s) {
    for (char c : s) sigv4_append_encoded_byte(out, static_cast<unsigned char>(c));
}

void sigv4_requote(std::string& out, std::string_view s) {
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

void sigv4_split_target(std::string_view target, std::string_view& path, std::string_view& query) noexcept {
    if (const std::size_t hash = target.find('#'); hash != std::string_view::npos) target = target.substr(0, hash);
    const std::size_t q = target.find('?');
    path = target.substr(0, q);
    query = q == std::string_view::npos ? std::string_view() : target.substr(q + 1);
}

void sigv4_append_canonical_uri(std::string& out, std::string_view path) {
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

void sigv4_append_canonical_query(std::string& out, std::string_view query) {
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

const char* sigv4_find_space(const char* p, const char* const end) noexcept {
    for (;;) {
        std::uint64_t w;
        while (end - p >= 8 && (std::memcpy(&w, p, 8), has_byte_below(w, 0x21) == 0)) p += 8;
        const char* const stop = end - p >= 8 ? p + 8 : end;
        for (; p < stop; ++p)
            if (sigv4_is_space(static_cast<unsigned char>(*p))) return p;
        if (p == end) return end;
    }
}

char* sigv4_write_trimmed(char* out, std::string_view value) noexcept {
    const char* p = value.data();
    const char* const end = p + value.size();
    bool first = true;
    for (;;) {
        while (p < end && sigv4_is_space(static_cast<unsigned char>(*p))) ++p;
        const char* const word = p;
        p = sigv4_find_space(p, end);
        if (word == p) return out;
        if (!first) *out++ = ' ';
        first = false;
        std::memcpy(out, word, static_cast<std::size_t>(p - word));
        out += p - word;
    }
}

void sigv4_append_trimmed(std::string& out, std::string_view value) {
    const std::size_t old = out.size();
    out.resize(old + value.size());
    out.resize(static_cast<std::size_t>(sigv4_write_trimmed(&out[old], value) - out.data()));
}

bool sigv4_is_signed_header(std::string_view lower_name) noexcept {
    const char* const n = lower_name.data();
    // Only called with a name of the literal's length: a fixed-size compare, inlined.
    const auto is = [n](const auto& literal) { return std::memcmp(n, literal, sizeof literal - 1) == 0; };
    switch (lower_name.size()) {
        case 2: return !is("te");
        case 6: return !is("expect");
        case 7: return !is("trailer") && !is("upgrade");
        case 10: return !is("connection") && !is("keep-alive") && !is("user-agent");
        case 13: return !is("authorization");
        case 15: return !is("x-amzn-trace-id");
        case 17: return !is("transfer-encoding");
        case 18: return !is("proxy-authenticate");
        case 19: return !is("proxy-authorization");
        default: return true;
    }
}

std::uint64_t ascii_lower_word(std::uint64_t w) noexcept {
    const std::uint64_t heptets = w & every_byte(0x7f);
    const std::uint64_t at_least_a = heptets + every_byte(0x80 - 'A');
    const std::uint64_t above_z = heptets + every_byte(0x80 - 'Z' - 1);
    const std::uint64_t upper = at_least_a & ~above_z & ~w & every_byte(0x80);
    return w | (upper >> 2);
}

char* write_ascii_lower(char* out, std::string_view s) noexcept {
    const char* p = s.data();
    std::size_t n = s.size();
    for (; n >= 8; p += 8, out += 8, n -= 8) {
        std::uint64_t w;
        std::memcpy(&w, p, 8);
        w = ascii_lower_word(w);
        std::memcpy(out, &w, 8);
    }
    for (; n > 0; --n) *out++ = static_cast<char>(ascii_lower(static_cast<unsigned char>(*p++)));
    return out;
}

void sigv4_append_default_host(std::string& out, const http_request& request) {
    const std::string_view host = request.host;
    const bool bracket = host.find(':') != std::string_view::npos && (host.empty() || host.front() != '[');
    if (bracket) out += '[';
    for (char c : host) out += static_cast<char>(ascii_lower(static_cast<unsigned char>(c)));
    if (bracket) out += ']';
    const std::uint16_t default_port = iequals(request.scheme, "http") ? 80 : iequals(request.scheme, "https") ? 443 : 0;
    if (request.port != 0 && request.port != default_port) {
        out += ':';
        append_decimal(out, request.port);
    }
}

void sigv4_append_canonical_headers(std::string& canonical, std::string& signed_headers, const http_request& request) {
    struct header_ref {  // trivial, so the inline array below costs no initialisation
        const char* name;    // lowercased, in `lowered`
        std::size_t name_size;
        const char* value;
        std::size_t value_size;
        std::size_t order;
        std::string_view name_view() const noexcept { return {name, name_size}; }
        std::string_view value_view() const noexcept { return {value, value_size}; }
    };
    // Names are lowercased once into one buffer, so sorting and grouping compare plain bytes.
    constexpr std::size_t inline_refs = 32, inline_name_bytes = 512;
    std::size_t name_bytes = 4;  // a Host derived from the URL
    for (const http_header& h : request.headers) name_bytes += h.name.size();
    header_ref inline_ref_storage[inline_refs];
    char inline_name_storage[inline_name_bytes];
    std::vector<header_ref> heap_refs;
    std::string heap_names;
    header_ref* refs = inline_ref_storage;
    char* lowered = inline_name_storage;
    if (request.headers.size() + 1 > inline_refs) {
        heap_refs.resize(request.headers.size() + 1);
        refs = heap_refs.data();
    }
    if (name_bytes > inline_name_bytes) {
        heap_names.resize(name_bytes);
        lowered = &heap_names[0];
    }

    std::size_t n = 0;
    bool has_host = false;
    for (const http_header& h : request.headers) {
        char* const end = write_ascii_lower(lowered, h.name);
        const std::string_view name(lowered, h.name.size());
        if (!sigv4_is_signed_header(name)) continue;
        lowered = end;
        has_host = has_host || name == "host";
        refs[n] = header_ref{name.data(), name.size(), h.value.data(), h.value.size(), n};
        ++n;
    }
    std::string default_host;  // only when the caller left Host to the transport
    if (!has_host) {
        sigv4_append_default_host(default_host, request);
        refs[n] = header_ref{"host", 4, default_host.data(), default_host.size(), n};
        ++n;
    }
    // Index as tie-break: a stable order for repeated names without stable_sort's buffer.
    // A request has a handful of headers, mostly in order: insertion sort, with an inline
    // byte comparison (names usually differ within their first bytes), up to a few dozen.
    const auto before = [](const header_ref& a, const header_ref& b) noexcept {
        const std::size_t common = a.name_size < b.name_size ? a.name_size : b.name_size;
        for (std::size_t k = 0; k < common; ++k)
            if (a.name[k] != b.name[k])
                return static_cast<unsigned char>(a.name[k]) < static_cast<unsigned char>(b.name[k]);
        return a.name_size != b.name_size ? a.name_size < b.name_size : a.order < b.order;
    };
    if (n <= inline_refs) {
        for (std::size_t i = 1; i < n; ++i) {
            const header_ref moving = refs[i];
            std::size_t k = i;
            for (; k > 0 && before(moving, refs[k - 1]); --k) refs[k] = refs[k - 1];
            refs[k] = moving;
        }
    } else {
        std::sort(refs, refs + n, before);
    }

    // Both strings are grown once to a bound (trimming and joining only shrink) and written
    // through pointers: per-piece appends would cost a library call each.
    std::size_t canonical_bound = 0, names_bound = 0;
    for (std::size_t i = 0; i < n; ++i) {
        canonical_bound += refs[i].name_size + refs[i].value_size + 2;
        names_bound += refs[i].name_size + 1;
    }
    const std::size_t canonical_begin = canonical.size();
    const std::size_t names_begin = signed_headers.size();
    canonical.resize(canonical_begin + canonical_bound);
    signed_headers.resize(names_begin + names_bound);
    char* c = &canonical[canonical_begin];
    char* names = &signed_headers[names_begin];
    for (std::size_t i = 0; i < n;) {
        const std::string_view name = refs[i].name_view();
        if (i > 0) *names++ = ';';
        std::memcpy(names, name.data(), name.size());
        names += name.size();
        std::memcpy(c, name.data(), name.size());
        c += name.size();
        *c++ = ':';
        c = sigv4_write_trimmed(c, refs[i].value_view());
        std::size_t j = i + 1;
        for (; j < n && refs[j].name_view() == name; ++j) {
            *c++ = ',';
            c = sigv4_write_trimmed(c, refs[j].value_view());
        }
        *c++ = '\n';
        i = j;
    }
    canonical.resize(static_cast<std::size_t>(c - canonical.data()));
    signed_headers.resize(static_cast<std::size_t>(names - signed_headers.data()));
}

void format_amz_date(std::chrono::system_clock::time_point time, char* out) noexcept {
    const long long secs = std::chrono::floor<std::chrono::seconds>(time.time_since_epoch()).count();
    // A signing formats the same second twice (the header, the string to sign), and calls
    // come many to a second: the last result is kept per thread.
    thread_local bool has_last = false;
    thread_local long long last_secs = 0;
    thread_local char last[16];
    if (has_last && secs == last_secs) {
        std::memcpy(out, last, 16);
        return;
    }
    char* const begin = out;
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
    std::memcpy(last, begin, 16);
    last_secs = secs;
    has_last = true;
}

}  // namespace detail
SWFPP_NAMESPACE_END

#endif
