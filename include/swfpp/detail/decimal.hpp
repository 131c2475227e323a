// swfpp — integers as decimal text, without <charconv>, a locale or an allocation.
#ifndef SWFPP_DETAIL_DECIMAL_HPP
#define SWFPP_DETAIL_DECIMAL_HPP

#include <string>

#include "swfpp/detail/config.hpp"

SWFPP_NAMESPACE_BEGIN
namespace detail {

// Writes the decimal digits of `v` at `out` (at most 20 bytes) and returns the end.
inline char* write_decimal(char* out, unsigned long long v) noexcept {
    char digits[20];
    int n = 0;
    do digits[n++] = static_cast<char>('0' + v % 10);
    while ((v /= 10) != 0);
    while (n > 0) *out++ = digits[--n];
    return out;
}

inline void append_decimal(std::string& out, unsigned long long v) {
    char digits[20];
    out.append(digits, static_cast<std::size_t>(write_decimal(digits, v) - digits));
}

// The same for a signed value ("-42"); the magnitude is taken without overflow for the minimum.
inline void append_signed_decimal(std::string& out, long long v) {
    if (v < 0) out += '-';
    append_decimal(out, v < 0 ? 0ull - static_cast<unsigned long long>(v) : static_cast<unsigned long long>(v));
}

}  // namespace detail
SWFPP_NAMESPACE_END

#endif
