// Retries: the standard mode (botocore retries/standard.py + quota.py), no_retry, custom
// policies, the amz-sdk-* headers, re-signing, the call deadline, and what a call reports.
#include <doctest/doctest.h>

#include <chrono>
#include <cstddef>
#include <set>
#include <string>
#include <swfpp/client.hpp>
#include <swfpp/operations/request_cancel_workflow_execution.hpp>
#include <swfpp/retry.hpp>
#include <type_traits>
#include <vector>

#include "support/retry_doubles.hpp"

using namespace std::chrono_literals;
using swfpp_test::fault;

namespace {

using half_retry = swfpp::basic_standard_retry<swfpp_test::fixed_random>;  // every jitter draw is 0.5

struct fixture {
    swfpp_test::fault_transport transport;
    swfpp_test::fake_clock clock;
    swfpp::client_config cfg = swfpp_test::config("session-token");
};

template <class Retry = half_retry>
swfpp_test::client<Retry> make(fixture& f, Retry retry = Retry()) {
    return swfpp_test::client<Retry>(f.cfg, f.transport, swfpp_test::signer(), f.clock, std::move(retry));
}

swfpp::error service_error(int status, std::string code) {
    swfpp::error e;
    e.kind = swfpp::errc::service_error;
    e.http_status = status;
    e.code = std::move(code);
    e.fault = swfpp::fault_from_code(e.code);
    return e;
}

bool is_uuid_v4(const std::string& s) {
    if (s.size() != 36) return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash != (s[i] == '-')) return false;
        if (!dash && !((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f'))) return false;
    }
    return s[14] == '4' && (s[19] == '8' || s[19] == '9' || s[19] == 'a' || s[19] == 'b');
}

}  // namespace

TEST_CASE("the retryable conditions are botocore's standard ones, by status and code only") {
    using swfpp::transport_errc;
    for (auto why : {transport_errc::connect_failed, transport_errc::timed_out, transport_errc::connection_reset,
                     transport_errc::tls_failed, transport_errc::protocol_error, transport_errc::other})
        CHECK(swfpp::is_retryable_error(swfpp::make_transport_error(why, "x")));
    CHECK_FALSE(swfpp::is_retryable_error(swfpp::make_transport_error(transport_errc::response_too_large, "x")));

    for (int status : {500, 502, 503, 504})
        CHECK(swfpp::is_retryable_error(service_error(status, std::to_string(status))));
    for (int status : {400, 403, 404, 413, 429, 501, 505})
        CHECK_FALSE(swfpp::is_retryable_error(service_error(status, "X")));

    for (const char* code : {"RequestTimeout", "RequestTimeoutException", "PriorRequestNotComplete"})
        CHECK(swfpp::is_transient_error(service_error(400, code)));
    for (const char* code : {"Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
                             "TooManyRequestsException", "ProvisionedThroughputExceededException",
                             "TransactionInProgressException", "RequestLimitExceeded", "BandwidthLimitExceeded",
                             "LimitExceededException", "RequestThrottled", "SlowDown", "EC2ThrottledException"})
        CHECK(swfpp::is_throttling_error(service_error(400, code)));

    // Modelled SWF faults, including LimitExceededFault (not the throttling LimitExceededException).
    for (const char* code : {"UnknownResourceFault", "OperationNotPermittedFault", "LimitExceededFault",
                             "DomainDeprecatedFault", "AccessDeniedException", "ValidationException"})
        CHECK_FALSE(swfpp::is_retryable_error(service_error(400, code)));
    CHECK_FALSE(swfpp::is_retryable_error(swfpp::make_validation_error("workflowId", "m")));
    CHECK_FALSE(swfpp::is_retryable_error(swfpp::make_configuration_error("m")));
    swfpp::error malformed;
    malformed.kind = swfpp::errc::malformed_response;
    malformed.http_status = 200;
    CHECK_FALSE(swfpp::is_retryable_error(malformed));

    CHECK(swfpp::is_timeout_error(swfpp::make_transport_error(transport_errc::timed_out, "x")));
    CHECK_FALSE(swfpp::is_timeout_error(swfpp::make_transport_error(transport_errc::connection_reset, "x")));
}

TEST_CASE("the delay before retry n is random[0,1) times min(2^(n-1), 20) seconds") {
    half_retry half(10);
    const std::vector<std::chrono::nanoseconds> expected = {500ms, 1s, 2s, 4s, 8s, 10s, 10s, 10s, 10s};
    for (int n = 1; n <= 9; ++n) CHECK(half.backoff(n) == expected[static_cast<std::size_t>(n - 1)]);
    CHECK(half.backoff(1000) == 10s);  // no overflow however many attempts

    swfpp::basic_standard_retry<swfpp_test::fixed_random> almost_one(3, swfpp_test::fixed_random{0.999});
    CHECK(almost_one.backoff(1) == std::chrono::nanoseconds(999000000));
    CHECK(almost_one.backoff(6) == std::chrono::nanoseconds(19980000000));
    swfpp::basic_standard_retry<swfpp_test::fixed_random> zero(3, swfpp_test::fixed_random{0.0});
    CHECK(zero.backoff(3) == 0ns);
}

TEST_CASE("the default policy makes three attempts, sleeping the backoff between them, and says so") {
    fixture f;
    for (int i = 0; i < 3; ++i) f.transport.push(fault::unavailable_html());
    auto client = make(f);
    swfpp::call_info info;
    const auto r = client.request_cancel_workflow_execution(swfpp_test::cancel_input, info);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == "503");
    CHECK(r.error().message == "Service Unavailable");
    CHECK(r.error().attempts == 3);
    CHECK(r.error().total_delay == 1500ms);
    CHECK(r.error().stopped == swfpp::retry_stop::max_attempts);
    CHECK(f.transport.sent().size() == 3);
    CHECK(f.clock.delays() == std::vector<std::chrono::nanoseconds>{500ms, 1s});
    CHECK(info.attempts == 3);
    CHECK(info.total_delay == 1500ms);
    CHECK(info.stopped == swfpp::retry_stop::max_attempts);
    CHECK(half_retry::default_max_attempts == 3);
    CHECK(swfpp::standard_retry().max_attempts() == 3);
}

