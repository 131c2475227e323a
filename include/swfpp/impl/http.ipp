// swfpp — bodies of swfpp/http.hpp.
#ifndef SWFPP_IMPL_HTTP_IPP
#define SWFPP_IMPL_HTTP_IPP

#include "swfpp/http.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

SWFPP_NAMESPACE_BEGIN

http_headers& http_headers::operator=(const http_headers& other) {
    if (this != &other) {
        clear();
        for (const http_header& h : other) append(h.name, h.value);
    }
    return *this;
}

http_headers& http_headers::operator=(http_headers&& other) noexcept {
    slots_ = std::move(other.slots_);
    size_ = other.size_;
    other.size_ = 0;
    return *this;
}

http_header& http_headers::append(std::string_view name, std::string_view value) {
    if (size_ == slots_.size()) {
        slots_.push_back(http_header{std::string(name), std::string(value)});
    } else {
        detail::assign_if_different(slots_[size_].name, name);
        detail::assign_if_different(slots_[size_].value, value);
    }
    return slots_[size_++];
}

http_headers::iterator http_headers::erase(const_iterator pos) {
    const std::size_t i = static_cast<std::size_t>(pos - begin());
    for (std::size_t k = i; k + 1 < size_; ++k) slots_[k].swap_with(slots_[k + 1]);
    --size_;
    return begin() + i;
}

const http_header* find_header(const http_headers& headers, std::string_view name) noexcept {
    for (const auto& h : headers)
        if (iequals(h.name, name)) return &h;
    return nullptr;
}

void set_header(http_headers& headers, std::string_view name, std::string_view value) {
    for (auto& h : headers)
        if (iequals(h.name, name)) {
            h.value.assign(value);
            return;
        }
    headers.append(name, value);
}

void http_request::clear() noexcept {
    method.clear();
    scheme.clear();
    host.clear();
    port = 0;
    target.clear();
    headers.clear();
    body.clear();
}

void http_response::clear() noexcept {
    status = 0;
    headers.clear();
    body.clear();
}

SWFPP_NAMESPACE_END

#endif
