// Must not compile: a Retry policy without on_failure() is rejected with a sentence saying what
// it must provide.
// expect: Retry must provide
#include <swfpp/client.hpp>

struct any_transport {
    swfpp::result<void> send(const swfpp::http_request&, swfpp::http_response&) { return {}; }
};
struct any_signer {
    swfpp::result<void> sign(swfpp::http_request&, const swfpp::signing_params&) const { return {}; }
};
struct half_a_policy {
    struct call_state {};
    int max_attempts() const { return 2; }
    void on_success(call_state&) {}
};

int main() {
    swfpp::basic_client<any_transport, any_signer, swfpp::system_clock_source, half_a_policy> client(
        swfpp::client_config{});
    (void)client;
}
