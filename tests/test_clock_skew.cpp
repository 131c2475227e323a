// Clock-skew correction: a signature/time error whose response Date is more than 4 minutes from
// the signing time teaches the client the offset; it re-signs, retries, and signs every later
// call with the corrected time. Tested against a fake SWF that checks X-Amz-Date the way SigV4
// does (5 minutes either way) and a client clock running 15 minutes fast.
#include <doctest/doctest.h>

#include <chrono>
#include <memory>
#include <mutex>
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

using swfpp_test::http_date;

std::chrono::system_clock::time_point parse_amz_date(const std::string& amz) {
    int y = std::stoi(amz.substr(0, 4)), mo = std::stoi(amz.substr(4, 2)), d = std::stoi(amz.substr(6, 2));
    const auto days = swfpp::detail::days_from_civil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d));
    const long long secs = days * 86400 + std::stoi(amz.substr(9, 2)) * 3600 + std::stoi(amz.substr(11, 2)) * 60 +
                           std::stoi(amz.substr(13, 2));
    return std::chrono::system_clock::time_point(std::chrono::seconds(secs));
}

// SWF in miniature: the true time is the client's clock minus `client_ahead`. A request whose
// X-Amz-Date is more than 5 minutes from it gets what SWF answers (403
// InvalidSignatureException, "Signature expired"), with the true time in Date.
struct timed_swf {
    struct state {
        std::mutex mutex;
        swfpp_test::fake_clock client_clock;
        std::chrono::nanoseconds client_ahead{0};
        std::string error_code = "InvalidSignatureException";
        bool send_date = true;
        bool always_reject = false;
        std::vector<std::string> amz_dates;
    };
    std::shared_ptr<state> s = std::make_shared<state>();

    swfpp::result<void> send(const swfpp::http_request& request, swfpp::http_response& response) {
        std::lock_guard<std::mutex> lock(s->mutex);
        const auto truth = s->client_clock.now() - s->client_ahead;
        const std::string amz = swfpp_test::header(request, "X-Amz-Date");
        s->amz_dates.push_back(amz);
        const auto signed_at = parse_amz_date(amz);
        const auto apart = signed_at > truth ? signed_at - truth : truth - signed_at;
        response.headers.push_back({"x-amzn-RequestId", "req"});
        if (s->send_date) response.headers.push_back({"Date", http_date(truth)});
        if (apart > 5min || s->always_reject) {
            response.status = 403;
            response.body = R"({"__type":"com.amazon.coral.service#)" + s->error_code +
                            R"(","message":"Signature expired: )" + amz + R"( is now earlier than ..."})";
        } else {
            response.status = 200;
            response.body = "{}";
        }
        return {};
    }
};

struct fixture {
    timed_swf swf;
    swfpp_test::fake_clock clock;
    explicit fixture(std::chrono::nanoseconds client_ahead) {
        swf.s->client_clock = clock;
        swf.s->client_ahead = client_ahead;
    }
    template <class Retry = half_retry>
    swfpp_test::client<Retry, timed_swf> client(Retry retry = Retry()) {
        return swfpp_test::client<Retry, timed_swf>(swfpp_test::config(), swf, swfpp_test::signer(), clock,
                                                    std::move(retry));
    }
};

}  // namespace

