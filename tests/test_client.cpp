// basic_client over scripted policy doubles: what reaches the transport, and what comes back.
#include <doctest/doctest.h>

#include <swfpp/client.hpp>
#include <swfpp/operations/request_cancel_workflow_execution.hpp>

#include <atomic>
#include <chrono>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace {

// Answers every request with one canned response and records what it was sent.
struct scripted_transport {
    struct state {
        std::mutex mutex;
        std::vector<swfpp::http_request> sent;
        swfpp::http_response reply;
        bool fail = false;
    };
    std::shared_ptr<state> s = std::make_shared<state>();

    swfpp::result<void> send(const swfpp::http_request& request, swfpp::http_response& response) {
        std::lock_guard<std::mutex> lock(s->mutex);
        s->sent.push_back(request);
        if (s->fail) return swfpp::make_transport_error(swfpp::transport_errc::connect_failed, "refused");
        response = s->reply;
        return {};
    }
};

// Stamps a recognisable Authorization header and remembers the parameters it was given.
struct recording_signer {
    struct seen {
        std::string region, service, access_key;
        std::chrono::system_clock::time_point time;
    };
    std::shared_ptr<std::vector<seen>> calls = std::make_shared<std::vector<seen>>();
    std::shared_ptr<std::mutex> mutex = std::make_shared<std::mutex>();

    swfpp::result<void> sign(swfpp::http_request& request, const swfpp::signing_params& p) const {
        std::lock_guard<std::mutex> lock(*mutex);
        calls->push_back({std::string(p.region), std::string(p.service), p.creds.access_key_id, p.time});
        request.headers.push_back({"Authorization", "test-signature"});
        return {};
    }
};

// Fixed time, and retries' back-off sleeps return at once so the tests never wait.
struct fixed_clock {
    std::chrono::system_clock::time_point now() const { return std::chrono::system_clock::time_point(std::chrono::seconds(1440938160)); }
    void sleep_for(std::chrono::nanoseconds) const {}
};

using test_client = swfpp::basic_client<scripted_transport, recording_signer, fixed_clock>;

swfpp::client_config config(std::string region = "us-east-1") {
    swfpp::client_config c;
    c.region = std::move(region);
    c.credentials = {"AKIDEXAMPLE", "secret", ""};
    return c;
}

swfpp::http_response reply(int status, std::string body) {
    swfpp::http_response r;
    r.status = status;
    r.body = std::move(body);
    r.headers.push_back({"x-amzn-RequestId", "req-123"});
    return r;
}

}  // namespace

TEST_CASE("a successful call sends one signed request and returns an empty output") {
    scripted_transport transport;
    transport.s->reply = reply(200, "{}");
    recording_signer signer;
    test_client client(config(), transport, signer);
    const auto r = client.request_cancel_workflow_execution({"d", "w", std::nullopt});
    REQUIRE(r.ok());
    REQUIRE(transport.s->sent.size() == 1);
    const auto& sent = transport.s->sent[0];
    CHECK(sent.host == "swf.us-east-1.amazonaws.com");
    CHECK(sent.body == R"({"domain":"d","workflowId":"w"})");
    CHECK(swfpp::find_header(sent.headers, "Authorization")->value == "test-signature");
    REQUIRE(signer.calls->size() == 1);
    CHECK((*signer.calls)[0].region == "us-east-1");
    CHECK((*signer.calls)[0].service == "swf");
    CHECK((*signer.calls)[0].access_key == "AKIDEXAMPLE");
    CHECK((*signer.calls)[0].time == fixed_clock().now());
}

TEST_CASE("a validation failure sends nothing") {
    scripted_transport transport;
    test_client client(config(), transport);
    const auto r = client.request_cancel_workflow_execution({"d", "", std::nullopt});
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().kind == swfpp::errc::validation_failed);
    CHECK(r.error().member == "workflowId");
    CHECK(transport.s->sent.empty());
}

TEST_CASE("a bad region or endpoint makes every call a configuration error and sends nothing") {
    for (auto cfg : {config(""), config("evil.example/#")}) {
        scripted_transport transport;
        test_client client(cfg, transport);
        const auto r = client.request_cancel_workflow_execution({"d", "w", std::nullopt});
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().kind == swfpp::errc::configuration_error);
        CHECK(transport.s->sent.empty());
    }
    auto cfg = config();
    cfg.endpoint_url = "https://user@example.com";
    scripted_transport transport;
    test_client client(cfg, transport);
    CHECK(client.request_cancel_workflow_execution({"d", "w", std::nullopt}).error().kind ==
          swfpp::errc::configuration_error);
    CHECK(transport.s->sent.empty());
}

