// swfpp — turns an HTTP response into an operation's output or an swfpp::error (sans-I/O).
// JSON is read through detail/json_reader.hpp, so only its bodies include <simdjson.h>:
// building and signing requests does not pay for it, nor, in separate-compilation mode, does
// any user translation unit.
#ifndef SWFPP_RESPONSE_HPP
#define SWFPP_RESPONSE_HPP

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

#include "swfpp/detail/config.hpp"
#include "swfpp/detail/json_reader.hpp"
#include "swfpp/error.hpp"
#include "swfpp/http.hpp"
#include "swfpp/result.hpp"
#include "swfpp/shape.hpp"
#include "swfpp/value_types.hpp"

SWFPP_NAMESPACE_BEGIN
namespace detail {

// Python's http.client.responses for the statuses botocore's generic-error rule can see (>= 500).
constexpr std::string_view server_error_reason(int status) noexcept {
    switch (status) {
        case 500: return "Internal Server Error";
        case 501: return "Not Implemented";
        case 502: return "Bad Gateway";
        case 503: return "Service Unavailable";
        case 504: return "Gateway Timeout";
        case 505: return "HTTP Version Not Supported";
        case 506: return "Variant Also Negotiates";
        case 507: return "Insufficient Storage";
        case 508: return "Loop Detected";
        case 510: return "Not Extended";
        case 511: return "Network Authentication Required";
        default: return {};
    }
}

constexpr bool is_python_space(char c) noexcept {  // what bytes.strip() removes
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

constexpr std::string_view strip(std::string_view s) noexcept {
    while (!s.empty() && is_python_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_python_space(s.back())) s.remove_suffix(1);
    return s;
}

// botocore's _is_generic_error_response: a 5xx whose body is empty or an HTML page.
constexpr bool is_generic_error_response(int status, std::string_view body) noexcept {
    if (status < 500) return false;
    const auto stripped = strip(body);
    return stripped.empty() || stripped.substr(0, 6) == "<html>";
}

// The Smithy/botocore error code sanitization: drop everything from the first ':' (a URL some
// services append), then keep what follows the last '#' (a namespace some services prepend).
constexpr std::string_view sanitize_error_code(std::string_view code) noexcept {
    if (const auto colon = code.find(':'); colon != std::string_view::npos) code = code.substr(0, colon);
    if (const auto hash = code.rfind('#'); hash != std::string_view::npos) code = code.substr(hash + 1);
    return code;
}

// Copies `bytes` replacing each ill-formed UTF-8 sequence with U+FFFD, so an error message is
// always text, whatever the server sent.
SWFPP_DECL void append_lossy_utf8(std::string& out, std::string_view bytes);

}  // namespace detail

// Parses response bodies with one reused JSON parser and one reused padded buffer.
// Not thread-safe: use one per thread (parse_response() keeps a thread_local one for you).
class response_parser {
public:
    static constexpr std::size_t default_max_body = 8 * 1024 * 1024;

    // Bodies larger than `max_body` bytes are never handed to simdjson.
    explicit response_parser(std::size_t max_body = default_max_body) : document_(max_body), max_body_(max_body) {}

    // A 2xx response becomes Op's output (an empty body reads as an empty object); anything
    // else becomes the error the AWS JSON protocol describes, with `fault` set for modelled
    // SWF errors.
    template <class Op>
    result<typename Op::output> parse(const http_response& response) {
        result<typename Op::output> out;
        parse_into<Op>(response, out);
        return out;
    }

    // The same into `out`, reusing what it holds: an error's strings keep their capacity, so a
    // caller that reuses one result (basic_client::call_into) parses errors without allocating.
    template <class Op>
    void parse_into(const http_response& response, result<typename Op::output>& out) {
        static_assert(is_operation<Op>::value, "swfpp: Op must describe an operation (name, input, output)");
        if (response.status < 200 || response.status > 299) return parse_error(response, out.reuse_error());
        typename Op::output& output = out.reuse_value();
        output = typename Op::output{};
        // No member, nothing to parse: the usual body of an operation with an empty output. A
        // body over the size limit is refused below, however little it holds.
        const std::string_view body = detail::strip(response.body);
        if (body.empty() || (body == "{}" && response.body.size() <= max_body_)) return;
        detail::json_value root;
        if (const char* why_not = document_.parse(response.body, root))
            return malformed(response, "the body is not valid JSON", why_not, out.reuse_error());
        if (!root.is_object())
            return malformed(response, "the body is not a JSON object", nullptr, out.reuse_error());
        std::string problem;
        if (!read_shape(root, output, problem)) return malformed(response, problem, nullptr, out.reuse_error());
    }

    // The error carried by a non-2xx response, by the awsJson1_0 rules and botocore's
    // fallbacks: code from X-Amzn-ErrorType, else body `__type`, else body `code`, else the
    // status; message from `message`, else `Message`, else the whole body when it is not JSON.
    // A 5xx with an empty or HTML body (botocore's generic error) gets its status's reason
    // phrase as message, and as code the header's when there is one, else the status.
    error parse_error(const http_response& response) {
        error e;
        parse_error(response, e);
        return e;
    }

