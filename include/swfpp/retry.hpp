// swfpp — retries for basic_client: the AWS SDKs' "standard" retry mode (the default, as
// botocore 1.43 retries/standard.py and retries/quota.py implement it), botocore's "legacy"
// mode, a policy choosing between them at run time (AWS_RETRY_MODE), a policy that never
// retries, the concept your own policy must model, and the pure pieces the client applies
// between attempts (the amz-sdk-* headers and clock-skew detection).
#ifndef SWFPP_RETRY_HPP
#define SWFPP_RETRY_HPP

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "swfpp/detail/config.hpp"
#include "swfpp/detail/random.hpp"
#include "swfpp/error.hpp"
#include "swfpp/http.hpp"

SWFPP_NAMESPACE_BEGIN

// ---- Which errors are worth another attempt ---------------------------------------------------
//
// botocore's standard conditions. Only the status and the code decide, never the operation: a
// modelled SWF fault (UnknownResourceFault, ...) arrives as a 400 with its own code, so it is
// never retried; validation, configuration and malformed-response errors never are either.

// TransientRetryableChecker._TRANSIENT_ERROR_CODES.
inline constexpr std::string_view transient_error_codes[] = {"RequestTimeout", "RequestTimeoutException",
                                                             "PriorRequestNotComplete"};
// TransientRetryableChecker._TRANSIENT_STATUS_CODES.
inline constexpr int transient_status_codes[] = {500, 502, 503, 504};
// ThrottledRetryableChecker._THROTTLED_ERROR_CODES, in botocore's order.
inline constexpr std::string_view throttling_error_codes[] = {"Throttling",
                                                              "ThrottlingException",
                                                              "ThrottledException",
                                                              "RequestThrottledException",
                                                              "TooManyRequestsException",
                                                              "ProvisionedThroughputExceededException",
                                                              "TransactionInProgressException",
                                                              "RequestLimitExceeded",
                                                              "BandwidthLimitExceeded",
                                                              "LimitExceededException",
                                                              "RequestThrottled",
                                                              "SlowDown",
                                                              "PriorRequestNotComplete",
                                                              "EC2ThrottledException"};

// A service error whose code is one of the throttling codes.
SWFPP_DECL bool is_throttling_error(const error& e) noexcept;

// A transport failure (botocore retries every ConnectionError and HTTPClientError, which is
// every failure below HTTP), except a response over the transport's size limit, which the
// same request would only produce again; or a service error with a transient code or status.
SWFPP_DECL bool is_transient_error(const error& e) noexcept;

// Connect and read timeouts: a retry after one costs the quota twice as much.
inline bool is_timeout_error(const error& e) noexcept {
    return e.kind == errc::transport_failed && e.transport == transport_errc::timed_out;
}

inline bool is_retryable_error(const error& e) noexcept { return is_transient_error(e) || is_throttling_error(e); }

// ---- The retry policy concept -----------------------------------------------------------------

// What the client tells a retry policy after an attempt failed.
struct attempt_failure {
    const error& failure;  // the attempt's error (kind, transport, http_status, code)
    int attempt;           // 1-based number of the attempt that failed
    // The failure was a clock-skew error and the client has just corrected its clock, so the
    // same request, signed again, should now be accepted.
    bool clock_skew_corrected;
    // Time left before the call's deadline (client_config::call_timeout); nullopt: no deadline.
    std::optional<std::chrono::nanoseconds> time_left;
};

// A policy's answer after a failed attempt: try again after `delay`, or stop (`stop` says why).
struct retry_decision {
    bool retry = false;
    std::chrono::nanoseconds delay{0};            // when retrying
    retry_stop stop = retry_stop::not_retryable;  // when not

    static retry_decision retry_after(std::chrono::nanoseconds delay) noexcept {
        return {true, delay, retry_stop::none};
    }
    static retry_decision stop_for(retry_stop why) noexcept { return {false, std::chrono::nanoseconds(0), why}; }
};

