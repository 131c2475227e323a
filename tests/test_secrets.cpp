// Secrets: the secret access key and the session token never appear in anything swfpp produces
// for people or logs — error fields of every kind (client, signer, transport, service, retry
// stops), the attempt hook, call_info, a prepared (dry-run) request outside its token header,
// or the process's stdout/stderr. The token is only ever in X-Amz-Security-Token; the secret is
// never sent at all.
#include <doctest/doctest.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <string_view>
#include <swfpp/client.hpp>
#include <swfpp/operations/request_cancel_workflow_execution.hpp>
#include <swfpp/retry.hpp>
#include <swfpp/sigv4.hpp>
#include <vector>

#include "support/retry_doubles.hpp"

using namespace std::chrono_literals;
using swfpp_test::fault;

namespace {

constexpr std::string_view secret = "SECRET7f3a9cDoNotLeakXq/+9";
constexpr std::string_view token = "TOKENb41d2eDoNotLeakZw==";
// Fragments long enough to be unmistakable, short enough to catch a partial copy.
const std::vector<std::string_view> fragments = {
    secret, token, secret.substr(0, 12), secret.substr(12), token.substr(0, 12), token.substr(12)};

swfpp::client_config config_with_secrets() {
    swfpp::client_config c;
    c.region = "us-east-1";
    c.credentials = {"AKIDEXAMPLE", std::string(secret), std::string(token)};
    return c;
}

void check_clean(std::string_view where, std::string_view text) {
    for (std::string_view f : fragments) CHECK_MESSAGE(text.find(f) == std::string_view::npos, where, ": ", text);
}

std::string describe(const swfpp::error& e) {
    std::string s = e.code + "|" + e.message + "|" + e.request_id + "|" + e.member + "|" +
                    std::to_string(e.http_status) + "|" + std::string(swfpp::to_string(e.fault));
#if SWFPP_EXCEPTIONS
    s += "|" + std::string(swfpp::error_exception(e).what());
#endif
    return s;
}

std::string describe(const swfpp::attempt_event& e) {
    std::string s(e.operation);
    s.append("|").append(e.invocation_id).append("|").append(std::to_string(e.attempt));
    s.append("|").append(std::to_string(e.next.delay.count()));
    if (e.failure) s.append("|").append(describe(*e.failure));
    return s;
}

// Everything of a request but the token header's value: what a dry run may show.
std::string describe_without_token(const swfpp::http_request& r) {
    std::string s = r.method + " " + r.scheme + "://" + r.host + r.target + "\n";
    for (const auto& h : r.headers)
        s += h.name + ": " + (swfpp::iequals(h.name, "X-Amz-Security-Token") ? std::string("<redacted>") : h.value) +
             "\n";
    return s + r.body;
}

// Redirects stdout and stderr to a temporary file while alive; text() reads what was written.
class captured_output {
public:
    captured_output() : file_(std::tmpfile()) {
        std::fflush(stdout);
        std::fflush(stderr);
        saved_out_ = dup(1);
        saved_err_ = dup(2);
        dup2(fileno(file_), 1);
        dup2(fileno(file_), 2);
    }
    ~captured_output() {
        restore();
        std::fclose(file_);
    }
    std::string text() {
        restore();
        std::string s;
        std::rewind(file_);
        for (int c; (c = std::fgetc(file_)) != EOF;) s.push_back(static_cast<char>(c));
        return s;
    }

private:
    void restore() {
        if (saved_out_ < 0) return;
        std::fflush(stdout);
        std::fflush(stderr);
        dup2(saved_out_, 1);
        dup2(saved_err_, 2);
        close(saved_out_);
        close(saved_err_);
        saved_out_ = saved_err_ = -1;
    }
    std::FILE* file_;
    int saved_out_ = -1, saved_err_ = -1;
};

}  // namespace

