// swfpp — json_reader.hpp's bodies: the only place simdjson's API is called.
#ifndef SWFPP_DETAIL_IMPL_JSON_READER_IPP
#define SWFPP_DETAIL_IMPL_JSON_READER_IPP

#include "swfpp/detail/json_reader.hpp"

#include <simdjson.h>

#include <cstring>
#include <type_traits>

SWFPP_NAMESPACE_BEGIN
namespace detail {
namespace json_repr {

template <class T>
constexpr bool fits = sizeof(T) == sizeof(json_handle) && std::is_trivially_copyable_v<T>;
static_assert(fits<simdjson::dom::element> && fits<simdjson::dom::array::iterator> &&
                  fits<simdjson::dom::object::iterator>,
              "swfpp: this simdjson's DOM handles are not a pointer and an index");

template <class T>
T load(const json_handle& h) noexcept {
    // simdjson's handles have no public constructor from their parts: default-construct one,
    // then give it the stored representation.
    T out;
    std::memcpy(static_cast<void*>(&out), h.bytes, sizeof(T));
    return out;
}

template <class T>
void store(json_handle& h, const T& value) noexcept {
    std::memcpy(h.bytes, static_cast<const void*>(&value), sizeof(T));
}

inline simdjson::dom::element element(const json_value& v) noexcept { return load<simdjson::dom::element>(v.handle); }

}  // namespace json_repr

bool json_value::is_null() const noexcept { return json_repr::element(*this).is_null(); }

bool json_value::is_object() const noexcept { return json_repr::element(*this).is_object(); }

bool json_value::get(std::string_view& out) const noexcept { return !json_repr::element(*this).get(out); }

bool json_value::get(bool& out) const noexcept { return !json_repr::element(*this).get(out); }

bool json_value::get(std::int64_t& out) const noexcept { return !json_repr::element(*this).get(out); }

bool json_value::get(double& out) const noexcept { return !json_repr::element(*this).get(out); }

bool json_value::get(json_array_cursor& out) const noexcept {
    simdjson::dom::array array;
    if (json_repr::element(*this).get(array)) return false;
    json_repr::store(out.at, array.begin());
    json_repr::store(out.end, array.end());
    return true;
}

bool json_value::get(json_object_cursor& out) const noexcept {
    simdjson::dom::object object;
    if (json_repr::element(*this).get(object)) return false;
    json_repr::store(out.at, object.begin());
    json_repr::store(out.end, object.end());
    return true;
}

bool json_value::find(std::string_view key, json_value& out) const noexcept {
    simdjson::dom::element found;
    if (json_repr::element(*this).at_key(key).get(found)) return false;
    json_repr::store(out.handle, found);
    return true;
}

std::string json_value::minify() const { return simdjson::minify(json_repr::element(*this)); }

bool json_array_cursor::next(json_value& out) noexcept {
    using iterator = simdjson::dom::array::iterator;
    auto it = json_repr::load<iterator>(at);
    if (it == json_repr::load<iterator>(end)) return false;
    json_repr::store(out.handle, *it);
    json_repr::store(at, ++it);
    return true;
}

bool json_object_cursor::next(std::string_view& key, json_value& value) noexcept {
    using iterator = simdjson::dom::object::iterator;
    auto it = json_repr::load<iterator>(at);
    if (it == json_repr::load<iterator>(end)) return false;
    key = it.key();
    json_repr::store(value.handle, it.value());
    json_repr::store(at, ++it);
    return true;
}

struct json_document::state {
    explicit state(std::size_t max_bytes) : parser(max_bytes), max_bytes(max_bytes) {}
    simdjson::dom::parser parser;
    std::string padded;  // simdjson reads up to SIMDJSON_PADDING bytes past the end
    std::size_t max_bytes;
};

void json_document::state_deleter::operator()(state* s) const noexcept { delete s; }

json_document::json_document(std::size_t max_bytes) : state_(new state(max_bytes)) {}

json_document::~json_document() = default;

const char* json_document::parse(std::string_view body, json_value& root) {
    state& s = *state_;
    if (body.size() > s.max_bytes) return simdjson::error_message(simdjson::CAPACITY);
    s.padded.resize(body.size() + simdjson::SIMDJSON_PADDING);
    std::memcpy(s.padded.data(), body.data(), body.size());
    simdjson::dom::element parsed;
    if (const auto ec = s.parser.parse(s.padded.data(), body.size(), false).get(parsed))
        return simdjson::error_message(ec);
    json_repr::store(root.handle, parsed);
    return nullptr;
}

}  // namespace detail
SWFPP_NAMESPACE_END

#endif