    // The same into `e` (every field reset; its strings keep their capacity).
    SWFPP_DECL void parse_error(const http_response& response, error& e);

private:
    // The code found, sanitized, else the status as text; and the fault it names.
    SWFPP_DECL static void set_code(error& e, std::optional<std::string_view> code, int status);
    // A message that is not a string is printed as Python prints the value botocore holds.
    SWFPP_DECL static void append_message(std::string& out, const detail::json_value& value);
    // `parser_message`, when not null, says why the JSON parser refused the body.
    SWFPP_DECL static void malformed(const http_response& response, std::string_view why, const char* parser_message,
                                     error& e);
    // Seconds since the epoch, an integer or with a fraction, read as botocore reads them
    // (Python's datetime.fromtimestamp: the fraction rounded to the microsecond, half to even,
    // carrying into the second), then kept to the millisecond below.
    SWFPP_DECL static bool read_timestamp(const detail::json_value& value, timestamp& out, std::string& problem);

    template <class Shape>
    static bool read_shape(const detail::json_value& object, Shape& out, std::string& problem) {
        bool ok = true;
        for_each_member<Shape>([&](const auto& m) {
            if (!ok) return;
            auto& field = out.*(m.pointer);
            if constexpr (std::is_same_v<std::decay_t<decltype(field)>, unmodelled_members>) {
                read_unmodelled<Shape>(object, field);
            } else {
                detail::json_value value;
                if (!object.find(m.name, value) || value.is_null()) return;  // absent: keep the default
                if (!read_value(value, field, problem)) {
                    if (problem.empty()) problem = "unexpected JSON type";
                    problem.insert(0, std::string("member ") + std::string(m.name) + ": ");
                    ok = false;
                }
            }
        });
        return ok;
    }

    // Keeps, as raw JSON, every member of `object` that Shape does not declare.
    template <class Shape>
    static void read_unmodelled(const detail::json_value& object, unmodelled_members& out) {
        out.items.clear();
        detail::json_object_cursor fields;
        object.get(fields);
        std::string_view key;
        detail::json_value value;
        while (fields.next(key, value)) {
            bool declared = false;
            for_each_member<Shape>([&](const auto& m) {
                using value_type = typename std::decay_t<decltype(m)>::value_type;
                if constexpr (!std::is_same_v<value_type, unmodelled_members>)
                    declared = declared || m.name == key;
            });
            if (!declared) out.items.push_back({std::string(key), raw_json{value.minify()}});
        }
    }

    template <class T>
    static bool read_value(const detail::json_value& value, T& out, std::string& problem) {
        if constexpr (std::is_same_v<T, std::string>) {
            std::string_view text;
            if (!value.get(text)) return false;
            out.assign(text);
            return true;
        } else if constexpr (std::is_same_v<T, bool>) {
            return value.get(out);
        } else if constexpr (std::is_integral_v<T>) {
            std::int64_t number = 0;
            if (!value.get(number)) return false;
            bool in_range = false;
            if constexpr (std::is_signed_v<T>)
                in_range = number >= static_cast<std::int64_t>(std::numeric_limits<T>::min()) &&
                           number <= static_cast<std::int64_t>(std::numeric_limits<T>::max());
            else
                in_range = number >= 0 && static_cast<std::uint64_t>(number) <= std::numeric_limits<T>::max();
            if (!in_range) {
                problem = "integer out of range";
                return false;
            }
            out = static_cast<T>(number);
            return true;
        } else if constexpr (std::is_floating_point_v<T>) {
            double number = 0;
            if (!value.get(number)) return false;
            out = static_cast<T>(number);
            return true;
        } else if constexpr (is_optional<T>::value) {
            typename T::value_type inner{};
            if (!read_value(value, inner, problem)) return false;
            out = std::move(inner);
            return true;
        } else if constexpr (is_vector<T>::value) {
            detail::json_array_cursor elements;
            if (!value.get(elements)) return false;
            out.clear();
            detail::json_value element;
            while (elements.next(element)) {
                typename T::value_type item{};
                if (!read_value(element, item, problem)) return false;
                out.push_back(std::move(item));
            }
            return true;
        } else if constexpr (is_shape_v<T>) {
            return value.is_object() && read_shape(value, out, problem);
        } else if constexpr (is_open_enum<T>::value) {
            std::string_view text;
            if (!value.get(text)) return false;
            out = T::from_string(text);  // unknown names are kept, never an error
            return true;
        } else if constexpr (std::is_same_v<T, timestamp>) {
            return read_timestamp(value, out, problem);
        } else if constexpr (std::is_same_v<T, raw_json>) {
            out.text = value.minify();
            return true;
        } else {
            static_assert(sizeof(T) == 0, "swfpp: unsupported member type in a shape description");
        }
    }

    detail::json_document document_;
    std::size_t max_body_;
};

namespace detail {
SWFPP_DECL response_parser& thread_response_parser();
}  // namespace detail

// parse_response<Op>(response): response_parser::parse with this thread's reused parser.
template <class Op>
result<typename Op::output> parse_response(const http_response& response) {
    return detail::thread_response_parser().parse<Op>(response);
}

// response_parser::parse_into with this thread's reused parser.
template <class Op>
void parse_response_into(const http_response& response, result<typename Op::output>& out) {
    detail::thread_response_parser().parse_into<Op>(response, out);
}

SWFPP_NAMESPACE_END

#if defined(SWFPP_HEADER_ONLY)
#include "swfpp/impl/response.ipp"
#endif

#endif