TEST_CASE("no error, hook event or call_info of any kind of failure contains the secret or the token") {
    std::string logged;
    auto cfg = config_with_secrets();
    cfg.on_attempt = [&logged](const swfpp::attempt_event& e) { logged += describe(e) + "\n"; };
    std::vector<swfpp::error> errors;

    swfpp_test::fault_transport transport;
    swfpp_test::fake_clock clock;
    swfpp_test::client<> client(cfg, transport, swfpp_test::signer(), clock);
    auto collect = [&](const swfpp::request_cancel_workflow_execution_input& in) {
        swfpp::call_info info;
        auto r = client.request_cancel_workflow_execution(in, info);
        logged += info.invocation_id + "\n";
        if (!r.ok()) errors.push_back(r.error());
    };

    // Validation: every member invalid in turn, including input that contains the secret's
    // neighbours (an invalid value is never echoed with credentials).
    collect({"", "w", std::nullopt});
    collect({"d", "", std::nullopt});
    collect({"d", "w\xff", std::nullopt});
    // Transport failures of every kind, each retried to the limit.
    for (auto why : {swfpp::transport_errc::connect_failed, swfpp::transport_errc::timed_out,
                     swfpp::transport_errc::connection_reset, swfpp::transport_errc::tls_failed,
                     swfpp::transport_errc::response_too_large, swfpp::transport_errc::protocol_error,
                     swfpp::transport_errc::other}) {
        for (int i = 0; i < 3; ++i) transport.push(fault::transport(why, "transport detail"));
        collect(swfpp_test::cancel_input);
    }
    // Service errors: modelled, throttling, 5xx, HTML, clock skew (with and without Date), access.
    for (int i = 0; i < 3; ++i) transport.push(fault::throttling());
    collect(swfpp_test::cancel_input);
    transport.push(fault::unknown_resource());
    collect(swfpp_test::cancel_input);
    for (int i = 0; i < 3; ++i) transport.push(fault::unavailable_html());
    collect(swfpp_test::cancel_input);
    transport.push(fault::error_code(403, "InvalidSignatureException", {{"Date", "Sun, 30 Aug 2015 12:00:00 GMT"}}));
    transport.push(fault::error_code(403, "SignatureDoesNotMatch"));
    collect(swfpp_test::cancel_input);
    transport.push(fault::error_code(403, "AccessDeniedException"));
    collect(swfpp_test::cancel_input);
    transport.push(fault::reply(200, "{not json"));
    collect(swfpp_test::cancel_input);
    transport.push(fault::reply(200, R"({"unexpected":[1,2,3]})"));
    collect(swfpp_test::cancel_input);

    // Configuration and signer errors: each with its own client.
    auto failing = [&](swfpp::client_config c) {
        c.on_attempt = cfg.on_attempt;
        swfpp_test::client<> other(c, transport, swfpp_test::signer(), clock);
        auto r = other.request_cancel_workflow_execution(swfpp_test::cancel_input);
        REQUIRE_FALSE(r.ok());
        errors.push_back(r.error());
        swfpp::http_request dry;
        auto p = other.prepare<swfpp::request_cancel_workflow_execution>(swfpp_test::cancel_input, dry);
        REQUIRE_FALSE(p.ok());
        errors.push_back(p.error());
    };
    {
        auto c = config_with_secrets();
        c.region = "";
        failing(c);
        c.region = "evil.example/#";
        failing(c);
        c = config_with_secrets();
        c.endpoint_url = std::string("https://AKID:") + std::string(secret) + "@example.com";
        failing(c);
        c = config_with_secrets();
        c.credentials.access_key_id.clear();
        failing(c);
        c = config_with_secrets();
        c.credentials.access_key_id = "AKID\r\nX-Injected: 1";
        failing(c);
        c = config_with_secrets();
        c.credentials.session_token = std::string(token) + "\n" + std::string(token);
        failing(c);
        c = config_with_secrets();
        c.user_agent_suffix = std::string("app\r\n") + std::string(secret);
        failing(c);
    }
    // The sans-I/O signer on its own.
    {
        swfpp::http_request r;
        r.headers.push_back({"Bad Header", std::string(secret)});
        const swfpp::credentials creds{"AKID", std::string(secret), std::string(token)};
        const auto e = swfpp_test::signer().sign(r, {creds, "us-east-1", "swf", swfpp_test::epoch});
        REQUIRE_FALSE(e.ok());
        errors.push_back(e.error());
        r.headers[0] = {"X-Ok", std::string(secret) + "\r\n"};
        const auto e2 = swfpp_test::signer().sign(r, {creds, "us-east-1", "swf", swfpp_test::epoch});
        REQUIRE_FALSE(e2.ok());
        errors.push_back(e2.error());
    }

    CHECK(errors.size() >= 30);
    for (const auto& e : errors) check_clean("error", describe(e));
    CHECK(logged.size() > 1000);
    check_clean("attempt hook", logged);
}

TEST_CASE("a prepared (dry-run) request holds the token only in its header, and never the secret") {
    swfpp_test::fault_transport transport;
    swfpp_test::fake_clock clock;
    swfpp_test::client<> client(config_with_secrets(), transport, swfpp_test::signer(), clock);
    swfpp::http_request dry;
    REQUIRE(client.prepare<swfpp::request_cancel_workflow_execution>(swfpp_test::cancel_input, dry).ok());
    check_clean("dry run", describe_without_token(dry));
    CHECK(swfpp_test::header(dry, "X-Amz-Security-Token") == token);
}

TEST_CASE("on the wire, the secret is never sent and the token only in X-Amz-Security-Token, on every attempt") {
    swfpp_test::fault_transport transport;
    swfpp_test::fake_clock clock;
    swfpp_test::client<> client(config_with_secrets(), transport, swfpp_test::signer(), clock);
    transport.push(fault::connection_reset());
    transport.push(fault::server_error());
    REQUIRE(client.request_cancel_workflow_execution(swfpp_test::cancel_input).ok());
    const auto sent = transport.sent();
    REQUIRE(sent.size() == 3);
    for (const auto& r : sent) {
        check_clean("request", describe_without_token(r));
        CHECK(swfpp_test::header(r, "X-Amz-Security-Token") == token);
    }
}

TEST_CASE("the library writes nothing to stdout or stderr, whatever happens") {
    std::string text;
    {
        captured_output out;
        swfpp_test::fault_transport transport;
        swfpp_test::fake_clock clock;
        swfpp_test::client<> client(config_with_secrets(), transport, swfpp_test::signer(), clock);
        transport.push(fault::timeout());
        transport.push(
            fault::error_code(403, "InvalidSignatureException", {{"Date", "Sun, 30 Aug 2015 13:00:00 GMT"}}));
        (void)client.request_cancel_workflow_execution(swfpp_test::cancel_input);
        (void)client.request_cancel_workflow_execution({"", "", std::nullopt});
        auto c = config_with_secrets();
        c.credentials.session_token += "\n";
        swfpp_test::client<> bad(c, transport, swfpp_test::signer(), clock);
        (void)bad.request_cancel_workflow_execution(swfpp_test::cancel_input);
        text = out.text();
    }
    CHECK(text.empty());
    check_clean("stdout/stderr", text);
}
