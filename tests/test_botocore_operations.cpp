// Every SWF operation against botocore as an oracle (tools/botocore_operations_oracle.py).
//
// The cases come from swfpp's shape descriptions, through one walker, so no operation needs
// cases of its own:
//   requests   (a) required members only; (b) every member: lists of two, each enum value and
//              each member of an exactly-one/at-most-one choice in turn, so all 13 decision
//              types appear; (c) every string, list and number at exactly its minimum (0
//              where the model sets none), the strings made of 1- to 4-byte UTF-8, quotes,
//              backslashes and control characters. Both must accept; the bodies must be the
//              same JSON value, the X-Amz-Target and Content-Type the same. Timestamps go to
//              botocore as epoch seconds with a fraction, which both drop.
//              (d) one constrained value one below its minimum, or one required enum left
//              unset, then all of them at once (in each variant of (b)): both must reject,
//              with the same report, line by line.
//   responses  a body with the required output members only, then bodies with every output
//              member (every history event type, each event with every attribute), timestamps
//              written as 1700000000.123 and, once per operation, as SWF may write them
//              (1.700000000123E9, non-ASCII as \uXXXX); parsed by both and compared as JSON:
//              swfpp's serialize_json of its result against botocore's timestamps in whole
//              seconds, then both rendered with timestamps in milliseconds.
//   errors     each operation's first modelled fault (the same as botocore's first): code,
//              message and fault.
//   coverage   every member of each operation's input and output in botocore's model must
//              have appeared in some request or response above.
// One line per mismatch; then the counts. Exits 77 (SKIP) without python3 + botocore, unless
// CI=true, where that is a failure.
#include <simdjson.h>
#include <swfpp/endpoint.hpp>
#include <swfpp/operations.hpp>
#include <swfpp/request.hpp>
#include <swfpp/response.hpp>
#include <swfpp/serialize.hpp>
#include <swfpp/validate.hpp>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <typeindex>
#include <typeinfo>
#include <utility>
#include <vector>

#include "support/python_oracle.hpp"

namespace {

using swfpp_test::to_hex;

// ---------------------------------------------------------------------------------------------
// Text

// One code point each: 2-, 3- and 4-byte UTF-8, what JSON escapes, DEL, U+2028 and U+10FFFF.
constexpr std::string_view pieces[] = {"\xC3\xA9", "\xE4\xB8\xAD", "\xF0\x9F\x98\x80", "\"", "\\", "\x01", "\n",
                                       "\x1F", "\x7F", "/", "\xE2\x80\xA8", "\xF4\x8F\xBF\xBF", "a"};
constexpr std::size_t piece_count = sizeof pieces / sizeof pieces[0];

// Control bytes as \xNN, so a failure line stays one line.
std::string printable(std::string_view s) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    for (char c : s) {
        const auto b = static_cast<unsigned char>(c);
        if (b < 0x20 || b == 0x7F) {
            out.append("\\x");
            out.push_back(digits[b >> 4]);
            out.push_back(digits[b & 0xF]);
        } else {
            out.push_back(c);
        }
    }
    return out;
}

// A JSON string literal, written here rather than by swfpp's writer; `ascii_only` escapes
// every non-ASCII code point too (\uXXXX, surrogate pairs above U+FFFF). `s` is valid UTF-8.
void append_json_text(std::string& out, std::string_view s, bool ascii_only = false) {
    static constexpr char digits[] = "0123456789abcdef";
    const auto u_escape = [&](std::uint32_t v) {
        out.append("\\u");
        for (int shift = 12; shift >= 0; shift -= 4) out.push_back(digits[(v >> shift) & 0xF]);
    };
    out.push_back('"');
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto b = static_cast<unsigned char>(s[i]);
        if (b == '"' || b == '\\') {
            out.push_back('\\');
            out.push_back(s[i]);
        } else if (b < 0x20) {
            u_escape(b);
        } else if (b < 0x80 || !ascii_only) {
            out.push_back(s[i]);
        } else {
            const std::size_t len = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
            std::uint32_t cp = b & (0xFFu >> (len + 1));
            for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3Fu);
            i += len - 1;
            if (cp >= 0x10000) {
                u_escape(0xD800 + ((cp - 0x10000) >> 10));
                u_escape(0xDC00 + ((cp - 0x10000) & 0x3FF));
            } else {
                u_escape(cp);
            }
        }
    }
    out.push_back('"');
}