// Retry policy concept. A type R models it when, for `R& r` (one object shared by every call of
// a client), a per-call `typename R::call_state s{}` and an attempt_failure `f`:
//
//     int m = std::as_const(r).max_attempts();  // >= 1: attempts one call may make at most
//     retry_decision d = r.on_failure(s, f);    // after a failed attempt: retry after d.delay, or stop
//     r.on_success(s);                          // once, when the call succeeded
//
// The client makes attempt 1, then asks on_failure after each failure; it never exceeds
// max_attempts() nor sleeps past the call's deadline, whatever the policy answers, but a policy
// that reserves anything before answering (a quota) should check f.time_left itself, as
// standard_retry does. on_failure and on_success run concurrently from every thread calling
// the client: a policy with shared state must be thread-safe. A stateless policy costs the
// client no bytes. Policies here: standard_retry (the default), legacy_retry, aws_retry (either,
// chosen at run time), no_retry.
template <class R, class = void>
struct is_retry_policy : std::false_type {};
template <class R>
struct is_retry_policy<R, std::void_t<typename R::call_state, decltype(std::declval<const R&>().max_attempts()),
                                      decltype(std::declval<R&>().on_failure(std::declval<typename R::call_state&>(),
                                                                             std::declval<const attempt_failure&>())),
                                      decltype(std::declval<R&>().on_success(std::declval<typename R::call_state&>()))>>
    : std::bool_constant<std::is_default_constructible_v<typename R::call_state> &&
                         std::is_convertible_v<decltype(std::declval<const R&>().max_attempts()), int> &&
                         std::is_same_v<decltype(std::declval<R&>().on_failure(std::declval<typename R::call_state&>(),
                                                                               std::declval<const attempt_failure&>())),
                                        retry_decision>> {};

template <class R>
inline constexpr bool is_retry_policy_v = is_retry_policy<R>::value;

// One attempt per call: every error is returned as it is (reported as max_attempts, as botocore
// does with total_max_attempts=1).
struct no_retry {
    struct call_state {};
    int max_attempts() const noexcept { return 1; }
    retry_decision on_failure(call_state&, const attempt_failure&) const noexcept {
        return retry_decision::stop_for(retry_stop::max_attempts);
    }
    void on_success(call_state&) const noexcept {}
};

// ---- Randomness for the back-off jitter -------------------------------------------------------
//
// Random concept (of basic_standard_retry): `double x = r();` with 0 <= x < 1, for a `Random& r`
// shared by all calls, so thread-safe.

// The default: this thread's xoshiro256** generator, seeded from the OS (detail::random_seed).
struct thread_random {
    double operator()() const { return detail::unit_interval(detail::thread_engine()()); }
};

// Reproducible jitter for tests and simulations: the n-th draw is a hash (splitmix64) of the
// seed and n, so one thread sees the same sequence on every run and concurrent threads never
// wait on a lock (they only interleave the draws).
class seeded_random {
public:
    explicit seeded_random(std::uint64_t seed) noexcept : seed_(seed) {}
    seeded_random(const seeded_random& other) noexcept
        : seed_(other.seed_), next_(other.next_.load(std::memory_order_relaxed)) {}
    seeded_random& operator=(const seeded_random& other) noexcept {
        seed_ = other.seed_;
        next_.store(other.next_.load(std::memory_order_relaxed), std::memory_order_relaxed);
        return *this;
    }

    SWFPP_DECL double operator()() noexcept;

private:
    std::uint64_t seed_;
    std::atomic<std::uint64_t> next_{0};
};

template <class R, class = void>
struct is_random_source : std::false_type {};
template <class R>
struct is_random_source<R, std::void_t<decltype(std::declval<R&>()())>>
    : std::is_convertible<decltype(std::declval<R&>()()), double> {};

// ---- The standard retry mode ------------------------------------------------------------------

// The retry quota of the standard mode (botocore retries/quota.py): tokens shared by every
// call of one client. A retry takes some; a success gives some back. Lock-free; copies take
// the tokens available at the time of the copy.
class retry_quota {
public:
    static constexpr int initial_capacity = 500;  // RetryQuota.INITIAL_CAPACITY

