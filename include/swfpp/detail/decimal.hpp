// swfpp — integers as decimal text, without <charconv>, a locale or an allocation.
#ifndef SWFPP_DETAIL_DECIMAL_HPP
#define SWFPP_DETAIL_DECIMAL_HPP

#include <string>

#include "swfpp/detail/config.hpp"

SWFPP_NAMESPACE_BEGIN
namespace detail {

// Writes the decimal digits of `v` at `out` (at most 20 bytes) and returns the end.
SWFPP_DECL char* write_decimal(char* out, unsigned long long v) noexcept;

SWFPP_DECL void append_decimal(std::string& out, unsigned long long v);

// The same for a signed value ("-42"); the magnitude is taken without overflow for the minimum.
SWFPP_DECL void append_signed_decimal(std::string& out, long long v);

}  // namespace detail
SWFPP_NAMESPACE_END

#if defined(SWFPP_HEADER_ONLY)
#include "swfpp/detail/impl/decimal.ipp"
#endif

#endif
