// swfpp — the error model: every failure of a call is one `swfpp::error` value.
#ifndef SWFPP_ERROR_HPP
#define SWFPP_ERROR_HPP

#include <chrono>
#include <string>
#include <string_view>
#include <system_error>

#include "swfpp/detail/config.hpp"

SWFPP_NAMESPACE_BEGIN

// What kind of failure ended a call. Only `service_error` means a request reached the service;
// `validation_failed` and `configuration_error` guarantee nothing was sent.
enum class errc {
    validation_failed = 1,  // the input breaks the operation's model; `member` names the culprit
    configuration_error,    // region, endpoint or credentials unusable
    transport_failed,       // no HTTP response arrived; `transport` says why
    service_error,          // the service answered with an error; `code` is its error code
    malformed_response,     // a success response whose body could not be understood
};

// Why a transport produced no response. Transports map their native errors onto these.
enum class transport_errc {
    none = 0,
    connect_failed,      // DNS, refused, unreachable
    timed_out,           // connect or total timeout elapsed
    connection_reset,    // the connection broke while sending or receiving
    tls_failed,          // handshake or certificate verification failed
    response_too_large,  // the body exceeded the transport's limit
    protocol_error,      // the peer did not speak HTTP
    other,
};

// The errors SWF models (shapes with `"exception": true` in its service model). A service
// error whose code is one of these gets the matching value, whichever operation returned it,
// as botocore's `client.exceptions` does.
enum class swf_fault {
    none = 0,
    default_undefined,
    domain_already_exists,
    domain_deprecated,
    limit_exceeded,
    operation_not_permitted,
    too_many_tags,
    type_already_exists,
    type_deprecated,
    type_not_deprecated,
    unknown_resource,
    workflow_execution_already_started,
};

constexpr std::string_view to_string(swf_fault f) noexcept {
    switch (f) {
        case swf_fault::default_undefined: return "DefaultUndefinedFault";
        case swf_fault::domain_already_exists: return "DomainAlreadyExistsFault";
        case swf_fault::domain_deprecated: return "DomainDeprecatedFault";
        case swf_fault::limit_exceeded: return "LimitExceededFault";
        case swf_fault::operation_not_permitted: return "OperationNotPermittedFault";
        case swf_fault::too_many_tags: return "TooManyTagsFault";
        case swf_fault::type_already_exists: return "TypeAlreadyExistsFault";
        case swf_fault::type_deprecated: return "TypeDeprecatedFault";
        case swf_fault::type_not_deprecated: return "TypeNotDeprecatedFault";
        case swf_fault::unknown_resource: return "UnknownResourceFault";
        case swf_fault::workflow_execution_already_started: return "WorkflowExecutionAlreadyStartedFault";
        case swf_fault::none: break;
    }
    return {};
}

constexpr swf_fault fault_from_code(std::string_view code) noexcept {
    for (int i = 1; i <= static_cast<int>(swf_fault::workflow_execution_already_started); ++i)
        if (to_string(static_cast<swf_fault>(i)) == code) return static_cast<swf_fault>(i);
    return swf_fault::none;
}

// Why a call did not try again after its last attempt (retry policies: swfpp/retry.hpp).
// `max_attempts` and `retry_quota` are botocore's MaxAttemptsReached and RetryQuotaReached,
// set when botocore sets them: in the standard mode whenever the last allowed attempt failed,
// retryable or not; in the legacy mode only when it was retryable. That is when the AWS CLI adds
// "(reached max retries: N)" to its message, N being attempts - 1.
enum class retry_stop : unsigned char {
    none = 0,       // the call succeeded, or failed before anything was sent
    not_retryable,  // the error is not one the policy retries
    max_attempts,   // the policy's last attempt failed
    retry_quota,    // the client's retry quota had no tokens left for another attempt
    deadline,       // the next attempt could not start before the call's deadline
};

// One failed call. Which fields are meaningful depends on `kind`:
// - validation_failed: `member` (dotted path as botocore prints it, e.g. "workflowType.name")
//   and `message` (botocore's wording).
// - configuration_error: `message`.
// - transport_failed: `transport` and `message` (transport detail; never contains secrets).
// - service_error: `code`, `message`, `request_id`, `http_status`, and `fault` when modelled.
// - malformed_response: `message`, `http_status`, `request_id`.
// Every error returned by basic_client::call also says how the call went: `attempts` (requests
// handed to the transport; 0 means nothing was sent), `total_delay` (the back-off slept between
// them) and `stopped` (why there was no further attempt).
struct error {
    errc kind = errc::service_error;
    std::string code;
    std::string message;
    std::string request_id;
    std::string member;
    int http_status = 0;
    swf_fault fault = swf_fault::none;
    transport_errc transport = transport_errc::none;
    int attempts = 0;
    std::chrono::nanoseconds total_delay{0};
    retry_stop stopped = retry_stop::none;

    bool is(swf_fault f) const noexcept { return kind == errc::service_error && fault == f; }

    // Back to a default-constructed error, except that the strings keep their capacity: an
    // error object reused call after call is refilled without allocating.
    SWFPP_DECL void clear() noexcept;
};

SWFPP_DECL error make_validation_error(std::string member, std::string message);

SWFPP_DECL error make_configuration_error(std::string message);

SWFPP_DECL error make_transport_error(transport_errc why, std::string message);

// std::error_code interoperability for `errc`.
class error_category_impl final : public std::error_category {
public:
    const char* name() const noexcept override { return "swfpp"; }
    SWFPP_DECL std::string message(int ev) const override;
};

SWFPP_DECL const std::error_category& error_category() noexcept;

inline std::error_code make_error_code(errc e) noexcept { return {static_cast<int>(e), error_category()}; }

SWFPP_NAMESPACE_END

template <>
struct std::is_error_code_enum<swfpp::errc> : std::true_type {};

#if defined(SWFPP_HEADER_ONLY)
#include "swfpp/impl/error.ipp"
#endif

#endif
