// See baseline.hpp. Its own translation unit: the low-level SHA256_* calls are deprecated in
// OpenSSL 3.0, and silencing that must not leak into the TU that includes swfpp.
#define OPENSSL_SUPPRESS_DEPRECATED 1

#include "baseline.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/sha.h>

#include <cstddef>
#include <cstring>
#include <string_view>

namespace swfpp_bench {
namespace {

constexpr std::size_t block = 64;

// ---- low-level --------------------------------------------------------------------------------
void ll_sha256(std::string_view a, std::string_view b, unsigned char* out) noexcept {
    SHA256_CTX c;
    SHA256_Init(&c);
    SHA256_Update(&c, a.data(), a.size());
    if (!b.empty()) SHA256_Update(&c, b.data(), b.size());
    SHA256_Final(out, &c);
}

// ---- EVP, one reused context, pre-fetched digest ---------------------------------------------
const EVP_MD* sha256_md() noexcept {
    static const EVP_MD* const md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    return md;
}

struct evp_ctx {
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    ~evp_ctx() { EVP_MD_CTX_free(ctx); }
};

void evp_sha256(std::string_view a, std::string_view b, unsigned char* out) noexcept {
    thread_local evp_ctx c;
    unsigned int len = 0;
    EVP_DigestInit_ex(c.ctx, sha256_md(), nullptr);
    EVP_DigestUpdate(c.ctx, a.data(), a.size());
    if (!b.empty()) EVP_DigestUpdate(c.ctx, b.data(), b.size());
    EVP_DigestFinal_ex(c.ctx, out, &len);
}

using sha_fn = void (*)(std::string_view, std::string_view, unsigned char*) noexcept;

template <sha_fn Sha>
digest hmac(std::string_view key, std::string_view msg) noexcept {
    unsigned char k[block] = {};
    if (key.size() > block)
        Sha(key, {}, k);
    else
        std::memcpy(k, key.data(), key.size());
    unsigned char pad[block];
    for (std::size_t i = 0; i < block; ++i) pad[i] = static_cast<unsigned char>(k[i] ^ 0x36);
    unsigned char inner[32];
    Sha(std::string_view(reinterpret_cast<const char*>(pad), block), msg, inner);
    for (std::size_t i = 0; i < block; ++i) pad[i] = static_cast<unsigned char>(k[i] ^ 0x5c);
    digest out;
    Sha(std::string_view(reinterpret_cast<const char*>(pad), block),
        std::string_view(reinterpret_cast<const char*>(inner), sizeof inner), out.data());
    return out;
}

std::string_view chars(const digest& d) noexcept { return {reinterpret_cast<const char*>(d.data()), d.size()}; }

template <sha_fn Sha>
digest warm(const sigv4_bytes& b) noexcept {
    unsigned char body_hash[32], request_hash[32];
    Sha(b.body, {}, body_hash);
    Sha(b.canonical_request, {}, request_hash);
    digest sig = hmac<Sha>(chars(b.signing_key), b.string_to_sign);
    sig[0] ^= static_cast<std::uint8_t>(body_hash[0] ^ request_hash[0]);  // keep every digest live
    return sig;
}

template <sha_fn Sha>
digest cold(const sigv4_bytes& b) noexcept {
    char key[256];
    const std::size_t n = 4 + b.secret.size();
    std::memcpy(key, "AWS4", 4);
    std::memcpy(key + 4, b.secret.data(), b.secret.size());
    const digest k_date = hmac<Sha>(std::string_view(key, n), b.date);
    const digest k_region = hmac<Sha>(chars(k_date), b.region);
    const digest k_service = hmac<Sha>(chars(k_region), b.service);
    const digest k_signing = hmac<Sha>(chars(k_service), "aws4_request");
    unsigned char body_hash[32], request_hash[32];
    Sha(b.body, {}, body_hash);
    Sha(b.canonical_request, {}, request_hash);
    digest sig = hmac<Sha>(chars(k_signing), b.string_to_sign);
    sig[0] ^= static_cast<std::uint8_t>(body_hash[0] ^ request_hash[0]);
    return sig;
}

}  // namespace

digest baseline_lowlevel_warm(const sigv4_bytes& b) noexcept { return warm<ll_sha256>(b); }
digest baseline_lowlevel_cold(const sigv4_bytes& b) noexcept { return cold<ll_sha256>(b); }
digest baseline_evp_warm(const sigv4_bytes& b) noexcept { return warm<evp_sha256>(b); }
digest baseline_evp_cold(const sigv4_bytes& b) noexcept { return cold<evp_sha256>(b); }

digest baseline_hmac_oneshot(const sigv4_bytes& b) noexcept {
    digest out{};
    unsigned int len = 0;
    HMAC(EVP_sha256(), b.signing_key.data(), static_cast<int>(b.signing_key.size()),
         reinterpret_cast<const unsigned char*>(b.string_to_sign.data()), b.string_to_sign.size(), out.data(), &len);
    return out;
}

}  // namespace swfpp_bench