// ---------------------------------------------------------------------------------------------
// Shapes to JSON, independently of swfpp's serializer: what botocore is given as parameters and
// what the canned responses hold. Timestamps as epoch seconds with the milliseconds as a
// fraction (1700000000.123) or as whole epoch milliseconds; or written as SWF, a Java
// service, writes them (1.700000000123E9), with every non-ASCII character escaped.

enum class time_format { seconds_with_fraction, milliseconds, java };

// 1700000000123 ms as "1.700000000123E9"; positive times only.
std::string scientific_seconds(std::int64_t ms) {
    const std::string digits = std::to_string(ms);
    std::string mantissa = digits.substr(1);
    while (mantissa.size() > 1 && mantissa.back() == '0') mantissa.pop_back();
    return digits.substr(0, 1) + "." + mantissa + "E" + std::to_string(digits.size() - 4);
}

template <class T>
bool present(const T& field) {
    if constexpr (swfpp::is_optional<T>::value)
        return field.has_value() && present(*field);
    else if constexpr (swfpp::is_open_enum<T>::value)
        return field.has_value();
    else
        return true;
}

template <class T>
void emit(std::string& out, const T& value, time_format format);

template <class Shape>
void emit_object(std::string& out, const Shape& value, time_format format) {
    out.push_back('{');
    bool first = true;
    swfpp::for_each_member<Shape>([&](const auto& m) {
        const auto& field = value.*(m.pointer);
        if constexpr (!std::is_same_v<std::decay_t<decltype(field)>, swfpp::unmodelled_members>) {
            if (!present(field)) return;
            if (!first) out.push_back(',');
            first = false;
            append_json_text(out, m.name, format == time_format::java);
            out.push_back(':');
            emit(out, field, format);
        }
    });
    out.push_back('}');
}

template <class T>
void emit(std::string& out, const T& value, time_format format) {
    if constexpr (std::is_same_v<T, std::string>) {
        append_json_text(out, value, format == time_format::java);
    } else if constexpr (std::is_same_v<T, bool>) {
        out.append(value ? "true" : "false");
    } else if constexpr (std::is_integral_v<T>) {
        out.append(std::to_string(value));
    } else if constexpr (swfpp::is_optional<T>::value) {
        emit(out, *value, format);
    } else if constexpr (swfpp::is_vector<T>::value) {
        out.push_back('[');
        for (std::size_t i = 0; i < value.size(); ++i) {
            if (i != 0) out.push_back(',');
            emit(out, value[i], format);
        }
        out.push_back(']');
    } else if constexpr (swfpp::is_shape_v<T>) {
        emit_object(out, value, format);
    } else if constexpr (swfpp::is_open_enum<T>::value) {
        append_json_text(out, value.str());
    } else if constexpr (std::is_same_v<T, swfpp::timestamp>) {
        const std::int64_t ms = value.time_since_epoch().count();
        if (format == time_format::milliseconds) {
            out.append(std::to_string(ms));
        } else if (format == time_format::java) {
            out.append(scientific_seconds(ms));
        } else {
            const std::int64_t seconds = ms >= 0 ? ms / 1000 : -((999 - ms) / 1000);
            const std::string fraction = std::to_string(ms - seconds * 1000 + 1000);  // "1ddd"
            out.append(std::to_string(seconds)).append(".").append(fraction, 1, 3);
        }
    } else {
        static_assert(sizeof(T) == 0, "a member type this test does not know");
    }
}

template <class Shape>
std::string to_json(const Shape& value, time_format format) {
    std::string out;
    emit_object(out, value, format);
    return out;
}

// ---------------------------------------------------------------------------------------------
// The walker: fills a shape from its description.

