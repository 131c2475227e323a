// swf — option values to an operation's input, the AWS CLI's way: each option's text (or the
// file a file:// or fileb:// value names) is unpacked by its member's type (awscli/argprocess.py:
// strings as they are, integers with int(), structures and lists as JSON or shorthand),
// --cli-input-json fills in what the options left out, botocore's validator reports every
// problem in its words and order, and only then is the swfpp input shape filled.
//
// Pure functions over strings; no I/O.
#ifndef SWF_CLI_JSON_INPUT_HPP
#define SWF_CLI_JSON_INPUT_HPP

#include <simdjson.h>
#include <swfpp/detail/utf8.hpp>
#include <swfpp/shape.hpp>
#include <swfpp/value_types.hpp>

#include <chrono>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "cli.hpp"
#include "config.hpp"
#include "json_value.hpp"
#include "param_file.hpp"
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

// str.lstrip() for the ASCII whitespace characters.
inline std::string_view lstrip(std::string_view s) {
    constexpr std::string_view space = " \t\n\r\v\f";
    while (!s.empty() && space.find(s.front()) != std::string_view::npos) s.remove_prefix(1);
    return s;
}

inline bool starts_with_char(std::string_view s, char c) {
    const auto head = lstrip(s);
    return !head.empty() && head.front() == c;
}

// A structure's text: JSON when it starts with '{', shorthand unless it starts with '['.
inline unpacked unpack_structure(simdjson::dom::parser& parser, std::string_view option, const std::string& text) {
    if (starts_with_char(text, '{')) return parse_json_text(parser, option, text);
    if (starts_with_char(text, '[')) return param_error(option, "Invalid JSON:\n" + text);
    std::string error;
    auto v = shorthand_parser(text).parse(error);
    if (!v) return param_error(option, error);
    unpacked u;
    u.value = std::move(v);
    return u;
}

// What Python raises where awscli indexes an empty string or hands bytes to the shorthand
// parser; the AWS CLI prints the exception's text.
inline unpacked python_error(std::string_view message) {
    unpacked u;
    u.failed = failure(exit_general_error, message);
    return u;
}
inline constexpr std::string_view empty_text_indexed = "string index out of range";
inline constexpr std::string_view bytes_to_shorthand = "'in <string>' requires string as left operand, not int";

// A structure from a fileb:// value: awscli's shorthand parser gets the bytes.
inline unpacked unpack_structure_bytes(simdjson::dom::parser& parser, std::string_view option, const std::string& bytes) {
    if (!bytes.empty()) return python_error(bytes_to_shorthand);
    return unpack_structure(parser, option, bytes);
}

// A list from the text of one file:// value, which awscli unpacks as a str, not as words:
// JSON when it starts with '['; otherwise a list of strings gets one element per character,
// and a list of structures its shorthand (which botocore then refuses as not a list), or an
// error from the first character when the text looks like a JSON object.
template <class Element>
unpacked unpack_list_text(simdjson::dom::parser& parser, std::string_view option, const std::string& text) {
    const auto head = lstrip(text);
    if (head.empty() && !swfpp::is_shape_v<Element>) return python_error(empty_text_indexed);
    if (!head.empty() && head.front() == '[') return parse_json_text(parser, option, text);
    if constexpr (swfpp::is_shape_v<Element>) {
        if (head.empty() || head.front() != '{') return unpack_structure(parser, option, text);
        if (head.size() != text.size()) return python_error(empty_text_indexed);  // the first character is a space
        return parse_json_text(parser, option, "{");
    } else {
        unpacked u;
        u.value = json_value::array();
        for (std::size_t i = 0; i < text.size();) {  // one element per code point, as Python iterates a str
            std::size_t length = 1;
            while (i + length < text.size() && (static_cast<unsigned char>(text[i + length]) & 0xC0) == 0x80) ++length;
            u.value->items.push_back(json_value::string(text.substr(i, length)));
            i += length;
        }
        return u;
    }
}