TEST_CASE("a transient failure followed by success returns the output, and call_info tells the attempts") {
    fixture f;
    f.transport.push(fault::connection_reset());
    f.transport.push(fault::ok());
    auto client = make(f);
    swfpp::call_info info;
    const auto r = client.request_cancel_workflow_execution(swfpp_test::cancel_input, info);
    REQUIRE(r.ok());
    CHECK(info.attempts == 2);
    CHECK(info.total_delay == 500ms);
    CHECK(info.stopped == swfpp::retry_stop::none);
    CHECK(info.invocation_id == swfpp_test::header(f.transport.sent()[0], "amz-sdk-invocation-id"));
}

TEST_CASE("max_attempts is a runtime setting of the standard policy, and below 1 counts as 1") {
    for (int max : {1, 2, 5}) {
        fixture f;
        for (int i = 0; i < 10; ++i) f.transport.push(fault::server_error());
        auto client = make(f, half_retry(max));
        const auto r = client.request_cancel_workflow_execution(swfpp_test::cancel_input);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().attempts == max);
        CHECK(r.error().stopped == swfpp::retry_stop::max_attempts);
        CHECK(f.transport.sent().size() == static_cast<std::size_t>(max));
    }
    CHECK(half_retry(0).max_attempts() == 1);
    CHECK(half_retry(-3).max_attempts() == 1);
}

