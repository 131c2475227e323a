// Fuzz target: endpoint resolution. FuzzedDataProvider gives a region, the FIPS and dual-stack
// flags and a custom endpoint URL (often empty, often a plausible URL with random parts).
//
// Properties: resolve_endpoint either fails with a configuration_error or gives an endpoint
// whose scheme is http(s), whose host holds only host-name characters (or is a bracketed IPv6
// literal) and whose path only URL path characters, so nothing can reach the request line or
// Host header with CR, LF, NUL, a space or '@'; the endpoint prints as a URL that parses back to
// itself; a regional endpoint is swf[-fips].{region}.{suffix} for a region that is a host label;
// FIPS or dual-stack never come with a custom URL; build_request accepts every resolved endpoint.
#include <fuzzer/FuzzedDataProvider.h>

#include <swfpp/endpoint.hpp>
#include <swfpp/operations/request_cancel_workflow_execution.hpp>
#include <swfpp/request.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.hpp"

namespace {

bool is_host_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
}

bool is_safe_host(std::string_view host) {
    if (host.empty()) return false;
    if (host.front() == '[') {
        if (host.size() < 3 || host.back() != ']') return false;
        for (char c : host.substr(1, host.size() - 2))
            if (!(swfpp::detail::is_hex_digit(c) || c == ':' || c == '.')) return false;
        return true;
    }
    for (char c : host)
        if (!is_host_char(c)) return false;
    return true;
}

bool is_safe_path(std::string_view path) {
    if (path.empty() || path.front() != '/') return false;
    for (char c : path) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u >= 0x7F || c == '?' || c == '#' || c == '"' || c == '\\' || c == '<' || c == '>')
            return false;
    }
    return true;
}

bool same_endpoint(const swfpp::endpoint& a, const swfpp::endpoint& b) {
    return a.scheme == b.scheme && a.host == b.host && a.port == b.port && a.path == b.path;
}

std::string random_url(FuzzedDataProvider& in) {
    switch (in.ConsumeIntegralInRange(0, 3)) {
        case 0: return {};
        case 1: return in.ConsumeRandomLengthString(128);
        default: {  // a URL shape with random parts, so the fuzzer reaches the host and path checks
            std::string url = in.ConsumeBool() ? "https://" : "http://";
            url += in.ConsumeRandomLengthString(64);
            if (in.ConsumeBool()) url += ":" + std::to_string(in.ConsumeIntegralInRange(0, 70000));
            if (in.ConsumeBool()) url += "/" + in.ConsumeRandomLengthString(64);
            return url;
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    FuzzedDataProvider in(data, size);
    swfpp::endpoint_params params;
    params.use_fips = in.ConsumeBool();
    params.use_dualstack = in.ConsumeBool();
    params.region = in.ConsumeRandomLengthString(80);
    params.endpoint_url = random_url(in);

    const auto resolved = swfpp::resolve_endpoint(params);
    if (!resolved.ok()) {
        SWFPP_FUZZ_CHECK(resolved.error().kind == swfpp::errc::configuration_error,
                         "a resolution failure is a configuration_error");
        SWFPP_FUZZ_CHECK(!resolved.error().message.empty(), "a resolution failure says why");
    } else {
        const swfpp::endpoint& ep = *resolved;
        SWFPP_FUZZ_CHECK(ep.scheme == "https" || ep.scheme == "http", "the scheme is http or https");
        SWFPP_FUZZ_CHECK(is_safe_host(ep.host), "the host holds only host-name characters");
        SWFPP_FUZZ_CHECK(is_safe_path(ep.path), "the path holds only URL path characters");
        const std::string host_header = swfpp::host_header_value(ep);
        SWFPP_FUZZ_CHECK(!swfpp_fuzz::has_line_break_or_nul(host_header), "no CR, LF or NUL in the Host value");
        const auto reparsed = swfpp::parse_endpoint_url(swfpp::to_url(ep));
        SWFPP_FUZZ_CHECK(reparsed.ok() && same_endpoint(*reparsed, ep), "the endpoint's URL parses back to it");
        if (params.endpoint_url.empty()) {
            SWFPP_FUZZ_CHECK(swfpp::detail::is_valid_host_label(params.region), "a regional endpoint needs a host label");
            const swfpp::aws_partition& p = swfpp::partition_of(params.region);
            const bool gov = p.name == "aws-us-gov";
            const bool fips_name = gov ? params.use_dualstack : params.use_fips;
            const std::string_view suffix = params.use_dualstack ? p.dual_stack_dns_suffix : p.dns_suffix;
            const std::string expected =
                std::string(fips_name ? "swf-fips." : "swf.") + params.region + "." + std::string(suffix);
            SWFPP_FUZZ_CHECK(ep.host == expected, "a regional endpoint is swf[-fips].{region}.{suffix}");
            SWFPP_FUZZ_CHECK(ep.scheme == "https" && ep.port == 0 && ep.path == "/", "regional endpoints are https at /");
        } else {
            SWFPP_FUZZ_CHECK(!params.use_fips && !params.use_dualstack, "FIPS and dual-stack refuse a custom URL");
        }
        static swfpp::http_request request;
        const auto built =
            swfpp::build_request<swfpp::request_cancel_workflow_execution>({"d", "w", std::nullopt}, ep, request);
        SWFPP_FUZZ_CHECK(built.ok(), "every resolved endpoint can carry a request");
        SWFPP_FUZZ_CHECK(!swfpp_fuzz::has_line_break_or_nul(request.target), "no CR, LF or NUL in the request line");
    }

    // The two older entry points keep their contracts on the same inputs.
    if (const auto regional = swfpp::endpoint_for_region(params.region); regional.ok())
        SWFPP_FUZZ_CHECK(swfpp::detail::is_valid_host_label(params.region) && is_safe_host(regional->host),
                         "endpoint_for_region accepts host labels only");
    if (const auto parsed = swfpp::parse_endpoint_url(params.endpoint_url); parsed.ok())
        SWFPP_FUZZ_CHECK(is_safe_host(parsed->host) && is_safe_path(parsed->path), "parse_endpoint_url output is safe");
    return 0;
}