enum class fill_mode {
    required_only,  // only members that are not optional (and one of each exactly-one choice)
    every_member,   // everything, with rich strings
    at_minimum,     // everything, each string, list and number at its minimum (0 when none is given)
    one_invalid,    // as every_member, but the `target`th constrained value one below its
                    // minimum, or the `target`th required enum unset; every one with every_target
};

struct constraint {
    std::int64_t min = 0;
    bool has_min = false;
    std::int64_t element_min = 0;
    bool has_element_min = false;
};

class generator {
public:
    static constexpr std::size_t no_target = static_cast<std::size_t>(-1);
    static constexpr std::size_t every_target = no_target - 1;

    explicit generator(fill_mode mode, std::size_t variant = 0, std::size_t target = no_target)
        : mode_(mode), variant_(variant), target_index_(target) {}

    template <class Shape>
    Shape make() {
        Shape s{};
        fill_shape(s);
        return s;
    }

    std::size_t constrained() const { return constrained_; }  // targets for one_invalid, so far
    std::size_t variants() const { return widest_; }          // to show every enum value and choice
    const std::string& target() const { return target_; }     // what one_invalid broke, where

private:
    template <class Shape>
    void fill_shape(Shape& s) {
        std::vector<std::string_view> left_out, chosen;
        if constexpr (swfpp::has_choices<Shape>::value) choose(Shape::choices(), left_out, chosen);
        const auto listed = [](const std::vector<std::string_view>& names, std::string_view name) {
            return std::find(names.begin(), names.end(), name) != names.end();
        };
        swfpp::for_each_member<Shape>([&](const auto& m) {
            using value_type = typename std::decay_t<decltype(m)>::value_type;
            if constexpr (!std::is_same_v<value_type, swfpp::unmodelled_members>) {
                if (listed(left_out, m.name)) return;
                if (swfpp::is_optional<value_type>::value && mode_ == fill_mode::required_only &&
                    !listed(chosen, m.name))
                    return;
                path_.emplace_back(m.name);
                if (!(swfpp::is_open_enum<value_type>::value && is_target("left unset")))
                    fill(s.*(m.pointer), constraint{m.min_value, m.has_min, m.element_min_value, m.has_element_min});
                path_.pop_back();
            }
        });
    }

    // Of each choice, the member to set, in turn from one variant to the next; none of an
    // at-most-one choice when only required members are wanted.
    template <class Choices>
    void choose(const Choices& choices, std::vector<std::string_view>& left_out,
                std::vector<std::string_view>& chosen) {
        std::apply(
            [&](const auto&... choice) {
                (std::apply(
                     [&](const auto&... m) {
                         const std::array<std::string_view, sizeof...(m)> names{m.name...};
                         widest_ = std::max(widest_, names.size());
                         const bool none = !choice.required && mode_ == fill_mode::required_only;
                         const std::size_t keep = none ? names.size() : (variant_ + choices_++) % names.size();
                         for (std::size_t i = 0; i < names.size(); ++i)
                             (i == keep ? chosen : left_out).push_back(names[i]);
                     },
                     choice.members),
                 ...);
            },
            choices);
    }

    // Counts a constrained value; true when it is the one one_invalid breaks.
    bool is_target(std::string_view how) {
        const std::size_t index = constrained_++;
        if (target_index_ == every_target) return true;
        if (index != target_index_) return false;
        for (const auto& p : path_) target_.append(target_.empty() || p[0] == '[' ? "" : ".").append(p);
        target_.append(" ").append(how);
        return true;
    }
    bool shortened(const constraint& c) { return c.has_min && is_target("below its minimum"); }

    std::string pieces_text(std::int64_t code_points) {
        std::string s;
        for (std::int64_t i = 0; i < code_points; ++i) s.append(pieces[pieces_++ % piece_count]);
        return s;
    }

