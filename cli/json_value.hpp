// swf — JSON values as the AWS CLI holds them in Python: a small tree with objects in insertion
// order, Python's str()/repr() of a value (botocore's validation messages quote them),
// json.dumps(value, indent=4, ensure_ascii=False), which is what the AWS CLI prints, and plain
// json.dumps(value), which botocore's pagination tokens hold.
//
// Pure functions over values; no I/O.
#ifndef SWF_CLI_JSON_VALUE_HPP
#define SWF_CLI_JSON_VALUE_HPP

#include <simdjson.h>
#include <swfpp/detail/json_writer.hpp>

#include <charconv>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "text.hpp"

namespace swf_cli {

struct json_member;

// A JSON value. Numbers keep their Python text (str(int) or repr(float)), so integers of any
// size print as they came.
struct json_value {
    // `bytes`: what a fileb:// option value holds (a Python bytes object).
    enum class kind { null, boolean, integer, real, string, bytes, array, object };
    kind type = kind::null;
    bool boolean = false;
    bool ordered_dict = false;  // an object json.loads made (the AWS CLI asks it for OrderedDict)
    std::string text;           // string or bytes contents, or the number as Python prints it
    std::vector<json_value> items;
    std::vector<json_member> members;  // in insertion order; names are unique

    static json_value string(std::string s) {
        json_value v;
        v.type = kind::string;
        v.text = std::move(s);
        return v;
    }
    static json_value bytes(std::string b) {
        json_value v;
        v.type = kind::bytes;
        v.text = std::move(b);
        return v;
    }
    static json_value integer(std::string digits) {
        json_value v;
        v.type = kind::integer;
        v.text = std::move(digits);
        return v;
    }
    static json_value flag(bool b) {
        json_value v;
        v.type = kind::boolean;
        v.boolean = b;
        return v;
    }
    static json_value object() {
        json_value v;
        v.type = kind::object;
        return v;
    }
    static json_value array() {
        json_value v;
        v.type = kind::array;
        return v;
    }

