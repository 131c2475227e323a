// swfpp — basic_client: a thin policy-based shell that pumps values through the sans-I/O core
// (build_request -> Signer -> Transport -> response_parser), attempt after attempt as its
// retry policy decides.
#ifndef SWFPP_CLIENT_HPP
#define SWFPP_CLIENT_HPP

#include <algorithm>
#include <array>
#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <type_traits>
#include <utility>

#include "swfpp/credentials.hpp"
#include "swfpp/detail/clock_skew.hpp"
#include "swfpp/detail/config.hpp"
#include "swfpp/detail/random.hpp"
#include "swfpp/endpoint.hpp"
#include "swfpp/error.hpp"
#include "swfpp/http.hpp"
#include "swfpp/operations_fwd.hpp"
#include "swfpp/request.hpp"
#include "swfpp/response.hpp"
#include "swfpp/result.hpp"
#include "swfpp/retry.hpp"
#include "swfpp/service.hpp"

SWFPP_NAMESPACE_BEGIN

// ---- Policy concepts -------------------------------------------------------------------------
//
// Transport: sends one HTTP request and receives the whole response.
//     swfpp::result<void> send(const http_request& request, http_response& response);
//   On success `response` holds status, headers and body. On failure it returns an error of
//   kind transport_failed (make_transport_error) and must not throw. The transport frames the
//   body (Content-Length). For concurrent calls on one client it must be thread-safe.
//
// Signer: authenticates a request in place.
//     swfpp::result<void> sign(http_request& request, const signing_params& params) const;
//   sigv4_signer<Crypto> (swfpp/sigv4.hpp) is the AWS Signature Version 4 implementation.
//
// Clock: the time used for signing and for the call deadline, and how to wait between attempts.
//     std::chrono::system_clock::time_point now() const;
//     void sleep_for(std::chrono::nanoseconds);   // optional; std::this_thread::sleep_for if absent
//   A test clock that advances `now()` by what sleep_for is asked makes retries instant and
//   deterministic. Both must be thread-safe for concurrent calls.
//
// Retry: when to try a failed attempt again; see is_retry_policy in swfpp/retry.hpp
//   (standard_retry, the default; legacy_retry; aws_retry, either one chosen at run time;
//   no_retry).
template <class T, class = void>
struct is_transport : std::false_type {};
template <class T>
struct is_transport<T, std::void_t<decltype(std::declval<T&>().send(std::declval<const http_request&>(),
                                                                    std::declval<http_response&>()))>>
    : std::is_same<decltype(std::declval<T&>().send(std::declval<const http_request&>(),
                                                    std::declval<http_response&>())),
                   result<void>> {};

template <class T, class = void>
struct is_signer : std::false_type {};
template <class T>
struct is_signer<T, std::void_t<decltype(std::declval<const T&>().sign(std::declval<http_request&>(),
                                                                       std::declval<const signing_params&>()))>>
    : std::is_same<decltype(std::declval<const T&>().sign(std::declval<http_request&>(),
                                                          std::declval<const signing_params&>())),
                   result<void>> {};

// A signer that can fingerprint credentials once (sigv4_signer) gets the fingerprint in every
// signing_params, so it does not hash the secret on each call.
template <class T, class = void>
struct has_secret_fingerprint : std::false_type {};
template <class T>
struct has_secret_fingerprint<
    T, std::void_t<decltype(std::declval<const T&>().secret_fingerprint(std::declval<const credentials&>()))>>
    : std::is_same<decltype(std::declval<const T&>().secret_fingerprint(std::declval<const credentials&>())),
                   sha256_digest> {};

template <class T, class = void>
struct is_clock : std::false_type {};
template <class T>
struct is_clock<T, std::void_t<decltype(std::declval<const T&>().now())>>
    : std::is_convertible<decltype(std::declval<const T&>().now()), std::chrono::system_clock::time_point> {};

template <class T, class = void>
struct has_sleep_for : std::false_type {};
template <class T>
struct has_sleep_for<T, std::void_t<decltype(std::declval<T&>().sleep_for(std::declval<std::chrono::nanoseconds>()))>>
    : std::true_type {};

// The default Clock: the system's wall clock, and a real sleep. The deadline is measured on the
// same wall clock, so a step of the system clock (not NTP's gradual slewing) lengthens or
// shortens the call's budget by that step.
struct system_clock_source {
    std::chrono::system_clock::time_point now() const { return std::chrono::system_clock::now(); }
    void sleep_for(std::chrono::nanoseconds d) const { std::this_thread::sleep_for(d); }
};

