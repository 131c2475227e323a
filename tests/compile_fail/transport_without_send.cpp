// Must not compile: a Transport without send() is rejected with a sentence saying what is missing.
// expect: Transport must provide
#include <swfpp/client.hpp>

struct not_a_transport {};
struct any_signer {
    swfpp::result<void> sign(swfpp::http_request&, const swfpp::signing_params&) const { return {}; }
};

int main() {
    swfpp::basic_client<not_a_transport, any_signer> client(swfpp::client_config{});
    (void)client;
}