TEST_CASE("an IMF-fixdate HTTP Date parses to its instant; anything else is not trusted") {
    using swfpp::detail::parse_http_date;
    const auto t = parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT");
    REQUIRE(t);
    CHECK(t->time_since_epoch() == std::chrono::seconds(784111777));
    CHECK(parse_http_date("Sun, 30 Aug 2015 12:36:00 GMT") == swfpp_test::epoch);
    CHECK(parse_http_date("Thu, 29 Feb 2024 23:59:59 GMT"));
    CHECK(parse_http_date("Thu, 01 Jan 1970 00:00:00 GMT")->time_since_epoch().count() == 0);
    for (const char* bad :
         {"Sunday, 06-Nov-94 08:49:37 GMT", "Sun Nov  6 08:49:37 1994", "Sun, 06 Nov 1994 08:49:37 UTC",
          "Sun, 06 Nov 1994 08:49:37 gmt", "Sun, 06 Nov 1994 08:49:37 GMT ", "Sun, 31 Nov 1994 08:49:37 GMT",
          "Wed, 29 Feb 2023 08:49:37 GMT", "Sun, 06 Noc 1994 08:49:37 GMT", "Sun, 06 Nov 1994 24:00:00 GMT",
          "Sun, 06 Nov 1994 08:60:37 GMT", "Sun, 00 Nov 1994 08:49:37 GMT", "Xyz, 06 Nov 1994 08:49:37 GMT",
          "Sun, 0a Nov 1994 08:49:37 GMT", "Sun, 06 Nov 19x4 08:49:37 GMT", ""})
        CHECK_MESSAGE(!parse_http_date(bad), bad);
}

TEST_CASE("a skew correction is learned only from a clock-skew code with a Date over 4 minutes away") {
    const auto now = swfpp_test::epoch;
    swfpp::http_response response;
    response.status = 403;
    response.headers.push_back({"Date", http_date(now - 15min)});
    swfpp::error e;
    e.kind = swfpp::errc::service_error;
    e.http_status = 403;
    for (const char* code : {"RequestTimeTooSkewed", "RequestExpired", "InvalidSignatureException",
                             "SignatureDoesNotMatch", "AuthFailure", "RequestInTheFuture"}) {
        e.code = code;
        const auto c = swfpp::clock_skew_correction(e, response, now, now + 2s);
        REQUIRE_MESSAGE(c, code);
        CHECK(*c == -(15min + 2s));
    }
    e.code = "AccessDeniedException";
    CHECK_FALSE(swfpp::clock_skew_correction(e, response, now, now));
    e.code = "InvalidSignatureException";

    response.headers[0].value = http_date(now + 4min);  // exactly the threshold: trusted as in sync
    CHECK_FALSE(swfpp::clock_skew_correction(e, response, now, now));
    response.headers[0].value = http_date(now + 4min + 1s);
    CHECK(swfpp::clock_skew_correction(e, response, now, now) == 4min + 1s);
    response.headers[0].value = "yesterday";
    CHECK_FALSE(swfpp::clock_skew_correction(e, response, now, now));
    response.headers.clear();
    CHECK_FALSE(swfpp::clock_skew_correction(e, response, now, now));

    response.headers.push_back({"Date", http_date(now - 15min)});
    CHECK_FALSE(swfpp::clock_skew_correction(swfpp::make_transport_error(swfpp::transport_errc::timed_out, "t"),
                                             response, now, now));
}

TEST_CASE("a client clock 15 minutes fast is corrected after one rejected attempt, for every later call") {
    fixture f(15min);
    auto client = f.client();
    swfpp::call_info info;
    const auto r = client.request_cancel_workflow_execution(swfpp_test::cancel_input, info);
    REQUIRE(r.ok());
    CHECK(info.attempts == 2);
    CHECK(info.total_delay == 500ms);
    CHECK(client.clock_offset() == -15min);
    REQUIRE(f.swf.s->amz_dates.size() == 2);
    CHECK(f.swf.s->amz_dates[0] == swfpp::format_amz_date(swfpp_test::epoch));                  // the fast clock
    CHECK(f.swf.s->amz_dates[1] == swfpp::format_amz_date(swfpp_test::epoch + 500ms - 15min));  // corrected
    CHECK(client.retry_policy().quota().available() == 500);  // 5 taken for the retry, given back on success

    for (int i = 0; i < 3; ++i) {
        REQUIRE(client.request_cancel_workflow_execution(swfpp_test::cancel_input, info).ok());
        CHECK(info.attempts == 1);
    }
    swfpp::http_request prepared;  // a dry run signs with the corrected time too
    REQUIRE(client.prepare<swfpp::request_cancel_workflow_execution>(swfpp_test::cancel_input, prepared).ok());
    CHECK(swfpp_test::header(prepared, "X-Amz-Date") == swfpp::format_amz_date(f.clock.now() - 15min));
}

