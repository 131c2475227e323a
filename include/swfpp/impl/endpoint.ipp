// swfpp — bodies of swfpp/endpoint.hpp.
#ifndef SWFPP_IMPL_ENDPOINT_IPP
#define SWFPP_IMPL_ENDPOINT_IPP

#include "swfpp/endpoint.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "swfpp/detail/decimal.hpp"

SWFPP_NAMESPACE_BEGIN

void append_host_header_value(std::string& out, const endpoint& ep) {
    const bool default_port = ep.port == 0 || (ep.scheme == "https" && ep.port == 443) ||
                              (ep.scheme == "http" && ep.port == 80);
    if (default_port) return;
    out += ':';
    detail::append_decimal(out, ep.port);
}

std::string host_header_value(const endpoint& ep) {
    std::string value = ep.host;
    append_host_header_value(value, ep);
    return value;
}

std::string to_url(const endpoint& ep) {
    std::string url = ep.scheme;
    url.append("://").append(host_header_value(ep));
    if (ep.path != "/") url.append(ep.path);
    return url;
}

namespace detail {

inline constexpr std::string_view fips_and_custom_endpoint =
    "Invalid Configuration: FIPS and custom endpoint are not supported";
inline constexpr std::string_view dualstack_and_custom_endpoint =
    "Invalid Configuration: Dualstack and custom endpoint are not supported";
inline constexpr std::string_view missing_region = "Invalid Configuration: Missing Region";
inline constexpr std::string_view fips_and_dualstack_unsupported =
    "FIPS and DualStack are enabled, but this partition does not support one or both";
inline constexpr std::string_view fips_unsupported = "FIPS is enabled but this partition does not support FIPS";
inline constexpr std::string_view dualstack_unsupported =
    "DualStack is enabled but this partition does not support DualStack";

result<endpoint> resolve_regional_endpoint(std::string_view region, bool fips, bool dualstack,
                                           const aws_partition& p) {
    std::string_view service = "swf";
    std::string_view suffix = p.dns_suffix;
    const bool gov = p.name == "aws-us-gov";
    if (gov && fips && !dualstack) {
        // GovCloud's regular endpoints are its FIPS endpoints: swf.{Region}.{dnsSuffix}.
    } else if (gov && !fips && dualstack) {
        // ... and its dual-stack endpoints are FIPS too: swf-fips.{Region}.{dualStackDnsSuffix}.
        service = "swf-fips";
        suffix = p.dual_stack_dns_suffix;
    } else if (fips && dualstack) {
        if (!p.supports_fips || !p.supports_dual_stack)
            return make_configuration_error(std::string(fips_and_dualstack_unsupported));
        service = "swf-fips";
        suffix = p.dual_stack_dns_suffix;
    } else if (fips) {
        if (!p.supports_fips) return make_configuration_error(std::string(fips_unsupported));
        service = "swf-fips";
    } else if (dualstack) {
        if (!p.supports_dual_stack) return make_configuration_error(std::string(dualstack_unsupported));
        suffix = p.dual_stack_dns_suffix;
    }
    endpoint ep;
    ep.host.reserve(service.size() + region.size() + suffix.size() + 2);
    ep.host.append(service).append(1, '.').append(region).append(1, '.').append(suffix);
    return ep;
}

}  // namespace detail

result<void> validate_region(std::string_view region) {
    if (region.empty()) return make_configuration_error("You must specify a region.");
    if (!detail::is_valid_host_label(region))
        return make_configuration_error("Provided region_name '" + std::string(region) +
                                        "' doesn't match a supported format.");
    return {};
}

result<endpoint> parse_endpoint_url(std::string_view url) {
    const auto bad = [](std::string_view why) {
        return make_configuration_error("Invalid endpoint URL: " + std::string(why));
    };
    for (char ch : url) {
        const auto c = static_cast<unsigned char>(ch);
        if (c <= 0x20 || c == 0x7F) return bad("it contains whitespace or control characters");
        if (c >= 0x80) return bad("it contains non-ASCII characters");
    }
    endpoint ep;
    const auto sep = url.find("://");
    if (sep == std::string_view::npos) return bad("it has no scheme (expected http:// or https://)");
    const auto scheme = url.substr(0, sep);
    if (iequals(scheme, "https"))
        ep.scheme = "https";
    else if (iequals(scheme, "http"))
        ep.scheme = "http";
    else
        return bad("only http and https are supported");
    const auto rest = url.substr(sep + 3);
    if (rest.find_first_of("?#") != std::string_view::npos) return bad("a query or fragment is not allowed");
    const auto slash = rest.find('/');
    const auto authority = rest.substr(0, slash);
    const auto path = slash == std::string_view::npos ? std::string_view("/") : rest.substr(slash);
    if (authority.find('@') != std::string_view::npos) return bad("user information is not allowed");
    if (authority.empty()) return bad("the host is empty");
    std::string_view host, port_text;
    if (authority.front() == '[') {
        const auto close = authority.find(']');
        if (close == std::string_view::npos) return bad("unterminated IPv6 literal");
        if (!detail::is_plausible_ipv6(authority.substr(1, close - 1))) return bad("malformed IPv6 literal");
        host = authority.substr(0, close + 1);
        const auto after = authority.substr(close + 1);
        if (!after.empty()) {
            if (after.front() != ':') return bad("malformed authority");
            port_text = after.substr(1);
        }
    } else {
        const auto colon = authority.find(':');
        host = authority.substr(0, colon);
        if (host.empty()) return bad("the host is empty");
        if (!detail::is_valid_dns_host(host)) return bad("the host is not a valid host name");
        if (colon != std::string_view::npos) port_text = authority.substr(colon + 1);
    }
    if (!port_text.empty()) {
        unsigned value = 0;
        for (char c : port_text) {
            if (!detail::is_digit(c) || value > 65535) return bad("the port is not a number from 1 to 65535");
            value = value * 10 + static_cast<unsigned>(c - '0');
        }
        if (value == 0 || value > 65535) return bad("the port is not a number from 1 to 65535");
        const unsigned default_port = ep.scheme == "https" ? 443 : 80;
        ep.port = value == default_port ? 0 : static_cast<std::uint16_t>(value);  // one spelling per endpoint
    }
    if (!detail::is_valid_url_path(path)) return bad("the path has characters a URL path cannot have");
    ep.host = std::string(host);
    ep.path = std::string(path);
    return ep;
}

result<endpoint> resolve_endpoint(const endpoint_params& params) {
    if (!params.region.empty())
        if (auto valid = validate_region(params.region); !valid) return std::move(valid.error());
    if (!params.endpoint_url.empty()) {
        auto ep = parse_endpoint_url(params.endpoint_url);
        if (!ep) return ep;
        if (params.use_fips) return make_configuration_error(std::string(detail::fips_and_custom_endpoint));
        if (params.use_dualstack)
            return make_configuration_error(std::string(detail::dualstack_and_custom_endpoint));
        return ep;
    }
    if (params.region.empty()) return make_configuration_error(std::string(detail::missing_region));
    return detail::resolve_regional_endpoint(params.region, params.use_fips, params.use_dualstack,
                                             partition_of(params.region));
}

result<endpoint> endpoint_for_region(std::string_view region) {
    if (auto valid = validate_region(region); !valid) return std::move(valid.error());
    return detail::resolve_regional_endpoint(region, false, false, partition_of(region));
}

SWFPP_NAMESPACE_END

#endif
