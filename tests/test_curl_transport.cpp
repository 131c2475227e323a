#include <doctest/doctest.h>

#include <swfpp/transport/curl.hpp>

#include "support/loopback_http_server.hpp"

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>
#include <thread>
#include <vector>

namespace {

using namespace std::chrono_literals;
using swfpp_test::loopback_http_server;
using swfpp_test::scripted_response;

// Secrets a real request carries; no error message may ever contain them.
const std::string fake_token = "FAKE-SESSION-TOKEN-5d1c0e";
const std::string fake_signature = "Signature=0123456789abcdef-FAKE-SIG";

swfpp::http_request make_request(std::uint16_t port, std::string body = R"({"registrationStatus":"REGISTERED"})") {
    swfpp::http_request r;
    r.method = "POST";
    r.scheme = "http";
    r.host = "127.0.0.1";
    r.port = port;
    r.target = "/";
    r.headers = {
        {"Host", "127.0.0.1:" + std::to_string(port)},
        {"X-Amz-Target", "SimpleWorkflowService.ListDomains"},
        {"Content-Type", "application/x-amz-json-1.0"},
        {"X-Amz-Date", "20240101T000000Z"},
        {"X-Amz-Security-Token", fake_token},
        {"Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240101/us-east-1/swf/aws4_request, "
                          "SignedHeaders=host;x-amz-date;x-amz-target, " + fake_signature},
    };
    r.body = std::move(body);
    return r;
}

// Bounds against a hang only: a loopback exchange is far quicker, but a loaded machine must not
// turn a slow answer into a spurious timeout. No test asserts how long anything took.
swfpp::curl_transport_options fast_options() {
    swfpp::curl_transport_options o;
    o.connect_timeout = 60s;
    o.total_timeout = 60s;
    return o;
}

// Barrier for "nothing was sent": a valid request on a fresh transport (a new connection), sent
// after the refused one and waited for. The server accepts connections in arrival order and
// records a request before answering it, so once this one is recorded anything the refused
// send had put on the wire would have been counted too.
void send_probe_and_wait(loopback_http_server& srv) {
    swfpp::curl_transport probe(fast_options());
    swfpp::http_response resp;
    REQUIRE(probe.send(make_request(srv.port(), "probe"), resp).ok());
    REQUIRE(srv.wait_for_requests(1, 60000ms));
}

void check_no_secret(const swfpp::error& e) {
    CHECK(e.message.find(fake_token) == std::string::npos);
    CHECK(e.message.find(fake_signature) == std::string::npos);
    CHECK(e.message.find("AKIDEXAMPLE") == std::string::npos);
}

swfpp::http_headers without(const swfpp::http_headers& in, std::string_view name) {
    swfpp::http_headers out;
    for (const auto& h : in)
        if (!swfpp::iequals(h.name, name)) out.push_back(h);
    return out;
}

}  // namespace

TEST_CASE("defaults allow SWF long polls and verify TLS") {
    swfpp::curl_transport_options o;
    CHECK(o.connect_timeout == 3100ms);
    CHECK(o.total_timeout >= 70s);  // long polls are held for 60 s
    CHECK(o.max_response_bytes == 8u * 1024 * 1024);
    CHECK(o.verify_tls);
    CHECK(o.ca_bundle.empty());
}

TEST_CASE("a POST arrives with exactly the given method, target, headers and body plus Content-Length") {
    loopback_http_server srv;
    REQUIRE(srv.ok());
    swfpp::curl_transport t(fast_options());
    auto req = make_request(srv.port());
    swfpp::http_response resp;
    REQUIRE(t.send(req, resp).ok());

    auto seen = srv.requests();
    REQUIRE(seen.size() == 1);
    CHECK(seen[0].method == "POST");
    CHECK(seen[0].target == "/");
    CHECK(seen[0].version == "HTTP/1.1");
    CHECK(seen[0].body == req.body);
    REQUIRE(seen[0].header("Content-Length"));
    CHECK(*seen[0].header("Content-Length") == std::to_string(req.body.size()));
    // Nothing else added or reordered: no Accept, Expect, User-Agent or second Content-Type.
    auto others = without(seen[0].headers, "Content-Length");
    REQUIRE(others.size() == req.headers.size());
    for (std::size_t i = 0; i < others.size(); ++i) {
        CHECK(others[i].name == req.headers[i].name);
        CHECK(others[i].value == req.headers[i].value);
    }
}

