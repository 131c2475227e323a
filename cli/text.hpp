// swf — small text helpers that reproduce what the AWS CLI (Python) prints, so swf's messages
// match it byte for byte: botocore's xform_name, Python's int() and repr(), base64.
//
// Pure functions over strings; no I/O. Thread-safe.
#ifndef SWF_CLI_TEXT_HPP
#define SWF_CLI_TEXT_HPP

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

namespace swf_cli {

constexpr bool is_ascii_upper(char c) noexcept { return c >= 'A' && c <= 'Z'; }
constexpr bool is_ascii_lower(char c) noexcept { return c >= 'a' && c <= 'z'; }
constexpr bool is_ascii_digit(char c) noexcept { return c >= '0' && c <= '9'; }

// botocore's xform_name(name, '-'), which is how the AWS CLI names commands and options:
// "RequestCancelWorkflowExecution" -> "request-cancel-workflow-execution", "workflowId" ->
// "workflow-id". The two passes are its regular expressions `(.)([A-Z][a-z]+)` and
// `([a-z0-9])([A-Z])`, each replaced by `\1-\2`, then everything is lower-cased.
inline std::string xform_name(std::string_view name) {
    if (name.find('-') != std::string_view::npos) return std::string(name);
    std::string first;
    for (std::size_t i = 0; i < name.size();) {
        if (i + 2 < name.size() && is_ascii_upper(name[i + 1]) && is_ascii_lower(name[i + 2])) {
            first.push_back(name[i]);
            first.push_back('-');
            first.push_back(name[i + 1]);
            i += 2;
            while (i < name.size() && is_ascii_lower(name[i])) first.push_back(name[i++]);
        } else {
            first.push_back(name[i++]);
        }
    }
    std::string out;
    for (std::size_t i = 0; i < first.size();) {
        const char c = first[i];
        if (i + 1 < first.size() && (is_ascii_lower(c) || is_ascii_digit(c)) && is_ascii_upper(first[i + 1])) {
            out.push_back(c);
            out.push_back('-');
            out.push_back(first[i + 1]);
            i += 2;
        } else {
            out.push_back(c);
            ++i;
        }
    }
    for (char& c : out)
        if (is_ascii_upper(c)) c = static_cast<char>(c - 'A' + 'a');
    return out;
}

namespace detail {
// The body of Python's repr() of a str or bytes: single quotes unless the text holds a single
// quote and no double quote; backslash, the quote, \t \n \r and other control characters
// escaped. `escape_high`: bytes >= 0x80 as \xNN (bytes) rather than as they are (str).
inline std::string python_quoted(std::string_view s, bool escape_high) {
    const bool use_double = s.find('\'') != std::string_view::npos && s.find('"') == std::string_view::npos;
    const char quote = use_double ? '"' : '\'';
    std::string out(1, quote);
    for (char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '\\' || c == quote) {
            out.push_back('\\');
            out.push_back(c);
        } else if (c == '\t') {
            out += "\\t";
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (u < 0x20 || u == 0x7f || (escape_high && u >= 0x80)) {
            constexpr char hex[] = "0123456789abcdef";
            out += "\\x";
            out.push_back(hex[u >> 4]);
            out.push_back(hex[u & 0xf]);
        } else {
            out.push_back(c);
        }
    }
    out.push_back(quote);
    return out;
}
}  // namespace detail

// Python's repr() of a str. Bytes >= 0x80 are copied as they are (Python would show most as
// themselves).
inline std::string python_repr(std::string_view s) { return detail::python_quoted(s, false); }

// Python's repr() of a bytes object: b'...'.
inline std::string python_bytes_repr(std::string_view s) { return "b" + detail::python_quoted(s, true); }

inline constexpr std::string_view base64_alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

// base64.b64encode: the standard alphabet, with padding.
inline std::string base64_encode(std::string_view bytes) {
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    for (std::size_t i = 0; i < bytes.size(); i += 3) {
        const std::size_t n = std::min<std::size_t>(3, bytes.size() - i);
        std::uint32_t group = 0;
        for (std::size_t k = 0; k < 3; ++k)
            group = group << 8 | (k < n ? static_cast<unsigned char>(bytes[i + k]) : 0u);
        for (std::size_t k = 0; k < 4; ++k)
            out.push_back(k <= n ? base64_alphabet[group >> (18 - 6 * k) & 0x3f] : '=');
    }
    return out;
}

// base64.b64decode without validation, as binascii reads it: characters outside the alphabet
// are skipped, and enough padding ends the input. nullopt where Python raises binascii.Error
// (a dangling character, missing padding).
inline std::optional<std::string> base64_decode(std::string_view text) {
    std::string out;
    int quad_pos = 0, pads = 0;
    std::uint32_t bits = 0;
    for (char c : text) {
        if (c == '=') {
            if (quad_pos >= 2 && quad_pos + ++pads >= 4) return out;
            continue;
        }
        const auto at = base64_alphabet.find(c);
        if (at == std::string_view::npos) continue;
        pads = 0;
        bits = bits << 6 | static_cast<std::uint32_t>(at);
        if (quad_pos > 0) out.push_back(static_cast<char>(bits >> (6 - 2 * quad_pos) & 0xff));
        quad_pos = (quad_pos + 1) % 4;
    }
    if (quad_pos != 0) return std::nullopt;
    return out;
}

// An integer as Python's int(text) reads it: surrounding whitespace, an optional sign, and
// decimal digits with single underscores between them ("1_000").
struct python_int {
    bool negative = false;
    std::string digits;  // without leading zeros; "0" for zero

    bool positive() const noexcept { return !negative && digits != "0"; }
    // str(int): what Python prints for the value ("-01" reads as -1, "-0" as 0).
    std::string str() const { return negative && digits != "0" ? "-" + digits : digits; }
    // The value, saturated at the ends of std::int64_t.
    std::int64_t clamped() const noexcept {
        const auto m = static_cast<std::int64_t>(std::min<std::uint64_t>(magnitude(), std::numeric_limits<std::int64_t>::max()));
        return negative ? -m : m;
    }
    // The magnitude, saturated at the largest std::uint64_t.
    std::uint64_t magnitude() const noexcept {
        std::uint64_t v = 0;
        constexpr auto max = std::numeric_limits<std::uint64_t>::max();
        for (char c : digits) {
            const auto d = static_cast<std::uint64_t>(c - '0');
            if (v > (max - d) / 10) return max;
            v = v * 10 + d;
        }
        return v;
    }
};

inline std::optional<python_int> parse_python_int(std::string_view text) {
    const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'; };
    while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
    python_int value;
    if (!text.empty() && (text.front() == '+' || text.front() == '-')) {
        value.negative = text.front() == '-';
        text.remove_prefix(1);
    }
    if (text.empty() || !is_ascii_digit(text.front()) || !is_ascii_digit(text.back())) return std::nullopt;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '_') {
            if (!is_ascii_digit(text[i + 1])) return std::nullopt;  // "1__0"; text.back() is a digit
            continue;
        }
        if (!is_ascii_digit(c)) return std::nullopt;
        if (c == '0' && value.digits.empty()) continue;
        value.digits.push_back(c);
    }
    if (value.digits.empty()) value.digits = "0";
    return value;
}

}  // namespace swf_cli

#endif
