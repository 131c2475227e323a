// swfpp — response.hpp's bodies.
#ifndef SWFPP_IMPL_RESPONSE_IPP
#define SWFPP_IMPL_RESPONSE_IPP

#include "swfpp/response.hpp"

#include <chrono>
#include <cmath>

#include "swfpp/detail/decimal.hpp"
#include "swfpp/detail/utf8.hpp"

SWFPP_NAMESPACE_BEGIN
namespace detail {

void append_lossy_utf8(std::string& out, std::string_view bytes) {
    while (!bytes.empty()) {
        const auto bad = find_invalid_utf8(bytes);
        if (bad == utf8_valid) {
            out.append(bytes);
            return;
        }
        out.append(bytes.substr(0, bad));
        out.append("\xEF\xBF\xBD");
        bytes.remove_prefix(bad + 1);
    }
}

response_parser& thread_response_parser() {
    thread_local response_parser parser;
    return parser;
}

}  // namespace detail

void response_parser::parse_error(const http_response& response, error& e) {
    e.clear();
    e.kind = errc::service_error;
    e.http_status = response.status;
    if (const auto* id = find_header(response.headers, "x-amzn-RequestId")) e.request_id.assign(id->value);
    std::optional<std::string_view> code;  // present but empty is a valid (empty) code
    if (const auto* type = find_header(response.headers, "X-Amzn-ErrorType")) code = type->value;
    if (detail::is_generic_error_response(response.status, response.body)) {
        e.message.assign(detail::server_error_reason(response.status));
        return set_code(e, code, response.status);
    }

    detail::json_value body;
    bool body_is_object = false;
    if (!response.body.empty()) {
        body_is_object = !document_.parse(response.body, body) && body.is_object();
        if (!body_is_object) detail::append_lossy_utf8(e.message, response.body);
    }
    if (body_is_object) {
        // botocore reads the body with json.loads, where the last of repeated keys wins.
        std::optional<std::string_view> type, code_member;
        std::optional<detail::json_value> message, upper_message;
        detail::json_object_cursor fields;
        body.get(fields);
        std::string_view key;
        detail::json_value value;
        while (fields.next(key, value)) {
            std::string_view text;
            const bool is_string = value.get(text);
            if (key == "__type") {
                // null reads as an empty code in botocore; other non-strings are ignored
                if (is_string || value.is_null())
                    type = text;
                else
                    type.reset();
            } else if (key == "code") {
                if (is_string)
                    code_member = text;
                else
                    code_member.reset();
            } else if (key == "message") {
                message = value;
            } else if (key == "Message") {
                upper_message = value;
            }
        }
        if (!code) code = type;
        if (!code) code = code_member;
        if (message || upper_message) append_message(e.message, message ? *message : *upper_message);
    }
    set_code(e, code, response.status);
}

void response_parser::set_code(error& e, std::optional<std::string_view> code, int status) {
    if (code)
        detail::append_lossy_utf8(e.code, detail::sanitize_error_code(*code));
    else
        detail::append_signed_decimal(e.code, status);  // any int a transport may set
    e.fault = fault_from_code(e.code);
}

void response_parser::append_message(std::string& out, const detail::json_value& value) {
    std::string_view text;
    bool flag = false;
    if (value.get(text))
        out.append(text);
    else if (value.is_null())
        out.append("None");
    else if (value.get(flag))
        out.append(flag ? "True" : "False");
    else
        out.append(value.minify());
}

void response_parser::malformed(const http_response& response, std::string_view why, const char* parser_message,
                                error& e) {
    e.clear();
    e.kind = errc::malformed_response;
    e.http_status = response.status;
    if (const auto* id = find_header(response.headers, "x-amzn-RequestId")) e.request_id.assign(id->value);
    e.message.assign("Malformed response: ").append(why);
    if (parser_message) e.message.append(" (").append(parser_message).append(")");
}

bool response_parser::read_timestamp(const detail::json_value& value, timestamp& out, std::string& problem) {
    constexpr double limit = 9.2e18;  // milliseconds that fit an int64 (with margin)
    std::int64_t whole = 0;
    double seconds = 0;
    if (value.get(whole)) {
        if (whole > static_cast<std::int64_t>(limit / 1000) || whole < -static_cast<std::int64_t>(limit / 1000)) {
            problem = "timestamp out of range";
            return false;
        }
        out = timestamp(std::chrono::milliseconds(whole * 1000));
        return true;
    }
    if (!value.get(seconds)) return false;  // not a number (or an integer beyond int64)
    double whole_seconds = 0;
    double micros = std::nearbyint(std::modf(seconds, &whole_seconds) * 1e6);  // ties to even
    if (micros >= 1e6) {
        whole_seconds += 1;
        micros -= 1e6;
    } else if (micros < 0) {
        whole_seconds -= 1;
        micros += 1e6;
    }
    const double ms = whole_seconds * 1000.0 + std::floor(micros / 1000.0);
    if (!(ms > -limit && ms < limit)) {
        problem = "timestamp out of range";
        return false;
    }
    out = timestamp(std::chrono::milliseconds(static_cast<std::int64_t>(ms)));
    return true;
}

SWFPP_NAMESPACE_END

#endif
