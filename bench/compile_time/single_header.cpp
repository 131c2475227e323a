// Compile-time budget TU 2: the whole single header (plus the OpenSSL adapter it leaves out),
// one call through basic_client with a transport that answers locally (bench/compile_time.sh).
#include <swfpp/swfpp.hpp>
#include <swfpp/crypto/openssl.hpp>

#include <optional>

namespace {
struct local_transport {
    swfpp::result<void> send(const swfpp::http_request&, swfpp::http_response& response) {
        response.status = 200;
        response.body = "{}";
        return {};
    }
};
}  // namespace

bool cancel_once() {
    swfpp::client_config config;
    config.region = "us-east-1";
    config.credentials = {"AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", ""};
    swfpp::basic_client<local_transport, swfpp::openssl_sigv4_signer> client(config);
    auto r = client.request_cancel_workflow_execution({"my-domain", "order-42", std::nullopt});
    if (!r) return r.error().is(swfpp::swf_fault::unknown_resource);
    return true;
}