TEST_CASE("a custom endpoint URL replaces the regional endpoint") {
    auto cfg = config();
    cfg.endpoint_url = "http://127.0.0.1:8000";
    scripted_transport transport;
    transport.s->reply = reply(200, "");
    test_client client(cfg, transport);
    REQUIRE(client.request_cancel_workflow_execution({"d", "w", std::nullopt}).ok());
    CHECK(transport.s->sent[0].scheme == "http");
    CHECK(transport.s->sent[0].port == 8000);
    CHECK(swfpp::find_header(transport.s->sent[0].headers, "Host")->value == "127.0.0.1:8000");
}

TEST_CASE("FIPS and dual-stack settings choose the matching endpoint, and refuse a custom URL") {
    auto cfg = config();
    cfg.use_fips = true;
    cfg.use_dualstack = true;
    scripted_transport transport;
    transport.s->reply = reply(200, "");
    test_client client(cfg, transport);
    REQUIRE(client.request_cancel_workflow_execution({"d", "w", std::nullopt}).ok());
    CHECK(transport.s->sent[0].host == "swf-fips.us-east-1.api.aws");

    cfg.endpoint_url = "https://example.com";
    test_client custom(cfg, transport);
    const auto r = custom.request_cancel_workflow_execution({"d", "w", std::nullopt});
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().kind == swfpp::errc::configuration_error);
    CHECK(r.error().message == "Invalid Configuration: FIPS and custom endpoint are not supported");
}

TEST_CASE("a user agent suffix follows swfpp's own product token") {
    auto cfg = config();
    cfg.user_agent_suffix = "my-app/2.0";
    scripted_transport transport;
    transport.s->reply = reply(200, "");
    test_client client(cfg, transport);
    REQUIRE(client.request_cancel_workflow_execution({"d", "w", std::nullopt}).ok());
    CHECK(swfpp::find_header(transport.s->sent[0].headers, "User-Agent")->value ==
          "swfpp/" SWFPP_VERSION_STRING " my-app/2.0");
}

TEST_CASE("a modelled fault comes back typed, with the request id") {
    scripted_transport transport;
    transport.s->reply = reply(400, R"({"__type":"com.amazonaws.swf.base.model#UnknownResourceFault","message":"Unknown execution"})");
    test_client client(config(), transport);
    const auto r = client.request_cancel_workflow_execution({"d", "w", std::string("r")});
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().is(swfpp::swf_fault::unknown_resource));
    CHECK(r.error().message == "Unknown execution");
    CHECK(r.error().request_id == "req-123");
}

TEST_CASE("a transport failure is returned as it is") {
    scripted_transport transport;
    transport.s->fail = true;
    test_client client(config(), transport);
    const auto r = client.request_cancel_workflow_execution({"d", "w", std::nullopt});
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().kind == swfpp::errc::transport_failed);
    CHECK(r.error().transport == swfpp::transport_errc::connect_failed);
}

TEST_CASE("prepare builds and signs without sending") {
    scripted_transport transport;
    test_client client(config(), transport);
    swfpp::http_request req;
    REQUIRE(client.prepare<swfpp::request_cancel_workflow_execution>({"d", "w", std::nullopt}, req).ok());
    CHECK(swfpp::find_header(req.headers, "Authorization") != nullptr);
    CHECK(transport.s->sent.empty());
}

TEST_CASE("concurrent calls from many threads on one client each get exactly one result") {
    scripted_transport transport;
    transport.s->reply = reply(400, R"({"__type":"UnknownResourceFault","message":"m"})");
    test_client client(config(), transport);
    constexpr int threads = 8, calls = 500;
    std::atomic<int> faults{0};
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t)
        pool.emplace_back([&, t] {
            for (int i = 0; i < calls; ++i) {
                const auto id = "w-" + std::to_string(t) + "-" + std::to_string(i);
                const auto r = client.request_cancel_workflow_execution({"d", id, std::nullopt});
                if (!r.ok() && r.error().is(swfpp::swf_fault::unknown_resource)) ++faults;
            }
        });
    for (auto& th : pool) th.join();
    CHECK(faults == threads * calls);
    CHECK(transport.s->sent.size() == static_cast<std::size_t>(threads * calls));
}
