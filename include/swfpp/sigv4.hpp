// swfpp — AWS Signature Version 4 (header signing), generic over a crypto policy.
//
// Two layers:
// - sans-I/O functions (validate_for_signing, prepare_for_signing, make_signing_input,
//   derive_signing_key, sigv4_signature, append_authorization): pure steps over values, for tests
//   and for users who drive signing themselves;
// - sigv4_signer<Crypto>: the Signer policy of swfpp::basic_client, which runs those steps and
//   caches the derived signing key.
// The behaviour is botocore 1.43's SigV4Auth (checked by tests/test_sigv4_botocore.cpp) and the
// AWS SigV4 test suite (tests/test_sigv4.cpp).
#ifndef SWFPP_SIGV4_HPP
#define SWFPP_SIGV4_HPP

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <mutex>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "swfpp/credentials.hpp"
#include "swfpp/detail/config.hpp"
#include "swfpp/detail/append.hpp"
#include "swfpp/detail/hex.hpp"
#include "swfpp/detail/sigv4_canonical.hpp"
#include "swfpp/error.hpp"
#include "swfpp/http.hpp"
#include "swfpp/result.hpp"

SWFPP_NAMESPACE_BEGIN

// Crypto policy concept. A type `C` models it when, for `const C c` and string_views `k`, `m`:
//
//     sha256_digest d = c.sha256(m);          // SHA-256 of the bytes of m
//     sha256_digest t = c.hmac_sha256(k, m);  // HMAC-SHA-256 of m under key k (any key length)
//
// Both must be safe to call concurrently on one object, and must not fail in practice (they
// are called without error handling; an implementation that cannot compute a digest should
// return one that makes the signature wrong rather than leak anything). Stateless policies cost
// no space in sigv4_signer. swfpp/crypto/openssl.hpp provides `openssl_crypto`.
template <class C, class = void>
struct is_sha256_crypto : std::false_type {};

template <class C>
struct is_sha256_crypto<C, std::void_t<decltype(std::declval<const C&>().sha256(std::declval<std::string_view>())),
                                       decltype(std::declval<const C&>().hmac_sha256(
                                           std::declval<std::string_view>(), std::declval<std::string_view>()))>>
    : std::bool_constant<
          std::is_same_v<decltype(std::declval<const C&>().sha256(std::declval<std::string_view>())), sha256_digest> &&
          std::is_same_v<decltype(std::declval<const C&>().hmac_sha256(std::declval<std::string_view>(),
                                                                       std::declval<std::string_view>())),
                         sha256_digest>> {};

template <class C>
inline constexpr bool is_sha256_crypto_v = is_sha256_crypto<C>::value;

// Optional crypto capability: HMAC under a key prepared once. A policy with
//
//     using hmac_key = ...;                                        // trivially copyable
//     hmac_key k = c.prepare_hmac(key);                            // the padded key states
//     sha256_digest t = c.hmac_sha256(k, m);                       // HMAC-SHA-256 of m under key
//
// lets sigv4_signer cache the prepared signing key, which saves the two block compressions of
// the padded key on every signing. openssl_crypto has it.
template <class C, class = void>
struct has_prepared_hmac : std::false_type {};
template <class C>
struct has_prepared_hmac<C, std::void_t<typename C::hmac_key,
                                        decltype(std::declval<const C&>().prepare_hmac(std::declval<std::string_view>())),
                                        decltype(std::declval<const C&>().hmac_sha256(
                                            std::declval<const typename C::hmac_key&>(), std::declval<std::string_view>()))>>
    : std::bool_constant<std::is_trivially_copyable_v<typename C::hmac_key> &&
                         std::is_same_v<decltype(std::declval<const C&>().prepare_hmac(std::declval<std::string_view>())),
                                        typename C::hmac_key>> {};

inline constexpr std::string_view sigv4_algorithm = "AWS4-HMAC-SHA256";

// The intermediate values of one signing, each exactly as the SigV4 spec names it. Reusing one
// object across calls reuses its buffers.
struct sigv4_signing_input {
    std::string amz_date;           // X-Amz-Date value, "20150830T123600Z"
    std::string credential_scope;   // "20150830/us-east-1/swf/aws4_request"
    std::string signed_headers;     // "content-type;host;x-amz-date;x-amz-target"
    std::string canonical_request;  // method, URI, query, headers, signed headers, payload hash
    std::string string_to_sign;     // algorithm, amz_date, scope, hex SHA-256 of canonical_request
};

