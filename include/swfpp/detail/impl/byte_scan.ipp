// swfpp — bodies of swfpp/detail/byte_scan.hpp.
#ifndef SWFPP_DETAIL_IMPL_BYTE_SCAN_IPP
#define SWFPP_DETAIL_IMPL_BYTE_SCAN_IPP

#include "swfpp/detail/byte_scan.hpp"

SWFPP_NAMESPACE_BEGIN
namespace detail {

bool has_line_break_or_nul(std::string_view s) noexcept {
    return any_byte(
        s,
        [](std::uint64_t w) {  // all three are below 0x0e, which real header values never contain
            return has_byte_below(w, 0x0e) != 0 &&
                   (has_byte_equal(w, '\r') | has_byte_equal(w, '\n') | has_byte_below(w, 1)) != 0;
        },
        [](unsigned char c) { return c == '\r' || c == '\n' || c == 0; });
}

bool has_control_char(std::string_view s) noexcept {
    return any_byte(
        s, [](std::uint64_t w) { return (has_byte_below(w, 0x20) | has_byte_equal(w, 0x7f)) != 0; },
        [](unsigned char c) { return c < 0x20 || c == 0x7f; });
}

}  // namespace detail
SWFPP_NAMESPACE_END

#endif