// A list from the bytes of one fileb:// value: iterating bytes gives integers.
template <class Element>
unpacked unpack_list_bytes(simdjson::dom::parser& parser, std::string_view option, const std::string& bytes) {
    if constexpr (swfpp::is_shape_v<Element>) {
        return unpack_structure_bytes(parser, option, bytes);
    } else {
        unpacked u;
        u.value = json_value::array();
        for (char c : bytes) u.value->items.push_back(json_value::integer(std::to_string(static_cast<unsigned char>(c))));
        return u;
    }
}

}  // namespace detail

// An option's value as awscli's unpacking sees it: the words that followed the option, or the
// contents of the file that its one word named.
struct option_value {
    std::vector<std::string> words;
    std::optional<param_file> file;
};

// awscli's unpack_cli_arg for one option of member type T.
template <class T>
unpacked unpack_option(simdjson::dom::parser& parser, std::string_view option, const option_value& value) {
    unpacked u;
    const bool from_bytes = value.file && value.file->binary;
    const std::string& text = value.file ? value.file->contents : value.words.back();
    if constexpr (swfpp::is_optional<T>::value) {
        return unpack_option<typename T::value_type>(parser, option, value);
    } else if constexpr (std::is_same_v<T, bool>) {
        u.value = json_value::flag(value.words.front() == "true");  // --x / --no-x
    } else if constexpr (std::is_integral_v<T>) {
        const auto n = parse_python_int(text);  // int() reads bytes as it reads a str
        if (!n) {
            u.failed = failure(exit_param_error, "invalid literal for int() with base 10: " +
                                                     (from_bytes ? python_bytes_repr(text) : python_repr(text)));
            return u;
        }
        u.value = json_value::integer(n->str());
    } else if constexpr (swfpp::is_vector<T>::value) {
        using E = typename T::value_type;
        if (from_bytes) return detail::unpack_list_bytes<E>(parser, option, text);
        if (value.file) return detail::unpack_list_text<E>(parser, option, text);
        const auto& words = value.words;
        // One word starting with '[' is the whole list as JSON; otherwise each word is an element.
        if (words.size() == 1 && detail::starts_with_char(words.front(), '[')) return parse_json_text(parser, option, words.front());
        json_value list = json_value::array();
        for (const auto& w : words) {
            if constexpr (swfpp::is_shape_v<E>) {
                // awscli tries shorthand for every word unless the first looks like JSON.
                const bool json = detail::starts_with_char(words.front(), '{') || detail::starts_with_char(words.front(), '[');
                auto item = !json                                  ? detail::unpack_structure(parser, option, w)
                            : detail::starts_with_char(w, '{') ? parse_json_text(parser, option, w)
                                                               : param_error(option, "Invalid JSON:\n" + w);
                if (!item.value) return item;
                list.items.push_back(std::move(*item.value));
            } else {
                list.items.push_back(json_value::string(w));
            }
        }
        u.value = std::move(list);
    } else if constexpr (swfpp::is_shape_v<T>) {
        if (from_bytes) return detail::unpack_structure_bytes(parser, option, text);
        return detail::unpack_structure(parser, option, text);
    } else {
        static_assert(std::is_same_v<T, std::string> || swfpp::is_open_enum<T>::value,
                      "swf: teach unpack_option() this member type");
        u.value = from_bytes ? json_value::bytes(text) : json_value::string(text);
    }
    return u;
}