// "yyyymmddTHHMMSSZ" for `time` in UTC, seconds truncated.
SWFPP_DECL std::string format_amz_date(std::chrono::system_clock::time_point time);

namespace detail {

inline bool is_scope_part(std::string_view s) noexcept {
    return !s.empty() && s.find('/') == std::string_view::npos && !has_control_char(s);
}

// Overwrites memory holding key material in a way the optimiser may not drop: a plain memset,
// then (GCC, clang) an empty asm that claims to read the memory, else a volatile byte loop.
SWFPP_DECL void secure_wipe(void* p, std::size_t n) noexcept;

inline std::string_view as_chars(const sha256_digest& d) noexcept {
    return {reinterpret_cast<const char*>(d.data()), d.size()};
}

// Makes `name` appear exactly once, and returns its value for the caller to fill. Reuses the
// first existing header (and its string capacity, which matters when a request is re-signed).
SWFPP_DECL std::string& single_header_value(http_headers& headers, std::string_view name);

}  // namespace detail

// Checks that `request` can be signed with `params`, touching nothing. Errors (kind
// configuration_error; stable messages that never quote the secret, the token or the rejected
// value): empty access key id or secret; a control character in the access key id or the
// session token; a region or service that is empty or holds '/' or a control character; a
// header name that is not an HTTP token, or a header value with CR, LF or NUL (the signer must
// never help smuggle a header line; Authorization's value is not checked, as sign() replaces it).
SWFPP_DECL result<void> validate_for_signing(const http_request& request, const signing_params& params);

// Sets the headers that must be signed: X-Amz-Date from params.time (replacing any), and
// X-Amz-Security-Token when the credentials carry a session token (replacing any; signed, as
// botocore and every SDK do for AWS JSON services). An existing token header is kept when the
// credentials have none, as botocore does. Unlike botocore, a `Date` header is not rewritten:
// swfpp never sends one. Precondition: validate_for_signing succeeded.
SWFPP_DECL void prepare_for_signing(http_request& request, const signing_params& params);

// Computes every SigV4 intermediate for `request` as it is now (call prepare_for_signing first
// unless the request already carries its X-Amz-Date, as the test-suite requests do) into `out`,
// reusing its buffers. Signed: every header except Authorization and botocore's unsigned list
// (User-Agent, Expect, Connection, ...); when there is no Host header, the host botocore would
// derive from scheme/host/port. Payload hash: hex SHA-256 of the body.
template <class Crypto>
void make_signing_input(const http_request& request, const signing_params& params, const Crypto& crypto,
                        sigv4_signing_input& out) {
    static_assert(is_sha256_crypto_v<Crypto>, "make_signing_input: Crypto must model the crypto policy (see is_sha256_crypto)");
    out.amz_date.resize(16);
    detail::format_amz_date(params.time, &out.amz_date[0]);
    const std::string_view date = std::string_view(out.amz_date).substr(0, 8);

    out.credential_scope.clear();
    detail::append_concat(out.credential_scope, {date, "/", params.region, "/", params.service, "/aws4_request"});

    std::string& cr = out.canonical_request;
    cr.assign(request.method);
    for (char& c : cr)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    cr += '\n';
    std::string_view path, query;
    detail::sigv4_split_target(request.target, path, query);
    detail::sigv4_append_canonical_uri(cr, path);
    cr += '\n';
    detail::sigv4_append_canonical_query(cr, query);
    cr += '\n';
    out.signed_headers.clear();
    detail::sigv4_append_canonical_headers(cr, out.signed_headers, request);
    char hex[64];
    detail::write_hex(crypto.sha256(request.body).data(), 32, hex);
    detail::append_concat(cr, {"\n", out.signed_headers, "\n", std::string_view(hex, sizeof hex)});

    std::string& sts = out.string_to_sign;
    sts.clear();
    detail::write_hex(crypto.sha256(cr).data(), 32, hex);
    detail::append_concat(sts, {sigv4_algorithm, "\n", out.amz_date, "\n", out.credential_scope, "\n",
                                std::string_view(hex, sizeof hex)});
}

template <class Crypto>
sigv4_signing_input make_signing_input(const http_request& request, const signing_params& params,
                                       const Crypto& crypto) {
    sigv4_signing_input out;
    make_signing_input(request, params, crypto, out);
    return out;
}

// kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request"),
// `date` being yyyymmdd. Intermediate keys are wiped before returning.
template <class Crypto>
sha256_digest derive_signing_key(std::string_view secret, std::string_view date, std::string_view region,
                                 std::string_view service, const Crypto& crypto) {
    char inline_key[128];
    std::string heap_key;  // secrets longer than 124 bytes do not exist in practice
    char* key = inline_key;
    const std::size_t key_size = 4 + secret.size();
    if (key_size > sizeof inline_key) {
        heap_key.resize(key_size);
        key = &heap_key[0];
    }
    std::memcpy(key, "AWS4", 4);
    if (!secret.empty()) std::memcpy(key + 4, secret.data(), secret.size());
    sha256_digest k_date = crypto.hmac_sha256(std::string_view(key, key_size), date);
    detail::secure_wipe(key, key_size);
    sha256_digest k_region = crypto.hmac_sha256(detail::as_chars(k_date), region);
    sha256_digest k_service = crypto.hmac_sha256(detail::as_chars(k_region), service);
    const sha256_digest k_signing = crypto.hmac_sha256(detail::as_chars(k_service), "aws4_request");
    detail::secure_wipe(k_date.data(), k_date.size());
    detail::secure_wipe(k_region.data(), k_region.size());
    detail::secure_wipe(k_service.data(), k_service.size());
    return k_signing;
}

// The raw signature: HMAC(signing_key, string_to_sign).
template <class Crypto>
sha256_digest sigv4_signature(const sha256_digest& signing_key, std::string_view string_to_sign,
                              const Crypto& crypto) {
    return crypto.hmac_sha256(detail::as_chars(signing_key), string_to_sign);
}

// Appends the Authorization header value:
// `AWS4-HMAC-SHA256 Credential=<akid>/<scope>, SignedHeaders=<list>, Signature=<hex>`.
SWFPP_DECL void append_authorization(std::string& out, std::string_view access_key_id, const sigv4_signing_input& input,
                                     const sha256_digest& signature);

namespace detail {

// Stores T, taking no space when T is empty (Beast's empty_value, in miniature).
template <class T, bool = std::is_empty_v<T> && !std::is_final_v<T>>
class sigv4_crypto_box {
public:
    sigv4_crypto_box() = default;
    explicit sigv4_crypto_box(T value) : value_(std::move(value)) {}
    const T& get() const noexcept { return value_; }

private:
    T value_;
};

template <class T>
class sigv4_crypto_box<T, true> : private T {
public:
    sigv4_crypto_box() = default;
    explicit sigv4_crypto_box(T value) : T(std::move(value)) {}
    const T& get() const noexcept { return *this; }
};

// Derived signing keys by (date, region, service, access key id, SHA-256 of the secret): the
// secret itself is never stored. Four entries, replaced round-robin, cover a client that
// alternates a few regions or credentials. A mutex guards the entries; a miss derives under
// the lock, so concurrent signers derive each key exactly once (4 HMACs, about two microseconds).
// What sigv4_signer caches per scope: the signing key, or its prepared HMAC states.
template <class Crypto, bool = has_prepared_hmac<Crypto>::value>
struct signing_key_type {
    using type = sha256_digest;
};
template <class Crypto>
struct signing_key_type<Crypto, true> {
    using type = typename Crypto::hmac_key;
};

template <class Key>
class sigv4_key_cache {
public:
    sigv4_key_cache() = default;
    // The cache is an optimisation: a copied signer starts cold instead of sharing or copying keys.
    sigv4_key_cache(const sigv4_key_cache&) noexcept {}
    sigv4_key_cache& operator=(const sigv4_key_cache&) noexcept {
        clear();
        return *this;
    }
    ~sigv4_key_cache() { clear(); }

    template <class Derive>
    Key get(std::string_view date, std::string_view region, std::string_view service,
                      std::string_view access_key_id, const sha256_digest& secret_fingerprint, Derive&& derive) {
        const std::lock_guard<std::mutex> lock(mutex_);
        for (const entry& e : entries_)
            if (e.used && e.secret_fingerprint == secret_fingerprint && same_bytes(e.date, date) &&
                same_bytes(e.region, region) && same_bytes(e.service, service) &&
                same_bytes(e.access_key_id, access_key_id))
                return e.key;
        entry& e = entries_[next_];
        next_ = (next_ + 1) % entries_.size();
        e.key = derive();
        e.date.assign(date);
        e.region.assign(region);
        e.service.assign(service);
        e.access_key_id.assign(access_key_id);
        e.secret_fingerprint = secret_fingerprint;
        e.used = true;
        return e.key;
    }