TEST_CASE("modelled faults, validation and configuration errors are never retried") {
    {
        fixture f;
        f.transport.push(fault::unknown_resource());
        auto client = make(f);
        const auto r = client.request_cancel_workflow_execution(swfpp_test::cancel_input);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().is(swfpp::swf_fault::unknown_resource));
        CHECK(r.error().attempts == 1);
        CHECK(r.error().stopped == swfpp::retry_stop::not_retryable);
        CHECK(client.retry_policy().quota().available() == 500);
    }
    {
        fixture f;
        f.transport.push(fault::error_code(400, "OperationNotPermittedFault"));
        auto client = make(f);
        const auto r = client.request_cancel_workflow_execution(swfpp_test::cancel_input);
        CHECK(r.error().is(swfpp::swf_fault::operation_not_permitted));
        CHECK(r.error().attempts == 1);
    }
    {
        fixture f;
        auto client = make(f);
        const auto r = client.request_cancel_workflow_execution({"d", "", std::nullopt});
        CHECK(r.error().kind == swfpp::errc::validation_failed);
        CHECK(r.error().attempts == 0);
        CHECK(r.error().stopped == swfpp::retry_stop::none);
        CHECK(f.transport.sent().empty());
    }
    {
        fixture f;
        f.cfg.region = "evil.example/#";
        auto client = make(f);
        swfpp::call_info info;
        info.attempts = 99;
        const auto r = client.request_cancel_workflow_execution(swfpp_test::cancel_input, info);
        CHECK(r.error().kind == swfpp::errc::configuration_error);
        CHECK(r.error().attempts == 0);
        CHECK(info.attempts == 0);
        CHECK(info.invocation_id.empty());
        CHECK(f.transport.sent().empty());
    }
    {
        fixture f;
        f.cfg.credentials.secret_access_key.clear();  // the signer refuses: nothing is sent
        auto client = make(f);
        const auto r = client.request_cancel_workflow_execution(swfpp_test::cancel_input);
        CHECK(r.error().kind == swfpp::errc::configuration_error);
        CHECK(r.error().attempts == 0);
        CHECK(f.transport.sent().empty());
    }
    {
        fixture f;
        f.transport.push(fault::reply(200, "not json"));
        f.transport.push(fault::transport(swfpp::transport_errc::response_too_large, "too large"));
        auto client = make(f);
        CHECK(client.request_cancel_workflow_execution(swfpp_test::cancel_input).error().kind ==
              swfpp::errc::malformed_response);
        CHECK(client.request_cancel_workflow_execution(swfpp_test::cancel_input).error().attempts == 1);
        CHECK(f.transport.sent().size() == 2);
    }
}

TEST_CASE("a retry takes 5 quota tokens, 10 after a timeout; success gives back the last cost, or 1") {
    fixture f;
    auto client = make(f);
    const auto& quota = client.retry_policy().quota();
    CHECK(quota.capacity() == 500);
    CHECK(quota.available() == 500);

    f.transport.push(fault::server_error());
    f.transport.push(fault::server_error());
    f.transport.push(fault::server_error());
    (void)client.request_cancel_workflow_execution(swfpp_test::cancel_input);
    CHECK(quota.available() == 490);  // two retries, nothing given back on failure

    f.transport.push(fault::timeout());
    f.transport.push(fault::timeout());
    f.transport.push(fault::timeout());
    (void)client.request_cancel_workflow_execution(swfpp_test::cancel_input);
    CHECK(quota.available() == 470);

    f.transport.push(fault::server_error());
    f.transport.push(fault::timeout());
    REQUIRE(client.request_cancel_workflow_execution(swfpp_test::cancel_input).ok());
    CHECK(quota.available() == 465);  // -5 -10, then +10: what the last retry took

    REQUIRE(client.request_cancel_workflow_execution(swfpp_test::cancel_input).ok());
    CHECK(quota.available() == 466);  // success at the first attempt: +1
}

TEST_CASE("with the quota empty a retryable failure is returned at once, as retry_quota") {
    fixture f;
    auto client = make(f, half_retry(3, swfpp_test::fixed_random{}, 12));
    const auto& quota = client.retry_policy().quota();
    for (int i = 0; i < 3; ++i) f.transport.push(fault::throttling());
    (void)client.request_cancel_workflow_execution(swfpp_test::cancel_input);
    CHECK(quota.available() == 2);

    f.transport.push(fault::throttling());
    const auto r = client.request_cancel_workflow_execution(swfpp_test::cancel_input);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == "ThrottlingException");
    CHECK(r.error().attempts == 1);
    CHECK(r.error().stopped == swfpp::retry_stop::retry_quota);
    CHECK(quota.available() == 2);

    for (int i = 0; i < 3; ++i) REQUIRE(client.request_cancel_workflow_execution(swfpp_test::cancel_input).ok());
    CHECK(quota.available() == 5);
    f.transport.push(fault::throttling());
    REQUIRE(client.request_cancel_workflow_execution(swfpp_test::cancel_input).ok());  // one retry affordable again
    CHECK(quota.available() == 5);
    CHECK(f.transport.left() == 0);
}

