// swf — --generate-cli-skeleton: the templates the AWS CLI prints for an operation's input and
// output, made as botocore's ArgumentGenerator makes them from the shapes.
//
// Pure functions over types; no I/O.
#ifndef SWF_CLI_SKELETON_HPP
#define SWF_CLI_SKELETON_HPP

#include <swfpp/shape.hpp>
#include <swfpp/value_types.hpp>

#include <string>
#include <string_view>
#include <type_traits>

#include "json_value.hpp"

namespace swf_cli {

enum class skeleton_kind { none, input, output };

namespace detail {

// ArgumentGenerator's placeholder for a datetime(1970, 1, 1), as awscli's json_encoder writes it.
inline constexpr std::string_view skeleton_timestamp = "1970-01-01T00:00:00";
// An output skeleton names a string by its member, and a list's element by the element's shape,
// which swfpp does not record: the one list of strings in SWF's outputs is TagList, of Tag.
inline constexpr std::string_view string_list_element = "Tag";

template <class T>
json_value skeleton_value(skeleton_kind kind, std::string_view name) {
    if constexpr (swfpp::is_optional<T>::value) {
        return skeleton_value<typename T::value_type>(kind, name);
    } else if constexpr (std::is_same_v<T, bool>) {
        return json_value::flag(true);
    } else if constexpr (std::is_integral_v<T>) {
        return json_value::integer("0");
    } else if constexpr (std::is_floating_point_v<T>) {
        json_value v;
        v.type = json_value::kind::real;
        v.text = "0.0";
        return v;
    } else if constexpr (std::is_same_v<T, swfpp::timestamp>) {
        return json_value::string(std::string(skeleton_timestamp));
    } else if constexpr (swfpp::is_vector<T>::value) {
        json_value list = json_value::array();
        list.items.push_back(skeleton_value<typename T::value_type>(kind, string_list_element));
        return list;
    } else if constexpr (swfpp::is_shape_v<T>) {
        json_value object = json_value::object();
        swfpp::for_each_member<T>([&](const auto& m) {
            using M = typename std::decay_t<decltype(m)>::value_type;
            if constexpr (!std::is_same_v<M, swfpp::unmodelled_members>)  // not a member of the model
                object.set(m.name, skeleton_value<M>(kind, m.name));
        });
        return object;
    } else if constexpr (swfpp::is_open_enum<T>::value) {
        // botocore picks one of the values at random; swf takes the first.
        if (kind == skeleton_kind::output) return json_value::string(std::string(name));
        return json_value::string(std::string(enum_names(typename T::enum_type{}).front()));
    } else {
        static_assert(std::is_same_v<T, std::string>, "swf: teach skeleton_value() this member type");
        return json_value::string(kind == skeleton_kind::output ? std::string(name) : std::string());
    }
}

}  // namespace detail

// What `--generate-cli-skeleton input` prints: json.dumps(skeleton, indent=4) and a newline.
template <class Shape>
std::string input_skeleton() {
    std::string out;
    detail::dump_indented(out, detail::skeleton_value<Shape>(skeleton_kind::input, {}), 0);
    return out + "\n";
}

// The response `--generate-cli-skeleton output` prints as the operation's output.
template <class Shape>
json_value output_skeleton() {
    return detail::skeleton_value<Shape>(skeleton_kind::output, {});
}

}  // namespace swf_cli

#endif
