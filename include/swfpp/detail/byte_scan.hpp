// swfpp — byte-class scans eight bytes at a time. Signing checks every header value and the
// session token on every call; a word-at-a-time test does in one step what a byte loop does
// in eight.
#ifndef SWFPP_DETAIL_BYTE_SCAN_HPP
#define SWFPP_DETAIL_BYTE_SCAN_HPP

#include <cstdint>
#include <cstring>
#include <string_view>

#include "swfpp/detail/config.hpp"

SWFPP_NAMESPACE_BEGIN
namespace detail {

inline constexpr std::uint64_t every_byte(unsigned char c) noexcept { return 0x0101010101010101ull * c; }

// Non-zero when some byte of `w` is below `n` (n <= 128) — exact as a yes/no answer, the
// classic "hasless" bit trick.
inline constexpr std::uint64_t has_byte_below(std::uint64_t w, unsigned char n) noexcept {
    return (w - every_byte(n)) & ~w & every_byte(0x80);
}

// Non-zero when some byte of `w` equals `c`.
inline constexpr std::uint64_t has_byte_equal(std::uint64_t w, unsigned char c) noexcept {
    return has_byte_below(w ^ every_byte(c), 1);
}

// True when some byte of `s` satisfies `word_test` (on 8-byte words) / `byte_test` (on the tail).
template <class WordTest, class ByteTest>
bool any_byte(std::string_view s, WordTest word_test, ByteTest byte_test) noexcept {
    const char* p = s.data();
    std::size_t n = s.size();
    std::uint64_t w;
    if (n < 8) {
        for (; n > 0; ++p, --n)
            if (byte_test(static_cast<unsigned char>(*p))) return true;
        return false;
    }
    for (; n >= 8; p += 8, n -= 8) {
        std::memcpy(&w, p, 8);
        if (word_test(w)) return true;
    }
    if (n == 0) return false;
    std::memcpy(&w, s.data() + s.size() - 8, 8);  // the tail, as the last eight bytes
    return word_test(w);
}

// CR, LF or NUL: the bytes that would let a header value start another header line.
SWFPP_DECL bool has_line_break_or_nul(std::string_view s) noexcept;

// A C0 control character or DEL.
SWFPP_DECL bool has_control_char(std::string_view s) noexcept;

}  // namespace detail
SWFPP_NAMESPACE_END

#if defined(SWFPP_HEADER_ONLY)
#include "swfpp/detail/impl/byte_scan.ipp"
#endif

#endif
