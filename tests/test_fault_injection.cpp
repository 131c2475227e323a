// Fault injection: a scripted transport replays sequences of connection resets, timeouts, 500s,
// 503 HTML pages, throttling and successes; each test checks the attempts made, the delays
// requested, the retry quota, and that every call ends in exactly one result. Then a soak:
// 120,000 calls through seeded random fault sequences (including an outage that drains the
// retry quota), with the books balanced at the end.
#include <doctest/doctest.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <map>
#include <random>
#include <string>
#include <swfpp/client.hpp>
#include <swfpp/operations/request_cancel_workflow_execution.hpp>
#include <swfpp/retry.hpp>
#include <vector>

#include "support/retry_doubles.hpp"

using namespace std::chrono_literals;
using swfpp_test::fault;

namespace {

using half_retry = swfpp::basic_standard_retry<swfpp_test::fixed_random>;

struct expectation {
    const char* name;
    std::vector<fault> script;
    bool ok;
    int attempts;
    std::vector<std::chrono::nanoseconds> delays;
    int quota_after;  // starting from a full quota of 500
    swfpp::retry_stop stop;
    swfpp::errc kind = swfpp::errc::service_error;
    const char* code = "";
};

}  // namespace

TEST_CASE("scripted fault sequences give the attempts, delays, quota and one result botocore would") {
    using swfpp::retry_stop;
    const std::vector<expectation> cases = {
        {"success at once", {fault::ok()}, true, 1, {}, 500, retry_stop::none},
        {"connection reset, then success",
         {fault::connection_reset(), fault::ok()},
         true,
         2,
         {500ms},
         500,
         retry_stop::none},
        {"connect failure, then success",
         {fault::connect_failed(), fault::ok()},
         true,
         2,
         {500ms},
         500,
         retry_stop::none},
        {"timeout, then success", {fault::timeout(), fault::ok()}, true, 2, {500ms}, 500, retry_stop::none},
        {"500, 503 HTML, then success",
         {fault::server_error(), fault::unavailable_html(), fault::ok()},
         true,
         3,
         {500ms, 1s},
         495,
         retry_stop::none},  // success gives back only what the last retry took
        {"throttled three times",
         {fault::throttling(), fault::throttling(), fault::throttling()},
         false,
         3,
         {500ms, 1s},
         490,
         retry_stop::max_attempts,
         swfpp::errc::service_error,
         "ThrottlingException"},
        {"503 HTML three times",
         {fault::unavailable_html(), fault::unavailable_html(), fault::unavailable_html()},
         false,
         3,
         {500ms, 1s},
         490,
         retry_stop::max_attempts,
         swfpp::errc::service_error,
         "503"},
        {"timed out three times",
         {fault::timeout(), fault::timeout(), fault::timeout()},
         false,
         3,
         {500ms, 1s},
         480,
         retry_stop::max_attempts,
         swfpp::errc::transport_failed},
        {"reset, timeout, reset",
         {fault::connection_reset(), fault::timeout(), fault::connection_reset()},
         false,
         3,
         {500ms, 1s},
         485,
         retry_stop::max_attempts,
         swfpp::errc::transport_failed},
        {"a modelled fault at once",
         {fault::unknown_resource()},
         false,
         1,
         {},
         500,
         retry_stop::not_retryable,
         swfpp::errc::service_error,
         "UnknownResourceFault"},
        {"reset, then a modelled fault",
         {fault::connection_reset(), fault::unknown_resource()},
         false,
         2,
         {500ms},
         495,
         retry_stop::not_retryable,
         swfpp::errc::service_error,
         "UnknownResourceFault"},
        {"throttled, then 504",
         {fault::throttling(), fault::reply(504, "")},
         true,
         3,
         {500ms, 1s},
         495,
         retry_stop::none},
        {"a 2xx that is not JSON",
         {fault::reply(200, "[oops")},
         false,
         1,
         {},
         500,
         retry_stop::not_retryable,
         swfpp::errc::malformed_response},
        {"RequestTimeoutException, then success",
         {fault::error_code(400, "RequestTimeoutException"), fault::ok()},
         true,
         2,
         {500ms},
         500,
         retry_stop::none},
        {"a 400 that is neither transient nor throttling",
         {fault::error_code(400, "ValidationException")},
         false,
         1,
         {},
         500,
         retry_stop::not_retryable,
         swfpp::errc::service_error,
         "ValidationException"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.name);
        swfpp_test::fault_transport transport;
        for (const auto& step : c.script) transport.push(step);
        swfpp_test::fake_clock clock;
        int terminal_events = 0, events = 0;
        auto cfg = swfpp_test::config();
        cfg.on_attempt = [&](const swfpp::attempt_event& e) {
            ++events;
            terminal_events += e.next.retry ? 0 : 1;
        };
        swfpp_test::client<half_retry> client(cfg, transport, swfpp_test::signer(), clock);
        swfpp::call_info info;
        const auto r = client.request_cancel_workflow_execution(swfpp_test::cancel_input, info);
        CHECK(r.ok() == c.ok);
        CHECK(info.attempts == c.attempts);
        CHECK(transport.sent().size() == static_cast<std::size_t>(c.attempts));
        CHECK(transport.left() == 0);
        CHECK(clock.delays() == c.delays);
        CHECK(client.retry_policy().quota().available() == c.quota_after);
        CHECK(info.stopped == c.stop);
        CHECK(events == c.attempts);
        CHECK(terminal_events == 1);
        if (!c.ok) {
            REQUIRE_FALSE(r.ok());  // before r.error(): a success has no error to read
            CHECK(r.error().kind == c.kind);
            CHECK(r.error().code == c.code);
            CHECK(r.error().attempts == c.attempts);
            CHECK(r.error().stopped == c.stop);
            std::chrono::nanoseconds total{0};
            for (auto d : c.delays) total += d;
            CHECK(r.error().total_delay == total);
        }
    }
}