TEST_CASE("the quota never exceeds its capacity, and copies of a policy take a snapshot") {
    swfpp::retry_quota quota(10);
    quota.release(5);
    CHECK(quota.available() == 10);
    CHECK(quota.acquire(10));
    CHECK_FALSE(quota.acquire(1));
    quota.release(3);
    quota.release(30);
    CHECK(quota.available() == 10);
    CHECK(quota.acquire(4));
    const swfpp::retry_quota copy = quota;
    CHECK(quota.acquire(6));
    CHECK(copy.available() == 6);
    CHECK(quota.available() == 0);
    CHECK(swfpp::retry_quota(-5).capacity() == 0);
}

TEST_CASE("every attempt carries the call's invocation id and botocore's amz-sdk-request, unsigned") {
    fixture f;
    f.transport.push(fault::throttling());
    f.transport.push(fault::server_error());
    auto client = make(f);
    REQUIRE(client.request_cancel_workflow_execution(swfpp_test::cancel_input).ok());
    REQUIRE(client.request_cancel_workflow_execution(swfpp_test::cancel_input).ok());
    const auto sent = f.transport.sent();
    REQUIRE(sent.size() == 4);

    const std::string id = swfpp_test::header(sent[0], "amz-sdk-invocation-id");
    CHECK(is_uuid_v4(id));
    CHECK(swfpp_test::header(sent[1], "amz-sdk-invocation-id") == id);
    CHECK(swfpp_test::header(sent[2], "amz-sdk-invocation-id") == id);
    CHECK(swfpp_test::header(sent[3], "amz-sdk-invocation-id") != id);
    CHECK(is_uuid_v4(swfpp_test::header(sent[3], "amz-sdk-invocation-id")));

    // botocore sends no "max" until it has considered a retry.
    CHECK(swfpp_test::header(sent[0], "amz-sdk-request") == "attempt=1");
    CHECK(swfpp_test::header(sent[1], "amz-sdk-request") == "attempt=2; max=3");
    CHECK(swfpp_test::header(sent[2], "amz-sdk-request") == "attempt=3; max=3");
    CHECK(swfpp_test::header(sent[3], "amz-sdk-request") == "attempt=1");

    for (const auto& request : sent) {
        const std::string auth = swfpp_test::header(request, "Authorization");
        CHECK(auth.find("SignedHeaders=content-type;host;x-amz-date;x-amz-security-token;x-amz-target,") !=
              std::string::npos);
        // Added after signing, in botocore's order, once each.
        const auto n = request.headers.size();
        REQUIRE(n >= 3);
        CHECK(request.headers[n - 3].name == "Authorization");
        CHECK(request.headers[n - 2].name == "amz-sdk-invocation-id");
        CHECK(request.headers[n - 1].name == "amz-sdk-request");
        int authorizations = 0;
        for (const auto& h : request.headers) authorizations += swfpp::iequals(h.name, "Authorization") ? 1 : 0;
        CHECK(authorizations == 1);
    }
}

TEST_CASE("invocation ids are distinct across many calls") {
    std::set<std::string> ids;
    for (int i = 0; i < 2000; ++i) {
        const auto id = swfpp::detail::random_uuid_v4();
        ids.emplace(id.data(), id.size());
    }
    CHECK(ids.size() == 2000);
    const auto fixed = swfpp::detail::format_uuid_v4(0, 0);
    CHECK(std::string(fixed.data(), fixed.size()) == "00000000-0000-4000-8000-000000000000");
    const auto ones = swfpp::detail::format_uuid_v4(~0ull, ~0ull);
    CHECK(std::string(ones.data(), ones.size()) == "ffffffff-ffff-4fff-bfff-ffffffffffff");
}

TEST_CASE("each attempt is signed afresh at the time it is sent") {
    fixture f;
    f.transport.s->clock = f.clock;
    f.transport.push(fault::server_error().after(3s));
    f.transport.push(fault::ok());
    auto client = make(f);
    REQUIRE(client.request_cancel_workflow_execution(swfpp_test::cancel_input).ok());
    const auto sent = f.transport.sent();
    REQUIRE(sent.size() == 2);
    CHECK(swfpp_test::header(sent[0], "X-Amz-Date") == swfpp::format_amz_date(swfpp_test::epoch));
    CHECK(swfpp_test::header(sent[1], "X-Amz-Date") == swfpp::format_amz_date(swfpp_test::epoch + 3500ms));
    CHECK(swfpp_test::header(sent[0], "Authorization") != swfpp_test::header(sent[1], "Authorization"));
    CHECK(sent[0].body == sent[1].body);
}

