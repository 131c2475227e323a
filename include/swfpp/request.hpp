// swfpp — builds the unsigned AWS JSON 1.0 HTTP request for an operation (sans-I/O).
#ifndef SWFPP_REQUEST_HPP
#define SWFPP_REQUEST_HPP

#include <string>
#include <string_view>

#include "swfpp/detail/config.hpp"
#include "swfpp/endpoint.hpp"
#include "swfpp/error.hpp"
#include "swfpp/http.hpp"
#include "swfpp/result.hpp"
#include "swfpp/serialize.hpp"
#include "swfpp/service.hpp"
#include "swfpp/shape.hpp"
#include "swfpp/validate.hpp"

SWFPP_NAMESPACE_BEGIN

inline constexpr std::string_view default_user_agent = "swfpp/" SWFPP_VERSION_STRING;

namespace detail {
// A header value must not be able to end the header early or smuggle another one.
constexpr bool is_safe_header_value(std::string_view v) noexcept {
    for (char c : v)
        if (c == '\r' || c == '\n' || c == '\0') return false;
    return true;
}
}  // namespace detail

// Validates `input` and, only if it is valid, writes the unsigned request into `out` (cleared
// first; its buffers are reused): POST to the endpoint's path with Host, X-Amz-Target,
// Content-Type and User-Agent, and the compact JSON body. Nothing here reads a clock or the
// environment. The next step is signing.
template <class Op>
result<void> build_request(const typename Op::input& input, const endpoint& ep, http_request& out,
                           std::string_view user_agent = default_user_agent) {
    static_assert(is_operation<Op>::value, "swfpp: Op must describe an operation (name, input, output)");
    if (auto valid = validate(input); !valid) return valid;
    if (!detail::is_safe_header_value(user_agent) || !detail::is_safe_header_value(ep.host))
        return make_configuration_error("The user agent or endpoint host contains CR, LF or NUL.");
    out.clear();
    out.method = "POST";
    out.scheme = ep.scheme;
    out.host = ep.host;
    out.port = ep.port;
    out.target = ep.path.empty() ? std::string("/") : ep.path;
    std::string target_header;
    target_header.reserve(swf_service::target_prefix.size() + 1 + Op::name.size());
    target_header.append(swf_service::target_prefix).append(".").append(Op::name);
    out.headers.push_back({"Host", host_header_value(ep)});
    out.headers.push_back({"X-Amz-Target", std::move(target_header)});
    out.headers.push_back({"Content-Type", std::string(swf_service::content_type)});
    out.headers.push_back({"User-Agent", std::string(user_agent)});
    serialize_json(input, out.body);
    return {};
}

SWFPP_NAMESPACE_END

#endif