    std::string text(const constraint& c) {
        const bool short_one = shortened(c);
        const std::int64_t min = c.has_min ? c.min : 0;
        if (mode_ == fill_mode::at_minimum) return pieces_text(min);
        if (short_one) return pieces_text(min - 1);
        std::string s;
        if (mode_ == fill_mode::required_only) {
            s = "r" + std::to_string(counter_++);
        } else {
            s = "v" + std::to_string(counter_++) + " ";
            for (std::size_t i = 0; i < piece_count; ++i) s.append(pieces[(i + counter_) % piece_count]);
        }
        return s.size() < static_cast<std::size_t>(min) ? s + std::string(static_cast<std::size_t>(min), 'x') : s;
    }

    std::int64_t number(const constraint& c) {
        const bool short_one = shortened(c);
        const std::int64_t min = c.has_min ? c.min : 0;
        if (mode_ == fill_mode::at_minimum) return min;
        if (short_one) return min - 1;
        return min + 1 + static_cast<std::int64_t>(counter_++ % 90);
    }

    std::size_t length(const constraint& c) {
        const bool short_one = shortened(c);
        const auto min = static_cast<std::size_t>(c.has_min ? c.min : 0);
        if (mode_ == fill_mode::at_minimum) return min;
        if (short_one) return min - 1;
        return std::max<std::size_t>(min, mode_ == fill_mode::required_only ? 1 : 2);
    }

    template <class T>
    void fill(T& value, const constraint& c) {
        if constexpr (std::is_same_v<T, std::string>) {
            value = text(c);
        } else if constexpr (std::is_same_v<T, bool>) {
            value = (variant_ + counter_++) % 2 == 0;
        } else if constexpr (std::is_integral_v<T>) {
            value = static_cast<T>(number(c));
        } else if constexpr (swfpp::is_optional<T>::value) {
            fill(value.emplace(), c);
        } else if constexpr (swfpp::is_vector<T>::value) {
            value.resize(length(c));
            for (std::size_t i = 0; i < value.size(); ++i) {
                path_.push_back("[" + std::to_string(i) + "]");
                fill(value[i], constraint{c.element_min, c.has_element_min, 0, false});
                path_.pop_back();
            }
        } else if constexpr (swfpp::is_shape_v<T>) {
            fill_shape(value);
        } else if constexpr (swfpp::is_open_enum<T>::value) {
            using enum_type = typename T::enum_type;
            constexpr std::size_t size = enum_names(enum_type{}).size();
            widest_ = std::max(widest_, size);
            auto& uses = enum_uses_[std::type_index(typeid(enum_type))];
            value = static_cast<enum_type>((variant_ + uses++) % size);
        } else if constexpr (std::is_same_v<T, swfpp::timestamp>) {
            // Fractions either side of half a second, so rounding cannot pass for truncation.
            constexpr std::int64_t fractions[] = {123, 999, 0, 500, 1, 501, 877};
            const std::size_t n = counter_++;
            value = swfpp::timestamp(std::chrono::milliseconds(std::int64_t{1'700'000'000'000} +
                                                               1'000 * static_cast<std::int64_t>(n) +
                                                               fractions[(n + variant_) % std::size(fractions)]));
        } else {
            static_assert(sizeof(T) == 0, "a member type this test does not know");
        }
    }

    fill_mode mode_;
    std::size_t variant_;
    std::size_t target_index_;
    std::size_t constrained_ = 0;
    std::size_t widest_ = 1;
    std::size_t counter_ = 0;
    std::size_t pieces_ = 0;
    std::size_t choices_ = 0;
    std::map<std::type_index, std::size_t> enum_uses_;
    std::vector<std::string> path_;
    std::string target_;
};

// ---------------------------------------------------------------------------------------------
// Cases: what swfpp did, kept until botocore's answer arrives.

enum category { valid_request, invalid_request, response, error_response, category_count };
constexpr const char* category_names[] = {"requests (a)(b)(c)", "invalid requests (d)", "responses",
                                          "errors"};

struct test_case {
    category kind = valid_request;
    std::string op;
    std::string label;
    std::string problem;               // swfpp's failure where it should have succeeded
    std::string target, content_type;  // valid_request
    std::string report;                // invalid_request: swfpp's validation message
    std::string code, message;         // error_response
};

template <class Op>
test_case new_case(category kind, std::string label) {
    test_case c;
    c.kind = kind;
    c.op = std::string(Op::name);
    c.label = std::move(label);
    return c;
}

