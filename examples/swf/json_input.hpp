// swf — option values to an operation's input, the AWS CLI's way: each option's text is
// unpacked by its member's type (awscli/argprocess.py: strings as they are, integers with
// int(), structures and lists as JSON or shorthand), --cli-input-json fills in what the
// options left out, botocore's validator reports every problem in its words and order, and
// only then is the swfpp input shape filled.
//
// Pure functions over strings; no I/O.
#ifndef SWF_CLI_JSON_INPUT_HPP
#define SWF_CLI_JSON_INPUT_HPP

#include <simdjson.h>
#include <swfpp/detail/utf8.hpp>
#include <swfpp/shape.hpp>
#include <swfpp/value_types.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "config.hpp"
#include "json_value.hpp"
#include "text.hpp"

namespace swf_cli {

// A value or the AWS CLI's complaint about it.
struct unpacked {
    std::optional<json_value> value;
    outcome failed;  // meaningful when !value
};

inline unpacked param_error(std::string_view option, std::string_view message) {
    unpacked u;
    u.failed = failure(exit_param_error, "Error parsing parameter '" + std::string(option) + "': " + std::string(message));
    return u;
}

// json.loads(text) with object_pairs_hook=OrderedDict. simdjson says why a document is not JSON
// in its own words, not Python's ("Expecting value: line 1 column 1 (char 0)").
inline unpacked parse_json_text(simdjson::dom::parser& parser, std::string_view option, const std::string& text) {
    simdjson::dom::element root;
    if (const auto ec = parser.parse(simdjson::padded_string(text)).get(root))
        return param_error(option, "Invalid JSON: " + std::string(simdjson::error_message(ec)) + "\nJSON received: " + text);
    unpacked u;
    u.value = from_simdjson(root);
    return u;
}

namespace detail {

// The AWS CLI's shorthand syntax, the common part: key=value pairs separated by commas, values
// bare (trailing spaces dropped), single- or double-quoted, or {nested=pairs}. Not supported:
// [lists], comma-separated values that make a list, backslash escapes and key@=file://.
class shorthand_parser {
public:
    explicit shorthand_parser(std::string_view text) : text_(text) {}

    // The parsed object, or the message of awscli's ShorthandParseSyntaxError.
    std::optional<json_value> parse(std::string& error) {
        auto v = pairs(error, false);
        if (v && i_ < text_.size()) return fail(error, ",", std::string(1, text_[i_]));
        return v;
    }

private:
    std::optional<json_value> fail(std::string& error, std::string_view expected, std::string_view actual) {
        error = "Expected: '" + std::string(expected) + "', received: '" + std::string(actual) + "' for input:\n" +
                std::string(text_) + "\n" + std::string(i_, ' ') + "^";
        return std::nullopt;
    }
    void skip_spaces() {
        while (i_ < text_.size() && (text_[i_] == ' ' || text_[i_] == '\t' || text_[i_] == '\n')) ++i_;
    }
    std::string actual() const { return i_ < text_.size() ? std::string(1, text_[i_]) : "EOF"; }

    std::optional<json_value> pairs(std::string& error, bool nested) {
        json_value object = json_value::object();
        for (;;) {
            skip_spaces();
            const std::size_t start = i_;
            constexpr std::string_view key_chars = "-_.#/:";
            while (i_ < text_.size() && (is_ascii_upper(text_[i_]) || is_ascii_lower(text_[i_]) ||
                                          is_ascii_digit(text_[i_]) || key_chars.find(text_[i_]) != std::string_view::npos))
                ++i_;
            const std::string key(text_.substr(start, i_ - start));
            skip_spaces();
            if (i_ >= text_.size() || text_[i_] != '=') return fail(error, "=", actual());
            ++i_;
            skip_spaces();
            json_value value;
            if (i_ < text_.size() && text_[i_] == '{') {
                ++i_;
                auto inner = pairs(error, true);
                if (!inner) return std::nullopt;
                value = std::move(*inner);
            } else if (i_ < text_.size() && (text_[i_] == '"' || text_[i_] == '\'')) {
                const char quote = text_[i_];
                const auto end = text_.find(quote, i_ + 1);
                if (end == std::string_view::npos) return fail(error, std::string(1, quote), "EOF");
                value = json_value::string(std::string(text_.substr(i_ + 1, end - i_ - 1)));
                i_ = end + 1;
            } else {
                const std::size_t v = i_;
                while (i_ < text_.size() && text_[i_] != ',' && !(nested && text_[i_] == '}')) ++i_;
                std::string s(text_.substr(v, i_ - v));
                while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n')) s.pop_back();
                value = json_value::string(std::move(s));
            }
            if (object.find(key) != nullptr) {
                error = "Second instance of key \"" + key + "\" encountered for input:\n" + std::string(text_) + "\n" +
                        std::string(start, ' ') + "^\nThis is often because there is a preceding \",\" instead of a space.";
                return std::nullopt;
            }
            object.set(key, std::move(value));
            skip_spaces();
            if (nested && i_ < text_.size() && text_[i_] == '}') {
                ++i_;
                return object;
            }
            if (i_ >= text_.size()) {
                if (nested) return fail(error, "}", "EOF");
                return object;
            }
            if (text_[i_] != ',') return fail(error, ",", actual());
            ++i_;
        }
    }