TEST_CASE("a long outage drains the quota, then failures come back at once, until successes refill it") {
    swfpp_test::fault_transport transport;
    swfpp_test::fake_clock clock;
    swfpp_test::client<half_retry> client(swfpp_test::config(), transport, swfpp_test::signer(), clock);
    const auto& quota = client.retry_policy().quota();
    for (int call = 0; call < 50; ++call) {
        for (int i = 0; i < 3; ++i) transport.push(fault::server_error());
        const auto r = client.request_cancel_workflow_execution(swfpp_test::cancel_input);
        REQUIRE_FALSE(r.ok());
        REQUIRE(r.error().attempts == 3);
    }
    CHECK(quota.available() == 0);
    transport.push(fault::server_error());
    const auto r = client.request_cancel_workflow_execution(swfpp_test::cancel_input);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().attempts == 1);
    CHECK(r.error().stopped == swfpp::retry_stop::retry_quota);
    for (int i = 0; i < 5; ++i) REQUIRE(client.request_cancel_workflow_execution(swfpp_test::cancel_input).ok());
    CHECK(quota.available() == 5);
    transport.push(fault::server_error());
    swfpp::call_info info;
    REQUIRE(client.request_cancel_workflow_execution(swfpp_test::cancel_input, info).ok());
    CHECK(info.attempts == 2);
    CHECK(transport.sent().size() == 50 * 3 + 1 + 5 + 2);
}

namespace {

// Chooses each answer with a seeded PRNG: success with probability ok_percent, else one fault
// kind by fixed weights (reset 4, connect 3, timeout 3, 500 4, 503 HTML 4, throttling 6,
// UnknownResourceFault 3, malformed 2xx 2, response too large 1).
struct random_fault_transport {
    enum kind {
        ok,
        reset,
        connect,
        timeout,
        s500,
        s503_html,
        throttled,
        unknown_resource,
        malformed,
        too_large,
        count
    };
    std::mt19937_64 rng{20240601};
    unsigned ok_percent = 70;
    std::uint64_t sent = 0;
    std::uint64_t injected[count] = {};

    kind draw() {
        if (rng() % 100 < ok_percent) return ok;
        static constexpr int weights[count] = {0, 4, 3, 3, 4, 4, 6, 3, 2, 1};
        int roll = static_cast<int>(rng() % 30);
        for (int k = 1; k < count; ++k) {
            if (roll < weights[k]) return static_cast<kind>(k);
            roll -= weights[k];
        }
        return too_large;
    }

