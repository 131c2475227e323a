// Compile-time budget TU: what a user's source file needs to make one RequestCancelWorkflowExecution
// call: the client, the operation, the OpenSSL signer and the libcurl transport
// (bench/compile_time.sh). Compiled twice: header-only (the default) and with
// -DSWFPP_SEPARATE_COMPILATION, where the bodies live in src/swfpp.cpp and <simdjson.h> is not read.
#include <swfpp/client.hpp>
#include <swfpp/crypto/openssl.hpp>
#include <swfpp/operations/request_cancel_workflow_execution.hpp>
#include <swfpp/transport/curl.hpp>

#include <optional>

bool cancel_once() {
    swfpp::client_config config;
    config.region = "us-east-1";
    config.credentials = {"AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", ""};
    swfpp::basic_client<swfpp::curl_transport, swfpp::openssl_sigv4_signer> client(config);
    auto r = client.request_cancel_workflow_execution({"my-domain", "order-42", std::nullopt});
    if (!r) return r.error().is(swfpp::swf_fault::unknown_resource);
    return true;
}
