// swfpp's retry modes (standard and legacy, through aws_retry) against botocore's, run as an
// oracle (tools/botocore_retry_oracle.py).
//
// The same fault scripts — hand-picked sequences, a quota drained by a long outage, and seeded
// random ones, in both modes — are played through basic_client and through a botocore client,
// both with the jitter fixed at 0.5. For every call they must agree on: success or the error code, the number
// of attempts, the amz-sdk-request header of each attempt, every back-off delay, botocore's
// MaxAttemptsReached and RetryQuotaReached, and the tokens left in the retry quota.
// Its own main: exits 77 (meson's SKIP) without python3 or botocore.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <random>
#include <string>
#include <swfpp/client.hpp>
#include <swfpp/operations/request_cancel_workflow_execution.hpp>
#include <swfpp/retry.hpp>
#include <vector>

#include "support/python_oracle.hpp"
#include "support/retry_doubles.hpp"

namespace {

using swfpp_test::fault;
using half_retry = swfpp::basic_aws_retry<swfpp_test::fixed_random>;

const std::map<std::string, fault>& steps() {
    using swfpp::transport_errc;
    static const std::map<std::string, fault> table = {
        {"ok", fault::ok()},
        {"reset", fault::connection_reset()},
        {"connect", fault::connect_failed()},
        {"timeout", fault::timeout()},
        {"connect_timeout", fault::transport(transport_errc::timed_out, "connect timeout")},
        {"tls", fault::transport(transport_errc::tls_failed, "handshake failed")},
        {"other", fault::transport(transport_errc::other, "boom")},
        {"s500", fault::reply(500, R"({"__type":"InternalFailure","message":"internal"})")},
        {"s502", fault::reply(502, "")},
        {"s503", fault::unavailable_html()},
        {"s504", fault::reply(504, "")},
        {"s429", fault::error_code(429, "TooManyRequestsException")},
        {"s509", fault::reply(509, "")},
        {"throttle", fault::error_code(400, "ThrottlingException")},
        {"slowdown", fault::error_code(400, "SlowDown")},
        {"limit", fault::error_code(400, "LimitExceededException")},
        {"reqtimeout", fault::error_code(400, "RequestTimeoutException")},
        {"prior", fault::error_code(400, "PriorRequestNotComplete")},
        {"unknown", fault::error_code(400, "UnknownResourceFault")},
        {"notpermitted", fault::error_code(400, "OperationNotPermittedFault")},
        {"limitfault", fault::error_code(400, "LimitExceededFault")},
        {"access", fault::error_code(400, "AccessDeniedException")},
    };
    return table;
}

struct test_case {
    int max_attempts = 3;  // 0: the mode's default
    swfpp::retry_mode mode = swfpp::retry_mode::standard;
    std::vector<std::vector<std::string>> calls;
};

std::vector<test_case> make_cases() {
    using swfpp::retry_mode;
    std::vector<test_case> cases;
    const std::vector<std::vector<std::string>> tour = {{"ok"},
                                                        {"reset", "ok"},
                                                        {"connect", "ok"},
                                                        {"timeout", "ok"},
                                                        {"connect_timeout", "connect_timeout", "ok"},
                                                        {"tls", "other", "ok"},
                                                        {"s500", "s502", "s503"},
                                                        {"s504", "ok"},
                                                        {"throttle", "slowdown", "limit"},
                                                        {"reqtimeout", "prior", "ok"},
                                                        {"unknown"},
                                                        {"reset", "notpermitted"},
                                                        {"limitfault"},
                                                        {"access"},
                                                        {"timeout", "timeout", "timeout"},
                                                        {"s429", "s509", "ok"},
                                                        {"ok"}};
    for (auto mode : {retry_mode::standard, retry_mode::legacy}) {
        cases.push_back({3, mode, tour});
        cases.push_back({0, mode, tour});
        cases.push_back({1, mode, {{"s503"}, {"unknown"}, {"reset"}, {"ok"}, {"throttle"}}});
        cases.push_back(
            {2, mode, {{"throttle", "throttle"}, {"s500", "unknown"}, {"timeout", "ok"}, {"s503", "unknown"}}});
        cases.push_back(
            {5,
             mode,
             {{"s503", "s503", "s503", "s503", "s503"}, {"throttle", "throttle", "throttle", "throttle", "ok"}}});
    }
    {
        test_case outage{3, retry_mode::standard, {}};  // drains the 500 tokens, then successes refill them
        for (int i = 0; i < 52; ++i) outage.calls.push_back({"s503", "s503", "s503"});
        for (int i = 0; i < 6; ++i) outage.calls.push_back({"ok"});
        outage.calls.push_back({"throttle", "ok"});
        outage.calls.push_back({"timeout", "ok"});
        cases.push_back(outage);
    }
    std::mt19937 rng(4242);
    std::vector<std::string> names;
    for (const auto& [name, f] : steps()) names.push_back(name);
    for (int c = 0; c < 60; ++c) {
        test_case t{static_cast<int>(rng() % 6), c % 2 ? retry_mode::legacy : retry_mode::standard, {}};
        const int calls = 1 + static_cast<int>(rng() % 12);
        for (int i = 0; i < calls; ++i) {
            std::vector<std::string> call;
            const int n = 1 + static_cast<int>(rng() % 6);
            for (int k = 0; k < n; ++k)
                call.push_back(rng() % 3 == 0 ? std::string("ok") : names[rng() % names.size()]);
            t.calls.push_back(call);
        }
        cases.push_back(t);
    }
    return cases;
}

std::string seconds(std::chrono::nanoseconds d) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3f", std::chrono::duration<double>(d).count());
    return buf;
}