TEST_CASE("a large body is sent without Expect: 100-continue") {
    swfpp_test::loopback_server_options so;
    so.max_request_bytes = 4 << 20;
    loopback_http_server srv(so);
    REQUIRE(srv.ok());
    swfpp::curl_transport t(fast_options());
    auto req = make_request(srv.port(), std::string(1536 * 1024, 'x'));  // above curl's 1 MiB threshold
    swfpp::http_response resp;
    REQUIRE(t.send(req, resp).ok());
    auto seen = srv.requests();
    REQUIRE(seen.size() == 1);
    CHECK(seen[0].header("Expect") == nullptr);
    CHECK(seen[0].body.size() == req.body.size());
}

TEST_CASE("curl adds no Content-Type or Accept of its own") {
    loopback_http_server srv;
    REQUIRE(srv.ok());
    swfpp::curl_transport t(fast_options());
    auto req = make_request(srv.port());
    req.headers = without(req.headers, "Content-Type");
    swfpp::http_response resp;
    REQUIRE(t.send(req, resp).ok());
    auto seen = srv.requests();
    REQUIRE(seen.size() == 1);
    CHECK(seen[0].header("Content-Type") == nullptr);
    CHECK(seen[0].header("Accept") == nullptr);
}

TEST_CASE("an empty header value is sent as an empty header, not dropped") {
    loopback_http_server srv;
    REQUIRE(srv.ok());
    swfpp::curl_transport t(fast_options());
    auto req = make_request(srv.port());
    req.headers.push_back({"X-Empty", ""});
    swfpp::http_response resp;
    REQUIRE(t.send(req, resp).ok());
    auto seen = srv.requests();
    REQUIRE(seen.size() == 1);
    REQUIRE(seen[0].header("X-Empty"));
    CHECK(seen[0].header("X-Empty")->empty());
}

TEST_CASE("the request target is sent as given, without dot-segment normalisation") {
    loopback_http_server srv;
    REQUIRE(srv.ok());
    swfpp::curl_transport t(fast_options());
    auto req = make_request(srv.port());
    req.target = "/a/../b/./c?x=1&y=%2F";
    swfpp::http_response resp;
    REQUIRE(t.send(req, resp).ok());
    auto seen = srv.requests();
    REQUIRE(seen.size() == 1);
    CHECK(seen[0].target == "/a/../b/./c?x=1&y=%2F");
}

TEST_CASE("GET without a body and PUT with one use the given method") {
    loopback_http_server srv;
    REQUIRE(srv.ok());
    swfpp::curl_transport t(fast_options());
    auto get = make_request(srv.port(), "");
    get.method = "GET";
    auto put = make_request(srv.port(), "payload");
    put.method = "PUT";
    swfpp::http_response resp;
    REQUIRE(t.send(get, resp).ok());
    REQUIRE(t.send(put, resp).ok());
    auto seen = srv.requests();
    REQUIRE(seen.size() == 2);
    CHECK(seen[0].method == "GET");
    CHECK(seen[0].body.empty());
    CHECK(seen[1].method == "PUT");
    CHECK(seen[1].body == "payload");
}