    std::string_view text_;
    std::size_t i_ = 0;
};

inline std::string_view lstrip(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r'))
        s.remove_prefix(1);
    return s;
}

// A structure's text: JSON when it starts with '{', shorthand unless it starts with '['.
inline unpacked unpack_structure(simdjson::dom::parser& parser, std::string_view option, const std::string& text) {
    const auto head = lstrip(text);
    if (!head.empty() && head.front() == '{') return parse_json_text(parser, option, text);
    if (!head.empty() && head.front() == '[') return param_error(option, "Invalid JSON:\n" + text);
    std::string error;
    auto v = shorthand_parser(text).parse(error);
    if (!v) return param_error(option, error);
    unpacked u;
    u.value = std::move(v);
    return u;
}

}  // namespace detail

// awscli's unpack_cli_arg for one option of member type T, given the words that followed it
// (one, or several for a list).
template <class T>
unpacked unpack_option(simdjson::dom::parser& parser, std::string_view option, const std::vector<std::string>& words) {
    unpacked u;
    if constexpr (swfpp::is_optional<T>::value) {
        return unpack_option<typename T::value_type>(parser, option, words);
    } else if constexpr (std::is_same_v<T, bool>) {
        u.value = json_value::flag(words.front() == "true");  // --x / --no-x
    } else if constexpr (std::is_integral_v<T>) {
        const auto n = parse_python_int(words.back());
        if (!n) {
            u.failed = failure(exit_param_error, "invalid literal for int() with base 10: " + python_repr(words.back()));
            return u;
        }
        u.value = json_value::integer(n->str());
    } else if constexpr (swfpp::is_vector<T>::value) {
        using E = typename T::value_type;
        const auto head = detail::lstrip(words.front());
        // One word starting with '[' is the whole list as JSON; otherwise each word is an element.
        if (words.size() == 1 && !head.empty() && head.front() == '[') return parse_json_text(parser, option, words.front());
        json_value list = json_value::array();
        for (const auto& w : words) {
            if constexpr (swfpp::is_shape_v<E>) {
                // awscli tries shorthand for every word unless the first looks like JSON.
                const bool json = !head.empty() && (head.front() == '{' || head.front() == '[');
                const auto wh = detail::lstrip(w);
                auto item = json ? (!wh.empty() && wh.front() == '{' ? parse_json_text(parser, option, w)
                                                                        : param_error(option, "Invalid JSON:\n" + w))
                                 : detail::unpack_structure(parser, option, w);
                if (!item.value) return item;
                list.items.push_back(std::move(*item.value));
            } else {
                list.items.push_back(json_value::string(w));
            }
        }
        u.value = std::move(list);
    } else if constexpr (swfpp::is_shape_v<T>) {
        return detail::unpack_structure(parser, option, words.back());
    } else {
        static_assert(std::is_same_v<T, std::string> || swfpp::is_open_enum<T>::value,
                      "swf: teach unpack_option() this member type");
        u.value = json_value::string(words.back());
    }
    return u;
}

namespace detail {

// The owner of a list element's descriptor: an element has no name and no constraints.
struct list_element {};

inline std::string parameter_name(const std::string& path) { return path.empty() ? "input" : path; }

inline std::string invalid_type(const std::string& path, const json_value& v, std::string_view valid) {
    return "Invalid type for parameter " + path + ", value: " + python_str(v) + ", type: " + std::string(python_type(v)) +
           ", valid types: " + std::string(valid);
}

// botocore's ParamValidator, for the member types SWF inputs use. Lines are appended in
// botocore's order: required members first, then unknown ones, then each member in input order.
template <class T, class Descriptor>
void validate_value(const json_value& v, const Descriptor& d, const std::string& path, std::vector<std::string>& lines);

template <class Shape>
void validate_shape(const json_value& v, const std::string& path, std::vector<std::string>& lines) {
    if (!v.is(json_value::kind::object)) {
        lines.push_back(invalid_type(parameter_name(path), v, "<class 'dict'>"));
        return;
    }
    swfpp::for_each_member<Shape>([&](const auto& m) {
        using T = typename std::decay_t<decltype(m)>::value_type;
        if (!swfpp::is_optional<T>::value && v.find(m.name) == nullptr)
            lines.push_back("Missing required parameter in " + parameter_name(path) + ": \"" + std::string(m.name) + "\"");
    });
    for (const auto& field : v.members) {
        bool known = false;
        std::string names;
        swfpp::for_each_member<Shape>([&](const auto& m) {
            known = known || m.name == field.name;
            names += (names.empty() ? "" : ", ") + std::string(m.name);
        });
        if (!known)
            lines.push_back("Unknown parameter in " + parameter_name(path) + ": \"" + field.name + "\", must be one of: " + names);
    }
    for (const auto& field : v.members)
        swfpp::for_each_member<Shape>([&](const auto& m) {
            using T = typename std::decay_t<decltype(m)>::value_type;
            if (m.name == field.name)
                validate_value<T>(field.value, m, path.empty() ? field.name : path + "." + field.name, lines);
        });
}

template <class T, class Descriptor>
void validate_value(const json_value& v, const Descriptor& d, const std::string& path, std::vector<std::string>& lines) {
    if constexpr (swfpp::is_optional<T>::value) {
        validate_value<typename T::value_type>(v, d, path, lines);
    } else if constexpr (std::is_same_v<T, bool>) {
        if (!v.is(json_value::kind::boolean)) lines.push_back(invalid_type(path, v, "<class 'bool'>"));
    } else if constexpr (std::is_integral_v<T>) {
        // Python's bool is an int, so botocore lets true and false through here.
        if (!v.is(json_value::kind::integer) && !v.is(json_value::kind::boolean)) {
            lines.push_back(invalid_type(path, v, "<class 'int'>"));
            return;
        }
        const auto n = v.is(json_value::kind::boolean) ? parse_python_int(v.boolean ? "1" : "0") : parse_python_int(v.text);
        if (d.has_min && n && (n->negative ? -static_cast<std::int64_t>(n->magnitude()) : static_cast<std::int64_t>(n->magnitude())) < d.min_value)
            lines.push_back("Invalid value for parameter " + path + ", value: " + python_str(v) +
                            ", valid min value: " + std::to_string(d.min_value));
    } else if constexpr (swfpp::is_vector<T>::value) {
        if (!v.is(json_value::kind::array)) {
            lines.push_back(invalid_type(path, v, "<class 'list'>, <class 'tuple'>"));
            return;
        }
        if (d.has_min && static_cast<std::int64_t>(v.items.size()) < d.min_value)
            lines.push_back("Invalid length for parameter " + path + ", value: " + std::to_string(v.items.size()) +
                            ", valid min length: " + std::to_string(d.min_value));
        for (std::size_t i = 0; i < v.items.size(); ++i)
            validate_value<typename T::value_type>(v.items[i], swfpp::member_descriptor<list_element, typename T::value_type>{},
                                                   path + "[" + std::to_string(i) + "]", lines);
    } else if constexpr (swfpp::is_shape_v<T>) {
        validate_shape<T>(v, path, lines);
    } else {
        static_assert(std::is_same_v<T, std::string> || swfpp::is_open_enum<T>::value,
                      "swf: teach validate_value() this member type");
        if (!v.is(json_value::kind::string)) {
            lines.push_back(invalid_type(path, v, "<class 'str'>"));
            return;
        }
        // len() of a Python str counts code points; ill-formed UTF-8 is swfpp's to report.
        const auto length = static_cast<std::int64_t>(swfpp::detail::count_code_points(v.text));
        if (d.has_min && length < d.min_value)
            lines.push_back("Invalid length for parameter " + path + ", value: " + std::to_string(length) +
                            ", valid min length: " + std::to_string(d.min_value));
    }
}

// Fills `out` from a value validate_value() accepted.
template <class T>
void assign(const json_value& v, T& out) {
    if constexpr (swfpp::is_optional<T>::value) {
        typename T::value_type inner{};
        assign(v, inner);
        out = std::move(inner);
    } else if constexpr (std::is_same_v<T, bool>) {
        out = v.boolean;
    } else if constexpr (std::is_integral_v<T>) {
        const auto n = v.is(json_value::kind::boolean) ? parse_python_int(v.boolean ? "1" : "0") : parse_python_int(v.text);
        const auto magnitude = static_cast<std::int64_t>(n ? n->magnitude() : 0);
        out = static_cast<T>(n && n->negative ? -magnitude : magnitude);
    } else if constexpr (swfpp::is_vector<T>::value) {
        out.clear();
        for (const auto& item : v.items) {
            typename T::value_type element{};
            assign(item, element);
            out.push_back(std::move(element));
        }
    } else if constexpr (swfpp::is_shape_v<T>) {
        swfpp::for_each_member<T>([&](const auto& m) {
            if (const json_value* field = v.find(m.name)) assign(*field, out.*(m.pointer));
        });
    } else if constexpr (swfpp::is_open_enum<T>::value) {
        out = T::from_string(v.text);
    } else {
        out = v.text;
    }
}

}  // namespace detail

template <class Shape>
struct input_or_failure {
    std::optional<Shape> value;
    outcome failed;           // meaningful when !value
    bool by_botocore = false;  // a validation failure, which the AWS CLI reports after the region checks
};

// The parameters the AWS CLI would pass to botocore: the options given, in the order of the
// input shape's members (its argument table's order), then the members of --cli-input-json that
// no option set, in the document's order. Then botocore's validation.
template <class Shape>
input_or_failure<Shape> make_input(const std::vector<std::pair<std::string, std::vector<std::string>>>& values,
                                   const std::optional<std::string>& cli_input_json) {
    input_or_failure<Shape> r;
    simdjson::dom::parser parser;
    json_value params = json_value::object();
    bool ok = true;
    swfpp::for_each_member<Shape>([&](const auto& m) {
        using T = typename std::decay_t<decltype(m)>::value_type;
        const std::vector<std::string>* words = nullptr;
        for (const auto& [member, given] : values)
            if (member == m.name) words = &given;  // a repeated option's last value wins, as in argparse
        if (!ok || words == nullptr) return;
        auto u = unpack_option<T>(parser, "--" + xform_name(m.name), *words);
        if (!u.value) {
            r.failed = std::move(u.failed);
            ok = false;
            return;
        }
        params.set(m.name, std::move(*u.value));
    });
    if (!ok) return r;
    if (cli_input_json) {
        auto doc = parse_json_text(parser, "--cli-input-json", *cli_input_json);
        if (!doc.value) {
            r.failed = std::move(doc.failed);
            return r;
        }
        if (!doc.value->is(json_value::kind::object)) {
            // awscli calls .keys() on whatever json.loads returned.
            std::string type(python_type(*doc.value));
            type = type.substr(8, type.size() - 10);  // "<class 'list'>" -> "list"
            r.failed = failure(exit_general_error, "'" + type + "' object has no attribute 'keys'");
            return r;
        }
        for (auto& m : doc.value->members)
            if (params.find(m.name) == nullptr) params.set(m.name, std::move(m.value));
    }
    std::vector<std::string> lines;
    detail::validate_shape<Shape>(params, "", lines);
    if (!lines.empty()) {
        std::string text = "Parameter validation failed:";
        for (const auto& l : lines) text += "\n" + l;
        r.failed = failure(exit_param_error, text);
        r.by_botocore = true;
        return r;
    }
    Shape input{};
    detail::assign(params, input);
    r.value = std::move(input);
    return r;
}

}  // namespace swf_cli

#endif
