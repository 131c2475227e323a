// swfpp — where requests go: the SWF endpoint for a region, or a custom endpoint URL.
#ifndef SWFPP_ENDPOINT_HPP
#define SWFPP_ENDPOINT_HPP

#include <cstdint>
#include <string>
#include <string_view>

#include "swfpp/detail/config.hpp"
#include "swfpp/error.hpp"
#include "swfpp/result.hpp"

SWFPP_NAMESPACE_BEGIN

struct endpoint {
    std::string scheme = "https";  // "https" or "http"
    std::string host;              // DNS name, IPv4 literal, or IPv6 literal in brackets
    std::uint16_t port = 0;        // 0: the scheme's default
    std::string path = "/";        // request-target path; AWS JSON requests post here
};

// The Host header value: host, plus ":port" when the port is not the scheme's default.
inline std::string host_header_value(const endpoint& ep) {
    std::string value = ep.host;
    const bool default_port = ep.port == 0 || (ep.scheme == "https" && ep.port == 443) ||
                              (ep.scheme == "http" && ep.port == 80);
    if (!default_port) value += ":" + std::to_string(ep.port);
    return value;
}

namespace detail {

constexpr bool is_alnum(char c) noexcept {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// botocore's valid_host_label: 1..63 of [A-Za-z0-9-], not all digits, no leading or trailing
// '-'. This is what stops a region such as "evil.example/#" from steering signed requests.
constexpr bool is_valid_host_label(std::string_view s) noexcept {
    if (s.empty() || s.size() > 63 || s.front() == '-' || s.back() == '-') return false;
    bool all_digits = true;
    for (char c : s) {
        if (!is_alnum(c) && c != '-') return false;
        if (c < '0' || c > '9') all_digits = false;
    }
    return !all_digits;
}

constexpr bool starts_with(std::string_view s, std::string_view prefix) noexcept {
    return s.substr(0, prefix.size()) == prefix;
}

// Matches "<prefix>\w+-\d+" — the shape of every partition's regionRegex in partitions.json.
constexpr bool matches_region_pattern(std::string_view region, std::string_view prefix) noexcept {
    if (!starts_with(region, prefix)) return false;
    const auto rest = region.substr(prefix.size());
    const auto dash = rest.rfind('-');
    if (dash == std::string_view::npos || dash == 0 || dash + 1 == rest.size()) return false;
    for (char c : rest.substr(0, dash))
        if (!is_alnum(c) && c != '_') return false;
    for (char c : rest.substr(dash + 1))
        if (c < '0' || c > '9') return false;
    return true;
}

// DNS suffix of the partition a region belongs to (botocore data/partitions.json): an
// unrecognised region falls back to the "aws" partition, as the endpoint rules do.
constexpr std::string_view partition_dns_suffix(std::string_view region) noexcept {
    struct partition {
        std::string_view region_prefix;
        std::string_view dns_suffix;
    };
    constexpr partition partitions[] = {
        {"cn-", "amazonaws.com.cn"},      {"eusc-de-", "amazonaws.eu"},
        {"us-iso-", "c2s.ic.gov"},        {"us-isob-", "sc2s.sgov.gov"},
        {"eu-isoe-", "cloud.adc-e.uk"},   {"us-isof-", "csp.hci.ic.gov"},
        {"us-gov-", "amazonaws.com"},
    };
    for (const auto& p : partitions)
        if (matches_region_pattern(region, p.region_prefix)) return p.dns_suffix;
    return "amazonaws.com";
}

constexpr bool is_valid_reg_name_char(char c) noexcept {
    return is_alnum(c) || c == '-' || c == '.' || c == '_' || c == '~';
}

}  // namespace detail

// A region is required (SigV4 signs with it) and must be a valid host label, as botocore's
// validate_region_name demands; the messages are botocore's.
inline result<void> validate_region(std::string_view region) {
    if (region.empty()) return make_configuration_error("You must specify a region.");
    if (!detail::is_valid_host_label(region))
        return make_configuration_error("Provided region_name '" + std::string(region) +
                                        "' doesn't match a supported format.");
    return {};
}

// The regional SWF endpoint, https://swf.{region}.{partition dns suffix}.
inline result<endpoint> endpoint_for_region(std::string_view region) {
    if (auto valid = validate_region(region); !valid) return std::move(valid.error());
    endpoint ep;
    ep.host.reserve(5 + region.size() + 17);
    ep.host.append("swf.").append(region).append(".").append(detail::partition_dns_suffix(region));
    return ep;
}

// Parses a custom endpoint URL such as "http://127.0.0.1:4566" or "https://swf.example/prefix".
// Only http and https, no user info, no query or fragment, a plausible host and a numeric port.
inline result<endpoint> parse_endpoint_url(std::string_view url) {
    const auto bad = [&](std::string_view why) {
        return make_configuration_error("Invalid endpoint URL: " + std::string(why));
    };
    for (char c : url)
        if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7F) return bad("it contains whitespace or control characters");
    endpoint ep;
    const auto sep = url.find("://");
    if (sep == std::string_view::npos) return bad("it has no scheme (expected http:// or https://)");
    const auto scheme = url.substr(0, sep);
    if (scheme == "https" || scheme == "HTTPS")
        ep.scheme = "https";
    else if (scheme == "http" || scheme == "HTTP")
        ep.scheme = "http";
    else
        return bad("only http and https are supported");
    auto rest = url.substr(sep + 3);
    if (rest.find_first_of("?#") != std::string_view::npos) return bad("a query or fragment is not allowed");
    const auto slash = rest.find('/');
    auto authority = rest.substr(0, slash);
    const auto path = slash == std::string_view::npos ? std::string_view("/") : rest.substr(slash);
    if (authority.find('@') != std::string_view::npos) return bad("user information is not allowed");
    std::string_view port_text;
    if (!authority.empty() && authority.front() == '[') {
        const auto close = authority.find(']');
        if (close == std::string_view::npos) return bad("unterminated IPv6 literal");
        for (char c : authority.substr(1, close - 1))
            if (!(detail::is_alnum(c) || c == ':' || c == '.')) return bad("malformed IPv6 literal");
        ep.host = std::string(authority.substr(0, close + 1));
        const auto after = authority.substr(close + 1);
        if (!after.empty()) {
            if (after.front() != ':') return bad("malformed authority");
            port_text = after.substr(1);
        }
    } else {
        const auto colon = authority.find(':');
        const auto host = authority.substr(0, colon);
        for (char c : host)
            if (!detail::is_valid_reg_name_char(c)) return bad("the host has characters a host name cannot have");
        ep.host = std::string(host);
        if (colon != std::string_view::npos) port_text = authority.substr(colon + 1);
    }
    if (ep.host.empty() || ep.host == "[]") return bad("the host is empty");
    if (!port_text.empty()) {
        unsigned value = 0;
        for (char c : port_text) {
            if (c < '0' || c > '9' || value > 65535) return bad("the port is not a number from 1 to 65535");
            value = value * 10 + static_cast<unsigned>(c - '0');
        }
        if (value == 0 || value > 65535) return bad("the port is not a number from 1 to 65535");
        ep.port = static_cast<std::uint16_t>(value);
    }
    ep.path = std::string(path);
    return ep;
}

SWFPP_NAMESPACE_END

#endif