    explicit retry_quota(int capacity = initial_capacity) noexcept
        : capacity_(std::max(0, capacity)), available_(capacity_) {}
    retry_quota(const retry_quota& other) noexcept : capacity_(other.capacity_), available_(other.available()) {}
    retry_quota& operator=(const retry_quota& other) noexcept {
        capacity_ = other.capacity_;
        available_.store(other.available(), std::memory_order_relaxed);
        return *this;
    }

    // Takes `amount` tokens if that many are left.
    SWFPP_DECL bool acquire(int amount) noexcept;

    // Gives back up to `amount` tokens, never beyond the capacity. Costs one load when full,
    // which is the common case (every success releases).
    SWFPP_DECL void release(int amount) noexcept;

    int available() const noexcept { return available_.load(std::memory_order_relaxed); }
    int capacity() const noexcept { return capacity_; }

private:
    int capacity_;
    std::atomic<int> available_;
};

// The AWS "standard" retry mode, exactly as botocore 1.43 runs it (retries/standard.py with
// retries/quota.py; AWS_RETRY_MODE=standard):
// - at most max_attempts attempts per call (3 by default; AWS_MAX_ATTEMPTS is this number);
// - a failed attempt is retried when is_retryable_error() says so, or after the client
//   corrected its clock for a clock-skew error;
// - a retry takes 5 tokens from the quota (10 after a timeout); with too few left the call
//   stops (retry_stop::retry_quota). A call that succeeds gives back what its last retry took,
//   or 1 token when it succeeded without retrying. The quota starts at, and never exceeds, 500;
// - the delay before retry n (after attempt n failed) is random[0,1) * min(2^(n-1), 20) seconds;
// - a delay that would end at or after the call's deadline is not slept: the call stops
//   (retry_stop::deadline) and gives back the tokens it had just taken.
// Like botocore, reaching max_attempts is checked first, so the last attempt's failure is
// reported as retry_stop::max_attempts whether or not it was retryable.
//
// Random is the jitter source (see is_random_source): thread_random by default, seeded_random
// for reproducible runs. Thread safety: one object serves concurrent calls (atomic quota).
template <class Random = thread_random>
class basic_standard_retry {
    static_assert(
        is_random_source<Random>::value,
        "swfpp: the Random of basic_standard_retry must be callable as `double r()`, returning a number in [0, 1)");

public:
    static constexpr int default_max_attempts = 3;          // botocore DEFAULT_MAX_ATTEMPTS
    static constexpr int retry_cost = 5;                    // RetryQuotaChecker._RETRY_COST
    static constexpr int timeout_retry_cost = 10;           // ._TIMEOUT_RETRY_REQUEST
    static constexpr int no_retry_increment = 1;            // ._NO_RETRY_INCREMENT
    static constexpr std::chrono::seconds max_backoff{20};  // ExponentialBackoff._MAX_BACKOFF

    // Tokens taken by the call's latest retry (botocore's context['retry_quota_capacity']).
    struct call_state {
        int acquired = 0;
    };

    // `max_attempts` below 1 counts as 1 (botocore rejects it; the caller reports that).
    explicit basic_standard_retry(int max_attempts = default_max_attempts, Random random = Random(),
                                  int quota_capacity = retry_quota::initial_capacity)
        : max_attempts_(std::max(1, max_attempts)), random_(std::move(random)), quota_(quota_capacity) {}

    int max_attempts() const noexcept { return max_attempts_; }