// What swfpp does with one case, in the oracle's line format.
std::vector<std::string> run_swfpp(const test_case& c) {
    std::vector<std::string> lines;
    swfpp_test::fault_transport transport;
    swfpp_test::fake_clock clock;
    swfpp_test::client<half_retry> client(swfpp_test::config(), transport, swfpp_test::signer(), clock,
                                          half_retry(c.mode, c.max_attempts));
    for (const auto& call : c.calls) {
        for (const auto& step : call) transport.push(steps().at(step));
        const std::size_t sent_before = transport.sent().size();
        const std::size_t slept_before = clock.delays().size();
        const auto r = client.request_cancel_workflow_execution(swfpp_test::cancel_input);
        {
            std::lock_guard<std::mutex> lock(transport.s->mutex);
            transport.s->script.clear();
        }
        const auto sent = transport.sent();
        const auto delays = clock.delays();
        std::string line;
        std::string max_reached = "-", quota_reached = "-";
        if (r.ok()) {
            line = "ok";
        } else if (r.error().kind == swfpp::errc::transport_failed) {
            line = "err:transport";
        } else {
            line = "err:" + r.error().code;
            max_reached = r.error().stopped == swfpp::retry_stop::max_attempts ? "1" : "0";
            quota_reached = r.error().stopped == swfpp::retry_stop::retry_quota ? "1" : "0";
        }
        line += " attempts=" + std::to_string(sent.size() - sent_before) + " requests=";
        for (std::size_t i = sent_before; i < sent.size(); ++i)
            line += (i > sent_before ? "|" : "") + swfpp_test::header(sent[i], "amz-sdk-request");
        line += " sleeps=";
        for (std::size_t i = slept_before; i < delays.size(); ++i)
            line += (i > slept_before ? "," : "") + seconds(delays[i]);
        line += " max_reached=" + max_reached + " quota_reached=" + quota_reached + " quota=" +
                (c.mode == swfpp::retry_mode::standard ? std::to_string(client.retry_policy().quota().available())
                                                       : std::string("-"));
        lines.push_back(line);
    }
    return lines;
}

}  // namespace

int main() {
    if (int rc = swfpp_test::require_python_module("botocore.retries.standard")) return rc;

    const std::vector<test_case> cases = make_cases();
    std::string script;
    std::vector<std::string> expected_labels;
    for (std::size_t i = 0; i < cases.size(); ++i) {
        script += "case " + std::to_string(cases[i].max_attempts) +
                  (cases[i].mode == swfpp::retry_mode::standard ? " standard\n" : " legacy\n");
        for (std::size_t k = 0; k < cases[i].calls.size(); ++k) {
            script += "call";
            std::string label = "case " + std::to_string(i + 1) + " call " + std::to_string(k + 1) + ":";
            for (const auto& step : cases[i].calls[k]) {
                script += " " + step;
                label += " " + step;
            }
            script += "\n";
            expected_labels.push_back(label);
        }
    }
    std::string output;
    if (int rc = swfpp_test::run_python_oracle("botocore_retry_oracle.py", script, output)) return rc;
    std::vector<std::string> theirs;
    for (std::size_t pos = 0; pos < output.size();) {
        std::size_t nl = output.find('\n', pos);
        if (nl == std::string::npos) nl = output.size();
        theirs.push_back(output.substr(pos, nl - pos));
        pos = nl + 1;
    }

    std::vector<std::string> ours;
    for (const auto& c : cases)
        for (auto& line : run_swfpp(c)) ours.push_back(std::move(line));
    if (theirs.size() != ours.size()) {
        std::printf("FAIL: botocore answered %zu calls, swfpp made %zu\n", theirs.size(), ours.size());
        return 1;
    }
    int failures = 0, attempts = 0;
    for (std::size_t i = 0; i < ours.size(); ++i) {
        attempts += std::atoi(ours[i].substr(ours[i].find("attempts=") + 9).c_str());
        if (ours[i] == theirs[i]) continue;
        ++failures;
        std::printf("FAIL %s\n  botocore: %s\n  swfpp:    %s\n", expected_labels[i].c_str(), theirs[i].c_str(),
                    ours[i].c_str());
    }
    std::printf(
        "%s: %zu cases, %zu calls, %d attempts compared with botocore's standard and legacy retry modes, %d differ\n",
        failures ? "FAIL" : "ok", cases.size(), ours.size(), attempts, failures);
    return failures == 0 ? 0 : 1;
}
