// Test support: policy doubles for the retry, clock-skew, fault-injection, secrets and
// concurrency tests. Nothing here touches the network, the real clock or real crypto, so the
// tests are instant, deterministic, and clean under ThreadSanitizer (no uninstrumented
// libcurl or OpenSSL on the path).
//
//     swfpp_test::fault_transport transport;                  // replays a script, records requests
//     transport.push(swfpp_test::fault::connection_reset());
//     transport.push(swfpp_test::fault::reply(200, "{}"));
//     swfpp_test::fake_clock clock;                           // now() advances only by sleep_for()
//     swfpp_test::client<> client(swfpp_test::config(), transport, swfpp_test::signer(), clock);
#ifndef SWFPP_TESTS_SUPPORT_RETRY_DOUBLES_HPP
#define SWFPP_TESTS_SUPPORT_RETRY_DOUBLES_HPP

#include <atomic>
#include <chrono>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <swfpp/client.hpp>
#include <swfpp/operations/request_cancel_workflow_execution.hpp>
#include <swfpp/sigv4.hpp>
#include <utility>
#include <vector>

namespace swfpp_test {

// Deterministic, input-sensitive stand-in for SHA-256 and HMAC (not cryptographic): lets the
// real sigv4_signer, with its key cache, run without OpenSSL.
struct fake_crypto {
    static swfpp::sha256_digest mix(std::string_view a, std::string_view b) noexcept {
        swfpp::sha256_digest out{};
        for (std::size_t lane = 0; lane < 4; ++lane) {
            std::uint64_t h = 0xcbf29ce484222325ULL ^ (lane * 0x9e3779b97f4a7c15ULL);
            auto eat = [&h](unsigned char c) {
                h ^= c;
                h *= 0x100000001b3ULL;
            };
            for (std::size_t i = 0; i < 8; ++i) eat(static_cast<unsigned char>(a.size() >> (8 * i)));
            for (char c : a) eat(static_cast<unsigned char>(c));
            for (char c : b) eat(static_cast<unsigned char>(c));
            h ^= h >> 33;
            h *= 0xff51afd7ed558ccdULL;
            h ^= h >> 33;
            for (std::size_t i = 0; i < 8; ++i) out[lane * 8 + i] = static_cast<std::uint8_t>(h >> (8 * i));
        }
        return out;
    }
    swfpp::sha256_digest sha256(std::string_view bytes) const noexcept { return mix({}, bytes); }
    swfpp::sha256_digest hmac_sha256(std::string_view key, std::string_view bytes) const noexcept {
        return mix(key, bytes);
    }
};

using signer = swfpp::sigv4_signer<fake_crypto>;

// 2015-08-30T12:36:00Z, the AWS SigV4 test suite's date.
inline const std::chrono::system_clock::time_point epoch{std::chrono::seconds(1440938160)};

// A clock that stands still except when the client sleeps: then it advances by exactly the
// delay asked for, which it records. Copies share one timeline. Thread-safe.
struct fake_clock {
    struct state {
        std::atomic<std::int64_t> now_ns;
        std::atomic<std::int64_t> slept_ns{0};
        std::atomic<std::int64_t> sleeps{0};
        std::mutex mutex;
        std::vector<std::chrono::nanoseconds> delays;  // every sleep, in order (when record)
        bool record = true;
        explicit state(std::chrono::system_clock::time_point start)
            : now_ns(std::chrono::duration_cast<std::chrono::nanoseconds>(start.time_since_epoch()).count()) {}
    };
    std::shared_ptr<state> s;

    explicit fake_clock(std::chrono::system_clock::time_point start = epoch) : s(std::make_shared<state>(start)) {}

    std::chrono::system_clock::time_point now() const {
        return std::chrono::system_clock::time_point(std::chrono::duration_cast<std::chrono::system_clock::duration>(
            std::chrono::nanoseconds(s->now_ns.load())));
    }
    void sleep_for(std::chrono::nanoseconds d) const {
        s->now_ns += d.count();
        s->slept_ns += d.count();
        ++s->sleeps;
        if (s->record) {
            std::lock_guard<std::mutex> lock(s->mutex);
            s->delays.push_back(d);
        }
    }
    // Moves time without a sleep: what an attempt in flight costs.
    void advance(std::chrono::nanoseconds d) const { s->now_ns += d.count(); }
    std::vector<std::chrono::nanoseconds> delays() const {
        std::lock_guard<std::mutex> lock(s->mutex);
        return s->delays;
    }
};

// One scripted answer of the transport: a transport failure, or an HTTP response.
struct fault {
    bool failed = false;
    swfpp::transport_errc why = swfpp::transport_errc::none;
    std::string message;
    swfpp::http_response response;
    std::chrono::nanoseconds takes{0};  // advances the fake clock (time spent in flight)

