// swfpp — basic_client: a thin policy-based shell that pumps values through the sans-I/O core
// (build_request -> Signer -> Transport -> response_parser).
#ifndef SWFPP_CLIENT_HPP
#define SWFPP_CLIENT_HPP

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "swfpp/credentials.hpp"
#include "swfpp/detail/config.hpp"
#include "swfpp/endpoint.hpp"
#include "swfpp/error.hpp"
#include "swfpp/http.hpp"
#include "swfpp/operations/request_cancel_workflow_execution.hpp"
#include "swfpp/request.hpp"
#include "swfpp/response.hpp"
#include "swfpp/result.hpp"
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
// Clock: the time used for signing.
//     std::chrono::system_clock::time_point now() const;
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

template <class T, class = void>
struct is_clock : std::false_type {};
template <class T>
struct is_clock<T, std::void_t<decltype(std::declval<const T&>().now())>>
    : std::is_convertible<decltype(std::declval<const T&>().now()), std::chrono::system_clock::time_point> {};

// The default Clock: the system's wall clock.
struct system_clock_source {
    std::chrono::system_clock::time_point now() const { return std::chrono::system_clock::now(); }
};

// How a client reaches SWF. The endpoint is `endpoint_url` when set (AWS_ENDPOINT_URL_SWF),
// else the regional endpoint for `region`.
struct client_config {
    std::string region;
    std::string endpoint_url;
    swfpp::credentials credentials;
    std::string user_agent_suffix;  // appended to "swfpp/<version>" after a space
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
// Thread safety: call() and prepare() may run concurrently from many threads on one client
// when Transport::send and Signer::sign are thread-safe (curl_transport and sigv4_signer are).
// Request/response buffers are per thread, so steady-state calls reuse them.
// Configuration problems (a bad region or endpoint URL) do not throw: every call then returns
// that configuration_error and sends nothing.
template <class Transport, class Signer, class Clock = system_clock_source>
class basic_client : private detail::policy_holder<Transport, 0>,
                     private detail::policy_holder<Signer, 1>,
                     private detail::policy_holder<Clock, 2> {
    static_assert(is_transport<Transport>::value,
                  "swfpp: Transport must provide `swfpp::result<void> send(const http_request&, http_response&)`");
    static_assert(is_signer<Signer>::value,
                  "swfpp: Signer must provide `swfpp::result<void> sign(http_request&, const signing_params&) const`");
    static_assert(is_clock<Clock>::value,
                  "swfpp: Clock must provide `std::chrono::system_clock::time_point now() const`");

    using transport_holder = detail::policy_holder<Transport, 0>;
    using signer_holder = detail::policy_holder<Signer, 1>;
    using clock_holder = detail::policy_holder<Clock, 2>;

public:
    explicit basic_client(client_config config, Transport transport = Transport(), Signer signer = Signer(),
                          Clock clock = Clock())
        : transport_holder(std::move(transport)),
          signer_holder(std::move(signer)),
          clock_holder(std::move(clock)),
          config_(std::move(config)) {
        user_agent_.assign(default_user_agent);
        if (!config_.user_agent_suffix.empty()) user_agent_.append(" ").append(config_.user_agent_suffix);
        if (auto region = validate_region(config_.region); !region) {
            config_error_ = std::move(region.error());
            return;
        }
        auto resolved = config_.endpoint_url.empty() ? endpoint_for_region(config_.region)
                                                     : parse_endpoint_url(config_.endpoint_url);
        if (resolved)
            endpoint_ = std::move(*resolved);
        else
            config_error_ = std::move(resolved.error());
    }

    // Builds and signs the request for `input` into `out` without sending it (a dry run, or
    // the first half of a call driven by your own event loop).
    template <class Op>
    result<void> prepare(const typename Op::input& input, http_request& out) const {
        if (config_error_) return *config_error_;
        if (auto built = build_request<Op>(input, endpoint_, out, user_agent_); !built) return built;
        const signing_params params{config_.credentials, config_.region, swf_service::signing_name,
                                    clock_holder::get().now()};
        return signer_holder::get().sign(out, params);
    }

    // One attempt: prepare, send, parse. Exactly one result per call; never throws.
    template <class Op>
    result<typename Op::output> call(const typename Op::input& input) {
        thread_local http_request request;
        thread_local http_response response;
        if (auto prepared = prepare<Op>(input, request); !prepared) return std::move(prepared.error());
        response.clear();
        if (auto sent = transport_holder::get().send(request, response); !sent) return std::move(sent.error());
        return parse_response<Op>(response);
    }

    result<request_cancel_workflow_execution_output> request_cancel_workflow_execution(
        const request_cancel_workflow_execution_input& input) {
        return call<swfpp::request_cancel_workflow_execution>(input);
    }

    const endpoint& resolved_endpoint() const noexcept { return endpoint_; }
    Transport& transport() noexcept { return transport_holder::get(); }
    const Signer& signer() const noexcept { return signer_holder::get(); }

private:
    client_config config_;
    endpoint endpoint_;
    std::string user_agent_;
    std::optional<error> config_error_;
};

SWFPP_NAMESPACE_END

#endif
