// swfpp — where requests go: SWF's endpoint rule set (partitions, FIPS, dual-stack) and custom
// endpoint URLs, checked so that no configuration can steer a signed request elsewhere or put
// CR, LF or NUL into the request line or a header.
#ifndef SWFPP_ENDPOINT_HPP
#define SWFPP_ENDPOINT_HPP

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "swfpp/detail/config.hpp"
#include "swfpp/error.hpp"
#include "swfpp/http.hpp"
#include "swfpp/result.hpp"

SWFPP_NAMESPACE_BEGIN

struct endpoint {
    std::string scheme = "https";  // "https" or "http"
    std::string host;              // DNS name, IPv4 literal, or IPv6 literal in brackets
    std::uint16_t port = 0;        // 0: the scheme's default
    std::string path = "/";        // request-target path; AWS JSON requests post here
};

// The inputs of SWF's endpoint rule set (botocore data/swf/2012-01-25/endpoint-rule-set-1.json),
// named after its parameters. Empty strings mean "not set": neither an empty region nor an
// empty URL can name an endpoint.
struct endpoint_params {
    std::string region;          // AWS::Region
    bool use_fips = false;       // AWS::UseFIPS (AWS_USE_FIPS_ENDPOINT)
    bool use_dualstack = false;  // AWS::UseDualStack (AWS_USE_DUALSTACK_ENDPOINT)
    std::string endpoint_url;    // SDK::Endpoint (--endpoint-url, AWS_ENDPOINT_URL_SWF)
};

// The partition outputs the rule set reads (botocore data/partitions.json).
struct aws_partition {
    std::string_view name;
    std::string_view dns_suffix;
    std::string_view dual_stack_dns_suffix;
    bool supports_fips;
    bool supports_dual_stack;
};

// Appends ":port" to a Host header value when the port is not the scheme's default.
SWFPP_DECL void append_host_header_value(std::string& out, const endpoint& ep);

// The Host header value: host, plus ":port" when the port is not the scheme's default.
SWFPP_DECL std::string host_header_value(const endpoint& ep);

// The endpoint as a URL, written as the rule set writes them: no path when it is the root
// ("https://swf.us-east-1.amazonaws.com"). For every endpoint parse_endpoint_url and
// resolve_endpoint return, parse_endpoint_url(to_url(ep)) gives `ep` back.
SWFPP_DECL std::string to_url(const endpoint& ep);

