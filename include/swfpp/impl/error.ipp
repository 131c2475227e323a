// swfpp — bodies of swfpp/error.hpp.
#ifndef SWFPP_IMPL_ERROR_IPP
#define SWFPP_IMPL_ERROR_IPP

#include "swfpp/error.hpp"

#include <string>
#include <system_error>
#include <utility>

SWFPP_NAMESPACE_BEGIN

void error::clear() noexcept {
    kind = errc::service_error;
    code.clear();
    message.clear();
    request_id.clear();
    member.clear();
    http_status = 0;
    fault = swf_fault::none;
    transport = transport_errc::none;
    attempts = 0;
    total_delay = std::chrono::nanoseconds(0);
    stopped = retry_stop::none;
}

error make_validation_error(std::string member, std::string message) {
    error e;
    e.kind = errc::validation_failed;
    e.member = std::move(member);
    e.message = std::move(message);
    return e;
}

error make_configuration_error(std::string message) {
    error e;
    e.kind = errc::configuration_error;
    e.message = std::move(message);
    return e;
}

error make_transport_error(transport_errc why, std::string message) {
    error e;
    e.kind = errc::transport_failed;
    e.transport = why;
    e.message = std::move(message);
    return e;
}

std::string error_category_impl::message(int ev) const {
    switch (static_cast<errc>(ev)) {
        case errc::validation_failed: return "parameter validation failed";
        case errc::configuration_error: return "invalid configuration";
        case errc::transport_failed: return "transport failed";
        case errc::service_error: return "service returned an error";
        case errc::malformed_response: return "malformed response";
    }
    return "unknown swfpp error";
}

const std::error_category& error_category() noexcept {
    static const error_category_impl category;
    return category;
}

SWFPP_NAMESPACE_END

#endif
