// Must not compile: sigv4_signer needs both SHA-256 and HMAC-SHA-256 from its Crypto policy.
// expect: Crypto must provide
#include <swfpp/sigv4.hpp>

struct sha_only {
    swfpp::sha256_digest sha256(std::string_view) const { return {}; }
};

int main() {
    swfpp::sigv4_signer<sha_only> signer;
    (void)signer;
}
