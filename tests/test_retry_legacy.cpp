// Retry modes chosen at run time: botocore's legacy mode (legacy_retry) and aws_retry, which is
// standard or legacy as AWS_RETRY_MODE says, with AWS_MAX_ATTEMPTS as its attempt limit.
#include <doctest/doctest.h>

#include <chrono>
#include <swfpp/client.hpp>
#include <swfpp/operations/request_cancel_workflow_execution.hpp>
#include <swfpp/retry.hpp>
#include <vector>

#include "support/retry_doubles.hpp"

using namespace std::chrono_literals;
using swfpp_test::fault;

namespace {

using half_legacy = swfpp::basic_legacy_retry<swfpp_test::fixed_random>;
using half_aws = swfpp::basic_aws_retry<swfpp_test::fixed_random>;

swfpp::error service_error(int status, const char* code) {
    swfpp::error e;
    e.kind = swfpp::errc::service_error;
    e.http_status = status;
    e.code = code;
    return e;
}

template <class Retry>
struct rig {
    swfpp_test::fault_transport transport;
    swfpp_test::fake_clock clock;
    swfpp_test::client<Retry> client;
    explicit rig(Retry retry)
        : client(swfpp_test::config(), transport, swfpp_test::signer(), clock, std::move(retry)) {}
};

}  // namespace

TEST_CASE("legacy mode retries botocore's legacy conditions only") {
    using swfpp::transport_errc;
    for (auto why : {transport_errc::connect_failed, transport_errc::timed_out, transport_errc::connection_reset,
                     transport_errc::tls_failed, transport_errc::protocol_error})
        CHECK(swfpp::is_legacy_retryable_error(swfpp::make_transport_error(why, "x")));
    for (auto why : {transport_errc::other, transport_errc::response_too_large})
        CHECK_FALSE(swfpp::is_legacy_retryable_error(swfpp::make_transport_error(why, "x")));
    for (int status : {429, 500, 502, 503, 504, 509})
        CHECK(swfpp::is_legacy_retryable_error(service_error(status, "X")));
    for (const char* code : {"Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
                             "ProvisionedThroughputExceededException"}) {
        CHECK(swfpp::is_legacy_retryable_error(service_error(400, code)));
        CHECK_FALSE(swfpp::is_legacy_retryable_error(service_error(403, code)));
    }
    // Retried by the standard mode, not by the legacy one.
    for (const char* code :
         {"LimitExceededException", "SlowDown", "RequestTimeoutException", "PriorRequestNotComplete"})
        CHECK_FALSE(swfpp::is_legacy_retryable_error(service_error(400, code)));
    CHECK_FALSE(swfpp::is_legacy_retryable_error(service_error(400, "UnknownResourceFault")));
}

TEST_CASE("legacy mode makes five attempts with uncapped doubling delays and no quota") {
    rig<half_legacy> r{half_legacy()};
    for (int i = 0; i < 5; ++i) r.transport.push(fault::unavailable_html());
    const auto result = r.client.request_cancel_workflow_execution(swfpp_test::cancel_input);
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().attempts == 5);
    CHECK(result.error().stopped == swfpp::retry_stop::max_attempts);
    CHECK(r.clock.delays() == std::vector<std::chrono::nanoseconds>{500ms, 1s, 2s, 4s});
    CHECK(swfpp_test::header(r.transport.sent()[4], "amz-sdk-request") == "attempt=5; max=5");
    half_legacy long_one(40);
    CHECK(long_one.backoff(7) == 32s);  // the standard mode would stop at 20 s
    CHECK(long_one.backoff(1000) ==
          std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::duration<double>(536870912.0)));
}

TEST_CASE("legacy mode reports max_attempts only when the last failure was retryable") {
    rig<half_legacy> r{half_legacy(2)};
    r.transport.push(fault::server_error());
    r.transport.push(fault::unknown_resource());
    auto result = r.client.request_cancel_workflow_execution(swfpp_test::cancel_input);
    CHECK(result.error().attempts == 2);
    CHECK(result.error().stopped == swfpp::retry_stop::not_retryable);
    r.transport.push(fault::throttling());
    r.transport.push(fault::throttling());
    result = r.client.request_cancel_workflow_execution(swfpp_test::cancel_input);
    CHECK(result.error().stopped == swfpp::retry_stop::max_attempts);
}

TEST_CASE("aws_retry follows the mode and attempt limit given at run time, 0 meaning the mode's default") {
    CHECK(swfpp::aws_retry().mode() == swfpp::retry_mode::standard);
    CHECK(swfpp::aws_retry().max_attempts() == 3);
    CHECK(swfpp::aws_retry(swfpp::retry_mode::legacy).max_attempts() == 5);
    CHECK(swfpp::aws_retry(swfpp::retry_mode::standard, 7).max_attempts() == 7);
    CHECK(swfpp::aws_retry(swfpp::retry_mode::legacy, 1).max_attempts() == 1);
    CHECK(swfpp::aws_retry(swfpp::retry_mode::legacy, -4).max_attempts() == 1);
    static_assert(swfpp::is_retry_policy_v<swfpp::aws_retry>);
    static_assert(swfpp::is_retry_policy_v<swfpp::legacy_retry>);

    {
        rig<half_aws> r{half_aws(swfpp::retry_mode::standard, 4)};
        for (int i = 0; i < 9; ++i) r.transport.push(fault::error_code(400, "LimitExceededException"));
        const auto result = r.client.request_cancel_workflow_execution(swfpp_test::cancel_input);
        CHECK(result.error().attempts == 4);
        CHECK(r.client.retry_policy().quota().available() == 485);
        CHECK(r.clock.delays() == std::vector<std::chrono::nanoseconds>{500ms, 1s, 2s});
    }
    {
        rig<half_aws> r{half_aws(swfpp::retry_mode::legacy, 4)};
        r.transport.push(fault::error_code(400, "LimitExceededException"));
        CHECK(r.client.request_cancel_workflow_execution(swfpp_test::cancel_input).error().attempts == 1);
        for (int i = 0; i < 9; ++i) r.transport.push(fault::server_error());
        CHECK(r.client.request_cancel_workflow_execution(swfpp_test::cancel_input).error().attempts == 4);
        CHECK(r.client.retry_policy().quota().available() == 500);  // legacy mode has no quota
    }
}

TEST_CASE("a corrected clock skew is retried in legacy mode too") {
    rig<half_legacy> r{half_legacy()};
    const auto fast_by = 15min;
    r.transport.push(fault::error_code(403, "SignatureDoesNotMatch",
                                       {{"Date", swfpp_test::http_date(swfpp_test::epoch - fast_by)}}));
    swfpp::call_info info;
    REQUIRE(r.client.request_cancel_workflow_execution(swfpp_test::cancel_input, info).ok());
    CHECK(info.attempts == 2);
    CHECK(r.client.clock_offset() == -fast_by);
}
