// swfpp — bodies of swfpp/detail/hex.hpp.
#ifndef SWFPP_DETAIL_IMPL_HEX_IPP
#define SWFPP_DETAIL_IMPL_HEX_IPP

#include "swfpp/detail/hex.hpp"

#include <cstring>

SWFPP_NAMESPACE_BEGIN
namespace detail {

char* write_hex(const std::uint8_t* bytes, std::size_t n, char* out) noexcept {
    for (std::size_t i = 0; i < n; ++i, out += 2) std::memcpy(out, &hex_pairs[2 * std::size_t{bytes[i]}], 2);
    return out;
}

}  // namespace detail
SWFPP_NAMESPACE_END

#endif