    swfpp::result<void> send(const swfpp::http_request&, swfpp::http_response& response) {
        ++sent;
        const kind k = draw();
        ++injected[k];
        switch (k) {
            case reset:
                return swfpp::make_transport_error(swfpp::transport_errc::connection_reset, "reset");
            case connect:
                return swfpp::make_transport_error(swfpp::transport_errc::connect_failed, "refused");
            case timeout:
                return swfpp::make_transport_error(swfpp::transport_errc::timed_out, "timed out");
            case too_large:
                return swfpp::make_transport_error(swfpp::transport_errc::response_too_large, "too large");
            case s500:
                response.status = 500;
                response.body = R"({"__type":"InternalFailure"})";
                break;
            case s503_html:
                response.status = 503;
                response.body = "<html>Service Unavailable</html>";
                break;
            case throttled:
                response.status = 400;
                response.body = R"({"__type":"ThrottlingException","message":"slow"})";
                break;
            case unknown_resource:
                response.status = 400;
                response.body = R"({"__type":"UnknownResourceFault","message":"no"})";
                break;
            case malformed:
                response.status = 200;
                response.body = "{";
                break;
            case ok:
            case count:
                response.status = 200;
                response.body = "{}";
                break;
        }
        return {};
    }
};

const char* stop_name(swfpp::retry_stop s) {
    switch (s) {
        case swfpp::retry_stop::not_retryable:
            return "not_retryable";
        case swfpp::retry_stop::max_attempts:
            return "max_attempts";
        case swfpp::retry_stop::retry_quota:
            return "retry_quota";
        case swfpp::retry_stop::deadline:
            return "deadline";
        case swfpp::retry_stop::none:
            break;
    }
    return "none";
}

}  // namespace

