// swfpp — the crypto policies for sigv4_signer on OpenSSL's libcrypto (3.0 or later). The only
// swfpp header that includes OpenSSL; link with libcrypto (meson: dependency('swfpp-openssl')).
//
// Two policies, identical results:
// - openssl_crypto (the default): SHA256_Init/Update/Final on a stack context. Deprecated in
//   OpenSSL 3.0 but present, it runs the same assembly as the default provider with no dispatch
//   and no allocation, where every EVP_DigestInit_ex of 3.0 allocates a provider context.
//   Where OpenSSL is built without the deprecated API, it is openssl_evp_crypto.
// - openssl_evp_crypto: the EVP interface, so digests go through the configured provider; use
//   it when only provider-backed (e.g. FIPS-validated) digests are allowed.
#ifndef SWFPP_CRYPTO_OPENSSL_HPP
#define SWFPP_CRYPTO_OPENSSL_HPP

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/opensslconf.h>
#if !defined(OPENSSL_NO_DEPRECATED_3_0)
#include <openssl/sha.h>
// The low-level SHA-256 calls are deprecated in OpenSSL 3.0 (still present and supported).
#if defined(__GNUC__)
#define SWFPP_OPENSSL_LOWLEVEL_BEGIN _Pragma("GCC diagnostic push") _Pragma("GCC diagnostic ignored \"-Wdeprecated-declarations\"")
#define SWFPP_OPENSSL_LOWLEVEL_END _Pragma("GCC diagnostic pop")
#else
#define SWFPP_OPENSSL_LOWLEVEL_BEGIN
#define SWFPP_OPENSSL_LOWLEVEL_END
#endif
#endif

#include <cstddef>
#include <cstring>
#include <string_view>

#include "swfpp/detail/config.hpp"
#include "swfpp/sigv4.hpp"

SWFPP_NAMESPACE_BEGIN
namespace detail {

// SHA-256 fetched once: an implicit fetch (EVP_sha256() at each init) costs a method-store
// lookup per digest, about half the time of hashing a small request. Falls back to the legacy
// handle if the default provider cannot be fetched explicitly.
inline const EVP_MD* openssl_sha256_md() noexcept {
    static const EVP_MD* const md = [] {
        const EVP_MD* fetched = EVP_MD_fetch(nullptr, "SHA256", nullptr);
        return fetched != nullptr ? fetched : EVP_sha256();
    }();
    return md;
}

// One digest context per thread, reused: creating one per call costs an allocation.
class openssl_thread_md_ctx {
public:
    openssl_thread_md_ctx() noexcept : ctx_(EVP_MD_CTX_new()) {}
    ~openssl_thread_md_ctx() { EVP_MD_CTX_free(ctx_); }
    openssl_thread_md_ctx(const openssl_thread_md_ctx&) = delete;
    openssl_thread_md_ctx& operator=(const openssl_thread_md_ctx&) = delete;
    EVP_MD_CTX* get() const noexcept { return ctx_; }

private:
    EVP_MD_CTX* ctx_;
};

// SHA-256 of the concatenation a || b into `out`. On any OpenSSL failure (out of memory) `out`
// is zeroed: the signature is then wrong and the service rejects the request; nothing leaks.
inline void openssl_evp_sha256_concat(std::string_view a, std::string_view b, unsigned char* out) noexcept {
    thread_local openssl_thread_md_ctx thread_ctx;
    EVP_MD_CTX* ctx = thread_ctx.get();
    EVP_MD_CTX* owned = nullptr;
    if (ctx == nullptr) ctx = owned = EVP_MD_CTX_new();
    unsigned int len = 0;
    const bool ok = ctx != nullptr && EVP_DigestInit_ex(ctx, openssl_sha256_md(), nullptr) == 1 &&
                    EVP_DigestUpdate(ctx, a.data(), a.size()) == 1 && EVP_DigestUpdate(ctx, b.data(), b.size()) == 1 &&
                    EVP_DigestFinal_ex(ctx, out, &len) == 1 && len == 32;
    if (!ok) std::memset(out, 0, 32);
    EVP_MD_CTX_free(owned);
}

#if !defined(OPENSSL_NO_DEPRECATED_3_0)
// The same through the low-level interface: no allocation, no failure path. The context is
// wiped afterwards only when it has held key material (HMAC's padded keys).
template <bool Secret>
void openssl_lowlevel_sha256_concat(std::string_view a, std::string_view b, unsigned char* out) noexcept {
    SWFPP_OPENSSL_LOWLEVEL_BEGIN
    SHA256_CTX ctx;
    SHA256_Init(&ctx);
    SHA256_Update(&ctx, a.data(), a.size());
    SHA256_Update(&ctx, b.data(), b.size());
    SHA256_Final(out, &ctx);
    SWFPP_OPENSSL_LOWLEVEL_END
    if (Secret) OPENSSL_cleanse(&ctx, sizeof ctx);
}
#endif

// RFC 2104's two padded key blocks: the key (hashed first when longer than a block) XOR 0x36
// and XOR 0x5c, over a "SHA-256 of a || b" function.
constexpr std::size_t sha256_block = 64;

template <void (*Sha256Concat)(std::string_view, std::string_view, unsigned char*) noexcept>
void openssl_hmac_pads(std::string_view key, unsigned char (&ipad)[sha256_block],
                       unsigned char (&opad)[sha256_block]) noexcept {
    unsigned char k[sha256_block] = {};
    if (key.size() > sha256_block)
        Sha256Concat(key, std::string_view(), k);
    else if (!key.empty())
        std::memcpy(k, key.data(), key.size());
    for (std::size_t i = 0; i < sha256_block; ++i) {
        ipad[i] = static_cast<unsigned char>(k[i] ^ 0x36);
        opad[i] = static_cast<unsigned char>(k[i] ^ 0x5c);
    }
    OPENSSL_cleanse(k, sizeof k);
}

inline std::string_view as_view(const unsigned char* p, std::size_t n) noexcept {
    return {reinterpret_cast<const char*>(p), n};
}

}  // namespace detail

