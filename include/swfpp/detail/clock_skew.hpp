// swfpp — what clock-skew correction needs: the HTTP Date header as a time, the error codes
// that mean "your clock is off", and a thread-safe store for the learned offset.
#ifndef SWFPP_DETAIL_CLOCK_SKEW_HPP
#define SWFPP_DETAIL_CLOCK_SKEW_HPP

#include <atomic>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string_view>

#include "swfpp/detail/config.hpp"

SWFPP_NAMESPACE_BEGIN
namespace detail {

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
constexpr std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) noexcept {
    y -= m <= 2 ? 1 : 0;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

constexpr bool parse_digits(std::string_view s, std::size_t pos, std::size_t n, unsigned& out) noexcept {
    out = 0;
    for (std::size_t i = pos; i < pos + n; ++i) {
        if (s[i] < '0' || s[i] > '9') return false;
        out = out * 10 + static_cast<unsigned>(s[i] - '0');
    }
    return true;
}

// An HTTP Date header in IMF-fixdate form, "Sun, 06 Nov 1994 08:49:37 GMT", the only form AWS
// sends (RFC 9110 section 5.6.7). Anything else, or an impossible date, is nullopt: a Date we
// cannot read must not move our clock. The weekday name is checked for shape, not for truth.
constexpr std::optional<std::chrono::system_clock::time_point> parse_http_date(std::string_view s) noexcept {
    constexpr std::string_view months = "JanFebMarAprMayJunJulAugSepOctNovDec";
    constexpr std::string_view days = "MonTueWedThuFriSatSun";
    if (s.size() != 29 || s.substr(3, 2) != ", " || s[7] != ' ' || s[11] != ' ' || s[16] != ' ' || s[19] != ':' ||
        s[22] != ':' || s.substr(25) != " GMT")
        return std::nullopt;
    bool day_name = false;
    for (std::size_t i = 0; i < days.size(); i += 3) day_name = day_name || days.substr(i, 3) == s.substr(0, 3);
    unsigned month = 0;
    for (std::size_t i = 0; i < months.size(); i += 3)
        if (months.substr(i, 3) == s.substr(8, 3)) month = static_cast<unsigned>(i / 3 + 1);
    unsigned day = 0, year = 0, hour = 0, minute = 0, second = 0;
    if (!day_name || month == 0 || !parse_digits(s, 5, 2, day) || !parse_digits(s, 12, 4, year) ||
        !parse_digits(s, 17, 2, hour) || !parse_digits(s, 20, 2, minute) || !parse_digits(s, 23, 2, second))
        return std::nullopt;
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    constexpr unsigned char month_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const unsigned last_day = month_days[month - 1] + (month == 2 && leap ? 1u : 0u);
    if (day < 1 || day > last_day || hour > 23 || minute > 59 || second > 60) return std::nullopt;
    const std::int64_t seconds = days_from_civil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second;
    return std::chrono::system_clock::time_point(std::chrono::seconds(seconds));
}

// The error codes with which AWS services reject a request signed at the wrong time (the list
// aws-sdk-go-v2 and aws-sdk-cpp correct the clock for).
constexpr bool is_clock_skew_error_code(std::string_view code) noexcept {
    constexpr std::string_view codes[] = {"RequestTimeTooSkewed",  "RequestExpired", "InvalidSignatureException",
                                          "SignatureDoesNotMatch", "AuthFailure",    "RequestInTheFuture"};
    for (std::string_view c : codes)
        if (c == code) return true;
    return false;
}

// The correction a client adds to its clock when signing, learned from the service's Date.
// Shared by every thread calling one client: an atomic, so readers never wait. Copies take the
// value at the time of the copy.
class clock_offset {
public:
    clock_offset() = default;
    clock_offset(const clock_offset& other) noexcept : ns_(other.ns_.load(std::memory_order_relaxed)) {}
    clock_offset& operator=(const clock_offset& other) noexcept {
        ns_.store(other.ns_.load(std::memory_order_relaxed), std::memory_order_relaxed);
        return *this;
    }

    // Relaxed is enough: the offset publishes no other data, and a thread that signs with the
    // previous value at worst gets one more skew error and learns it again.
    std::chrono::nanoseconds get() const noexcept {
        return std::chrono::nanoseconds(ns_.load(std::memory_order_relaxed));
    }
    void set(std::chrono::nanoseconds offset) noexcept { ns_.store(offset.count(), std::memory_order_relaxed); }

private:
    std::atomic<std::int64_t> ns_{0};
};

}  // namespace detail
SWFPP_NAMESPACE_END

#endif