namespace detail {

// The owner of a list element's descriptor: an element has no name, only its list's element_min.
struct list_element {};

inline std::string parameter_name(const std::string& path) { return path.empty() ? "input" : path; }

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
constexpr std::int64_t days_from_civil(std::int64_t y, std::int64_t m, std::int64_t d) noexcept {
    y -= m <= 2 ? 1 : 0;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t yoe = y - era * 400;
    const std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

// An ISO 8601 date or date and time, as seconds since the epoch: YYYY-MM-DD, then optionally
// T (or a space) HH:MM[:SS[.fraction]], then optionally Z or an offset ±HH[:MM]. Without an
// offset the time is UTC, as botocore assumes.
inline std::optional<double> parse_iso8601(std::string_view s) {
    std::size_t i = 0;
    const auto digits = [&](std::size_t n) -> std::optional<int> {
        if (i + n > s.size()) return std::nullopt;
        int v = 0;
        for (std::size_t k = 0; k < n; ++k) {
            if (!is_ascii_digit(s[i + k])) return std::nullopt;
            v = v * 10 + (s[i + k] - '0');
        }
        i += n;
        return v;
    };
    const auto expect = [&](char c) { return i < s.size() && s[i] == c ? (++i, true) : false; };
    const auto year = digits(4);
    if (!year || !expect('-')) return std::nullopt;
    const auto month = digits(2);
    if (!month || !expect('-')) return std::nullopt;
    const auto day = digits(2);
    if (!day || *month < 1 || *month > 12 || *day < 1) return std::nullopt;
    constexpr int month_days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (*year % 4 == 0 && *year % 100 != 0) || *year % 400 == 0;
    if (*day > month_days[*month - 1] || (*month == 2 && *day == 29 && !leap)) return std::nullopt;
    double seconds = static_cast<double>(days_from_civil(*year, *month, *day)) * 86400;
    if (i == s.size()) return seconds;
    if (!expect('T') && !expect(' ')) return std::nullopt;
    const auto hour = digits(2);
    if (!hour || !expect(':')) return std::nullopt;
    const auto minute = digits(2);
    if (!minute || *hour > 23 || *minute > 59) return std::nullopt;
    seconds += *hour * 3600.0 + *minute * 60.0;
    if (expect(':')) {
        const auto second = digits(2);
        if (!second || *second > 59) return std::nullopt;
        seconds += *second;
        if (expect('.')) {
            double scale = 0.1;
            const std::size_t start = i;
            for (; i < s.size() && is_ascii_digit(s[i]); ++i, scale /= 10) seconds += (s[i] - '0') * scale;
            if (i == start) return std::nullopt;
        }
    }
    if (i == s.size() || (expect('Z') && i == s.size())) return seconds;
    if (i >= s.size() || (s[i] != '+' && s[i] != '-')) return std::nullopt;
    const int sign = s[i++] == '-' ? -1 : 1;
    const auto offset_hours = digits(2);
    if (!offset_hours) return std::nullopt;
    expect(':');
    const auto offset_minutes = i == s.size() ? std::optional<int>(0) : digits(2);
    if (!offset_minutes || i != s.size() || *offset_hours > 23 || *offset_minutes > 59) return std::nullopt;
    return seconds - sign * (*offset_hours * 3600.0 + *offset_minutes * 60.0);
}

// A timestamp parameter as botocore's parse_to_aware_datetime reads it, in seconds since the
// epoch: a number, a string that float() reads, or an ISO 8601 string. Not the other formats
// dateutil guesses, nor dates outside the years 1 to 9999.
inline std::optional<double> timestamp_seconds(const json_value& v) {
    std::optional<double> seconds;
    if (v.is(json_value::kind::boolean)) seconds = v.boolean ? 1 : 0;
    if (v.is(json_value::kind::integer) || v.is(json_value::kind::real) || v.is(json_value::kind::string)) {
        const std::string_view text = v.is(json_value::kind::string) ? lstrip(v.text) : std::string_view(v.text);
        const bool numeric = !text.empty() && text.find_first_not_of("0123456789.eE+- \t\n\r\v\f") == std::string_view::npos;
        char* end = nullptr;
        const std::string copy(text);
        const double number = numeric ? std::strtod(copy.c_str(), &end) : 0;
        if (numeric && end != copy.c_str() && lstrip(std::string_view(end)).empty())
            seconds = number;
        else if (v.is(json_value::kind::string))
            seconds = parse_iso8601(v.text);
    }
    constexpr double first_second = -62135596800.0, last_second = 253402300799.0;  // 0001-01-01, 9999-12-31
    if (!seconds || !(*seconds >= first_second && *seconds < last_second + 1)) return std::nullopt;
    return seconds;
}

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
        swfpp::member_descriptor<list_element, typename T::value_type> element{};
        element.has_min = d.has_element_min;
        element.min_value = d.element_min_value;
        for (std::size_t i = 0; i < v.items.size(); ++i)
            validate_value<typename T::value_type>(v.items[i], element, path + "[" + std::to_string(i) + "]", lines);
    } else if constexpr (swfpp::is_shape_v<T>) {
        validate_shape<T>(v, path, lines);
    } else if constexpr (std::is_same_v<T, swfpp::timestamp>) {
        if (!timestamp_seconds(v))
            lines.push_back(invalid_type(path, v, "<class 'datetime.datetime'>, timestamp-string"));
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
    } else if constexpr (std::is_same_v<T, swfpp::timestamp>) {
        const double milliseconds = std::floor(timestamp_seconds(v).value_or(0) * 1000);
        out = swfpp::timestamp(std::chrono::milliseconds(static_cast<std::int64_t>(milliseconds)));
    } else {
        out = v.text;
    }
}

}  // namespace detail

