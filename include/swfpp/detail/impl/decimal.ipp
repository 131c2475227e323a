// swfpp — bodies of swfpp/detail/decimal.hpp.
#ifndef SWFPP_DETAIL_IMPL_DECIMAL_IPP
#define SWFPP_DETAIL_IMPL_DECIMAL_IPP

#include "swfpp/detail/decimal.hpp"

SWFPP_NAMESPACE_BEGIN
namespace detail {

char* write_decimal(char* out, unsigned long long v) noexcept {
    char digits[20];
    int n = 0;
    do digits[n++] = static_cast<char>('0' + v % 10);
    while ((v /= 10) != 0);
    while (n > 0) *out++ = digits[--n];
    return out;
}

void append_decimal(std::string& out, unsigned long long v) {
    char digits[20];
    out.append(digits, static_cast<std::size_t>(write_decimal(digits, v) - digits));
}

void append_signed_decimal(std::string& out, long long v) {
    if (v < 0) out += '-';
    append_decimal(out, v < 0 ? 0ull - static_cast<unsigned long long>(v) : static_cast<unsigned long long>(v));
}

}  // namespace detail
SWFPP_NAMESPACE_END

#endif
