// swfpp — builds the unsigned AWS JSON 1.0 HTTP request for an operation (sans-I/O).
#ifndef SWFPP_REQUEST_HPP
#define SWFPP_REQUEST_HPP

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

#include "swfpp/detail/byte_scan.hpp"
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

namespace detail {
// "SimpleWorkflowService.<Operation>", spelled out at compile time once per operation.
template <class Op>
struct target_header {
    static constexpr std::size_t size = swf_service::target_prefix.size() + 1 + Op::name.size();
    static constexpr std::array<char, size> text = [] {
        std::array<char, size> t{};
        std::size_t i = 0;
        for (char c : swf_service::target_prefix) t[i++] = c;
        t[i++] = '.';
        for (char c : Op::name) t[i++] = c;
        return t;
    }();
    static constexpr std::string_view value() noexcept { return {text.data(), size}; }
};
}  // namespace detail

inline constexpr std::string_view default_user_agent = "swfpp/" SWFPP_VERSION_STRING;

// Validates `input` and, only if it is valid, writes the unsigned request into `out` (cleared
// first; its buffers are reused): POST to the endpoint's path with Host, X-Amz-Target,
// Content-Type and User-Agent, and the compact JSON body. Nothing here reads a clock or the
// environment. The next step is signing.
template <class Op>
result<void> build_request(const typename Op::input& input, const endpoint& ep, http_request& out,
                           std::string_view user_agent = default_user_agent) {
    static_assert(is_operation<Op>::value, "swfpp: Op must describe an operation (name, input, output)");
    if (auto valid = validate(input); !valid) return valid;
    // A header value must not be able to end the header early or smuggle another one.
    if (detail::has_line_break_or_nul(user_agent) || detail::has_line_break_or_nul(ep.host))
        return make_configuration_error("The user agent or endpoint host contains CR, LF or NUL.");
    out.headers.clear();  // keeps every buffer; the fields below are overwritten
    out.body.clear();
    detail::assign_if_different(out.method, "POST");
    detail::assign_if_different(out.scheme, ep.scheme);
    detail::assign_if_different(out.host, ep.host);
    out.port = ep.port;
    detail::assign_if_different(out.target, ep.path.empty() ? std::string_view("/") : std::string_view(ep.path));
    append_host_header_value(out.headers.append("Host", ep.host).value, ep);
    out.headers.append("X-Amz-Target", detail::target_header<Op>::value());
    out.headers.append("Content-Type", swf_service::content_type);
    out.headers.append("User-Agent", user_agent);
    serialize_json(input, out.body);
    return {};
}

SWFPP_NAMESPACE_END

#endif
