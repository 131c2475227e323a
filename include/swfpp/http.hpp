// swfpp — plain HTTP message values exchanged between the sans-I/O core and a transport.
#ifndef SWFPP_HTTP_HPP
#define SWFPP_HTTP_HPP

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "swfpp/detail/config.hpp"

SWFPP_NAMESPACE_BEGIN

namespace detail {
// Byte equality without std::string's out-of-line compare(): it runs on every call's hot path.
inline bool same_bytes(std::string_view a, std::string_view b) noexcept {
    return a.size() == b.size() && (b.empty() || std::memcmp(a.data(), b.data(), b.size()) == 0);
}

// Assigns only when the text differs: a reused request is mostly refilled with what it held,
// and comparing is cheaper than std::string::assign, which is an out-of-line library call.
inline void assign_if_different(std::string& s, std::string_view v) {
    if (!same_bytes(s, v)) s.assign(v);
}
}  // namespace detail

struct http_header {
    std::string name;
    std::string value;

    void swap_with(http_header& other) noexcept {
        name.swap(other.name);
        value.swap(other.value);
    }
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

// An ordered list of header fields that keeps its strings when cleared or shortened: a request
// or response reused for the next call refills the same name and value buffers instead of
// allocating new ones (steady-state calls then allocate nothing). Iterates and indexes like a
// vector of http_header; only the live fields [begin(), end()) are visible.
class http_headers {
public:
    using value_type = http_header;
    using iterator = http_header*;
    using const_iterator = const http_header*;
    using size_type = std::size_t;

    http_headers() = default;
    http_headers(std::initializer_list<http_header> fields) : slots_(fields), size_(fields.size()) {}
    http_headers(const http_headers& other) : slots_(other.begin(), other.end()), size_(other.size_) {}
    http_headers(http_headers&& other) noexcept : slots_(std::move(other.slots_)), size_(other.size_) {
        other.size_ = 0;
    }
    SWFPP_DECL http_headers& operator=(const http_headers& other);
    SWFPP_DECL http_headers& operator=(http_headers&& other) noexcept;

    // Adds a field at the end, reusing a retained slot's buffers when there is one.
    SWFPP_DECL http_header& append(std::string_view name, std::string_view value);
    void push_back(const http_header& h) { append(h.name, h.value); }

    // Removes one field, keeping the order of the others; its buffers are retained for reuse.
    SWFPP_DECL iterator erase(const_iterator pos);
    void clear() noexcept { size_ = 0; }

    std::size_t size() const noexcept { return size_; }
    bool empty() const noexcept { return size_ == 0; }
    iterator begin() noexcept { return slots_.data(); }
    iterator end() noexcept { return slots_.data() + size_; }
    const_iterator begin() const noexcept { return slots_.data(); }
    const_iterator end() const noexcept { return slots_.data() + size_; }
    http_header* data() noexcept { return slots_.data(); }
    const http_header* data() const noexcept { return slots_.data(); }
    http_header& operator[](std::size_t i) noexcept { return slots_[i]; }
    const http_header& operator[](std::size_t i) const noexcept { return slots_[i]; }
    http_header& front() noexcept { return slots_[0]; }
    const http_header& front() const noexcept { return slots_[0]; }
    http_header& back() noexcept { return slots_[size_ - 1]; }
    const http_header& back() const noexcept { return slots_[size_ - 1]; }

private:
    std::vector<http_header> slots_;  // [0, size_) live, then retained for reuse
    std::size_t size_ = 0;
};

// First header named `name` (case-insensitive), or nullptr.
SWFPP_DECL const http_header* find_header(const http_headers& headers, std::string_view name) noexcept;

// Replaces the value of the first header named `name`, or appends one.
SWFPP_DECL void set_header(http_headers& headers, std::string_view name, std::string_view value);

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

    SWFPP_DECL void clear() noexcept;  // keeps capacity so a reused request does not reallocate
};

// An HTTP response as received by a transport: status code, header fields in arrival order, and
// the complete body.
struct http_response {
    int status = 0;
    http_headers headers;
    std::string body;

    SWFPP_DECL void clear() noexcept;
};

SWFPP_NAMESPACE_END

#if defined(SWFPP_HEADER_ONLY)
#include "swfpp/impl/http.ipp"
#endif

#endif