struct params_or_failure {
    std::optional<json_value> value;  // the parameters, as botocore would get them
    outcome failed;                   // meaningful when !value
};

// The parameters the options give, built as awscli builds them: in the command's option order
// (its argument table's, where a renamed option comes last), each option's last value loaded
// from the file it names, if it names one, then unpacked. The first failure wins.
template <class Shape>
params_or_failure unpack_options(const std::vector<param_spec>& params, const option_values& values,
                                 const file_access& files) {
    params_or_failure r;
    simdjson::dom::parser parser;
    json_value out = json_value::object();
    for (const param_spec& p : params) {
        if (p.arity == arity::flag_off) continue;  // its member was handled with the --flag
        option_value value;
        for (const auto& [member, words] : values)
            if (member == p.member) value.words = words;  // a repeated option's last value wins, as in argparse
        if (value.words.empty()) continue;
        if (p.arity != arity::flag_on && value.words.size() == 1) {
            auto file = load_param_file(p.option, value.words.front(), files);
            if (file.failed) {
                r.failed = std::move(*file.failed);
                return r;
            }
            value.file = std::move(file.value);
        }
        unpacked u;
        swfpp::for_each_member<Shape>([&](const auto& m) {
            using T = typename std::decay_t<decltype(m)>::value_type;
            if (m.name == p.member) u = unpack_option<T>(parser, p.option, value);
        });
        if (!u.value) {
            r.failed = std::move(u.failed);
            return r;
        }
        out.set(p.member, std::move(*u.value));
    }
    r.value = std::move(out);
    return r;
}

// Adds the members of the --cli-input-json document that no option set, in the document's
// order. The failure, if the document is not a JSON object.
inline std::optional<outcome> merge_cli_input_json(json_value& params, const std::string& text) {
    simdjson::dom::parser parser;
    auto doc = parse_json_text(parser, "--cli-input-json", text);
    if (!doc.value) return std::move(doc.failed);
    if (!doc.value->is(json_value::kind::object)) {
        // awscli calls .keys() on whatever json.loads returned.
        std::string type(python_type(*doc.value));
        type = type.substr(8, type.size() - 10);  // "<class 'list'>" -> "list"
        return failure(exit_general_error, "'" + type + "' object has no attribute 'keys'");
    }
    make_plain_dicts(*doc.value);  // awscli reads it with plain json.loads
    for (auto& m : doc.value->members)
        if (params.find(m.name) == nullptr) params.set(m.name, std::move(m.value));
    return std::nullopt;
}

template <class Shape>
struct input_or_failure {
    std::optional<Shape> value;
    outcome failed;  // meaningful when !value
};

// botocore's validation of the parameters, then the swfpp input they make.
template <class Shape>
input_or_failure<Shape> validated_input(const json_value& params) {
    input_or_failure<Shape> r;
    std::vector<std::string> lines;
    detail::validate_shape<Shape>(params, "", lines);
    if (!lines.empty()) {
        std::string text = "Parameter validation failed:";
        for (const auto& l : lines) text += "\n" + l;
        r.failed = failure(exit_param_error, text);
        return r;
    }
    Shape input{};
    detail::assign(params, input);
    r.value = std::move(input);
    return r;
}

}  // namespace swf_cli

#endif