TEST_CASE("the call deadline stops retries whose back-off would end after it") {
    SUBCASE("a back-off that would reach the deadline is not slept, and its tokens go back") {
        fixture f;
        f.cfg.call_timeout = 1500ms;
        for (int i = 0; i < 3; ++i) f.transport.push(fault::server_error());
        auto client = make(f);
        const auto r = client.request_cancel_workflow_execution(swfpp_test::cancel_input);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().attempts == 2);  // slept 0.5 s; the next 1 s would end exactly at the deadline
        CHECK(r.error().stopped == swfpp::retry_stop::deadline);
        CHECK(r.error().total_delay == 500ms);
        CHECK(f.clock.delays() == std::vector<std::chrono::nanoseconds>{500ms});
        CHECK(client.retry_policy().quota().available() == 495);
    }
    SUBCASE("time spent in flight counts against the deadline") {
        fixture f;
        f.cfg.call_timeout = 1s;
        f.transport.s->clock = f.clock;
        f.transport.push(fault::timeout().after(2s));
        auto client = make(f);
        const auto r = client.request_cancel_workflow_execution(swfpp_test::cancel_input);
        CHECK(r.error().attempts == 1);
        CHECK(r.error().stopped == swfpp::retry_stop::deadline);
        CHECK(f.clock.delays().empty());
        CHECK(client.retry_policy().quota().available() == 500);
    }
    SUBCASE("without a deadline the same failures are retried to the limit") {
        fixture f;
        for (int i = 0; i < 3; ++i) f.transport.push(fault::server_error());
        auto client = make(f);
        CHECK(client.request_cancel_workflow_execution(swfpp_test::cancel_input).error().attempts == 3);
    }
}

namespace {

// Retries everything, forever, with a negative delay, ignoring the deadline: the client must
// still stop at max_attempts() and never sleep a negative or deadline-crossing time.
struct reckless_retry {
    struct call_state {
        int failures = 0;
    };
    int max_attempts() const { return 4; }
    swfpp::retry_decision on_failure(call_state& s, const swfpp::attempt_failure&) {
        ++s.failures;
        return swfpp::retry_decision::retry_after(s.failures == 1 ? -5s : 10s);
    }
    void on_success(call_state&) {}
};

// Counts what a policy is told.
struct counting_retry {
    struct call_state {
        int calls = 0;
    };
    std::shared_ptr<std::vector<int>> failures = std::make_shared<std::vector<int>>();
    std::shared_ptr<int> successes = std::make_shared<int>(0);
    int max_attempts() const { return 3; }
    swfpp::retry_decision on_failure(call_state&, const swfpp::attempt_failure& f) {
        failures->push_back(f.attempt);
        return swfpp::retry_decision::retry_after(0ns);
    }
    void on_success(call_state&) { ++*successes; }
};

}  // namespace

TEST_CASE("a custom policy decides, but the client caps attempts and never oversleeps") {
    static_assert(swfpp::is_retry_policy_v<reckless_retry>);
    static_assert(swfpp::is_retry_policy_v<swfpp::standard_retry>);
    static_assert(swfpp::is_retry_policy_v<swfpp::no_retry>);
    static_assert(!swfpp::is_retry_policy_v<int>);
    static_assert(std::is_empty_v<swfpp::no_retry>);
    {
        fixture f;
        for (int i = 0; i < 10; ++i) f.transport.push(fault::unknown_resource());
        auto client = make(f, reckless_retry{});
        const auto r = client.request_cancel_workflow_execution(swfpp_test::cancel_input);
        CHECK(r.error().attempts == 4);
        CHECK(r.error().stopped == swfpp::retry_stop::max_attempts);
        CHECK(f.clock.delays() == std::vector<std::chrono::nanoseconds>{0ns, 10s, 10s});
    }
    {
        fixture f;
        f.cfg.call_timeout = 15s;
        for (int i = 0; i < 10; ++i) f.transport.push(fault::unknown_resource());
        auto client = make(f, reckless_retry{});
        const auto r = client.request_cancel_workflow_execution(swfpp_test::cancel_input);
        CHECK(r.error().attempts == 3);
        CHECK(r.error().stopped == swfpp::retry_stop::deadline);
    }
    {
        fixture f;
        f.transport.push(fault::unknown_resource());
        f.transport.push(fault::connection_reset());
        counting_retry policy;
        auto client = make(f, policy);
        REQUIRE(client.request_cancel_workflow_execution(swfpp_test::cancel_input).ok());
        CHECK(*policy.failures == std::vector<int>{1, 2});
        CHECK(*policy.successes == 1);
    }
}

