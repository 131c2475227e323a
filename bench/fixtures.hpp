// The inputs every swfpp benchmark shares, and the ones bench/compare.py gives botocore and the
// JavaScript SDK: the same operation, credentials, region and canned responses.
#ifndef SWFPP_BENCH_FIXTURES_HPP
#define SWFPP_BENCH_FIXTURES_HPP

#include <swfpp/client.hpp>
#include <swfpp/operations/request_cancel_workflow_execution.hpp>
#include <swfpp/crypto/openssl.hpp>

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace swfpp_bench {

using op = swfpp::request_cancel_workflow_execution;
using input = swfpp::request_cancel_workflow_execution_input;

// Keep these in step with bench/compare.py (botocore) and bench/js/bench.js.
inline constexpr const char* access_key_id = "AKIAIOSFODNN7EXAMPLE";
inline constexpr const char* secret_access_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
inline constexpr const char* region = "us-east-1";
inline constexpr const char* request_id = "0e9c4e52-8d3b-4c1e-9a7f-2b6d5e4c3a10";
inline constexpr const char* error_body =
    R"({"__type":"com.amazonaws.swf.base.model#UnknownResourceFault",)"
    R"("message":"Unknown execution: WorkflowExecution=[workflowId=order-42, runId=]"})";

// Which input a scenario uses: `length` < 0 is the README's call ("my-domain", "order-42", no
// runId); otherwise every string member is `length` bytes long and runId is set or not.
struct params {
    int length = -1;
    bool run_id = false;
};

inline input make_input(const params& p) {
    if (p.length < 0) return input{"my-domain", "order-42", std::nullopt};
    const auto n = static_cast<std::size_t>(p.length);
    input in{std::string(n, 'd'), std::string(n, 'w'), std::nullopt};
    if (p.run_id) in.run_id = std::string(n, 'r');
    return in;
}

inline swfpp::credentials bench_credentials() { return {access_key_id, secret_access_key, ""}; }

inline swfpp::client_config bench_config() {
    swfpp::client_config c;
    c.region = region;
    c.credentials = bench_credentials();
    return c;
}

// 2015-08-30T12:36:00Z: the stage benchmarks sign at a fixed time so the bytes never change.
inline std::chrono::system_clock::time_point fixed_time() {
    return std::chrono::system_clock::time_point(std::chrono::seconds(1440938160));
}

// An HTTP response as SWF sends it (headers as received, status, body).
struct canned_response {
    int status;
    std::vector<swfpp::http_header> headers;
    std::string body;
};

inline const canned_response& success_response() {
    static const canned_response r{200,
                                   {{"x-amzn-RequestId", request_id},
                                    {"Content-Type", "application/x-amz-json-1.0"},
                                    {"Content-Length", "2"},
                                    {"Date", "Sun, 30 Aug 2015 12:36:00 GMT"}},
                                   "{}"};
    return r;
}

inline const canned_response& error_response() {
    static const canned_response r{400,
                                   {{"x-amzn-RequestId", request_id},
                                    {"Content-Type", "application/x-amz-json-1.0"},
                                    {"Content-Length", std::to_string(std::string(error_body).size())},
                                    {"Date", "Sun, 30 Aug 2015 12:36:00 GMT"}},
                                   error_body};
    return r;
}

// The Transport policy of the full-call benchmarks: no I/O, it hands back a canned response the
// way a real transport fills one (status, each received header appended, body assigned).
struct noop_transport {
    const canned_response* reply = nullptr;

    swfpp::result<void> send(const swfpp::http_request&, swfpp::http_response& response) {
        response.status = reply->status;
        for (const swfpp::http_header& h : reply->headers) response.headers.push_back(h);
        response.body.assign(reply->body);
        return {};
    }
};

using client = swfpp::basic_client<noop_transport, swfpp::openssl_sigv4_signer>;

}  // namespace swfpp_bench

#endif