TEST_CASE("status, headers in order with trimmed values, and body come back; an error status is not a transport error") {
    loopback_http_server srv;
    REQUIRE(srv.ok());
    srv.enqueue(scripted_response::reply(400, R"({"__type":"com.amazonaws.swf.base.model#UnknownResourceFault"})",
                                         {{"x-amzn-RequestId", "req-1"},
                                          {"Content-Type", "application/x-amz-json-1.0"},
                                          {"X-Dup", "  one  "},
                                          {"X-Dup", "two"}}));
    swfpp::curl_transport t(fast_options());
    swfpp::http_response resp;
    REQUIRE(t.send(make_request(srv.port()), resp).ok());
    CHECK(resp.status == 400);
    CHECK(resp.body == R"({"__type":"com.amazonaws.swf.base.model#UnknownResourceFault"})");
    REQUIRE(resp.headers.size() == 5);
    CHECK(resp.headers[0].name == "x-amzn-RequestId");
    CHECK(resp.headers[0].value == "req-1");
    CHECK(resp.headers[1].name == "Content-Type");
    CHECK(resp.headers[2].name == "X-Dup");
    CHECK(resp.headers[2].value == "one");
    CHECK(resp.headers[3].value == "two");
    CHECK(resp.headers[4].name == "Content-Length");
    CHECK(resp.headers[4].value == std::to_string(resp.body.size()));
}

TEST_CASE("headers of an interim 1xx response are discarded") {
    loopback_http_server srv;
    REQUIRE(srv.ok());
    srv.enqueue(scripted_response::raw_bytes("HTTP/1.1 100 Continue\r\nX-Interim: yes\r\n\r\n"
                                             "HTTP/1.1 200 OK\r\nX-Final: yes\r\nContent-Length: 2\r\n\r\n{}",
                                             false));
    swfpp::curl_transport t(fast_options());
    swfpp::http_response resp;
    REQUIRE(t.send(make_request(srv.port()), resp).ok());
    CHECK(resp.status == 200);
    CHECK(swfpp::find_header(resp.headers, "X-Interim") == nullptr);
    CHECK(swfpp::find_header(resp.headers, "X-Final") != nullptr);
    CHECK(resp.body == "{}");
}

TEST_CASE("two sequential calls reuse one connection") {
    loopback_http_server srv;
    REQUIRE(srv.ok());
    swfpp::curl_transport t(fast_options());
    swfpp::http_response resp;
    REQUIRE(t.send(make_request(srv.port()), resp).ok());
    REQUIRE(t.send(make_request(srv.port()), resp).ok());
    CHECK(srv.request_count() == 2);
    CHECK(srv.connections_accepted() == 1);
}

TEST_CASE("a moved-to transport keeps working; the moved-from one reports an error") {
    loopback_http_server srv;
    REQUIRE(srv.ok());
    swfpp::curl_transport a(fast_options());
    swfpp::curl_transport b(std::move(a));
    swfpp::http_response resp;
    CHECK(b.send(make_request(srv.port()), resp).ok());
    auto r = a.send(make_request(srv.port()), resp);  // NOLINT(bugprone-use-after-move): pinned behaviour
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().transport == swfpp::transport_errc::other);
}

TEST_CASE("concurrent sends from several threads on one transport all succeed") {
    loopback_http_server srv;
    REQUIRE(srv.ok());
    swfpp::curl_transport t(fast_options());
    constexpr int threads = 8, calls = 10;
    std::atomic<int> succeeded{0};
    std::vector<std::thread> pool;
    for (int i = 0; i < threads; ++i)
        pool.emplace_back([&, i] {
            for (int j = 0; j < calls; ++j) {
                swfpp::http_response resp;
                auto req = make_request(srv.port(), std::to_string(i * 100 + j));
                if (t.send(req, resp).ok() && resp.status == 200 && resp.body == "{}") ++succeeded;
            }
        });
    for (auto& th : pool) th.join();
    CHECK(succeeded == threads * calls);
    CHECK(srv.request_count() == static_cast<std::size_t>(threads * calls));
    CHECK(srv.connections_accepted() <= static_cast<std::size_t>(threads));  // handles are pooled
}

TEST_CASE("connection refused maps to connect_failed") {
    swfpp::curl_transport t(fast_options());
    swfpp::http_response resp;
    auto r = t.send(make_request(swfpp_test::unused_port()), resp);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().kind == swfpp::errc::transport_failed);
    CHECK(r.error().transport == swfpp::transport_errc::connect_failed);
    CHECK(r.error().message.rfind("curl transport: ", 0) == 0);
    check_no_secret(r.error());
}