// How one attempt went, as client_config::on_attempt sees it. It carries no request, header or
// credential, so a log line built from it cannot leak a secret.
struct attempt_event {
    std::string_view operation;         // e.g. "RequestCancelWorkflowExecution"
    std::string_view invocation_id;     // amz-sdk-invocation-id: the same for every attempt of a call
    int attempt = 0;                    // 1-based
    int max_attempts = 0;               // the retry policy's limit
    const error* failure = nullptr;     // the attempt's error; nullptr when it succeeded
    bool clock_skew_corrected = false;  // this failure taught the client a new clock offset
    retry_decision next{};              // retry after next.delay, or not (why: next.stop; none on success)
};

// How a call went, for callers who want it on success too (call(input, info)). The same
// numbers are in every error the call returns.
struct call_info {
    int attempts = 0;                         // requests handed to the transport; 0: nothing sent
    std::chrono::nanoseconds total_delay{0};  // back-off slept between attempts
    retry_stop stopped = retry_stop::none;    // why a failed call did not try again
    std::string invocation_id;                // amz-sdk-invocation-id; empty when nothing was sent
};

// How a client reaches SWF. The endpoint is `endpoint_url` when set (AWS_ENDPOINT_URL_SWF),
// else the regional endpoint for `region`.
struct client_config {
    std::string region;
    std::string endpoint_url;
    bool use_fips = false;       // FIPS endpoints (AWS_USE_FIPS_ENDPOINT)
    bool use_dualstack = false;  // dual-stack IPv4/IPv6 endpoints (AWS_USE_DUALSTACK_ENDPOINT)
    swfpp::credentials credentials;
    std::string user_agent_suffix;  // appended to "swfpp/<version>" after a space
    // Bounds one call: no retry starts, and no back-off sleeps, past this long after the call
    // began (retry_stop::deadline). An attempt in flight is bounded by the transport's own
    // timeouts. 0: no bound.
    std::chrono::milliseconds call_timeout{0};
    // Called after every attempt, on the calling thread, before any back-off sleep (for
    // logging and metrics). Must be thread-safe when calls are concurrent; may call the client.
    std::function<void(const attempt_event&)> on_attempt;
};

namespace detail {
// Empty-base optimisation so stateless policies cost no bytes ([[no_unique_address]] is C++20).
template <class T, int Slot, bool = std::is_empty_v<T> && !std::is_final_v<T>>
class policy_holder {
public:
    explicit policy_holder(T value) : value_(std::move(value)) {}
    T& get() noexcept { return value_; }
    const T& get() const noexcept { return value_; }

private:
    T value_;
};
template <class T, int Slot>
class policy_holder<T, Slot, true> : private T {
public:
    explicit policy_holder(T value) : T(std::move(value)) {}
    T& get() noexcept { return *this; }
    const T& get() const noexcept { return *this; }
};
}  // namespace detail

