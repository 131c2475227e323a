// swfpp — appending several pieces to a std::string with one resize. std::string's members are
// compiled into the standard library, not inlined: on the signing path a call per piece costs
// more than the copying.
#ifndef SWFPP_DETAIL_APPEND_HPP
#define SWFPP_DETAIL_APPEND_HPP

#include <cstring>
#include <initializer_list>
#include <string>
#include <string_view>

#include "swfpp/detail/config.hpp"

SWFPP_NAMESPACE_BEGIN
namespace detail {

inline void append_concat(std::string& out, std::initializer_list<std::string_view> pieces) {
    std::size_t size = out.size();
    for (std::string_view p : pieces) size += p.size();
    std::size_t at = out.size();
    out.resize(size);
    for (std::string_view p : pieces) {
        if (!p.empty()) std::memcpy(&out[at], p.data(), p.size());
        at += p.size();
    }
}

}  // namespace detail
SWFPP_NAMESPACE_END

#endif