TEST_CASE("soak: 120,000 calls through random faults all end in one result, and the books balance") {
    // 100,000 calls with 30 % faults, then 20,000 through an outage (80 % faults) that drains
    // the retry quota, on one client.
    struct phase {
        const char* name;
        int calls;
        unsigned ok_percent;
    };
    const phase phases[] = {{"mixed", 100000, 70}, {"outage", 20000, 20}};

    random_fault_transport transport;
    swfpp_test::fake_clock clock;
    clock.s->record = false;

    // An independent model of botocore's quota bookkeeping and decisions, fed by the attempt hook.
    int model_quota = 500, last_cost = 0, quota_low = 500;
    std::uint64_t hook_attempts = 0, terminal = 0;
    bool decisions_consistent = true;
    auto cfg = swfpp_test::config();
    cfg.on_attempt = [&](const swfpp::attempt_event& e) {
        ++hook_attempts;
        if (e.attempt == 1) last_cost = 0;
        if (!e.failure) {
            model_quota = std::min(500, model_quota + (last_cost ? last_cost : 1));
            ++terminal;
            return;
        }
        if (e.next.retry) {
            last_cost = swfpp::is_timeout_error(*e.failure) ? 10 : 5;
            model_quota -= last_cost;
            const double cap = std::min(20.0, static_cast<double>(1 << (e.attempt - 1)));
            if (e.next.delay < 0ns || e.next.delay >= std::chrono::duration<double>(cap)) decisions_consistent = false;
            if (!swfpp::is_retryable_error(*e.failure) || e.attempt >= 3) decisions_consistent = false;
        } else {
            ++terminal;
            const int cost = swfpp::is_timeout_error(*e.failure) ? 10 : 5;
            const auto expected = e.attempt >= 3                           ? swfpp::retry_stop::max_attempts
                                  : !swfpp::is_retryable_error(*e.failure) ? swfpp::retry_stop::not_retryable
                                  : model_quota < cost                     ? swfpp::retry_stop::retry_quota
                                                                           : swfpp::retry_stop::none;
            if (e.next.stop != expected) decisions_consistent = false;
        }
        quota_low = std::min(quota_low, model_quota);
    };
    struct by_ref {
        random_fault_transport* t;
        swfpp::result<void> send(const swfpp::http_request& q, swfpp::http_response& r) { return t->send(q, r); }
    };
    using retry = swfpp::basic_standard_retry<swfpp::seeded_random>;
    swfpp::basic_client<by_ref, swfpp_test::signer, swfpp_test::fake_clock, retry> client(
        cfg, by_ref{&transport}, swfpp_test::signer(), clock, retry(3, swfpp::seeded_random(7)));

    int total_calls = 0, successes = 0, quota_mismatches = 0;
    std::map<std::string, int> failures;  // by kind / code / stop reason
    std::uint64_t attempts = 0, failed_calls = 0;
    std::chrono::nanoseconds delay{0};
    for (const phase& ph : phases) {
        transport.ok_percent = ph.ok_percent;
        const std::uint64_t sent_before = transport.sent;
        int phase_ok = 0;
        for (int i = 0; i < ph.calls; ++i) {
            ++total_calls;
            swfpp::call_info info;
            const auto r = client.request_cancel_workflow_execution(swfpp_test::cancel_input, info);
            REQUIRE(info.attempts >= 1);
            REQUIRE(info.attempts <= 3);
            attempts += static_cast<std::uint64_t>(info.attempts);
            delay += info.total_delay;
            if (r.ok()) {
                ++successes;
                ++phase_ok;
                REQUIRE(info.stopped == swfpp::retry_stop::none);
            } else {
                ++failed_calls;
                const swfpp::error& e = r.error();
                REQUIRE(e.attempts == info.attempts);
                REQUIRE(e.stopped == info.stopped);
                REQUIRE(e.stopped != swfpp::retry_stop::none);
                std::string key = e.kind == swfpp::errc::transport_failed     ? "transport"
                                  : e.kind == swfpp::errc::malformed_response ? "malformed_response"
                                                                              : "service " + e.code;
                ++failures[key + " / " + stop_name(e.stopped)];
            }
            if (client.retry_policy().quota().available() != model_quota) ++quota_mismatches;
        }
        std::printf("soak %-6s: %d calls, %llu attempts, %d successes, %d typed failures, quota now %d\n", ph.name,
                    ph.calls, static_cast<unsigned long long>(transport.sent - sent_before), phase_ok,
                    ph.calls - phase_ok, client.retry_policy().quota().available());
    }
    int failure_total = 0;
    for (const auto& [key, n] : failures) failure_total += n;

    CHECK(successes + failure_total == total_calls);
    CHECK(static_cast<std::uint64_t>(failure_total) == failed_calls);
    CHECK(terminal == static_cast<std::uint64_t>(total_calls));
    CHECK(attempts == transport.sent);
    CHECK(hook_attempts == transport.sent);
    CHECK(quota_mismatches == 0);
    CHECK(decisions_consistent);
    CHECK(quota_low == 0);                                    // the outage drained the quota...
    CHECK(failures.count("service 503 / retry_quota") == 1);  // ...and then failures came back at once
    CHECK(clock.s->slept_ns.load() == delay.count());

    std::uint64_t injected_faults = 0;
    for (int k = 1; k < random_fault_transport::count; ++k) injected_faults += transport.injected[k];
    using ull = unsigned long long;
    std::printf(
        "soak: %d calls, %llu attempts, %llu faults injected (reset %llu, connect %llu, timeout %llu, "
        "500 %llu, 503-html %llu, throttling %llu, UnknownResourceFault %llu, malformed-2xx %llu, "
        "too-large %llu), %d successes + %llu typed failures = %d, backoff requested %.1f s (fake clock), "
        "quota low-water %d\n",
        total_calls, static_cast<ull>(transport.sent), static_cast<ull>(injected_faults),
        static_cast<ull>(transport.injected[random_fault_transport::reset]),
        static_cast<ull>(transport.injected[random_fault_transport::connect]),
        static_cast<ull>(transport.injected[random_fault_transport::timeout]),
        static_cast<ull>(transport.injected[random_fault_transport::s500]),
        static_cast<ull>(transport.injected[random_fault_transport::s503_html]),
        static_cast<ull>(transport.injected[random_fault_transport::throttled]),
        static_cast<ull>(transport.injected[random_fault_transport::unknown_resource]),
        static_cast<ull>(transport.injected[random_fault_transport::malformed]),
        static_cast<ull>(transport.injected[random_fault_transport::too_large]), successes,
        static_cast<ull>(failed_calls), successes + failure_total, std::chrono::duration<double>(delay).count(),
        quota_low);
    for (const auto& [key, n] : failures) std::printf("soak:   %-44s %d\n", key.c_str(), n);
}
