// swfpp — bodies of swfpp/value_types.hpp.
#ifndef SWFPP_IMPL_VALUE_TYPES_IPP
#define SWFPP_IMPL_VALUE_TYPES_IPP

#include "swfpp/value_types.hpp"

#include <string_view>

SWFPP_NAMESPACE_BEGIN

const raw_json* unmodelled_members::find(std::string_view name) const noexcept {
    for (const auto& m : items)
        if (m.name == name) return &m.value;
    return nullptr;
}

SWFPP_NAMESPACE_END

#endif