// A client for Amazon SWF over the policies above.
//
// A call validates the input (an invalid one sends nothing), then makes attempts until one
// succeeds or the Retry policy stops: each attempt is built and signed afresh (new X-Amz-Date,
// the learned clock offset added), gets botocore's amz-sdk-invocation-id / amz-sdk-request
// headers after signing, and is sent and parsed. When an attempt fails with a clock-skew error whose response
// Date is more than 4 minutes from the signing time, the client learns the offset (for every
// later call too) and tells the policy, which retries it like a transient error.
//
// Thread safety: call() and prepare() may run concurrently from many threads on one client
// when Transport::send, Signer::sign and the Clock are thread-safe (curl_transport,
// sigv4_signer and system_clock_source are); the retry quota and clock offset are atomics.
// Request/response buffers are per thread, so steady-state calls reuse them.
// Configuration problems (a bad region or endpoint URL) do not throw: every call then returns
// that configuration_error and sends nothing.
template <class Transport, class Signer, class Clock = system_clock_source, class Retry = standard_retry>
class basic_client : private detail::policy_holder<Transport, 0>,
                     private detail::policy_holder<Signer, 1>,
                     private detail::policy_holder<Clock, 2>,
                     private detail::policy_holder<Retry, 3> {
    static_assert(is_transport<Transport>::value,
                  "swfpp: Transport must provide `swfpp::result<void> send(const http_request&, http_response&)`");
    static_assert(is_signer<Signer>::value,
                  "swfpp: Signer must provide `swfpp::result<void> sign(http_request&, const signing_params&) const`");
    static_assert(is_clock<Clock>::value,
                  "swfpp: Clock must provide `std::chrono::system_clock::time_point now() const`");
    static_assert(is_retry_policy<Retry>::value,
                  "swfpp: Retry must provide `call_state`, `int max_attempts() const`, "
                  "`retry_decision on_failure(call_state&, const attempt_failure&)` and "
                  "`void on_success(call_state&)` (see is_retry_policy in swfpp/retry.hpp)");

    using transport_holder = detail::policy_holder<Transport, 0>;
    using signer_holder = detail::policy_holder<Signer, 1>;
    using clock_holder = detail::policy_holder<Clock, 2>;
    using retry_holder = detail::policy_holder<Retry, 3>;

public:
    // `retry` carries the runtime retry settings, e.g. swfpp::standard_retry(max_attempts).
    explicit basic_client(client_config config, Transport transport = Transport(), Signer signer = Signer(),
                          Clock clock = Clock(), Retry retry = Retry())
        : transport_holder(std::move(transport)),
          signer_holder(std::move(signer)),
          clock_holder(std::move(clock)),
          retry_holder(std::move(retry)),
          config_(std::move(config)) {
        if constexpr (has_secret_fingerprint<Signer>::value)
            secret_fingerprint_ = signer_holder::get().secret_fingerprint(config_.credentials);
        user_agent_.assign(default_user_agent);
        if (!config_.user_agent_suffix.empty()) user_agent_.append(" ").append(config_.user_agent_suffix);
        if (auto region = validate_region(config_.region); !region) {
            config_error_ = std::move(region.error());
            return;
        }
        auto resolved = resolve_endpoint({config_.region, config_.use_fips, config_.use_dualstack, config_.endpoint_url});
        if (resolved)
            endpoint_ = std::move(*resolved);
        else
            config_error_ = std::move(resolved.error());
    }

    // Builds and signs the request for `input` into `out` without sending it (a dry run, or
    // the first half of a call driven by your own event loop). The signing time includes the
    // clock offset learned so far. The per-attempt amz-sdk-* headers are not added: call()
    // sets them after signing (set_sdk_attempt_headers does the same for your own loop).
    template <class Op>
    result<void> prepare(const typename Op::input& input, http_request& out) const {
        if (config_error_) return *config_error_;
        if (auto built = build_request<Op>(input, endpoint_, out, user_agent_); !built) return built;
        return sign(out, clock_holder::get().now() + offset_.get());
    }

    // Calls Op: exactly one result, never throws. On error, the error also says how many
    // attempts were made, the back-off slept, and why there was no further attempt.
    template <class Op>
    result<typename Op::output> call(const typename Op::input& input) {
        result<typename Op::output> out;
        run<Op>(input, out, nullptr);
        return out;
    }

    // The same, and fills `info` with how the call went, on success as on failure.
    template <class Op>
    result<typename Op::output> call(const typename Op::input& input, call_info& info) {
        result<typename Op::output> out;
        run<Op>(input, out, &info);
        return out;
    }

    // The same into `out`, which keeps its buffers from call to call: a caller that reuses one
    // result per thread makes calls that allocate nothing in steady state, failed ones
    // included (the error's strings are refilled in place). Returns out.ok().
    template <class Op>
    bool call_into(const typename Op::input& input, result<typename Op::output>& out, call_info* info = nullptr) {
        run<Op>(input, out, info);
        return out.ok();
    }

    // One named member per operation, e.g. client.start_workflow_execution(input), for the
    // operations whose header the caller includes (swfpp/operations/<operation>.hpp, or all of
    // them with swfpp/swfpp.hpp): Op defaults to the operation, so its definition is needed only
    // where the member is called.
#define SWFPP_CLIENT_OPERATION(op)                                                             \
    template <class Op = swfpp::op>                                                            \
    result<typename Op::output> op(const typename Op::input& input) {                          \
        return call<Op>(input);                                                                \
    }                                                                                          \
    template <class Op = swfpp::op>                                                            \
    result<typename Op::output> op(const typename Op::input& input, call_info& info) {         \
        return call<Op>(input, info);                                                          \
    }

    SWFPP_FOR_EACH_OPERATION(SWFPP_CLIENT_OPERATION)
#undef SWFPP_CLIENT_OPERATION

    const endpoint& resolved_endpoint() const noexcept { return endpoint_; }
    Transport& transport() noexcept { return transport_holder::get(); }
    const Signer& signer() const noexcept { return signer_holder::get(); }
    const Retry& retry_policy() const noexcept { return retry_holder::get(); }
    // What the client adds to Clock::now() when signing, learned from clock-skew errors.
    std::chrono::nanoseconds clock_offset() const noexcept { return offset_.get(); }

private:
    result<void> sign(http_request& request, std::chrono::system_clock::time_point when) const {
        const signing_params params{config_.credentials, config_.region, swf_service::signing_name, when,
                                    secret_fingerprint_ ? &*secret_fingerprint_ : nullptr};
        return signer_holder::get().sign(request, params);
    }

    void sleep(std::chrono::nanoseconds delay) {
        if constexpr (has_sleep_for<Clock>::value)
            clock_holder::get().sleep_for(delay);
        else
            std::this_thread::sleep_for(delay);
    }

    template <class Op>
    void run(const typename Op::input& input, result<typename Op::output>& out, call_info* info) {
        thread_local http_request request;
        thread_local http_response response;
        if (info) fill(*info, 0, std::chrono::nanoseconds(0), retry_stop::none, {});
        if (config_error_) {
            out.reuse_error() = *config_error_;
            return;
        }
        if (auto built = build_request<Op>(input, endpoint_, request, user_agent_); !built) {
            out.reuse_error() = std::move(built.error());
            return;
        }

        const std::array<char, 36> id = detail::random_uuid_v4();
        const std::string_view invocation_id(id.data(), id.size());
        Retry& policy = retry_holder::get();
        const int max_attempts = std::max(1, static_cast<int>(std::as_const(policy).max_attempts()));
        typename Retry::call_state state{};
        const Clock& clock = clock_holder::get();
        const auto started = clock.now();
        std::chrono::nanoseconds slept{0};

        for (int attempt = 1;; ++attempt) {
            // Built afresh so that any Signer, even one that appends rather than replaces its
            // headers, signs exactly what the first attempt signed. Validation passed already.
            if (attempt > 1)
                if (auto built = build_request<Op>(input, endpoint_, request, user_agent_); !built)
                    return finish(out.reuse_error() = std::move(built.error()), attempt - 1, slept,
                                  retry_stop::not_retryable, info, invocation_id);
            const auto signed_at = clock.now() + offset_.get();
            if (auto signed_ = sign(request, signed_at); !signed_)
                return finish(out.reuse_error() = std::move(signed_.error()), attempt - 1, slept,
                              retry_stop::not_retryable, info, invocation_id);
            set_sdk_attempt_headers(request, invocation_id, attempt, max_attempts);

            response.clear();
            send_and_parse<Op>(request, response, out);
            attempt_event event{Op::name, invocation_id, attempt, max_attempts, nullptr, false, {}};
            if (out) {
                policy.on_success(state);
                event.next = retry_decision::stop_for(retry_stop::none);
                if (config_.on_attempt) config_.on_attempt(event);
                if (info) fill(*info, attempt, slept, retry_stop::none, invocation_id);
                return;
            }

            error& failure = out.error();
            bool skew_corrected = false;
            if (auto correction = clock_skew_correction(failure, response, signed_at, clock.now())) {
                offset_.set(*correction);
                skew_corrected = true;
            }
            std::optional<std::chrono::nanoseconds> time_left;
            if (config_.call_timeout.count() > 0)
                time_left = std::max(std::chrono::nanoseconds(0),
                                     std::chrono::nanoseconds(config_.call_timeout) - (clock.now() - started));
            retry_decision next =
                policy.on_failure(state, attempt_failure{failure, attempt, skew_corrected, time_left});
            // The policy's answer is checked, so that no policy can loop forever or oversleep.
            if (next.retry && attempt >= max_attempts) next = retry_decision::stop_for(retry_stop::max_attempts);
            if (next.retry && time_left && next.delay >= *time_left)
                next = retry_decision::stop_for(retry_stop::deadline);
            if (next.delay.count() < 0) next.delay = std::chrono::nanoseconds(0);

            event.failure = &failure;
            event.clock_skew_corrected = skew_corrected;
            event.next = next;
            if (config_.on_attempt) config_.on_attempt(event);
            if (!next.retry) return finish(failure, attempt, slept, next.stop, info, invocation_id);
            sleep(next.delay);
            slept += next.delay;
        }
    }

    template <class Op>
    void send_and_parse(const http_request& request, http_response& response, result<typename Op::output>& out) {
        if (auto sent = transport_holder::get().send(request, response); !sent) {
            out.reuse_error() = std::move(sent.error());
            return;
        }
        parse_response_into<Op>(response, out);
    }

    static void fill(call_info& info, int attempts, std::chrono::nanoseconds slept, retry_stop stopped,
                     std::string_view invocation_id) {
        info.attempts = attempts;
        info.total_delay = slept;
        info.stopped = stopped;
        info.invocation_id.assign(invocation_id);  // keeps its capacity for the next call
    }

    static void finish(error& e, int attempts, std::chrono::nanoseconds slept, retry_stop stopped, call_info* info,
                       std::string_view invocation_id) {
        e.attempts = attempts;
        e.total_delay = slept;
        e.stopped = attempts > 0 ? stopped : retry_stop::none;
        if (info) fill(*info, attempts, slept, e.stopped, attempts > 0 ? invocation_id : std::string_view());
    }

    client_config config_;
    endpoint endpoint_;
    std::string user_agent_;
    std::optional<error> config_error_;
    std::optional<sha256_digest> secret_fingerprint_;
    detail::clock_offset offset_;
};

SWFPP_NAMESPACE_END

#endif
