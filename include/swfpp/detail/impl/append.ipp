// swfpp — bodies of swfpp/detail/append.hpp.
#ifndef SWFPP_DETAIL_IMPL_APPEND_IPP
#define SWFPP_DETAIL_IMPL_APPEND_IPP

#include "swfpp/detail/append.hpp"

#include <cstring>

SWFPP_NAMESPACE_BEGIN
namespace detail {

void append_concat(std::string& out, std::initializer_list<std::string_view> pieces) {
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