struct suite {
    std::vector<test_case> cases;
    std::string lines;  // for the oracle

    void add(test_case c, const std::string& line) {
        cases.push_back(std::move(c));
        lines.append(line).push_back('\n');
    }
};

std::string case_line(std::string_view kind, std::string_view op, std::string_view rest) {
    std::string line = "{\"kind\":\"";
    line.append(kind).append("\",\"op\":\"").append(op).append("\",").append(rest).append("}");
    return line;
}

template <class Op>
void add_request(suite& s, std::string label, const typename Op::input& input) {
    static const auto ep = swfpp::endpoint_for_region("us-east-1");
    auto c = new_case<Op>(valid_request, std::move(label));
    swfpp::http_request req;
    if (auto built = swfpp::build_request<Op>(input, *ep, req); !built) {
        c.problem = "swfpp rejects it: " + built.error().message;
    } else {
        c.target = swfpp::find_header(req.headers, "X-Amz-Target")->value;
        c.content_type = swfpp::find_header(req.headers, "Content-Type")->value;
    }
    s.add(std::move(c), case_line("request", Op::name,
                                  "\"params\":" + to_json(input, time_format::seconds_with_fraction) +
                                      ",\"body\":\"" + to_hex(req.body) + "\""));
}

template <class Op>
void add_invalid_request(suite& s, std::string label, const typename Op::input& input) {
    auto c = new_case<Op>(invalid_request, std::move(label));
    if (auto valid = swfpp::validate(input); !valid) c.report = valid.error().message;
    s.add(std::move(c), case_line("request", Op::name,
                                  "\"params\":" + to_json(input, time_format::seconds_with_fraction)));
}

template <class Op>
void add_response(suite& s, std::string label, const typename Op::output& output, time_format format) {
    swfpp::http_response resp;
    resp.status = 200;
    resp.headers = {{"Content-Type", "application/x-amz-json-1.0"}, {"x-amzn-RequestId", "r-1"}};
    resp.body = to_json(output, format);
    auto c = new_case<Op>(response, std::move(label));
    std::string seconds, millis;
    if (auto parsed = swfpp::parse_response<Op>(resp); !parsed) {
        c.problem = "swfpp cannot parse it: " + parsed.error().message;
    } else {
        swfpp::serialize_json(*parsed, seconds);
        millis = to_json(*parsed, time_format::milliseconds);
    }
    std::string rest = "\"body\":\"" + to_hex(resp.body) + "\",\"seconds\":";
    append_json_text(rest, seconds.empty() ? "{}" : seconds);
    rest.append(",\"millis\":");
    append_json_text(rest, millis.empty() ? "{}" : millis);
    s.add(std::move(c), case_line("response", Op::name, rest));
}

template <class Op>
void add_error(suite& s) {
    static_assert(Op::errors.size() > 0, "every SWF operation has modelled errors");
    const std::string_view fault = swfpp::to_string(Op::errors[0]);
    swfpp::http_response resp;
    resp.status = 400;
    resp.headers = {{"Content-Type", "application/x-amz-json-1.0"}, {"x-amzn-RequestId", "r-2"}};
    resp.body = "{\"__type\":\"com.amazonaws.swf.base.model#" + std::string(fault) +
                "\",\"message\":\"caf\\u00e9 \xE4\xB8\xAD \xF0\x9F\x98\x80 \\\"q\\\" \\\\ \\n " +
                std::string(Op::name) + "\"}";
    auto c = new_case<Op>(error_response, std::string(fault));
    if (auto parsed = swfpp::parse_response<Op>(resp); parsed) {
        c.problem = "swfpp reads the error as a success";
    } else {
        c.code = parsed.error().code;
        c.message = parsed.error().message;
        if (parsed.error().fault != Op::errors[0]) c.problem = "swfpp names another fault: " + c.code;
    }
    s.add(std::move(c), case_line("error", Op::name, "\"status\":400,\"body\":\"" + to_hex(resp.body) + "\""));
}

