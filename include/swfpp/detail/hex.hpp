// swfpp — lowercase hexadecimal encoding of byte strings (digests, signatures).
#ifndef SWFPP_DETAIL_HEX_HPP
#define SWFPP_DETAIL_HEX_HPP

#include <array>
#include <cstddef>
#include <cstdint>

#include "swfpp/detail/config.hpp"

SWFPP_NAMESPACE_BEGIN
namespace detail {

// Each byte's two lowercase hex digits: one load per byte instead of two shifts and lookups.
inline constexpr std::array<char, 512> hex_pairs = [] {
    constexpr char digits[] = "0123456789abcdef";
    std::array<char, 512> t{};
    for (std::size_t b = 0; b < 256; ++b) {
        t[2 * b] = digits[b >> 4];
        t[2 * b + 1] = digits[b & 0x0f];
    }
    return t;
}();

// Writes 2*n lowercase hex digits of `bytes` to `out` and returns the end. SigV4 requires
// lowercase for payload hashes and signatures.
SWFPP_DECL char* write_hex(const std::uint8_t* bytes, std::size_t n, char* out) noexcept;

}  // namespace detail
SWFPP_NAMESPACE_END

#if defined(SWFPP_HEADER_ONLY)
#include "swfpp/detail/impl/hex.ipp"
#endif

#endif