// Crypto policy (see is_sha256_crypto in swfpp/sigv4.hpp) on OpenSSL's EVP digest interface.
// Stateless and empty; thread-safe (each thread reuses its own EVP_MD_CTX).
struct openssl_evp_crypto {
    sha256_digest sha256(std::string_view bytes) const noexcept {
        sha256_digest out;
        detail::openssl_evp_sha256_concat(bytes, std::string_view(), out.data());
        return out;
    }
    // RFC 2104 over two digests. OpenSSL's HMAC() and EVP_MAC fetch and allocate several objects
    // per call on 3.0 (HMAC() measured at about 1.7 us and 13 allocations for a 300-byte
    // message). Checked against RFC 4231's vectors in tests/test_sigv4.cpp.
    sha256_digest hmac_sha256(std::string_view key, std::string_view bytes) const noexcept {
        unsigned char ipad[detail::sha256_block], opad[detail::sha256_block], inner[32];
        detail::openssl_hmac_pads<detail::openssl_evp_sha256_concat>(key, ipad, opad);
        detail::openssl_evp_sha256_concat(detail::as_view(ipad, sizeof ipad), bytes, inner);
        sha256_digest out;
        detail::openssl_evp_sha256_concat(detail::as_view(opad, sizeof opad), detail::as_view(inner, sizeof inner),
                                          out.data());
        OPENSSL_cleanse(ipad, sizeof ipad);
        OPENSSL_cleanse(opad, sizeof opad);
        OPENSSL_cleanse(inner, sizeof inner);
        return out;
    }
};

#if !defined(OPENSSL_NO_DEPRECATED_3_0)
// Crypto policy on OpenSSL's low-level SHA-256: the fastest, allocation-free. Stateless,
// empty and thread-safe.
struct openssl_crypto {
    sha256_digest sha256(std::string_view bytes) const noexcept {
        sha256_digest out;
        detail::openssl_lowlevel_sha256_concat<false>(bytes, std::string_view(), out.data());
        return out;
    }
    // RFC 2104, as the prepared key below used once.
    sha256_digest hmac_sha256(std::string_view key, std::string_view bytes) const noexcept {
        hmac_key prepared = prepare_hmac(key);
        const sha256_digest out = hmac_sha256(prepared, bytes);
        OPENSSL_cleanse(&prepared, sizeof prepared);
        return out;
    }

    // A key prepared once (see has_prepared_hmac in swfpp/sigv4.hpp): the SHA-256 states after
    // the inner and the outer padded key block. Wipe it with OPENSSL_cleanse when done.
    struct hmac_key {
        SHA256_CTX inner;
        SHA256_CTX outer;
    };

    hmac_key prepare_hmac(std::string_view key) const noexcept {
        unsigned char ipad[detail::sha256_block], opad[detail::sha256_block];
        detail::openssl_hmac_pads<detail::openssl_lowlevel_sha256_concat<true>>(key, ipad, opad);
        hmac_key prepared;
        SWFPP_OPENSSL_LOWLEVEL_BEGIN
        SHA256_Init(&prepared.inner);
        SHA256_Update(&prepared.inner, ipad, sizeof ipad);
        SHA256_Init(&prepared.outer);
        SHA256_Update(&prepared.outer, opad, sizeof opad);
        SWFPP_OPENSSL_LOWLEVEL_END
        OPENSSL_cleanse(ipad, sizeof ipad);
        OPENSSL_cleanse(opad, sizeof opad);
        return prepared;
    }

    sha256_digest hmac_sha256(const hmac_key& key, std::string_view bytes) const noexcept {
        sha256_digest out;
        unsigned char inner[32];
        SWFPP_OPENSSL_LOWLEVEL_BEGIN
        SHA256_CTX ctx = key.inner;
        SHA256_Update(&ctx, bytes.data(), bytes.size());
        SHA256_Final(inner, &ctx);
        ctx = key.outer;
        SHA256_Update(&ctx, inner, sizeof inner);
        SHA256_Final(out.data(), &ctx);
        SWFPP_OPENSSL_LOWLEVEL_END
        OPENSSL_cleanse(&ctx, sizeof ctx);
        OPENSSL_cleanse(inner, sizeof inner);
        return out;
    }
};
#else
using openssl_crypto = openssl_evp_crypto;
#endif

#if !defined(OPENSSL_NO_DEPRECATED_3_0)
#undef SWFPP_OPENSSL_LOWLEVEL_BEGIN
#undef SWFPP_OPENSSL_LOWLEVEL_END
#endif

// The SigV4 signer over OpenSSL.
using openssl_sigv4_signer = sigv4_signer<openssl_crypto>;

SWFPP_NAMESPACE_END

#endif
