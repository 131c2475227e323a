// swfpp — plain HTTP message values exchanged between the sans-I/O core and a transport.
#ifndef SWFPP_HTTP_HPP
#define SWFPP_HTTP_HPP

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "swfpp/detail/config.hpp"

SWFPP_NAMESPACE_BEGIN

struct http_header {
    std::string name;
    std::string value;
};

// ASCII case-insensitive comparison, as HTTP field names require.
constexpr bool iequals(std::string_view a, std::string_view b) noexcept {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
        if (x != y) return false;
    }
    return true;
}

using http_headers = std::vector<http_header>;

// First header named `name` (case-insensitive), or nullptr.
inline const http_header* find_header(const http_headers& headers, std::string_view name) noexcept {
    for (const auto& h : headers)
        if (iequals(h.name, name)) return &h;
    return nullptr;
}

// Replaces the value of the first header named `name`, or appends one.
inline void set_header(http_headers& headers, std::string_view name, std::string_view value) {
    for (auto& h : headers)
        if (iequals(h.name, name)) {
            h.value.assign(value);
            return;
        }
    headers.push_back(http_header{std::string(name), std::string(value)});
}

// An HTTP request ready for a transport. `scheme`, `host` and `port` say where to connect;
// `target` is the request-target of the request line (path and optional query). `headers`
// include Host. The transport frames the body itself (Content-Length), which is why the core
// never adds that header: SigV4 as botocore does it does not sign it either.
struct http_request {
    std::string method;
    std::string scheme;
    std::string host;
    std::uint16_t port = 0;  // 0: the scheme's default port
    std::string target;
    http_headers headers;
    std::string body;

    void clear() noexcept {  // keeps capacity so a reused request does not reallocate
        method.clear();
        scheme.clear();
        host.clear();
        port = 0;
        target.clear();
        headers.clear();
        body.clear();
    }
};

// An HTTP response as received by a transport: status code, header fields in arrival order, and
// the complete body.
struct http_response {
    int status = 0;
    http_headers headers;
    std::string body;

    void clear() noexcept {
        status = 0;
        headers.clear();
        body.clear();
    }
};

SWFPP_NAMESPACE_END

#endif
