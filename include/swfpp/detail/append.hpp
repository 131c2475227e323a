// swfpp — appending several pieces to a std::string with one resize. std::string's members are
// compiled into the standard library, not inlined: on the signing path a call per piece costs
// more than the copying.
#ifndef SWFPP_DETAIL_APPEND_HPP
#define SWFPP_DETAIL_APPEND_HPP

#include <initializer_list>
#include <string>
#include <string_view>

#include "swfpp/detail/config.hpp"

SWFPP_NAMESPACE_BEGIN
namespace detail {

SWFPP_DECL void append_concat(std::string& out, std::initializer_list<std::string_view> pieces);

}  // namespace detail
SWFPP_NAMESPACE_END

#if defined(SWFPP_HEADER_ONLY)
#include "swfpp/detail/impl/append.ipp"
#endif

#endif