    retry_decision on_failure(call_state& state, const attempt_failure& f) {
        if (f.attempt >= max_attempts_) return retry_decision::stop_for(retry_stop::max_attempts);
        if (!f.clock_skew_corrected && !is_retryable_error(f.failure))
            return retry_decision::stop_for(retry_stop::not_retryable);
        const int cost = is_timeout_error(f.failure) ? timeout_retry_cost : retry_cost;
        if (!quota_.acquire(cost)) return retry_decision::stop_for(retry_stop::retry_quota);
        const std::chrono::nanoseconds delay = backoff(f.attempt);
        if (f.time_left && delay >= *f.time_left) {
            quota_.release(cost);
            return retry_decision::stop_for(retry_stop::deadline);
        }
        state.acquired = cost;
        return retry_decision::retry_after(delay);
    }

    void on_success(call_state& state) noexcept {
        quota_.release(state.acquired != 0 ? state.acquired : no_retry_increment);
    }

    // random[0,1) * min(2^(attempt-1), 20) seconds: ExponentialBackoff.delay_amount.
    std::chrono::nanoseconds backoff(int failed_attempt) {
        const int exponent = std::clamp(failed_attempt - 1, 0, 30);
        const double cap = std::min(static_cast<double>(1L << exponent), static_cast<double>(max_backoff.count()));
        const double seconds = static_cast<double>(random_()) * cap;
        return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::duration<double>(seconds));
    }

    const retry_quota& quota() const noexcept { return quota_; }

private:
    int max_attempts_;
    Random random_;
    retry_quota quota_;
};

using standard_retry = basic_standard_retry<>;

// ---- The legacy retry mode --------------------------------------------------------------------

// botocore's legacy conditions (retryhandler.py with data/_retry.json, the same for SWF as for
// every service without its own section): a connection failure, timeout, reset, TLS or
// protocol failure (not a generic transport error), HTTP 429, 500, 502, 503, 504 or 509 whatever
// the code, or a 400 with Throttling, ThrottlingException, ThrottledException,
// RequestThrottledException or ProvisionedThroughputExceededException.
SWFPP_DECL bool is_legacy_retryable_error(const error& e) noexcept;

// botocore's legacy retry mode (AWS_RETRY_MODE=legacy, botocore's default): at most
// max_attempts attempts (5 by default), no retry quota, and a delay before retry n of
// random[0,1) * 2^(n-1) seconds, without a cap. Unlike the standard mode, the last attempt's
// failure is reported as retry_stop::max_attempts only when it was retryable (botocore sets
// MaxAttemptsReached only then). A corrected clock skew is retried like a retryable error.
// Thread safety: stateless apart from Random.
template <class Random = thread_random>
class basic_legacy_retry {
    static_assert(
        is_random_source<Random>::value,
        "swfpp: the Random of basic_legacy_retry must be callable as `double r()`, returning a number in [0, 1)");

public:
    static constexpr int default_max_attempts = 5;  // _retry.json __default__ max_attempts

    struct call_state {};

    explicit basic_legacy_retry(int max_attempts = default_max_attempts, Random random = Random())
        : max_attempts_(std::max(1, max_attempts)), random_(std::move(random)) {}

    int max_attempts() const noexcept { return max_attempts_; }

    retry_decision on_failure(call_state&, const attempt_failure& f) {
        if (!f.clock_skew_corrected && !is_legacy_retryable_error(f.failure))
            return retry_decision::stop_for(retry_stop::not_retryable);
        if (f.attempt >= max_attempts_) return retry_decision::stop_for(retry_stop::max_attempts);
        const std::chrono::nanoseconds delay = backoff(f.attempt);
        if (f.time_left && delay >= *f.time_left) return retry_decision::stop_for(retry_stop::deadline);
        return retry_decision::retry_after(delay);
    }

    void on_success(call_state&) noexcept {}

    // random[0,1) * 2^(attempt-1) seconds: retryhandler.delay_exponential with base "rand".
    // The exponent stops at 30 (34 years) so the duration cannot overflow.
    std::chrono::nanoseconds backoff(int failed_attempt) {
        const int exponent = std::clamp(failed_attempt - 1, 0, 30);
        const double seconds = static_cast<double>(random_()) * static_cast<double>(1L << exponent);
        return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::duration<double>(seconds));
    }

private:
    int max_attempts_;
    Random random_;
};

