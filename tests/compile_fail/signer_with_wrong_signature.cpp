// Must not compile: a Signer whose sign() is not const (the client signs concurrently) is rejected.
// expect: Signer must provide
#include <swfpp/client.hpp>

struct any_transport {
    swfpp::result<void> send(const swfpp::http_request&, swfpp::http_response&) { return {}; }
};
struct mutable_signer {
    swfpp::result<void> sign(swfpp::http_request&, const swfpp::signing_params&) { return {}; }
};

int main() {
    swfpp::basic_client<any_transport, mutable_signer> client(swfpp::client_config{});
    (void)client;
}