TEST_CASE("a server slower than total_timeout maps to timed_out") {
    loopback_http_server srv;
    REQUIRE(srv.ok());
    // The answer comes 300 times later than the timeout (stop() cuts the wait short when the
    // test ends): if total_timeout did not apply, send would get this 200 instead of failing.
    srv.enqueue(scripted_response::reply(200, "{}").after(60000ms));
    auto o = fast_options();
    o.total_timeout = 200ms;
    swfpp::curl_transport t(o);
    swfpp::http_response resp;
    auto r = t.send(make_request(srv.port()), resp);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().transport == swfpp::transport_errc::timed_out);
    CHECK(resp.status != 200);
    CHECK(srv.request_count() == 1);  // it was sent, and the wait for the answer timed out
    check_no_secret(r.error());
}

TEST_CASE("a body over max_response_bytes maps to response_too_large") {
    loopback_http_server srv;
    REQUIRE(srv.ok());
    auto o = fast_options();
    o.max_response_bytes = 1024;
    swfpp::curl_transport t(o);
    swfpp::http_response resp;

    SUBCASE("announced by Content-Length") { srv.enqueue(scripted_response::reply(200, std::string(4096, 'x'))); }
    SUBCASE("chunked, so only counting can tell") {
        std::string chunk(600, 'y');
        srv.enqueue(scripted_response::raw_bytes("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                                                 "258\r\n" + chunk + "\r\n258\r\n" + chunk + "\r\n0\r\n\r\n"));
    }
    auto r = t.send(make_request(srv.port()), resp);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().transport == swfpp::transport_errc::response_too_large);
    check_no_secret(r.error());
}

TEST_CASE("an announced length over the limit fails before the body is read, not at the timeout") {
    loopback_http_server srv;
    REQUIRE(srv.ok());
    // Claims 10 GB, sends a few bytes and keeps the connection open: reading on would hang.
    srv.enqueue(scripted_response::raw_bytes("HTTP/1.1 200 OK\r\nContent-Length: 10000000000\r\n\r\nabc", false));
    // Reading on would end only at total_timeout (60 s), as timed_out: the error kind tells
    // the early refusal from the timeout, with no clock involved.
    swfpp::curl_transport t(fast_options());
    swfpp::http_response resp;
    auto r = t.send(make_request(srv.port()), resp);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().transport == swfpp::transport_errc::response_too_large);
    CHECK(resp.body.size() <= t.options().max_response_bytes);
}

TEST_CASE("a connection closed without an answer maps to connection_reset") {
    loopback_http_server srv;
    REQUIRE(srv.ok());
    srv.enqueue(scripted_response::close_connection());
    swfpp::curl_transport t(fast_options());
    swfpp::http_response resp;
    auto r = t.send(make_request(srv.port()), resp);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().transport == swfpp::transport_errc::connection_reset);
    check_no_secret(r.error());
}

TEST_CASE("a body shorter than its Content-Length before close maps to connection_reset") {
    loopback_http_server srv;
    REQUIRE(srv.ok());
    srv.enqueue(scripted_response::raw_bytes("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly ten b"));
    swfpp::curl_transport t(fast_options());
    swfpp::http_response resp;
    auto r = t.send(make_request(srv.port()), resp);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().transport == swfpp::transport_errc::connection_reset);
}

TEST_CASE("a reply that is not HTTP maps to protocol_error") {
    loopback_http_server srv;
    REQUIRE(srv.ok());
    srv.enqueue(scripted_response::raw_bytes("SSH-2.0-OpenSSH_9.2\r\n\r\n"));
    swfpp::curl_transport t(fast_options());
    swfpp::http_response resp;
    auto r = t.send(make_request(srv.port()), resp);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().transport == swfpp::transport_errc::protocol_error);
}

TEST_CASE("a header value containing CR, LF or NUL is refused and nothing is sent") {
    loopback_http_server srv;
    REQUIRE(srv.ok());
    swfpp::curl_transport t(fast_options());
    auto req = make_request(srv.port());
    std::string bad;
    SUBCASE("CR LF") { bad = fake_token + "\r\nX-Injected: 1"; }
    SUBCASE("bare LF") { bad = fake_token + "\nX-Injected: 1"; }
    SUBCASE("NUL") { bad = fake_token + std::string(1, '\0') + "tail"; }
    swfpp::set_header(req.headers, "X-Amz-Security-Token", bad);
    swfpp::http_response resp;
    auto r = t.send(req, resp);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().kind == swfpp::errc::transport_failed);
    CHECK(r.error().transport == swfpp::transport_errc::other);
    CHECK(r.error().message.find("X-Amz-Security-Token") != std::string::npos);  // names the culprit
    check_no_secret(r.error());
    send_probe_and_wait(srv);
    CHECK(srv.connections_accepted() == 1);  // the probe's only
    REQUIRE(srv.request_count() == 1);
    CHECK(srv.requests()[0].body == "probe");
}