using legacy_retry = basic_legacy_retry<>;

// ---- The mode chosen at run time (AWS_RETRY_MODE) ---------------------------------------------

// The retry modes of the AWS SDKs' configuration that swfpp implements. ("adaptive" is
// standard plus a client-side rate limiter, which swfpp does not have.)
enum class retry_mode { standard, legacy };

// A policy whose mode and attempt limit are run-time settings, for programs that read
// AWS_RETRY_MODE and AWS_MAX_ATTEMPTS: it behaves exactly as basic_standard_retry or
// basic_legacy_retry. `max_attempts` 0 means the mode's default (3 or 5); below 0 counts as 1.
template <class Random = thread_random>
class basic_aws_retry {
public:
    struct call_state {
        typename basic_standard_retry<Random>::call_state standard;
    };

    explicit basic_aws_retry(retry_mode mode = retry_mode::standard, int max_attempts = 0, Random random = Random())
        : mode_(mode),
          standard_(max_attempts != 0 ? max_attempts : basic_standard_retry<Random>::default_max_attempts, random),
          legacy_(max_attempts != 0 ? max_attempts : basic_legacy_retry<Random>::default_max_attempts, random) {}

    retry_mode mode() const noexcept { return mode_; }
    int max_attempts() const noexcept {
        return mode_ == retry_mode::standard ? standard_.max_attempts() : legacy_.max_attempts();
    }
    retry_decision on_failure(call_state& state, const attempt_failure& f) {
        typename basic_legacy_retry<Random>::call_state none;
        return mode_ == retry_mode::standard ? standard_.on_failure(state.standard, f) : legacy_.on_failure(none, f);
    }
    void on_success(call_state& state) noexcept {
        if (mode_ == retry_mode::standard) standard_.on_success(state.standard);
    }
    // The standard mode's quota (full and unused in legacy mode).
    const retry_quota& quota() const noexcept { return standard_.quota(); }

private:
    retry_mode mode_;
    basic_standard_retry<Random> standard_;
    basic_legacy_retry<Random> legacy_;
};

using aws_retry = basic_aws_retry<>;

// ---- Pieces the client applies between attempts -----------------------------------------------

// Sets botocore's two per-attempt headers: `amz-sdk-invocation-id` (one id for every attempt
// of a call) and `amz-sdk-request`, which is "attempt=1" on the first attempt and
// "attempt=N; max=M" on the retries (botocore learns M only when it first considers a retry).
// basic_client sets them after signing, so they are not signed, as in botocore.
SWFPP_DECL void set_sdk_attempt_headers(http_request& request, std::string_view invocation_id, int attempt,
                                        int max_attempts);

// How far apart the service's clock and the signing time must be before the client trusts
// the service's Date over its own clock (aws-sdk-cpp and aws-sdk-go-v2 use the same 4 minutes;
// SigV4 accepts 5).
inline constexpr std::chrono::minutes clock_skew_threshold{4};

// The clock correction to learn from a failed attempt, or nullopt. An attempt signed at
// `signed_at` (local clock plus any correction already in use) failed with `e`; `response` is
// what came back and `now` the local clock (uncorrected) when it did. When `e` is a clock-skew
// error (RequestTimeTooSkewed, RequestExpired, InvalidSignatureException, SignatureDoesNotMatch,
// AuthFailure, RequestInTheFuture) and the response's Date differs from `signed_at` by more than
// clock_skew_threshold, the result is Date - now: add it to the local clock when signing.
// Comparing with the signing time, not the raw clock, means an error that persists once the
// clock is corrected is a real signature problem, and is not retried for skew again.
SWFPP_DECL std::optional<std::chrono::nanoseconds> clock_skew_correction(
    const error& e, const http_response& response, std::chrono::system_clock::time_point signed_at,
    std::chrono::system_clock::time_point now);

SWFPP_NAMESPACE_END

#if defined(SWFPP_HEADER_ONLY)
#include "swfpp/impl/retry.ipp"
#endif

#endif