TEST_CASE("a client clock 15 minutes slow is corrected the same way") {
    fixture f(-15min);
    f.swf.s->error_code = "RequestInTheFuture";
    auto client = f.client();
    swfpp::call_info info;
    REQUIRE(client.request_cancel_workflow_execution(swfpp_test::cancel_input, info).ok());
    CHECK(info.attempts == 2);
    CHECK(client.clock_offset() == 15min);
}

TEST_CASE("every clock-skew error code triggers the correction") {
    for (const char* code : {"RequestTimeTooSkewed", "RequestExpired", "InvalidSignatureException",
                             "SignatureDoesNotMatch", "AuthFailure", "RequestInTheFuture"}) {
        fixture f(15min);
        f.swf.s->error_code = code;
        auto client = f.client();
        swfpp::call_info info;
        CHECK_MESSAGE(client.request_cancel_workflow_execution(swfpp_test::cancel_input, info).ok(), code);
        CHECK(info.attempts == 2);
    }
}

TEST_CASE("a signature error persisting after the correction is a real one and is not retried again") {
    fixture f(15min);
    f.swf.s->always_reject = true;
    auto client = f.client();
    const auto r = client.request_cancel_workflow_execution(swfpp_test::cancel_input);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == "InvalidSignatureException");
    CHECK(r.error().http_status == 403);
    CHECK(r.error().attempts == 2);
    CHECK(r.error().stopped == swfpp::retry_stop::not_retryable);
    CHECK(client.clock_offset() == -15min);
}

TEST_CASE("a signature error with a Date within 4 minutes, or without a Date, is not a skew: no retry") {
    {
        fixture f(3min);
        f.swf.s->always_reject = true;
        auto client = f.client();
        const auto r = client.request_cancel_workflow_execution(swfpp_test::cancel_input);
        CHECK(r.error().attempts == 1);
        CHECK(r.error().stopped == swfpp::retry_stop::not_retryable);
        CHECK(client.clock_offset() == 0ns);
    }
    {
        fixture f(15min);
        f.swf.s->send_date = false;
        auto client = f.client();
        const auto r = client.request_cancel_workflow_execution(swfpp_test::cancel_input);
        CHECK(r.error().attempts == 1);
        CHECK(client.clock_offset() == 0ns);
    }
}

TEST_CASE("without retries the offset is still learned, so the next call succeeds at once") {
    fixture f(15min);
    auto client = f.client(swfpp::no_retry{});
    const auto first = client.request_cancel_workflow_execution(swfpp_test::cancel_input);
    REQUIRE_FALSE(first.ok());
    CHECK(first.error().stopped == swfpp::retry_stop::max_attempts);
    CHECK(client.clock_offset() == -15min);
    swfpp::call_info info;
    REQUIRE(client.request_cancel_workflow_execution(swfpp_test::cancel_input, info).ok());
    CHECK(info.attempts == 1);
}

TEST_CASE("the attempt hook says when a failure corrected the clock") {
    fixture f(15min);
    std::vector<bool> corrected;
    auto cfg = swfpp_test::config();
    cfg.on_attempt = [&corrected](const swfpp::attempt_event& e) { corrected.push_back(e.clock_skew_corrected); };
    swfpp_test::client<half_retry, timed_swf> client(cfg, f.swf, swfpp_test::signer(), f.clock);
    REQUIRE(client.request_cancel_workflow_execution(swfpp_test::cancel_input).ok());
    CHECK(corrected == std::vector<bool>{true, false});
}
