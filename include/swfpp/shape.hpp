// swfpp — declarative shape descriptions: how a plain struct maps onto an AWS JSON shape.
//
// A structure becomes a shape by declaring, inside it, a static constexpr function `members()`
// returning a tuple of member descriptors in model order:
//
//     struct workflow_execution {
//         std::string workflow_id;
//         std::optional<std::string> run_id;
//         static constexpr auto members() {
//             return std::make_tuple(swfpp::member("workflowId", &workflow_execution::workflow_id).min(1),
//                                    swfpp::member("runId", &workflow_execution::run_id));
//         }
//     };
//
// The generated shapes declare members() as `template <class self = the_struct>`: the same
// description, but its tuple is instantiated only where the shape is serialized or parsed, so
// including all 39 operations costs little.
//
// A member is required exactly when its C++ type is not std::optional: required values are
// present by construction, optional ones are omitted from the wire when unset. The validator,
// serializer and response parser are all derived from this one description.
//
// Member types: std::string (UTF-8), bool, integral types, double, shapes, std::vector<T>,
// std::optional<T>, and from swfpp/value_types.hpp: swfpp::timestamp, swfpp::open_enum<E> (a
// string enumeration that keeps values it does not know), swfpp::raw_json (a JSON value kept as
// text) and swfpp::unmodelled_members (declared with other_members(): every member of the
// object that the shape does not declare, kept as raw JSON).
//
// An open_enum may hold no value; a required one that holds none is reported missing by the
// validator, as botocore reports a required member left out.
#ifndef SWFPP_SHAPE_HPP
#define SWFPP_SHAPE_HPP

#include <cstdint>
#include <optional>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "swfpp/detail/config.hpp"
#include "swfpp/value_types.hpp"

SWFPP_NAMESPACE_BEGIN

// One member of a shape: its wire name, where it lives in the struct, and botocore's "min"
// constraint (a minimum length for strings and lists, a minimum value for numbers).
template <class Owner, class T>
struct member_descriptor {
    using owner_type = Owner;
    using value_type = T;

    std::string_view name;
    T Owner::*pointer;
    std::int64_t min_value = 0;
    bool has_min = false;
    std::int64_t element_min_value = 0;  // a list's elements' minimum length
    bool has_element_min = false;

    constexpr member_descriptor min(std::int64_t m) const noexcept {
        auto copy = *this;
        copy.min_value = m;
        copy.has_min = true;
        return copy;
    }
    constexpr member_descriptor element_min(std::int64_t m) const noexcept {
        auto copy = *this;
        copy.element_min_value = m;
        copy.has_element_min = true;
        return copy;
    }
};

template <class Owner, class T>
constexpr member_descriptor<Owner, T> member(std::string_view name, T Owner::*pointer) noexcept {
    return {name, pointer};
}

// The catch-all member of a shape: the object's members that no other descriptor names.
template <class Owner>
constexpr member_descriptor<Owner, unmodelled_members> other_members(unmodelled_members Owner::*pointer) noexcept {
    return {std::string_view(), pointer};
}

// A rule over optional members of one shape that the model states only in prose: exactly one
// of them (or at most one) may be set. A shape lists its rules in `static constexpr auto
// choices()`, a tuple of these; validate() checks them.
template <class... Members>
struct member_choice {
    std::tuple<Members...> members;
    bool required;  // exactly one, rather than at most one
};

template <class... Members>
constexpr member_choice<Members...> exactly_one_of(Members... members) noexcept {
    return {std::make_tuple(members...), true};
}
template <class... Members>
constexpr member_choice<Members...> at_most_one_of(Members... members) noexcept {
    return {std::make_tuple(members...), false};
}

template <class T, class = void>
struct has_choices : std::false_type {};
template <class T>
struct has_choices<T, std::void_t<decltype(T::choices())>> : std::true_type {};

// is_shape<T>: T declares its members.
template <class T, class = void>
struct is_shape : std::false_type {};
template <class T>
struct is_shape<T, std::void_t<decltype(T::members())>> : std::true_type {};
template <class T>
inline constexpr bool is_shape_v = is_shape<T>::value;

template <class T>
struct is_optional : std::false_type {};
template <class T>
struct is_optional<std::optional<T>> : std::true_type {};

template <class T>
struct is_vector : std::false_type {};
template <class T, class A>
struct is_vector<std::vector<T, A>> : std::true_type {};

// Calls f(descriptor) for each member of shape T, in model order.
template <class T, class F>
constexpr void for_each_member(F&& f) {
    static_assert(is_shape_v<T>, "swfpp: this type is not a shape; declare `static constexpr auto members()` in it");
    std::apply([&](const auto&... m) { (f(m), ...); }, T::members());
}

// An operation description: a type with
//   static constexpr std::string_view name;   // e.g. "RequestCancelWorkflowExecution"
//   using input = <shape>;  using output = <shape>;
template <class Op, class = void>
struct is_operation : std::false_type {};
template <class Op>
struct is_operation<Op, std::void_t<decltype(Op::name), typename Op::input, typename Op::output>>
    : std::bool_constant<is_shape_v<typename Op::input> && is_shape_v<typename Op::output>> {};

// has_pagination<Op>: Op describes how botocore pages through it, as
//     struct pagination {
//         static constexpr auto input_token = &input::next_page_token;    // std::optional<std::string>
//         static constexpr auto output_token = &output::next_page_token;  // std::optional<std::string>
//         static constexpr auto limit_key = &input::maximum_page_size;    // std::optional<integer>
//         static constexpr auto result_key = &output::events;             // std::vector<item>
//     };
template <class Op, class = void>
struct has_pagination : std::false_type {};
template <class Op>
struct has_pagination<Op, std::void_t<typename Op::pagination>> : std::true_type {};

// The wire name of the member of Shape that `pointer` designates; empty when none does.
template <class Shape, class Pointer>
constexpr std::string_view member_name(Pointer pointer) {
    std::string_view name;
    for_each_member<Shape>([&](const auto& m) {
        if constexpr (std::is_same_v<std::decay_t<decltype(m.pointer)>, Pointer>)
            if (m.pointer == pointer) name = m.name;
    });
    return name;
}

SWFPP_NAMESPACE_END

#endif
