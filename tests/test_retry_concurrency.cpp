// Concurrency: many threads share one client — one transport, one SigV4 signer with its cached
// signing keys, one retry quota, one learned clock offset, one attempt hook — through random
// faults, clock-skew errors and a date change. Every call ends in one result and the books
// balance. CI also runs this program under ThreadSanitizer (meson suite "tsan"), which must
// report nothing; it uses only instrumented code (fake crypto, fake clock, scripted transport).
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>
#include <swfpp/client.hpp>
#include <swfpp/operations/request_cancel_workflow_execution.hpp>
#include <swfpp/retry.hpp>
#include <swfpp/sigv4.hpp>
#include <thread>
#include <vector>

#include "support/retry_doubles.hpp"

using namespace std::chrono_literals;

namespace {

constexpr int threads = 8;
constexpr int calls_per_thread = 1500;

// Answers from a hash of a shared counter, so threads interleave on shared state. Some answers
// are clock-skew errors with a Date 10 minutes behind the client's clock.
struct shared_fault_transport {
    struct state {
        std::atomic<std::uint64_t> sent{0};
        std::atomic<std::uint64_t> faults{0};
        std::atomic<std::uint64_t> skews{0};
        swfpp_test::fake_clock clock;
    };
    state* s;

    static std::uint64_t mix(std::uint64_t z) {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }

    swfpp::result<void> send(const swfpp::http_request& request, swfpp::http_response& response) {
        const std::uint64_t n = s->sent.fetch_add(1);
        if (swfpp::find_header(request.headers, "Authorization") == nullptr)
            return swfpp::make_transport_error(swfpp::transport_errc::other, "unsigned request");
        const auto roll = mix(n) % 100;
        response.headers.push_back({"x-amzn-RequestId", "r"});
        if (roll < 75) {
            response.status = 200;
            response.body = "{}";
            return {};
        }
        s->faults.fetch_add(1);
        if (roll < 80) return swfpp::make_transport_error(swfpp::transport_errc::connection_reset, "reset");
        if (roll < 84) return swfpp::make_transport_error(swfpp::transport_errc::timed_out, "timeout");
        if (roll < 88) {
            response.status = 503;
            response.body = "<html></html>";
        } else if (roll < 94) {
            response.status = 400;
            response.body = R"({"__type":"ThrottlingException"})";
        } else if (roll < 97) {
            response.status = 400;
            response.body = R"({"__type":"UnknownResourceFault","message":"m"})";
        } else {
            s->skews.fetch_add(1);
            response.status = 403;
            response.body = R"({"__type":"InvalidSignatureException","message":"Signature expired"})";
            // The service's clock, 10 minutes behind ours: the client learns (again) an offset.
            response.headers.push_back({"Date", swfpp_test::http_date(s->clock.now() - 10min)});
        }
        return {};
    }
};

}  // namespace

TEST_CASE("threads sharing one client, signer, quota and clock offset each get one result per call") {
    shared_fault_transport::state state;
    // Ten seconds before midnight: the signing date changes mid-run, so the signer's key cache
    // takes new entries while other threads read it.
    state.clock = swfpp_test::fake_clock(swfpp_test::epoch + 11h + 23min + 50s);
    state.clock.s->record = false;

    std::atomic<std::uint64_t> hook_attempts{0}, hook_terminal{0};
    auto cfg = swfpp_test::config("session-token");
    cfg.on_attempt = [&](const swfpp::attempt_event& e) {
        hook_attempts.fetch_add(1, std::memory_order_relaxed);
        if (!e.next.retry) hook_terminal.fetch_add(1, std::memory_order_relaxed);
    };
    using retry = swfpp::basic_standard_retry<swfpp::seeded_random>;
    swfpp::basic_client<shared_fault_transport, swfpp_test::signer, swfpp_test::fake_clock, retry> client(
        cfg, shared_fault_transport{&state}, swfpp_test::signer(), state.clock, retry(3, swfpp::seeded_random(99)));

    std::atomic<std::uint64_t> successes{0}, failures{0}, attempts{0}, bad{0}, quota_out_of_range{0};
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t)
        pool.emplace_back([&, t] {
            for (int i = 0; i < calls_per_thread; ++i) {
                swfpp::call_info info;
                const auto r = client.request_cancel_workflow_execution(
                    {"d", "w-" + std::to_string(t) + "-" + std::to_string(i), std::nullopt}, info);
                attempts.fetch_add(static_cast<std::uint64_t>(info.attempts));
                if (info.attempts < 1 || info.attempts > 3 || info.invocation_id.size() != 36) bad.fetch_add(1);
                if (r.ok()) {
                    successes.fetch_add(1);
                } else {
                    failures.fetch_add(1);
                    if (r.error().attempts != info.attempts || r.error().stopped == swfpp::retry_stop::none ||
                        r.error().code == "unsigned request")
                        bad.fetch_add(1);
                }
                const int q = client.retry_policy().quota().available();
                if (q < 0 || q > 500) quota_out_of_range.fetch_add(1);
                (void)client.clock_offset();
            }
        });
    for (auto& th : pool) th.join();

    const std::uint64_t calls = static_cast<std::uint64_t>(threads) * calls_per_thread;
    CHECK(successes + failures == calls);
    CHECK(hook_terminal == calls);
    CHECK(attempts == state.sent);
    CHECK(hook_attempts == state.sent);
    CHECK(bad == 0);
    CHECK(quota_out_of_range == 0);
    CHECK(state.faults > 0);
    CHECK(state.skews > 0);
    MESSAGE("concurrency: ", calls, " calls on ", threads, " threads, ", state.sent.load(), " attempts, ",
            state.faults.load(), " faults (", state.skews.load(), " clock-skew), ", successes.load(), " successes, ",
            failures.load(), " failures");
}
