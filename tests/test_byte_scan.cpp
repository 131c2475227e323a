// The word-at-a-time byte scans behind signing and JSON writing agree with plain byte loops, at
// every position, length and byte value.
#include <doctest/doctest.h>

#include <swfpp/detail/byte_scan.hpp>
#include <swfpp/detail/json_writer.hpp>
#include <swfpp/detail/sigv4_canonical.hpp>

#include <cstdint>
#include <cstring>
#include <string>

namespace {

bool naive_line_break_or_nul(const std::string& s) {
    for (unsigned char c : s)
        if (c == '\r' || c == '\n' || c == 0) return true;
    return false;
}

bool naive_control(const std::string& s) {
    for (unsigned char c : s)
        if (c < 0x20 || c == 0x7f) return true;
    return false;
}

}  // namespace

TEST_CASE("has_line_break_or_nul and has_control_char find any byte value at any position of any length") {
    int checked = 0;
    for (std::size_t length = 1; length <= 19; ++length)
        for (std::size_t pos = 0; pos < length; ++pos)
            for (int b = 0; b < 256; ++b) {
                std::string s(length, 'a');
                s[pos] = static_cast<char>(b);
                REQUIRE(swfpp::detail::has_line_break_or_nul(s) == naive_line_break_or_nul(s));
                REQUIRE(swfpp::detail::has_control_char(s) == naive_control(s));
                ++checked;
            }
    CHECK(checked == 190 * 256);
    CHECK_FALSE(swfpp::detail::has_line_break_or_nul(""));
    CHECK_FALSE(swfpp::detail::has_control_char(""));
}

TEST_CASE("ascii_lower_word lowercases exactly A-Z in every byte lane") {
    for (int b = 0; b < 256; ++b)
        for (int lane = 0; lane < 8; ++lane) {
            unsigned char bytes[8] = {'Q', 'z', '@', '[', 0xC3, 'M', '-', 'A'};
            bytes[lane] = static_cast<unsigned char>(b);
            std::uint64_t w;
            std::memcpy(&w, bytes, 8);
            w = swfpp::detail::ascii_lower_word(w);
            unsigned char out[8];
            std::memcpy(out, &w, 8);
            for (int k = 0; k < 8; ++k) {
                const unsigned char expected =
                    (bytes[k] >= 'A' && bytes[k] <= 'Z') ? static_cast<unsigned char>(bytes[k] + 32) : bytes[k];
                REQUIRE(out[k] == expected);
            }
        }
}

TEST_CASE("canonical header values are trimmed and collapsed wherever the whitespace falls") {
    for (int b = 0; b < 256; ++b)
        for (std::size_t pos = 0; pos < 20; ++pos) {
            std::string value = "abcdefgh ijklmnopqrstu";
            value[pos] = static_cast<char>(b);
            // Python: ' '.join(value.split()) over ASCII whitespace
            std::string expected, word;
            for (char ch : value + " ") {
                if (swfpp::detail::sigv4_is_space(static_cast<unsigned char>(ch))) {
                    if (!word.empty()) expected += (expected.empty() ? "" : " ") + word;
                    word.clear();
                } else {
                    word += ch;
                }
            }
            std::string out;
            swfpp::detail::sigv4_append_trimmed(out, value);
            REQUIRE(out == expected);
        }
}

TEST_CASE("JSON strings are escaped the same wherever the special byte falls") {
    for (int b = 0; b < 256; ++b)
        for (std::size_t length = 1; length <= 18; ++length)
            for (std::size_t pos = 0; pos < length; pos += 3) {
                std::string s(length, 'x');
                s[pos] = static_cast<char>(b);
                std::string expected = "\"";
                for (unsigned char c : s) {
                    if (c == '"') expected += "\\\"";
                    else if (c == '\\') expected += "\\\\";
                    else if (c == '\b') expected += "\\b";
                    else if (c == '\f') expected += "\\f";
                    else if (c == '\n') expected += "\\n";
                    else if (c == '\r') expected += "\\r";
                    else if (c == '\t') expected += "\\t";
                    else if (c < 0x20) {
                        const char* hex = "0123456789abcdef";
                        expected += std::string("\\u00") + hex[c >> 4] + hex[c & 15];
                    } else {
                        expected += static_cast<char>(c);
                    }
                }
                expected += "\"";
                std::string out;
                swfpp::detail::append_json_string(out, s);
                REQUIRE(out == expected);
            }
}
