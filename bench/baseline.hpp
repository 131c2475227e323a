// The "physical limit" for SigV4 on this machine: the SHA-256 and HMAC computations one signing
// needs, over the very bytes swfpp signs, done directly with OpenSSL and nothing else.
//
// warm (signing key cached): SHA-256(body), SHA-256(canonical request), HMAC(kSigning, string to sign)
// cold (key derived too):    the above + the 4 HMACs of the key derivation
//
// Two ways of calling OpenSSL are measured:
// - lowlevel: SHA256_Init/Update/Final on a stack SHA256_CTX (deprecated in 3.0 but present,
//   same assembly as the providers, no dispatch, no allocation): the floor;
// - evp: EVP_DigestInit_ex/Update/Final_ex on one reused EVP_MD_CTX with a pre-fetched EVP_MD,
//   the documented interface, which is what swfpp/crypto/openssl.hpp calls per digest.
// HMAC is RFC 2104 over the same digest calls in both (OpenSSL's HMAC() is measured separately
// as hmac_oneshot, for reference).
#ifndef SWFPP_BENCH_BASELINE_HPP
#define SWFPP_BENCH_BASELINE_HPP

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace swfpp_bench {

struct sigv4_bytes {
    std::string body;
    std::string canonical_request;
    std::string string_to_sign;
    std::string secret;
    std::string date, region, service;  // "20150830", "us-east-1", "swf"
    std::array<std::uint8_t, 32> signing_key{};
};

using digest = std::array<std::uint8_t, 32>;

digest baseline_lowlevel_warm(const sigv4_bytes& b) noexcept;
digest baseline_lowlevel_cold(const sigv4_bytes& b) noexcept;
digest baseline_evp_warm(const sigv4_bytes& b) noexcept;
digest baseline_evp_cold(const sigv4_bytes& b) noexcept;
// HMAC(kSigning, string to sign) with OpenSSL's one-shot HMAC(): what "just call OpenSSL" costs.
digest baseline_hmac_oneshot(const sigv4_bytes& b) noexcept;

}  // namespace swfpp_bench

#endif