    bool is(kind k) const noexcept { return type == k; }
    inline const json_value* find(std::string_view name) const noexcept;
    // Python's d[name] = value: replaces in place, or appends.
    inline void set(std::string_view name, json_value value);
    // Python's d.pop(name, None).
    inline void erase(std::string_view name);
};

struct json_member {
    std::string name;
    json_value value;
};

const json_value* json_value::find(std::string_view name) const noexcept {
    for (const auto& m : members)
        if (m.name == name) return &m.value;
    return nullptr;
}

void json_value::set(std::string_view name, json_value value) {
    for (auto& m : members)
        if (m.name == name) {
            m.value = std::move(value);
            return;
        }
    members.push_back({std::string(name), std::move(value)});
}

void json_value::erase(std::string_view name) {
    for (auto m = members.begin(); m != members.end(); ++m)
        if (m->name == name) {
            members.erase(m);
            return;
        }
}

// Python's repr(float): the shortest digits that read back, positional when the decimal
// exponent is in [-4, 16), otherwise d.ddde+XX; integral values get ".0".
inline std::string python_float_repr(double d) {
    char buf[40];
    const auto r = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
    const std::string_view sci(buf, static_cast<std::size_t>(r.ptr - buf));
    if (sci == "inf") return "inf";
    if (sci == "-inf") return "-inf";
    if (sci == "nan" || sci == "-nan") return "nan";
    std::string sign, digits;
    std::size_t i = 0;
    if (sci[0] == '-') {
        sign = "-";
        i = 1;
    }
    const auto e_at = sci.find('e');
    for (; i < e_at; ++i)
        if (sci[i] != '.') digits.push_back(sci[i]);
    int exponent = 0;
    std::from_chars(sci.data() + e_at + (sci[e_at + 1] == '+' ? 2 : 1), sci.data() + sci.size(), exponent);
    const int point = exponent + 1;  // digits before the decimal point
    const int n = static_cast<int>(digits.size());
    if (point > -4 && point <= 16) {
        std::string s = sign;
        if (point <= 0) {
            s += "0." + std::string(static_cast<std::size_t>(-point), '0') + digits;
        } else if (point >= n) {
            s += digits + std::string(static_cast<std::size_t>(point - n), '0') + ".0";
        } else {
            s += digits.substr(0, static_cast<std::size_t>(point)) + "." + digits.substr(static_cast<std::size_t>(point));
        }
        return s;
    }
    std::string s = sign + digits.substr(0, 1);
    if (n > 1) s += "." + digits.substr(1);
    s += exponent < 0 ? "e-" : "e+";
    const std::string e = std::to_string(exponent < 0 ? -exponent : exponent);
    return s + (e.size() < 2 ? "0" : "") + e;
}

// What json.loads(text, object_pairs_hook=OrderedDict) makes of a parsed document.
inline json_value from_simdjson(simdjson::dom::element e) {
    // The type is known in each case, so the accessors cannot fail.
    json_value v;
    switch (e.type()) {
        case simdjson::dom::element_type::OBJECT: {
            v.type = json_value::kind::object;
            v.ordered_dict = true;
            const simdjson::dom::object object = e.get_object().value_unsafe();
            for (const auto field : object) v.set(field.key, from_simdjson(field.value));
            break;  // a repeated key keeps its first place and its last value, as in a dict
        }
        case simdjson::dom::element_type::ARRAY: {
            v.type = json_value::kind::array;
            const simdjson::dom::array array = e.get_array().value_unsafe();
            for (const auto item : array) v.items.push_back(from_simdjson(item));
            break;
        }
        case simdjson::dom::element_type::STRING:
            v = json_value::string(std::string(e.get_string().value_unsafe()));
            break;
        case simdjson::dom::element_type::INT64:
            v = json_value::integer(std::to_string(e.get_int64().value_unsafe()));
            break;
        case simdjson::dom::element_type::UINT64:
            v = json_value::integer(std::to_string(e.get_uint64().value_unsafe()));
            break;
        case simdjson::dom::element_type::DOUBLE:
            v.type = json_value::kind::real;
            v.text = python_float_repr(e.get_double().value_unsafe());
            break;
        case simdjson::dom::element_type::BOOL: v = json_value::flag(e.get_bool().value_unsafe()); break;
        case simdjson::dom::element_type::NULL_VALUE: break;
    }
    return v;
}

// Python's repr() of the value; str() differs only for a top-level string (no quotes).
inline std::string python_repr(const json_value& v) {
    switch (v.type) {
        case json_value::kind::null: return "None";
        case json_value::kind::boolean: return v.boolean ? "True" : "False";
        case json_value::kind::integer:
        case json_value::kind::real: return v.text;
        case json_value::kind::string: return python_repr(std::string_view(v.text));
        case json_value::kind::bytes: return python_bytes_repr(v.text);
        case json_value::kind::array: {
            std::string s = "[";
            for (std::size_t i = 0; i < v.items.size(); ++i) s += (i ? ", " : "") + python_repr(v.items[i]);
            return s + "]";
        }
        case json_value::kind::object: {
            // Python 3.11's reprs: OrderedDict([('k', v)]) and {'k': v}.
            std::string s = v.ordered_dict ? (v.members.empty() ? "OrderedDict(" : "OrderedDict([") : "{";
            for (std::size_t i = 0; i < v.members.size(); ++i) {
                const auto& m = v.members[i];
                s += i ? ", " : "";
                s += v.ordered_dict ? "(" + python_repr(std::string_view(m.name)) + ", " + python_repr(m.value) + ")"
                                    : python_repr(std::string_view(m.name)) + ": " + python_repr(m.value);
            }
            return s + (v.ordered_dict ? (v.members.empty() ? ")" : "])") : "}");
        }
    }
    return {};
}

// Objects as plain json.loads makes them: dicts, not OrderedDicts.
inline void make_plain_dicts(json_value& v) {
    v.ordered_dict = false;
    for (auto& item : v.items) make_plain_dicts(item);
    for (auto& m : v.members) make_plain_dicts(m.value);
}

inline std::string python_str(const json_value& v) {
    return v.is(json_value::kind::string) ? v.text : python_repr(v);
}

// type(value) as Python prints it.
inline std::string_view python_type(const json_value& v) {
    switch (v.type) {
        case json_value::kind::null: return "<class 'NoneType'>";
        case json_value::kind::boolean: return "<class 'bool'>";
        case json_value::kind::integer: return "<class 'int'>";
        case json_value::kind::real: return "<class 'float'>";
        case json_value::kind::string: return "<class 'str'>";
        case json_value::kind::bytes: return "<class 'bytes'>";
        case json_value::kind::array: return "<class 'list'>";
        case json_value::kind::object: return v.ordered_dict ? "<class 'collections.OrderedDict'>" : "<class 'dict'>";
    }
    return {};
}

namespace detail {
// A str as json.dumps writes it by default (ensure_ascii=True): what is not printable ASCII
// becomes \uXXXX, UTF-16 surrogate pairs above U+FFFF. `s` is valid UTF-8.
inline void append_ascii_json_string(std::string& out, std::string_view s) {
    constexpr char hex[] = "0123456789abcdef";
    const auto escape = [&](std::uint32_t unit) {
        out += "\\u";
        for (int shift = 12; shift >= 0; shift -= 4) out.push_back(hex[unit >> shift & 0xf]);
    };
    out.push_back('"');
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            ++i;
            switch (c) {
                case '"': out += "\\\""; break;
                case '\\': out += "\\\\"; break;
                case '\n': out += "\\n"; break;
                case '\r': out += "\\r"; break;
                case '\t': out += "\\t"; break;
                case '\b': out += "\\b"; break;
                case '\f': out += "\\f"; break;
                default:
                    if (c < 0x20 || c == 0x7f)
                        escape(c);
                    else
                        out.push_back(static_cast<char>(c));
            }
            continue;
        }
        const std::size_t length = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
        std::uint32_t code_point = c & (0x7f >> length);
        for (std::size_t k = 1; k < length && i + k < s.size(); ++k)
            code_point = code_point << 6 | (static_cast<unsigned char>(s[i + k]) & 0x3f);
        i += length;
        if (code_point >= 0x10000) {
            code_point -= 0x10000;
            escape(0xd800 | code_point >> 10);
            escape(0xdc00 | (code_point & 0x3ff));
        } else {
            escape(code_point);
        }
    }
    out.push_back('"');
}
}  // namespace detail