    static fault transport(swfpp::transport_errc why, std::string message) {
        fault f;
        f.failed = true;
        f.why = why;
        f.message = std::move(message);
        return f;
    }
    static fault connection_reset() {
        return transport(swfpp::transport_errc::connection_reset, "connection reset by peer");
    }
    static fault connect_failed() { return transport(swfpp::transport_errc::connect_failed, "connection refused"); }
    static fault timeout() { return transport(swfpp::transport_errc::timed_out, "operation timed out"); }
    static fault reply(int status, std::string body, swfpp::http_headers headers = {}) {
        fault f;
        f.response.status = status;
        f.response.body = std::move(body);
        f.response.headers = std::move(headers);
        f.response.headers.push_back({"x-amzn-RequestId", "req-" + std::to_string(status)});
        return f;
    }
    static fault ok() { return reply(200, "{}"); }
    static fault server_error() { return reply(500, R"({"__type":"InternalFailure","message":"internal"})"); }
    static fault unavailable_html() { return reply(503, "<html><body>Service Unavailable</body></html>"); }
    static fault error_code(int status, std::string_view code, swfpp::http_headers headers = {}) {
        return reply(status, R"({"__type":"com.amazonaws.swf#)" + std::string(code) + R"(","message":"m"})",
                     std::move(headers));
    }
    static fault throttling() { return error_code(400, "ThrottlingException"); }
    static fault unknown_resource() { return error_code(400, "UnknownResourceFault"); }
    fault& after(std::chrono::nanoseconds d) {
        takes = d;
        return *this;
    }
};

// Replays a script of faults (then answers 200 "{}") and records every request it was handed.
// Copies share one script and one record. Thread-safe.
struct fault_transport {
    struct state {
        std::mutex mutex;
        std::deque<fault> script;
        std::vector<swfpp::http_request> sent;
        bool record = true;
        fake_clock clock;  // advanced by fault::takes
    };
    std::shared_ptr<state> s = std::make_shared<state>();

    void push(fault f) {
        std::lock_guard<std::mutex> lock(s->mutex);
        s->script.push_back(std::move(f));
    }
    std::vector<swfpp::http_request> sent() const {
        std::lock_guard<std::mutex> lock(s->mutex);
        return s->sent;
    }
    std::size_t left() const {
        std::lock_guard<std::mutex> lock(s->mutex);
        return s->script.size();
    }

    swfpp::result<void> send(const swfpp::http_request& request, swfpp::http_response& response) {
        fault f = fault::ok();
        {
            std::lock_guard<std::mutex> lock(s->mutex);
            if (s->record) s->sent.push_back(request);
            if (!s->script.empty()) {
                f = std::move(s->script.front());
                s->script.pop_front();
            }
        }
        if (f.takes.count() > 0) s->clock.advance(f.takes);
        if (f.failed) return swfpp::make_transport_error(f.why, f.message);
        response = std::move(f.response);
        return {};
    }
};

template <class Retry = swfpp::standard_retry, class Transport = fault_transport>
using client = swfpp::basic_client<Transport, signer, fake_clock, Retry>;

inline swfpp::client_config config(std::string session_token = "") {
    swfpp::client_config c;
    c.region = "us-east-1";
    c.credentials = {"AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", std::move(session_token)};
    return c;
}

// A jitter source that always answers the same number: makes every delay exactly computable.
struct fixed_random {
    double value = 0.5;
    double operator()() const noexcept { return value; }
};

inline const swfpp::request_cancel_workflow_execution_input cancel_input{"d", "w", std::nullopt};

// An IMF-fixdate HTTP Date, "Sun, 30 Aug 2015 12:36:00 GMT", for a time point.
inline std::string http_date(std::chrono::system_clock::time_point t) {
    static const char* const days[] = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};  // 1970-01-01: Thursday
    static const char* const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const std::string amz = swfpp::format_amz_date(t);  // yyyymmddTHHMMSSZ
    const long long day_number = std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count() / 86400;
    const int month = std::stoi(amz.substr(4, 2));
    return std::string(days[day_number % 7]) + ", " + amz.substr(6, 2) + " " + months[month - 1] + " " +
           amz.substr(0, 4) + " " + amz.substr(9, 2) + ":" + amz.substr(11, 2) + ":" + amz.substr(13, 2) + " GMT";
}

inline std::string header(const swfpp::http_request& r, std::string_view name) {
    const auto* h = swfpp::find_header(r.headers, name);
    return h ? h->value : std::string("<absent>");
}

}  // namespace swfpp_test

#endif
