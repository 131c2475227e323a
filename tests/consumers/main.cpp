// One call through the public API, as a user's program would make it: RequestCancelWorkflowExecution
// over libcurl, signed with OpenSSL, against the loopback server in loopback_swf.py (its URL in
// argv[1]). Exits 0 only if the call succeeded. Built by every consumer check in
// tools/run-consumer-checks.sh, each getting swfpp a different way.
#include <swfpp/crypto/openssl.hpp>
#include <swfpp/swfpp.hpp>
#include <swfpp/transport/curl.hpp>

#include <cstdio>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s http://127.0.0.1:PORT\n", argv[0]);
        return 2;
    }
    swfpp::client_config config;
    config.region = "us-east-1";
    config.endpoint_url = argv[1];
    config.credentials = {"AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", ""};
    swfpp::basic_client<swfpp::curl_transport, swfpp::openssl_sigv4_signer> swf(config);
    auto r = swf.request_cancel_workflow_execution({"consumer-domain", "consumer-workflow", std::nullopt});
    if (!r.ok()) {
        std::fprintf(stderr, "RequestCancelWorkflowExecution failed: %s\n", r.error().message.c_str());
        return 1;
    }
#if defined(SWFPP_SEPARATE_COMPILATION)
    std::printf("RequestCancelWorkflowExecution ok (separate compilation)\n");
#else
    std::printf("RequestCancelWorkflowExecution ok (header-only)\n");
#endif
    return 0;
}
