// swfpp — bodies of swfpp/sigv4.hpp.
#ifndef SWFPP_IMPL_SIGV4_IPP
#define SWFPP_IMPL_SIGV4_IPP

#include "swfpp/sigv4.hpp"

SWFPP_NAMESPACE_BEGIN

std::string format_amz_date(std::chrono::system_clock::time_point time) {
    std::string s(16, '\0');
    detail::format_amz_date(time, &s[0]);
    return s;
}

namespace detail {

void secure_wipe(void* p, std::size_t n) noexcept {
#if defined(__GNUC__)
    std::memset(p, 0, n);
    __asm__ __volatile__("" : : "r"(p) : "memory");
#else
    volatile unsigned char* v = static_cast<volatile unsigned char*>(p);
    while (n--) *v++ = 0;
#endif
}

std::string& single_header_value(http_headers& headers, std::string_view name) {
    constexpr std::size_t none = static_cast<std::size_t>(-1);
    std::size_t found = none;
    for (std::size_t i = 0; i < headers.size();) {
        if (!iequals(headers[i].name, name)) {
            ++i;
        } else if (found == none) {
            found = i++;
        } else {
            headers.erase(headers.begin() + i);
        }
    }
    if (found == none) {
        headers.append(name, std::string_view());
        found = headers.size() - 1;
    }
    return headers[found].value;
}

}  // namespace detail

result<void> validate_for_signing(const http_request& request, const signing_params& params) {
    const credentials& c = params.creds;
    if (c.access_key_id.empty())
        return make_configuration_error("Unable to sign the request: the access key id is empty");
    if (c.secret_access_key.empty())
        return make_configuration_error("Unable to sign the request: the secret access key is empty");
    if (detail::has_control_char(c.access_key_id))
        return make_configuration_error("Unable to sign the request: the access key id contains a control character");
    if (detail::has_control_char(c.session_token))
        return make_configuration_error("Unable to sign the request: the session token contains a control character");
    if (!detail::is_scope_part(params.region))
        return make_configuration_error(
            "Unable to sign the request: the region is empty or contains '/' or a control character");
    if (!detail::is_scope_part(params.service))
        return make_configuration_error(
            "Unable to sign the request: the signing service name is empty or contains '/' or a control character");
    for (const http_header& h : request.headers) {
        if (!detail::is_http_token(h.name))
            return make_configuration_error("Unable to sign the request: a header name is not a valid HTTP token");
        // An existing Authorization is never signed and sign() replaces it: its value is moot.
        if (!iequals(h.name, "authorization") && detail::has_line_break_or_nul(h.value))
            return make_configuration_error("Unable to sign the request: a header value contains CR, LF or NUL");
    }
    return {};
}

void prepare_for_signing(http_request& request, const signing_params& params) {
    std::string& date = detail::single_header_value(request.headers, "X-Amz-Date");
    date.resize(16);
    detail::format_amz_date(params.time, &date[0]);
    if (!params.creds.session_token.empty())
        detail::single_header_value(request.headers, "X-Amz-Security-Token").assign(params.creds.session_token);
}

void append_authorization(std::string& out, std::string_view access_key_id, const sigv4_signing_input& input,
                          const sha256_digest& signature) {
    char hex[64];
    detail::write_hex(signature.data(), signature.size(), hex);
    detail::append_concat(out, {sigv4_algorithm, " Credential=", access_key_id, "/", input.credential_scope,
                                ", SignedHeaders=", input.signed_headers, ", Signature=", std::string_view(hex, sizeof hex)});
}

SWFPP_NAMESPACE_END

#endif
