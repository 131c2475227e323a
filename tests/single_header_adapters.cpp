// The single headers stand alone: this program is compiled with `-I single_include` and nothing
// from include/ (tests/meson.build). This translation unit includes both adapter single headers
// before the core one, so each adapter must bring all it needs and the core's include guards
// must then skip what the adapters already defined; single_header_curl_only.cpp includes one
// adapter single header alone. The second TU also proves the headers link twice (no ODR clash).
#include <doctest/doctest.h>

#include <swfpp/crypto/openssl.hpp>
#include <swfpp/transport/curl.hpp>
#include <swfpp/swfpp.hpp>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#ifndef SWFPP_HEADER_ONLY
#error "the single headers default to header-only mode"
#endif

// single_header_curl_only.cpp: only swfpp/transport/curl.hpp there.
swfpp::result<void> send_ftp_with_curl_only_header();

namespace {

std::string read_testdata(const std::string& relative) {
    const char* root = std::getenv("SWFPP_TESTDATA");
    REQUIRE_MESSAGE(root != nullptr, "SWFPP_TESTDATA is not set (tests/meson.build sets it)");
    std::ifstream in(std::string(root) + "/" + relative, std::ios::binary);
    REQUIRE_MESSAGE(in.good(), "cannot open " << relative);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

const std::chrono::system_clock::time_point suite_time{std::chrono::seconds(1440938160)};  // 2015-08-30T12:36:00Z

}  // namespace

TEST_CASE("single headers: the OpenSSL signer reproduces the AWS SigV4 suite's get-vanilla signature") {
    swfpp::http_request r;
    r.method = "GET";
    r.scheme = "https";
    r.host = "example.amazonaws.com";
    r.target = "/";
    r.headers = {{"Host", "example.amazonaws.com"}, {"X-Amz-Date", "20150830T123600Z"}};
    const swfpp::credentials creds{"AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", ""};
    const swfpp::signing_params params{creds, "us-east-1", "service", suite_time};
    REQUIRE(swfpp::openssl_sigv4_signer{}.sign(r, params).ok());
    const swfpp::http_header* authorization = swfpp::find_header(r.headers, "Authorization");
    REQUIRE(authorization != nullptr);
    CHECK(authorization->value == read_testdata("sigv4/get-vanilla/get-vanilla.authz"));
    CHECK(authorization->value.find("Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31") !=
          std::string::npos);
}

TEST_CASE("single headers: a client over curl_transport and the OpenSSL signer prepares a signed request") {
    using client_type = swfpp::basic_client<swfpp::curl_transport, swfpp::openssl_sigv4_signer>;
    swfpp::client_config config;
    config.region = "us-east-1";
    config.credentials = {"AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", ""};
    const client_type client(config);
    swfpp::http_request prepared;  // a dry run: nothing is sent
    REQUIRE(client.prepare<swfpp::request_cancel_workflow_execution>({"d", "w", std::nullopt}, prepared).ok());
    CHECK(prepared.host == "swf.us-east-1.amazonaws.com");
    const swfpp::http_header* authorization = swfpp::find_header(prepared.headers, "Authorization");
    REQUIRE(authorization != nullptr);
    CHECK(authorization->value.rfind("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/", 0) == 0);
}

TEST_CASE("single headers: curl_transport refuses a request it cannot send, before any I/O, in either TU") {
    swfpp::curl_transport transport;
    swfpp::http_request r;
    r.method = "GET";
    r.scheme = "ftp";
    r.host = "example.com";
    r.target = "/";
    swfpp::http_response response;
    const swfpp::result<void> here = transport.send(r, response);
    REQUIRE_FALSE(here.ok());
    CHECK(here.error().transport == swfpp::transport_errc::other);
    CHECK(here.error().message.find("unsupported scheme") != std::string::npos);

    const swfpp::result<void> there = send_ftp_with_curl_only_header();
    REQUIRE_FALSE(there.ok());
    CHECK(there.error().message == here.error().message);
}
