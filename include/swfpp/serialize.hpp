// swfpp — the AWS JSON serializer derived from a shape description.
#ifndef SWFPP_SERIALIZE_HPP
#define SWFPP_SERIALIZE_HPP

#include <string>
#include <type_traits>

#include "swfpp/detail/config.hpp"
#include "swfpp/detail/json_writer.hpp"
#include "swfpp/shape.hpp"

SWFPP_NAMESPACE_BEGIN
namespace detail {

template <class T>
void write_json_value(std::string& out, const T& value);

template <class Shape>
void write_json_object(std::string& out, const Shape& value) {
    out.push_back('{');
    bool first = true;
    for_each_member<Shape>([&](const auto& m) {
        const auto& field = value.*(m.pointer);
        using field_type = std::decay_t<decltype(field)>;
        if constexpr (is_optional<field_type>::value) {
            if (!field) return;  // unset optional members are omitted, never sent as null
        }
        if (!first) out.push_back(',');
        first = false;
        append_json_string(out, m.name);
        out.push_back(':');
        write_json_value(out, field);
    });
    out.push_back('}');
}

template <class T>
void write_json_value(std::string& out, const T& value) {
    if constexpr (std::is_same_v<T, std::string>) {
        append_json_string(out, value);
    } else if constexpr (std::is_same_v<T, bool>) {
        out.append(value ? "true" : "false");
    } else if constexpr (std::is_integral_v<T>) {
        append_json_integer(out, value);
    } else if constexpr (std::is_floating_point_v<T>) {
        append_json_double(out, value);
    } else if constexpr (is_optional<T>::value) {
        write_json_value(out, *value);
    } else if constexpr (is_vector<T>::value) {
        out.push_back('[');
        for (std::size_t i = 0; i < value.size(); ++i) {
            if (i != 0) out.push_back(',');
            write_json_value(out, value[i]);
        }
        out.push_back(']');
    } else if constexpr (is_shape_v<T>) {
        write_json_object(out, value);
    } else {
        static_assert(sizeof(T) == 0, "swfpp: unsupported member type in a shape description");
    }
}

}  // namespace detail

// Appends the compact JSON form of `input` to `out`: members in model order, unset optionals
// omitted. Precondition: validate(input) succeeded (strings are valid UTF-8, numbers finite).
template <class Shape>
void serialize_json(const Shape& input, std::string& out) {
    detail::write_json_object(out, input);
}

SWFPP_NAMESPACE_END

#endif
