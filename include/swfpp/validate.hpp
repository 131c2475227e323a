// swfpp — client-side validation derived from a shape description, worded as botocore words it.
#ifndef SWFPP_VALIDATE_HPP
#define SWFPP_VALIDATE_HPP

#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>

#include "swfpp/detail/config.hpp"
#include "swfpp/detail/json_writer.hpp"
#include "swfpp/detail/utf8.hpp"
#include "swfpp/error.hpp"
#include "swfpp/result.hpp"
#include "swfpp/shape.hpp"
#include "swfpp/value_types.hpp"

SWFPP_NAMESPACE_BEGIN
namespace detail {

// Where a value sits in the input, as a chain of stack frames, so the happy path never builds
// a path string. Rendered the way botocore names parameters: `a.b`, `list[0].c`.
struct value_path {
    const value_path* parent;
    std::string_view name;  // empty for a list element
    std::size_t index;
};

SWFPP_DECL void append_path(std::string& out, const value_path* p);

// Collects every violation (botocore reports them all), one line each.
struct validation_report {
    std::string lines;
    std::string first_member;

    SWFPP_DECL void begin_line(const value_path* where, std::string_view lead);
    SWFPP_DECL void invalid_length(const value_path* where, std::size_t length, std::int64_t min);
    template <class Number>
    void invalid_range(const value_path* where, Number value, std::int64_t min) {
        begin_line(where, "Invalid value for parameter ");
        lines.append(", value: ");
        if constexpr (std::is_floating_point_v<Number>)
            append_json_double(lines, value);
        else
            append_json_integer(lines, value);
        lines.append(", valid min value: ");
        append_json_integer(lines, min);
    }
    SWFPP_DECL void invalid_utf8(const value_path* where, std::size_t offset);
    void not_finite(const value_path* where) {
        begin_line(where, "Invalid value for parameter ");
        lines.append(", value: not a finite number");
    }
    // botocore names the structure lacking the member ("input" at the top) and quotes the member.
    SWFPP_DECL void missing_required(const value_path* where);
    // An unset enum inside a list: what botocore says of None where a str belongs.
    void none_in_list(const value_path* where) {
        begin_line(where, "Invalid type for parameter ");
        lines.append(", value: None, type: <class 'NoneType'>, valid types: <class 'str'>");
    }
    // Of `names`, exactly one (required) or at most one may be set; `set` were.
    template <std::size_t N>
    void bad_choice(const value_path* shape, const std::array<std::string_view, N>& names, bool required,
                    std::size_t set) {
        if (!lines.empty()) lines.push_back('\n');
        lines.append("Invalid parameter combination in ");
        if (shape == nullptr)
            lines.append("input");
        else
            append_path(lines, shape);
        lines.append(required ? ": exactly one of " : ": at most one of ");
        for (std::size_t i = 0; i < N; ++i) lines.append(i ? ", " : "").append(names[i]);
        lines.append(" must be set, not ");
        append_json_integer(lines, set);
        if (first_member.empty()) {
            const value_path first{shape, names[0], 0};
            append_path(first_member, &first);
        }
    }
    void empty_json(const value_path* where) {
        begin_line(where, "Invalid JSON in parameter ");
        lines.append(": the text is empty");
    }
    SWFPP_DECL void bad_member_name(const value_path* shape);
};

// botocore's `min` constraints on one member: its own, and its elements' when it is a list.
struct min_constraint {
    std::int64_t min = 0;
    bool has_min = false;
    std::int64_t element_min = 0;
    bool has_element_min = false;
};

template <class T>
void validate_value(const T& value, const value_path* where, const min_constraint& limits,
                    validation_report& report);

template <class Shape>
void validate_choices(const Shape& value, const value_path* where, validation_report& report) {
    std::apply(
        [&](const auto&... choice) {
            (std::apply(
                 [&](const auto&... m) {
                     const std::size_t set = (std::size_t{0} + ... + ((value.*(m.pointer)).has_value() ? 1u : 0u));
                     if (set > 1 || (choice.required && set == 0))
                         report.bad_choice(where, std::array<std::string_view, sizeof...(m)>{m.name...},
                                           choice.required, set);
                 },
                 choice.members),
             ...);
        },
        Shape::choices());
}

template <class Shape>
void validate_shape(const Shape& value, const value_path* where, validation_report& report) {
    // Like botocore, first the required members that are missing (only an enum can be), then
    // the values, each in model order.
    for_each_member<Shape>([&](const auto& m) {
        if constexpr (is_open_enum<typename std::decay_t<decltype(m)>::value_type>::value) {
            if (!(value.*(m.pointer)).has_value()) {
                const value_path here{where, m.name, 0};
                report.missing_required(&here);
            }
        }
    });
    for_each_member<Shape>([&](const auto& m) {
        const auto& field = value.*(m.pointer);
        if constexpr (std::is_same_v<std::decay_t<decltype(field)>, unmodelled_members>) {
            for (const auto& item : field.items) {
                if (item.name.empty() || find_invalid_utf8(item.name) != utf8_valid) {
                    report.bad_member_name(where);
                    continue;
                }
                const value_path here{where, item.name, 0};
                validate_value(item.value, &here, min_constraint{}, report);
            }
        } else {
            const value_path here{where, m.name, 0};
            validate_value(field, &here, min_constraint{m.min_value, m.has_min, m.element_min_value, m.has_element_min},
                           report);
        }
    });
    if constexpr (has_choices<Shape>::value) validate_choices(value, where, report);
}

template <class T>
void validate_value(const T& value, const value_path* where, const min_constraint& limits,
                    validation_report& report) {
    const auto min = limits.min;
    const bool has_min = limits.has_min;
    if constexpr (std::is_same_v<T, std::string>) {
        const auto bad = find_invalid_utf8(value);
        if (bad != utf8_valid) {
            report.invalid_utf8(where, bad);
            return;
        }
        if (has_min) {
            const auto length = count_code_points(value);
            if (static_cast<std::int64_t>(length) < min) report.invalid_length(where, length, min);
        }
    } else if constexpr (std::is_same_v<T, bool>) {
        // Any bool is valid.
    } else if constexpr (std::is_integral_v<T>) {
        if (has_min && static_cast<std::int64_t>(value) < min) report.invalid_range(where, value, min);
    } else if constexpr (std::is_floating_point_v<T>) {
        if (!std::isfinite(value))
            report.not_finite(where);
        else if (has_min && value < static_cast<double>(min))
            report.invalid_range(where, value, min);
    } else if constexpr (is_optional<T>::value) {
        if (value) validate_value(*value, where, limits, report);
    } else if constexpr (is_vector<T>::value) {
        if (has_min && static_cast<std::int64_t>(value.size()) < min) report.invalid_length(where, value.size(), min);
        for (std::size_t i = 0; i < value.size(); ++i) {
            const value_path element{where, {}, i};
            if constexpr (is_open_enum<typename T::value_type>::value) {
                if (!value[i].has_value()) {
                    report.none_in_list(&element);
                    continue;
                }
            }
            validate_value(value[i], &element, min_constraint{limits.element_min, limits.has_element_min, 0, false},
                           report);
        }
    } else if constexpr (is_shape_v<T>) {
        validate_shape(value, where, report);
    } else if constexpr (is_open_enum<T>::value) {
        // Known names are valid by construction; an unset one is absent (see validate_shape).
        if (value.has_value() && !value.is_known()) {
            const auto bad = find_invalid_utf8(value.str());
            if (bad != utf8_valid) report.invalid_utf8(where, bad);
        }
    } else if constexpr (std::is_same_v<T, timestamp>) {
        // Every time point has a wire form.
    } else if constexpr (std::is_same_v<T, raw_json>) {
        const auto bad = find_invalid_utf8(value.text);
        if (bad != utf8_valid)
            report.invalid_utf8(where, bad);
        else if (value.text.empty())
            report.empty_json(where);
    } else {
        static_assert(sizeof(T) == 0, "swfpp: unsupported member type in a shape description");
    }
}

}  // namespace detail

// Checks `input` against its shape's constraints: required enums set, minimum lengths and
// values (in code points, as botocore counts a Python str), well-formed UTF-8 in every string,
// finite numbers. Maximum
// lengths are left to the service, as every AWS SDK does. On failure the error's `message`
// holds one botocore-worded line per violation and `member` names the first offender.
template <class Shape>
result<void> validate(const Shape& input) {
    detail::validation_report report;
    detail::validate_shape(input, nullptr, report);
    if (report.lines.empty()) return {};
    return make_validation_error(std::move(report.first_member), std::move(report.lines));
}

SWFPP_NAMESPACE_END

#if defined(SWFPP_HEADER_ONLY)
#include "swfpp/impl/validate.ipp"
#endif

#endif
