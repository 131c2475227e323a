// swf — what the program prints: the dry-run rendering of a signed request, the AWS CLI's
// texts for failed calls, and the last-line defence that keeps secrets out of every output.
//
// Pure functions over values; no I/O.
#ifndef SWF_CLI_REPORT_HPP
#define SWF_CLI_REPORT_HPP

#include <swfpp/endpoint.hpp>
#include <swfpp/error.hpp>
#include <swfpp/http.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "config.hpp"

namespace swf_cli {

inline constexpr std::string_view redacted = "<redacted>";

// The signed request as it goes on the wire, for --dry-run: the request line, one
// "Name: value" line per header in sending order, Content-Length (which the transport adds),
// a blank line and the body, each line ending in "\n". The session token is replaced by
// <redacted>; the Authorization header is shown: a signature does not reveal the secret key
// and is only valid for this request for a few minutes.
inline std::string format_dry_run(const swfpp::http_request& request) {
    std::string s;
    s.reserve(512 + request.body.size());
    s.append(request.method).append(" ").append(request.target).append(" HTTP/1.1\n");
    for (const auto& h : request.headers) {
        s.append(h.name).append(": ");
        s.append(swfpp::iequals(h.name, "X-Amz-Security-Token") ? redacted : std::string_view(h.value));
        s.append("\n");
    }
    s.append("Content-Length: ").append(std::to_string(request.body.size())).append("\n\n");
    s.append(request.body).append("\n");
    return s;
}

// The URL botocore names in connection errors: scheme://host[:port]path.
inline std::string endpoint_url_text(const swfpp::endpoint& ep) {
    std::string s = ep.scheme + "://" + ep.host;
    if (ep.port != 0) s += ":" + std::to_string(ep.port);
    s += ep.path.empty() ? "/" : ep.path;
    return s;
}

// botocore's ParamValidationError as the AWS CLI prints it; the library's message already holds
// botocore's lines, one per invalid parameter.
inline outcome validation_failure(const swfpp::error& e) {
    return failure(exit_param_error, "Parameter validation failed:\n" + e.message);
}

// The AWS CLI's text and exit code for a call that failed after the command line and the
// configuration were accepted.
inline outcome call_failure(const swfpp::error& e, std::string_view operation, std::string_view url) {
    switch (e.kind) {
        case swfpp::errc::validation_failed: return validation_failure(e);
        case swfpp::errc::configuration_error: return failure(exit_config_error, e.message);
        case swfpp::errc::service_error: {
            // botocore's ClientError: 'An error occurred ({code}) when calling the {op}
            // operation{retry_info}: {message}'. retry_info appears when the retry handler marked
            // MaxAttemptsReached, which swfpp's policies report as retry_stop::max_attempts: in
            // standard mode whenever the last allowed attempt failed, in legacy mode only when
            // that failure was retryable. N counts retries, not attempts.
            std::string line = "An error occurred (" + e.code + ") when calling the " + std::string(operation) +
                               " operation";
            if (e.stopped == swfpp::retry_stop::max_attempts)
                line += " (reached max retries: " + std::to_string(e.attempts > 0 ? e.attempts - 1 : 0) + ")";
            line += ": " + e.message;
            return failure(exit_client_error, line);
        }
        case swfpp::errc::transport_failed: {
            const std::string quoted = "\"" + std::string(url) + "\"";
            switch (e.transport) {
                case swfpp::transport_errc::connect_failed:
                    return failure(exit_general_error, "Could not connect to the endpoint URL: " + quoted);
                case swfpp::transport_errc::timed_out:
                    // swfpp reports one kind of timeout; libcurl's text tells which phase ran out.
                    // "Operation timed out" is the transfer (after connecting), anything else
                    // ("Connection timed out", "Resolving timed out") the connect phase.
                    if (e.message.find("Operation timed out") != std::string::npos)
                        return failure(exit_general_error, "Read timeout on endpoint URL: " + quoted);
                    return failure(exit_general_error, "Connect timeout on endpoint URL: " + quoted);
                case swfpp::transport_errc::connection_reset:
                case swfpp::transport_errc::protocol_error:
                    return failure(exit_general_error,
                                   "Connection was closed before we received a valid response from endpoint URL: " +
                                       quoted + ".");
                case swfpp::transport_errc::tls_failed:
                    return failure(exit_general_error, "SSL validation failed for " + std::string(url) + " " + e.message);
                default: return failure(exit_general_error, e.message);
            }
        }
        case swfpp::errc::malformed_response: return failure(exit_general_error, e.message);
    }
    return failure(exit_general_error, e.message);
}

// Replaces every occurrence of each secret with <redacted>. main() passes everything it prints
// through this, so not even a server that echoes the session token can make swf print it.
// Values shorter than 8 bytes are left alone: they are not real AWS secrets (a secret access key
// has 40 characters, a session token hundreds), and scrubbing a fake one such as LocalStack's
// customary "test" would mangle ordinary output.
inline void redact(std::string& text, const std::vector<std::string_view>& secrets) {
    constexpr std::size_t min_length = 8;
    for (std::string_view secret : secrets) {
        if (secret.size() < min_length) continue;
        for (std::size_t at = text.find(secret); at != std::string::npos; at = text.find(secret, at + redacted.size()))
            text.replace(at, secret.size(), redacted);
    }
}

}  // namespace swf_cli

#endif
