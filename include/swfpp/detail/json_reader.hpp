// swfpp — a read-only view of a parsed JSON document, the boundary between the response parser's
// templates and simdjson. The values are simdjson's own (a document pointer and a tape index),
// held as opaque bytes, so that in separate-compilation mode no user translation unit includes
// <simdjson.h>; in header-only mode every function here inlines to the simdjson call.
#ifndef SWFPP_DETAIL_JSON_READER_HPP
#define SWFPP_DETAIL_JSON_READER_HPP

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "swfpp/detail/config.hpp"

SWFPP_NAMESPACE_BEGIN
namespace detail {

// The bytes of one simdjson dom::element, dom::array::iterator or dom::object::iterator (each
// is a document pointer and an index; json_reader.ipp checks the size).
struct json_handle {
    alignas(void*) unsigned char bytes[2 * sizeof(void*)];
};

class json_array_cursor;
class json_object_cursor;

// One value of the current document. Valid until the document parses again.
class json_value {
public:
    SWFPP_DECL bool is_null() const noexcept;
    SWFPP_DECL bool is_object() const noexcept;
    // Each getter returns false, leaving `out` alone, when the value is not of that type.
    SWFPP_DECL bool get(std::string_view& out) const noexcept;
    SWFPP_DECL bool get(bool& out) const noexcept;
    SWFPP_DECL bool get(std::int64_t& out) const noexcept;  // integers that fit an int64
    SWFPP_DECL bool get(double& out) const noexcept;        // any number
    SWFPP_DECL bool get(json_array_cursor& out) const noexcept;
    SWFPP_DECL bool get(json_object_cursor& out) const noexcept;
    // The member named `key` of an object (the first of repeated keys, as simdjson finds it).
    SWFPP_DECL bool find(std::string_view key, json_value& out) const noexcept;
    SWFPP_DECL std::string minify() const;

    json_handle handle{};
};

// The elements of an array, in order.
class json_array_cursor {
public:
    SWFPP_DECL bool next(json_value& out) noexcept;

    json_handle at{}, end{};
};

// The members of an object, in document order (repeated keys included).
class json_object_cursor {
public:
    SWFPP_DECL bool next(std::string_view& key, json_value& value) noexcept;

    json_handle at{}, end{};
};

// A reusable parser with its padded input buffer; its capacity is fixed at construction.
class json_document {
public:
    SWFPP_DECL explicit json_document(std::size_t max_bytes);
    SWFPP_DECL ~json_document();
    json_document(json_document&&) noexcept = default;
    json_document& operator=(json_document&&) noexcept = default;

    // Parses `body` (copied into the padded buffer). Returns nullptr and sets `root`, or the
    // parser's message for why the body is refused (a static string).
    SWFPP_DECL const char* parse(std::string_view body, json_value& root);

private:
    struct state;
    struct state_deleter {
        SWFPP_DECL void operator()(state* s) const noexcept;
    };
    std::unique_ptr<state, state_deleter> state_;
};

}  // namespace detail
SWFPP_NAMESPACE_END

#if defined(SWFPP_HEADER_ONLY)
#include "swfpp/detail/impl/json_reader.ipp"
#endif

#endif