namespace detail {

constexpr bool is_alnum(char c) noexcept {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

constexpr bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

constexpr bool is_hex_digit(char c) noexcept {
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// botocore's valid_host_label: 1..63 of [A-Za-z0-9-], not all digits, no leading or trailing
// '-'. This is what stops a region such as "evil.example/#" from steering signed requests.
constexpr bool is_valid_host_label(std::string_view s) noexcept {
    if (s.empty() || s.size() > 63 || s.front() == '-' || s.back() == '-') return false;
    bool all_digits = true;
    for (char c : s) {
        if (!is_alnum(c) && c != '-') return false;
        if (!is_digit(c)) all_digits = false;
    }
    return !all_digits;
}

// One partition of partitions.json: its outputs, and how a region is matched to it. Every
// regionRegex there has the form ^(<prefix>|...)\-\w+\-\d+$; `prefixes` holds the
// alternatives with their '-'. `extra_region` is the one region of its "regions" map that the
// regex does not match (its "-global" pseudo-region); tests/test_endpoint_botocore.cpp checks
// every region of the real file against botocore, so a new exception would show there.
struct partition_rule {
    aws_partition outputs;
    std::string_view prefixes[9];
    std::string_view extra_region;
};

// In the file's order, which is the order botocore's aws.partition tries them in.
inline constexpr partition_rule partition_rules[] = {
    {{"aws", "amazonaws.com", "api.aws", true, true},
     {"us-", "eu-", "ap-", "sa-", "ca-", "me-", "af-", "il-", "mx-"},
     "aws-global"},
    {{"aws-cn", "amazonaws.com.cn", "api.amazonwebservices.com.cn", true, true}, {"cn-"}, "aws-cn-global"},
    {{"aws-eusc", "amazonaws.eu", "api.amazonwebservices.eu", true, true}, {"eusc-de-"}, {}},
    {{"aws-iso", "c2s.ic.gov", "api.aws.ic.gov", true, true}, {"us-iso-"}, "aws-iso-global"},
    {{"aws-iso-b", "sc2s.sgov.gov", "api.aws.scloud", true, true}, {"us-isob-"}, "aws-iso-b-global"},
    {{"aws-iso-e", "cloud.adc-e.uk", "api.cloud-aws.adc-e.uk", true, true}, {"eu-isoe-"}, "aws-iso-e-global"},
    {{"aws-iso-f", "csp.hci.ic.gov", "api.aws.hci.ic.gov", true, true}, {"us-isof-"}, "aws-iso-f-global"},
    {{"aws-us-gov", "amazonaws.com", "api.aws", true, true}, {"us-gov-"}, "aws-us-gov-global"},
};

// `rest` matches \w+\-\d+$ (ASCII: a host label never holds anything else, and Python's $
// would also accept a trailing '\n', which a host label cannot have).
constexpr bool matches_word_dash_digits(std::string_view rest) noexcept {
    const auto dash = rest.rfind('-');
    if (dash == std::string_view::npos || dash == 0 || dash + 1 == rest.size()) return false;
    for (char c : rest.substr(0, dash))
        if (!is_alnum(c) && c != '_') return false;
    for (char c : rest.substr(dash + 1))
        if (!is_digit(c)) return false;
    return true;
}

constexpr bool matches_partition(std::string_view region, const partition_rule& p) noexcept {
    if (!p.extra_region.empty() && region == p.extra_region) return true;
    for (std::string_view prefix : p.prefixes)
        if (!prefix.empty() && region.substr(0, prefix.size()) == prefix &&
            matches_word_dash_digits(region.substr(prefix.size())))
            return true;
    return false;
}

// The rule set's regional branch, rule by rule, for a region already checked to be a host label
// and the partition it belongs to. Separate from resolve_endpoint so tests can hand it
// partitions without FIPS or dual-stack, which partitions.json does not have today.
SWFPP_DECL result<endpoint> resolve_regional_endpoint(std::string_view region, bool fips, bool dualstack,
                                                      const aws_partition& p);

// RFC 3986 pchar or '/', with '%' only as the start of an escape: nothing the request line
// could misread. Non-ASCII bytes are rejected rather than guessed at.
constexpr bool is_valid_url_path(std::string_view path) noexcept {
    constexpr std::string_view allowed_punct = "-._~!$&'()*+,;=:@/";
    for (std::size_t i = 0; i < path.size(); ++i) {
        const char c = path[i];
        if (c == '%') {
            if (i + 2 >= path.size() || !is_hex_digit(path[i + 1]) || !is_hex_digit(path[i + 2])) return false;
            i += 2;
        } else if (!is_alnum(c) && allowed_punct.find(c) == std::string_view::npos) {
            return false;
        }
    }
    return true;
}

// botocore's is_valid_endpoint_url host rule: dot-separated labels of 1..63 [A-Za-z0-9-], none
// starting or ending with '-', at most 255 characters, one trailing dot allowed. Covers IPv4.
constexpr bool is_valid_dns_host(std::string_view host) noexcept {
    if (host.empty() || host.size() > 255) return false;
    if (host.back() == '.') host.remove_suffix(1);
    if (host.empty()) return false;
    for (std::size_t pos = 0;;) {
        const auto dot = host.find('.', pos);
        const auto label = host.substr(pos, dot == std::string_view::npos ? std::string_view::npos : dot - pos);
        if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') return false;
        for (char c : label)
            if (!is_alnum(c) && c != '-') return false;
        if (dot == std::string_view::npos) return true;
        pos = dot + 1;
    }
}

// The inside of an IPv6 literal: hex digits, ':' and '.' (an embedded IPv4), at least one ':'.
// Zone identifiers are not accepted. The transport rejects what is not an address.
constexpr bool is_plausible_ipv6(std::string_view inside) noexcept {
    if (inside.size() < 2 || inside.size() > 45 || inside.find(':') == std::string_view::npos) return false;
    for (char c : inside)
        if (!is_hex_digit(c) && c != ':' && c != '.') return false;
    return true;
}

}  // namespace detail

// The partition a region belongs to, as botocore's aws.partition decides: the first partition
// (in partitions.json order) that lists the region or whose regionRegex matches it, else "aws".
// Meant for regions that passed validate_region.
constexpr const aws_partition& partition_of(std::string_view region) noexcept {
    for (const auto& p : detail::partition_rules)
        if (detail::matches_partition(region, p)) return p.outputs;
    return detail::partition_rules[0].outputs;
}

// A region is required (SigV4 signs with it) and must be a valid host label, as botocore's
// validate_region_name demands; the messages are botocore's.
SWFPP_DECL result<void> validate_region(std::string_view region);

// Parses a custom endpoint URL such as "http://127.0.0.1:4566" or "https://swf.example/prefix".
// Accepted: scheme http or https (any case); a host that is a DNS name or IPv4 address as
// botocore's is_valid_endpoint_url accepts them, or a bracketed IPv6 literal; an optional port
// 1..65535 (the scheme's default port reads as 0); an optional path of RFC 3986 path
// characters. Rejected, with a configuration_error
// whose message starts "Invalid endpoint URL: ": anything else, in particular user info, a
// query or fragment, and whitespace, control or non-ASCII bytes anywhere.
SWFPP_DECL result<endpoint> parse_endpoint_url(std::string_view url);

// Resolves where requests go exactly as SWF's endpoint rule set in botocore 1.43 does, after
// botocore's own checks (region a valid host label, endpoint URL well-formed):
// - endpoint_url set: that URL; with use_fips or use_dualstack, an error;
// - else region unset: "Invalid Configuration: Missing Region";
// - else https://swf[-fips].{region}.{dnsSuffix or dualStackDnsSuffix of its partition}, with
//   GovCloud's exceptions (FIPS alone gives swf.{region}.amazonaws.com; dual-stack alone gives
//   swf-fips.{region}.api.aws).
// Errors are configuration_error, with the rule set's messages. Pure and thread-safe.
SWFPP_DECL result<endpoint> resolve_endpoint(const endpoint_params& params);

// The standard regional SWF endpoint: resolve_endpoint without FIPS, dual-stack or a custom URL,
// except that an empty region is botocore's "You must specify a region.".
SWFPP_DECL result<endpoint> endpoint_for_region(std::string_view region);

SWFPP_NAMESPACE_END

#if defined(SWFPP_HEADER_ONLY)
#include "swfpp/impl/endpoint.ipp"
#endif

#endif