template <class Op>
void add_operation(suite& s) {
    using input = typename Op::input;
    using output = typename Op::output;
    generator probe(fill_mode::every_member);
    probe.make<input>();
    add_request<Op>(s, "(a) required only", generator(fill_mode::required_only).make<input>());
    for (std::size_t v = 0; v < probe.variants(); ++v)
        add_request<Op>(s, "(b) every member, variant " + std::to_string(v),
                        generator(fill_mode::every_member, v).make<input>());
    add_request<Op>(s, "(c) at minimum", generator(fill_mode::at_minimum).make<input>());
    for (std::size_t t = 0; t < probe.constrained(); ++t) {
        generator g(fill_mode::one_invalid, 0, t);
        const auto value = g.make<input>();
        add_invalid_request<Op>(s, "(d) " + g.target(), value);
    }
    for (std::size_t v = 0; v < probe.variants(); ++v)
        add_invalid_request<Op>(s, "(d) every constraint broken, variant " + std::to_string(v),
                                generator(fill_mode::one_invalid, v, generator::every_target).make<input>());
    add_response<Op>(s, "required only", generator(fill_mode::required_only).make<output>(),
                     time_format::seconds_with_fraction);
    generator output_probe(fill_mode::every_member);
    output_probe.make<output>();
    for (std::size_t v = 0; v < output_probe.variants(); ++v)
        add_response<Op>(s, "variant " + std::to_string(v), generator(fill_mode::every_member, v).make<output>(),
                         time_format::seconds_with_fraction);
    add_response<Op>(s, "as Java writes JSON", generator(fill_mode::every_member).make<output>(),
                     time_format::java);
    add_error<Op>(s);
}

// ---------------------------------------------------------------------------------------------
// Checking the answers

std::string text_of(simdjson::dom::element answer, const char* key) {
    std::string_view v;
    return answer[key].get(v) ? std::string() : std::string(v);
}

bool flag_of(simdjson::dom::element answer, const char* key) {
    bool v = false;
    return !answer[key].get(v) && v;
}

std::vector<std::string> split_lines(const std::string& s) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    for (std::size_t nl; (nl = s.find('\n', start)) != std::string::npos; start = nl + 1)
        lines.push_back(s.substr(start, nl - start));
    if (start < s.size()) lines.push_back(s.substr(start));
    return lines;
}

// The mismatches of one case, each described in one line.
std::vector<std::string> check(const test_case& c, simdjson::dom::element a) {
    std::vector<std::string> out;
    if (!c.problem.empty()) out.push_back(c.problem);
    if (const auto crash = text_of(a, "crash"); !crash.empty()) {
        out.push_back("the oracle raised " + crash);
        return out;
    }
    const auto differ = [&](const char* what, const std::string& ours, const std::string& theirs) {
        if (ours != theirs) out.push_back(std::string(what) + ": swfpp \"" + ours + "\", botocore \"" + theirs + "\"");
    };
    switch (c.kind) {
        case valid_request:
            if (const auto report = text_of(a, "report"); !report.empty()) {
                out.push_back("botocore rejects it: " + report);
            } else if (c.problem.empty()) {
                if (!flag_of(a, "equal")) out.push_back("bodies differ at " + text_of(a, "diff"));
                differ("X-Amz-Target", c.target, text_of(a, "target"));
                differ("Content-Type", c.content_type, text_of(a, "content_type"));
            }
            break;
        case invalid_request: {
            const auto report = text_of(a, "report");
            if (report.empty() && c.report.empty()) out.push_back("both accept it (the generator is wrong)");
            if (report.empty() != c.report.empty())
                out.push_back(report.empty() ? "swfpp rejects, botocore accepts: " + c.report
                                             : "swfpp accepts, botocore rejects: " + report);
            if (report.empty() || c.report.empty()) break;
            const auto ours = split_lines(c.report), theirs = split_lines(report);
            for (std::size_t i = 0; i < std::max(ours.size(), theirs.size()); ++i)
                differ(("report line " + std::to_string(i + 1)).c_str(), i < ours.size() ? ours[i] : "<none>",
                       i < theirs.size() ? theirs[i] : "<none>");
            break;
        }
        case response:
            if (c.problem.empty() && !(flag_of(a, "seconds_equal") && flag_of(a, "millis_equal")))
                out.push_back(std::string(flag_of(a, "seconds_equal") ? "in milliseconds" : "in seconds") +
                              ", parsed values differ at " + text_of(a, "diff"));
            break;
        case error_response:
            differ("first modelled error", c.label, text_of(a, "first_error"));
            if (c.code.empty() && c.message.empty()) break;  // already reported as a problem
            differ("code", c.code, text_of(a, "code"));
            differ("message", c.message, text_of(a, "message"));
            break;
        case category_count:
            break;
    }
    return out;
}

