#include <doctest/doctest.h>

#include <swfpp/endpoint.hpp>

#include <string>

TEST_CASE("a region resolves to https://swf.{region}.{partition suffix}") {
    struct expectation {
        const char* region;
        const char* host;
    };
    const expectation cases[] = {
        {"us-east-1", "swf.us-east-1.amazonaws.com"},
        {"eu-west-3", "swf.eu-west-3.amazonaws.com"},
        {"cn-north-1", "swf.cn-north-1.amazonaws.com.cn"},
        {"us-gov-west-1", "swf.us-gov-west-1.amazonaws.com"},
        {"us-iso-east-1", "swf.us-iso-east-1.c2s.ic.gov"},
        {"us-isob-east-1", "swf.us-isob-east-1.sc2s.sgov.gov"},
        {"eu-isoe-west-1", "swf.eu-isoe-west-1.cloud.adc-e.uk"},
        {"us-isof-south-1", "swf.us-isof-south-1.csp.hci.ic.gov"},
        {"eusc-de-east-1", "swf.eusc-de-east-1.amazonaws.eu"},
        {"local", "swf.local.amazonaws.com"},  // unknown regions fall back to the aws partition
    };
    for (const auto& c : cases) {
        CAPTURE(c.region);
        const auto ep = swfpp::endpoint_for_region(c.region);
        REQUIRE(ep.ok());
        CHECK(ep->scheme == "https");
        CHECK(ep->host == c.host);
        CHECK(ep->port == 0);
        CHECK(ep->path == "/");
    }
}

TEST_CASE("a region that is not a valid host label is rejected with botocore's message") {
    for (const char* region : {"evil.example/#", "us-east-1\r\nX: y", "-us", "us-", "123", "a b"}) {
        CAPTURE(region);
        const auto ep = swfpp::endpoint_for_region(region);
        REQUIRE_FALSE(ep.ok());
        CHECK(ep.error().kind == swfpp::errc::configuration_error);
        CHECK(ep.error().message.find("doesn't match a supported format") != std::string::npos);
    }
    const auto empty = swfpp::endpoint_for_region("");
    REQUIRE_FALSE(empty.ok());
    CHECK(empty.error().message == "You must specify a region.");
}

TEST_CASE("custom endpoint URLs are parsed into scheme, host, port and path") {
    auto ep = swfpp::parse_endpoint_url("http://127.0.0.1:4566");
    REQUIRE(ep.ok());
    CHECK(ep->scheme == "http");
    CHECK(ep->host == "127.0.0.1");
    CHECK(ep->port == 4566);
    CHECK(ep->path == "/");
    CHECK(swfpp::host_header_value(*ep) == "127.0.0.1:4566");

    ep = swfpp::parse_endpoint_url("https://swf.example.com/prefix");
    REQUIRE(ep.ok());
    CHECK(ep->path == "/prefix");
    CHECK(swfpp::host_header_value(*ep) == "swf.example.com");

    ep = swfpp::parse_endpoint_url("http://[::1]:8080/");
    REQUIRE(ep.ok());
    CHECK(ep->host == "[::1]");
    CHECK(swfpp::host_header_value(*ep) == "[::1]:8080");

    ep = swfpp::parse_endpoint_url("https://example.com:443");
    REQUIRE(ep.ok());
    CHECK(ep->port == 0);  // the scheme's default port has one spelling
    CHECK(swfpp::host_header_value(*ep) == "example.com");
    CHECK(swfpp::parse_endpoint_url("http://example.com:80")->port == 0);
    CHECK(swfpp::parse_endpoint_url("http://example.com:443")->port == 443);

    ep = swfpp::parse_endpoint_url("HTTPS://swf.example.com./a-b/%7Ec;v=1/@x:y");
    REQUIRE(ep.ok());  // scheme in any case, a trailing dot, path characters of RFC 3986
    CHECK(ep->scheme == "https");
    CHECK(ep->host == "swf.example.com.");
    CHECK(ep->path == "/a-b/%7Ec;v=1/@x:y");

    ep = swfpp::parse_endpoint_url("http://[::ffff:127.0.0.1]");
    REQUIRE(ep.ok());
    CHECK(ep->host == "[::ffff:127.0.0.1]");
}

TEST_CASE("an endpoint prints as the URL it was parsed from, without a root path") {
    for (const char* url : {"https://example.com", "http://127.0.0.1:4566", "https://swf.example.com:8443/prefix/",
                            "http://[::1]:8080/x"}) {
        CAPTURE(url);
        const auto ep = swfpp::parse_endpoint_url(url);
        REQUIRE(ep.ok());
        CHECK(swfpp::to_url(*ep) == url);
    }
    CHECK(swfpp::to_url(*swfpp::parse_endpoint_url("https://example.com:443/")) == "https://example.com");
    CHECK(swfpp::to_url(*swfpp::endpoint_for_region("us-east-1")) == "https://swf.us-east-1.amazonaws.com");
}

TEST_CASE("a host name label may be 63 characters and a host 255, not more") {
    const std::string label63(63, 'a');
    CHECK(swfpp::parse_endpoint_url("https://" + label63 + ".com").ok());
    CHECK_FALSE(swfpp::parse_endpoint_url("https://" + label63 + "a.com").ok());
    std::string host;
    while (host.size() < 250) host += "abcd.";
    host += "xyz";  // 253 characters
    CHECK(swfpp::parse_endpoint_url("https://" + host).ok());
    CHECK(swfpp::parse_endpoint_url("https://" + host + "ab").ok());    // 255
    CHECK_FALSE(swfpp::parse_endpoint_url("https://" + host + "abc").ok());  // 256
}

TEST_CASE("custom endpoint URLs that could misdirect or inject are rejected") {
    for (const char* url : {"ftp://example.com", "example.com", "https://user:pw@example.com",
                            "https://example.com/?q=1", "https://example.com/#f", "https://exa mple.com",
                            "https://example.com\r\nX: y", "https://", "https://example.com:0",
                            "https://example.com:70000", "https://example.com:8a", "https://[::1",
                            "https://ex%41mple.com", "https://exa_mple.com", "https://-example.com",
                            "https://example-.com", "https://a..b", "https://.", "https://:443",
                            "https://[zz::1]", "https://[::1%25eth0]", "https://[::1]x",
                            "https://example.com/a b", "https://example.com/\xc3\xa9",
                            "https://example.com/a\"b", "https://example.com/%zz", "https://example.com/%4",
                            "https://example.com\\@evil.example", "https://example.com/\t",
                            "gopher://example.com", "file:///etc/passwd"}) {
        CAPTURE(url);
        const auto ep = swfpp::parse_endpoint_url(url);
        REQUIRE_FALSE(ep.ok());
        CHECK(ep.error().kind == swfpp::errc::configuration_error);
    }
    CHECK_FALSE(swfpp::parse_endpoint_url(std::string("https://a\0b", 11)).ok());
}
