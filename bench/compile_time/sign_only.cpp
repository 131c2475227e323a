// Compile-time budget TU 1: build and sign requests, no response parsing, so no simdjson.
// Includes request.hpp + sigv4.hpp + crypto/openssl.hpp and the operation's description
// (bench/compile_time.sh).
#include <swfpp/crypto/openssl.hpp>
#include <swfpp/operations/request_cancel_workflow_execution.hpp>
#include <swfpp/request.hpp>
#include <swfpp/sigv4.hpp>

#include <chrono>
#include <optional>

bool build_and_sign(swfpp::http_request& out) {
    const auto ep = swfpp::endpoint_for_region("us-east-1");
    if (!ep) return false;
    const swfpp::request_cancel_workflow_execution_input input{"my-domain", "order-42", std::nullopt};
    if (!swfpp::build_request<swfpp::request_cancel_workflow_execution>(input, *ep, out)) return false;
    const swfpp::credentials creds{"AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", ""};
    static const swfpp::openssl_sigv4_signer signer;
    return signer.sign(out, {creds, "us-east-1", "swf", std::chrono::system_clock::now()}).ok();
}
