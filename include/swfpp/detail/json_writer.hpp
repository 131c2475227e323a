// swfpp — a minimal compact JSON writer appending to a caller-owned std::string.
#ifndef SWFPP_DETAIL_JSON_WRITER_HPP
#define SWFPP_DETAIL_JSON_WRITER_HPP

#include <charconv>
#include <string>
#include <string_view>
#include <system_error>

#include "swfpp/detail/byte_scan.hpp"
#include "swfpp/detail/config.hpp"

SWFPP_NAMESPACE_BEGIN
namespace detail {

// Appends `s` as a JSON string literal. RFC 8259 escaping: quote, backslash and every control
// character U+0000–U+001F; all other bytes (valid UTF-8 is a precondition) pass through, which
// parses to the same value as botocore's ASCII-only json.dumps output.
SWFPP_DECL void append_json_string(std::string& out, std::string_view s);

template <class Int>
void append_json_integer(std::string& out, Int v) {
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, static_cast<std::size_t>(r.ptr - buf));
}

// Shortest representation that reads back to the same double (std::to_chars, C++17).
// Non-finite values have no JSON form; the validator rejects them before serialization.
SWFPP_DECL void append_json_double(std::string& out, double v);

}  // namespace detail
SWFPP_NAMESPACE_END

#if defined(SWFPP_HEADER_ONLY)
#include "swfpp/detail/impl/json_writer.ipp"
#endif

#endif