TEST_CASE("no_retry makes one attempt and reports it as the last one allowed") {
    fixture f;
    f.transport.push(fault::server_error());
    auto client = make(f, swfpp::no_retry{});
    const auto r = client.request_cancel_workflow_execution(swfpp_test::cancel_input);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().attempts == 1);
    CHECK(r.error().stopped == swfpp::retry_stop::max_attempts);
    CHECK(swfpp_test::header(f.transport.sent()[0], "amz-sdk-request") == "attempt=1");
    CHECK(f.clock.delays().empty());
}

TEST_CASE("the attempt hook sees every attempt and the decision taken after it") {
    fixture f;
    struct seen {
        int attempt, max;
        bool failed;
        swfpp::retry_stop stop;
        std::chrono::nanoseconds delay;
        std::string operation, id;
    };
    std::vector<seen> events;
    f.cfg.on_attempt = [&events](const swfpp::attempt_event& e) {
        events.push_back({e.attempt, e.max_attempts, e.failure != nullptr, e.next.stop, e.next.delay,
                          std::string(e.operation), std::string(e.invocation_id)});
    };
    f.transport.push(fault::throttling());
    f.transport.push(fault::timeout());
    auto client = make(f);
    REQUIRE(client.request_cancel_workflow_execution(swfpp_test::cancel_input).ok());
    REQUIRE(events.size() == 3);
    CHECK(events[0].failed);
    CHECK(events[0].stop == swfpp::retry_stop::none);
    CHECK(events[0].delay == 500ms);
    CHECK(events[1].failed);
    CHECK(events[1].delay == 1s);
    CHECK_FALSE(events[2].failed);
    CHECK(events[2].stop == swfpp::retry_stop::none);
    for (int i = 0; i < 3; ++i) {
        CHECK(events[static_cast<std::size_t>(i)].attempt == i + 1);
        CHECK(events[static_cast<std::size_t>(i)].max == 3);
        CHECK(events[static_cast<std::size_t>(i)].operation == "RequestCancelWorkflowExecution");
        CHECK(events[static_cast<std::size_t>(i)].id ==
              swfpp_test::header(f.transport.sent()[0], "amz-sdk-invocation-id"));
    }
}

TEST_CASE("prepare signs exactly what attempt 1 signs, without the per-attempt headers") {
    fixture f;
    auto client = make(f);
    swfpp::http_request prepared;
    REQUIRE(client.prepare<swfpp::request_cancel_workflow_execution>(swfpp_test::cancel_input, prepared).ok());
    CHECK(swfpp::find_header(prepared.headers, "amz-sdk-invocation-id") == nullptr);
    CHECK(swfpp::find_header(prepared.headers, "amz-sdk-request") == nullptr);
    REQUIRE(client.request_cancel_workflow_execution(swfpp_test::cancel_input).ok());
    const auto sent = f.transport.sent();
    CHECK(swfpp_test::header(sent[0], "Authorization") == swfpp_test::header(prepared, "Authorization"));

    swfpp::set_sdk_attempt_headers(prepared, "id", 2, 5);
    swfpp::set_sdk_attempt_headers(prepared, "id", 3, 5);
    CHECK(swfpp_test::header(prepared, "amz-sdk-request") == "attempt=3; max=5");
    CHECK(prepared.headers.size() == sent[0].headers.size());
}

TEST_CASE("seeded jitter is reproducible and stays in [0, 1)") {
    swfpp::seeded_random a(42), b(42), c(43);
    bool differs = false;
    for (int i = 0; i < 10000; ++i) {
        const double x = a();
        CHECK(x == b());
        differs = differs || x != c();
        REQUIRE(x >= 0.0);
        REQUIRE(x < 1.0);
    }
    CHECK(differs);
    swfpp::thread_random r;
    for (int i = 0; i < 10000; ++i) {
        const double x = r();
        REQUIRE(x >= 0.0);
        REQUIRE(x < 1.0);
    }
}