bool under_ci() {
    const char* ci = std::getenv("CI");
    return ci != nullptr && std::strcmp(ci, "true") == 0;
}

int oracle_unavailable(int rc) {
    if (rc == 77 && under_ci()) {
        std::printf("FAIL: CI=true, but the botocore oracle cannot run\n");
        return EXIT_FAILURE;
    }
    return rc;
}

}  // namespace

int main() {
    if (const int rc = swfpp_test::require_python_module("botocore"); rc != 0) return oracle_unavailable(rc);

    suite s;
#define SWFPP_TEST_ADD(op) add_operation<swfpp::op>(s);
    SWFPP_FOR_EACH_OPERATION(SWFPP_TEST_ADD)
#undef SWFPP_TEST_ADD
    s.lines.append("{\"kind\":\"coverage\"}\n");  // answered last

    std::string answers;
    if (const int rc = swfpp_test::run_python_oracle("botocore_operations_oracle.py", s.lines, answers); rc != 0)
        return oracle_unavailable(rc);
    const auto lines = split_lines(answers);
    if (lines.size() != s.cases.size() + 1) {
        std::printf("FAIL: %zu cases, but the oracle answered %zu\n", s.cases.size() + 1, lines.size());
        return EXIT_FAILURE;
    }

    simdjson::dom::parser parser;
    std::size_t counts[category_count] = {}, failures[category_count] = {};
    std::set<std::string> covered[category_count];
    for (std::size_t i = 0; i < s.cases.size(); ++i) {
        const test_case& c = s.cases[i];
        simdjson::dom::element a;
        if (parser.parse(lines[i]).get(a)) {
            std::printf("FAIL: the oracle's answer %zu is not JSON\n", i);
            return EXIT_FAILURE;
        }
        ++counts[c.kind];
        covered[c.kind].insert(c.op);
        const auto mismatches = check(c, a);
        if (!mismatches.empty()) ++failures[c.kind];
        for (const auto& m : mismatches)
            std::printf("MISMATCH %s %s: %s\n", c.op.c_str(), printable(c.label).c_str(), printable(m).c_str());
    }

    // Whatever botocore's model holds that no case showed it: a member swfpp lacks, or the
    // walker left out.
    simdjson::dom::element coverage;
    simdjson::dom::array uncovered;
    if (parser.parse(lines.back()).get(coverage) || coverage["uncovered"].get(uncovered)) {
        std::printf("FAIL: the oracle's coverage answer is unreadable: %s\n", printable(lines.back()).c_str());
        return EXIT_FAILURE;
    }
    for (const auto member : uncovered) {
        std::string_view text;
        if (!member.get(text)) std::printf("UNCOVERED %s\n", printable(text).c_str());
    }

    constexpr std::size_t operation_count = 39;
    bool ok = uncovered.size() == 0;
    for (int k = 0; k < category_count; ++k) {
        std::printf("%-28s %4zu cases, %2zu operations, %zu failed\n", category_names[k], counts[k],
                    covered[k].size(), failures[k]);
        ok = ok && failures[k] == 0 && covered[k].size() == operation_count;
    }
    std::printf("%-28s %4zu members of botocore's model never seen\n", "coverage", uncovered.size());
    if (!ok) std::printf("FAIL: see above (every category must cover all %zu operations)\n", operation_count);
    return ok ? EXIT_SUCCESS : EXIT_FAILURE;
}
