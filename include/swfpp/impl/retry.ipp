// swfpp — bodies of swfpp/retry.hpp.
#ifndef SWFPP_IMPL_RETRY_IPP
#define SWFPP_IMPL_RETRY_IPP

#include "swfpp/retry.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <optional>
#include <string_view>

#include "swfpp/detail/clock_skew.hpp"
#include "swfpp/detail/decimal.hpp"

SWFPP_NAMESPACE_BEGIN

bool is_throttling_error(const error& e) noexcept {
    if (e.kind != errc::service_error) return false;
    return std::find(std::begin(throttling_error_codes), std::end(throttling_error_codes), e.code) !=
           std::end(throttling_error_codes);
}

bool is_transient_error(const error& e) noexcept {
    if (e.kind == errc::transport_failed) return e.transport != transport_errc::response_too_large;
    if (e.kind != errc::service_error) return false;
    return std::find(std::begin(transient_status_codes), std::end(transient_status_codes), e.http_status) !=
               std::end(transient_status_codes) ||
           std::find(std::begin(transient_error_codes), std::end(transient_error_codes), e.code) !=
               std::end(transient_error_codes);
}

double seeded_random::operator()() noexcept {
    std::uint64_t z = seed_ + (next_.fetch_add(1, std::memory_order_relaxed) + 1) * 0x9E3779B97F4A7C15ull;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return detail::unit_interval(z ^ (z >> 31));
}

bool retry_quota::acquire(int amount) noexcept {
    int now = available_.load(std::memory_order_relaxed);
    do {
        if (amount > now) return false;
    } while (!available_.compare_exchange_weak(now, now - amount, std::memory_order_relaxed));
    return true;
}

void retry_quota::release(int amount) noexcept {
    int now = available_.load(std::memory_order_relaxed);
    do {
        if (now >= capacity_) return;
    } while (!available_.compare_exchange_weak(now, std::min(capacity_, now + amount), std::memory_order_relaxed));
}

bool is_legacy_retryable_error(const error& e) noexcept {
    if (e.kind == errc::transport_failed)
        return e.transport == transport_errc::connect_failed || e.transport == transport_errc::timed_out ||
               e.transport == transport_errc::connection_reset || e.transport == transport_errc::tls_failed ||
               e.transport == transport_errc::protocol_error;
    if (e.kind != errc::service_error) return false;
    constexpr int statuses[] = {429, 500, 502, 503, 504, 509};
    if (std::find(std::begin(statuses), std::end(statuses), e.http_status) != std::end(statuses)) return true;
    constexpr std::string_view codes[] = {"Throttling", "ThrottlingException", "ThrottledException",
                                          "RequestThrottledException", "ProvisionedThroughputExceededException"};
    return e.http_status == 400 && std::find(std::begin(codes), std::end(codes), e.code) != std::end(codes);
}

void set_sdk_attempt_headers(http_request& request, std::string_view invocation_id, int attempt,
                             int max_attempts) {
    set_header(request.headers, "amz-sdk-invocation-id", invocation_id);
    // "attempt=N; max=M", formatted in place: this runs on every attempt of every call.
    char buffer[64] = "attempt=";
    char* end = detail::write_decimal(buffer + 8, static_cast<unsigned>(std::max(attempt, 0)));
    if (attempt > 1) {
        for (char c : std::string_view("; max=")) *end++ = c;
        end = detail::write_decimal(end, static_cast<unsigned>(std::max(max_attempts, 0)));
    }
    set_header(request.headers, "amz-sdk-request", std::string_view(buffer, static_cast<std::size_t>(end - buffer)));
}

std::optional<std::chrono::nanoseconds> clock_skew_correction(const error& e, const http_response& response,
                                                              std::chrono::system_clock::time_point signed_at,
                                                              std::chrono::system_clock::time_point now) {
    if (e.kind != errc::service_error || !detail::is_clock_skew_error_code(e.code)) return std::nullopt;
    const http_header* date = find_header(response.headers, "Date");
    if (!date) return std::nullopt;
    const auto server = detail::parse_http_date(date->value);
    if (!server) return std::nullopt;
    const auto apart = *server > signed_at ? *server - signed_at : signed_at - *server;
    if (apart <= clock_skew_threshold) return std::nullopt;
    return std::chrono::duration_cast<std::chrono::nanoseconds>(*server - now);
}

SWFPP_NAMESPACE_END

#endif