// json.dumps(value) with its defaults: ", " and ": " between items, ASCII only.
inline std::string python_json_dumps(const json_value& v) {
    std::string out;
    switch (v.type) {
        case json_value::kind::null: return "null";
        case json_value::kind::boolean: return v.boolean ? "true" : "false";
        case json_value::kind::integer: return v.text;
        case json_value::kind::real:
            return v.text == "inf" ? "Infinity" : v.text == "-inf" ? "-Infinity" : v.text == "nan" ? "NaN" : v.text;
        case json_value::kind::string: detail::append_ascii_json_string(out, v.text); return out;
        case json_value::kind::bytes: detail::append_ascii_json_string(out, base64_encode(v.text)); return out;
        case json_value::kind::array:
            out = "[";
            for (std::size_t i = 0; i < v.items.size(); ++i) out += (i ? ", " : "") + python_json_dumps(v.items[i]);
            return out + "]";
        case json_value::kind::object:
            out = "{";
            for (std::size_t i = 0; i < v.members.size(); ++i) {
                out += i ? ", " : "";
                detail::append_ascii_json_string(out, v.members[i].name);
                out += ": " + python_json_dumps(v.members[i].value);
            }
            return out + "}";
    }
    return out;
}

namespace detail {
void dump_indented(std::string& out, const json_value& v, std::size_t depth);

// One array or object: "[]"/"{}" when empty, else each element on its own line, indented.
template <class Items, class WriteItem>
void dump_container(std::string& out, const Items& items, char open, char close, std::size_t depth, WriteItem write) {
    out.push_back(open);
    for (std::size_t i = 0; i < items.size(); ++i) {
        out += i ? ",\n" : "\n";
        out.append(4 * (depth + 1), ' ');
        write(items[i]);
    }
    if (!items.empty()) {
        out.push_back('\n');
        out.append(4 * depth, ' ');
    }
    out.push_back(close);
}

inline void dump_indented(std::string& out, const json_value& v, std::size_t depth) {
    switch (v.type) {
        case json_value::kind::null: out += "null"; break;
        case json_value::kind::boolean: out += v.boolean ? "true" : "false"; break;
        case json_value::kind::integer: out += v.text; break;
        // json.dumps writes float.__repr__, except for the non-finite values.
        case json_value::kind::real:
            out += v.text == "inf" ? "Infinity" : v.text == "-inf" ? "-Infinity" : v.text == "nan" ? "NaN" : v.text;
            break;
        case json_value::kind::string: swfpp::detail::append_json_string(out, v.text); break;
        // awscli's json_encoder writes bytes as base64.
        case json_value::kind::bytes: swfpp::detail::append_json_string(out, base64_encode(v.text)); break;
        case json_value::kind::array:
            dump_container(out, v.items, '[', ']', depth, [&](const json_value& item) { dump_indented(out, item, depth + 1); });
            break;
        case json_value::kind::object:
            dump_container(out, v.members, '{', '}', depth, [&](const json_member& m) {
                swfpp::detail::append_json_string(out, m.name);
                out += ": ";
                dump_indented(out, m.value, depth + 1);
            });
            break;
    }
}
}  // namespace detail

// awscli's JSONFormatter: json.dump(value, indent=4, ensure_ascii=False) and a newline; nothing
// at all for an empty object (an operation without output). Escaping is Python's with
// ensure_ascii=False: \" \\ \n \r \t \b \f, other control characters as \u00XX, the rest raw.
inline std::string format_json_output(const json_value& v) {
    if (v.is(json_value::kind::object) && v.members.empty()) return {};
    std::string out;
    detail::dump_indented(out, v, 0);
    out.push_back('\n');
    return out;
}

}  // namespace swf_cli

#endif
