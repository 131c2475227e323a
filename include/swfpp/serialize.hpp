// swfpp — the AWS JSON serializer derived from a shape description.
#ifndef SWFPP_SERIALIZE_HPP
#define SWFPP_SERIALIZE_HPP

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>
#include <type_traits>

#include "swfpp/detail/config.hpp"
#include "swfpp/detail/json_writer.hpp"
#include "swfpp/shape.hpp"
#include "swfpp/value_types.hpp"

SWFPP_NAMESPACE_BEGIN
namespace detail {

template <class T>
void write_json_value(std::string& out, const T& value);

// An unset optional, or an enum holding no value, is absent: omitted, never sent as null.
template <class T>
bool is_absent(const T& field) noexcept {
    if constexpr (is_optional<T>::value) {
        if (!field) return true;
        return is_absent(*field);
    } else if constexpr (is_open_enum<T>::value) {
        return !field.has_value();
    } else {
        return false;
    }
}

template <class Shape>
void write_json_object(std::string& out, const Shape& value) {
    out.push_back('{');
    bool first = true;
    const auto write_name = [&](std::string_view name) {
        if (!first) out.push_back(',');
        first = false;
        append_json_string(out, name);
        out.push_back(':');
    };
    for_each_member<Shape>([&](const auto& m) {
        const auto& field = value.*(m.pointer);
        if constexpr (std::is_same_v<std::decay_t<decltype(field)>, unmodelled_members>) {
            for (const auto& item : field.items) {
                write_name(item.name);
                out.append(item.value.text);
            }
        } else {
            if (is_absent(field)) return;
            write_name(m.name);
            write_json_value(out, field);
        }
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
    } else if constexpr (is_open_enum<T>::value) {
        append_json_string(out, value.str());
    } else if constexpr (std::is_same_v<T, timestamp>) {
        // Whole seconds, rounded down: botocore's int(calendar.timegm(dt.timetuple())).
        append_json_integer(out, std::chrono::floor<std::chrono::seconds>(value).time_since_epoch().count());
    } else if constexpr (std::is_same_v<T, raw_json>) {
        out.append(value.text);
    } else {
        static_assert(sizeof(T) == 0, "swfpp: unsupported member type in a shape description");
    }
}

}  // namespace detail

// Appends the compact JSON form of `input` to `out`: members in model order, absent members
// (unset optionals, enums holding no value) omitted. Precondition: validate(input) succeeded
// (strings are valid UTF-8, numbers finite, required enums set, raw JSON well-formed).
template <class Shape>
void serialize_json(const Shape& input, std::string& out) {
    detail::write_json_object(out, input);
}

SWFPP_NAMESPACE_END

#endif