TEST_CASE("a malformed scheme, host or target is refused and nothing is sent") {
    loopback_http_server srv;
    REQUIRE(srv.ok());
    swfpp::curl_transport t(fast_options());
    auto req = make_request(srv.port());
    SUBCASE("scheme") { req.scheme = "file"; }
    SUBCASE("host with userinfo") { req.host = "evil@127.0.0.1"; }
    SUBCASE("target not origin-form") { req.target = "x"; }
    SUBCASE("target with a space") { req.target = "/a b"; }
    SUBCASE("method with a space") { req.method = "POST /x"; }
    swfpp::http_response resp;
    auto r = t.send(req, resp);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().transport == swfpp::transport_errc::other);
    send_probe_and_wait(srv);
    CHECK(srv.connections_accepted() == 1);  // the probe's only
    REQUIRE(srv.request_count() == 1);
    CHECK(srv.requests()[0].body == "probe");
}

TEST_CASE("URLs bracket IPv6 literals and omit a zero port") {
    swfpp::http_request r;
    r.scheme = "HTTPS";
    r.host = "swf.us-east-1.amazonaws.com";
    r.target = "/";
    std::string url;
    swfpp::detail::curl_build_url(r, url);
    CHECK(url == "https://swf.us-east-1.amazonaws.com/");
    r.scheme = "http";
    r.host = "::1";
    r.port = 8080;
    r.target = "/p?q";
    swfpp::detail::curl_build_url(r, url);
    CHECK(url == "http://[::1]:8080/p?q");
    r.host = "[::1]";
    swfpp::detail::curl_build_url(r, url);
    CHECK(url == "http://[::1]:8080/p?q");
}

TEST_CASE("an IPv6 loopback server is reached through a bracketed URL") {
    swfpp_test::loopback_server_options so;
    so.address = "::1";
    loopback_http_server srv(so);
    if (!srv.ok()) {
        MESSAGE("no IPv6 loopback here: " << srv.setup_error());
        return;
    }
    swfpp::curl_transport t(fast_options());
    auto req = make_request(srv.port());
    req.host = "::1";
    swfpp::set_header(req.headers, "Host", "[::1]:" + std::to_string(srv.port()));
    swfpp::http_response resp;
    REQUIRE(t.send(req, resp).ok());
    CHECK(resp.status == 200);
    CHECK(srv.request_count() == 1);
}

TEST_CASE("the loopback server answers scripted responses in order, then its handler, then the default") {
    loopback_http_server srv;
    REQUIRE(srv.ok());
    srv.enqueue(scripted_response::reply(503, "slow down"));
    srv.set_handler([](const swfpp_test::recorded_request& req) -> std::optional<scripted_response> {
        if (req.body == "ask-handler") return scripted_response::reply(201, "from handler");
        return std::nullopt;
    });
    swfpp::curl_transport t(fast_options());
    swfpp::http_response resp;
    REQUIRE(t.send(make_request(srv.port(), "first"), resp).ok());
    CHECK(resp.status == 503);
    CHECK(resp.body == "slow down");
    REQUIRE(t.send(make_request(srv.port(), "ask-handler"), resp).ok());
    CHECK(resp.status == 201);
    REQUIRE(t.send(make_request(srv.port(), "other"), resp).ok());
    CHECK(resp.status == 200);
    CHECK(resp.body == "{}");
    CHECK(srv.wait_for_requests(3, 60000ms));  // already true: each send waited for its answer
    auto seen = srv.requests();
    REQUIRE(seen.size() == 3);
    CHECK(seen[0].connection == 1);
    CHECK(seen[2].connection == 1);
}