    void clear() noexcept {
        const std::lock_guard<std::mutex> lock(mutex_);
        for (entry& e : entries_) {
            secure_wipe(&e.key, sizeof e.key);
            e.used = false;
        }
        next_ = 0;
    }

private:
    struct entry {
        std::string date, region, service, access_key_id;
        sha256_digest secret_fingerprint{};
        Key key{};
        bool used = false;
    };
    std::mutex mutex_;
    std::array<entry, 4> entries_{};
    std::size_t next_ = 0;
};

}  // namespace detail

// The SigV4 Signer policy of swfpp::basic_client: signs a request in place with AWS Signature
// Version 4 as botocore does for AWS JSON services.
//
// sign() validates first (see validate_for_signing) and on error returns it with the request
// untouched. Otherwise it sets X-Amz-Date, sets X-Amz-Security-Token when the credentials have
// a session token (signed), signs every header but Authorization and botocore's unsigned list,
// and sets Authorization (replacing any, so a retried request can be re-signed).
//
// Thread safety: sign() is const and may be called concurrently on one signer. The derived
// signing key is cached per (date, region, service, credentials) behind a mutex; with a warm
// cache, signing allocates only when a per-thread scratch buffer or a header string must grow.
// Copies start with an empty cache.
template <class Crypto>
class sigv4_signer : private detail::sigv4_crypto_box<Crypto> {
    static_assert(is_sha256_crypto_v<Crypto>,
                  "sigv4_signer<Crypto>: Crypto must provide `sha256_digest sha256(std::string_view) const` and "
                  "`sha256_digest hmac_sha256(std::string_view key, std::string_view bytes) const` "
                  "(see is_sha256_crypto in swfpp/sigv4.hpp; swfpp/crypto/openssl.hpp has one)");
    using box = detail::sigv4_crypto_box<Crypto>;

public:
    using crypto_type = Crypto;

    sigv4_signer() = default;
    explicit sigv4_signer(Crypto crypto) : box(std::move(crypto)) {}

    const Crypto& crypto() const noexcept { return box::get(); }

    // What signing_params::secret_fingerprint must hold for `c`: compute it once per credentials.
    sha256_digest secret_fingerprint(const credentials& c) const { return crypto().sha256(c.secret_access_key); }

    [[nodiscard]] result<void> sign(http_request& request, const signing_params& params) const {
        if (result<void> valid = validate_for_signing(request, params); !valid) return valid;
        prepare_for_signing(request, params);

        thread_local sigv4_signing_input input;  // buffers reused by every signing on this thread
        make_signing_input(request, params, crypto(), input);
        key_type key = signing_key(params, std::string_view(input.amz_date).substr(0, 8));
        sha256_digest signature;
        if constexpr (has_prepared_hmac<Crypto>::value)
            signature = crypto().hmac_sha256(key, input.string_to_sign);
        else
            signature = sigv4_signature(key, input.string_to_sign, crypto());
        detail::secure_wipe(&key, sizeof key);

        std::string& authorization = detail::single_header_value(request.headers, "Authorization");
        authorization.clear();
        append_authorization(authorization, params.creds.access_key_id, input, signature);
        return {};
    }

private:
    using key_type = typename detail::signing_key_type<Crypto>::type;

    key_type signing_key(const signing_params& params, std::string_view date) const {
        const credentials& c = params.creds;
        sha256_digest computed{};
        if (params.secret_fingerprint == nullptr) computed = secret_fingerprint(c);
        const sha256_digest& fingerprint = params.secret_fingerprint ? *params.secret_fingerprint : computed;
        const key_type key = cache_.get(date, params.region, params.service, c.access_key_id, fingerprint, [&] {
            sha256_digest derived = derive_signing_key(c.secret_access_key, date, params.region, params.service, crypto());
            if constexpr (has_prepared_hmac<Crypto>::value) {
                const key_type prepared = crypto().prepare_hmac(detail::as_chars(derived));
                detail::secure_wipe(derived.data(), derived.size());
                return prepared;
            } else {
                return derived;
            }
        });
        detail::secure_wipe(computed.data(), computed.size());
        return key;
    }

    mutable detail::sigv4_key_cache<key_type> cache_;
};

SWFPP_NAMESPACE_END

#if defined(SWFPP_HEADER_ONLY)
#include "swfpp/impl/sigv4.ipp"
#endif

#endif
