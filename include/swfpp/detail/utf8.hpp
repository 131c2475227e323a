// swfpp — UTF-8 validation and code point counting (RFC 3629: no overlongs, no surrogates,
// nothing above U+10FFFF).
#ifndef SWFPP_DETAIL_UTF8_HPP
#define SWFPP_DETAIL_UTF8_HPP

#include <cstddef>
#include <string_view>

#include "swfpp/detail/config.hpp"

SWFPP_NAMESPACE_BEGIN
namespace detail {

inline constexpr std::size_t utf8_valid = static_cast<std::size_t>(-1);

// Returns utf8_valid, or the byte offset of the first byte of the first ill-formed sequence.
constexpr std::size_t find_invalid_utf8(std::string_view s) noexcept {
    const auto n = s.size();
    std::size_t i = 0;
    while (i < n) {
        const auto b0 = static_cast<unsigned char>(s[i]);
        if (b0 < 0x80) {
            ++i;
            continue;
        }
        std::size_t len = 0;
        unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte (Table 3-7)
        if (b0 >= 0xC2 && b0 <= 0xDF) {
            len = 2;
        } else if (b0 >= 0xE0 && b0 <= 0xEF) {
            len = 3;
            if (b0 == 0xE0) lo = 0xA0;  // no overlongs
            if (b0 == 0xED) hi = 0x9F;  // no surrogates
        } else if (b0 >= 0xF0 && b0 <= 0xF4) {
            len = 4;
            if (b0 == 0xF0) lo = 0x90;  // no overlongs
            if (b0 == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
        } else {
            return i;
        }
        if (n - i < len) return i;
        const auto b1 = static_cast<unsigned char>(s[i + 1]);
        if (b1 < lo || b1 > hi) return i;
        for (std::size_t k = 2; k < len; ++k) {
            const auto bk = static_cast<unsigned char>(s[i + k]);
            if (bk < 0x80 || bk > 0xBF) return i;
        }
        i += len;
    }
    return utf8_valid;
}

// Number of code points in valid UTF-8: what botocore's len() sees for the same Python str.
constexpr std::size_t count_code_points(std::string_view s) noexcept {
    std::size_t count = 0;
    for (char c : s)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
    return count;
}

}  // namespace detail
SWFPP_NAMESPACE_END

#endif
