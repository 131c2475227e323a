// swfpp — lowercase hexadecimal encoding of byte strings (digests, signatures).
#ifndef SWFPP_DETAIL_HEX_HPP
#define SWFPP_DETAIL_HEX_HPP

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>

#include "swfpp/detail/config.hpp"

SWFPP_NAMESPACE_BEGIN
namespace detail {

// Writes 2*n lowercase hex digits of `bytes` to `out` and returns the end. SigV4 requires
// lowercase for payload hashes and signatures.
inline char* write_hex(const std::uint8_t* bytes, std::size_t n, char* out) noexcept {
    constexpr char digits[] = "0123456789abcdef";
    for (std::size_t i = 0; i < n; ++i) {
        *out++ = digits[bytes[i] >> 4];
        *out++ = digits[bytes[i] & 0x0f];
    }
    return out;
}

template <std::size_t N>
void append_hex(std::string& out, const std::array<std::uint8_t, N>& bytes) {
    const std::size_t old = out.size();
    out.resize(old + 2 * N);
    write_hex(bytes.data(), N, &out[old]);
}

}  // namespace detail
SWFPP_NAMESPACE_END

#endif
