// Shared by the fuzz targets: a property that does not hold is a crash libFuzzer records, with a
// sentence saying which property it was.
#ifndef SWFPP_FUZZ_CHECK_HPP
#define SWFPP_FUZZ_CHECK_HPP

#include <simdjson.h>

#include <cstdio>
#include <cstdlib>
#include <string_view>

#define SWFPP_FUZZ_CHECK(condition, what)                                                       \
    do {                                                                                        \
        if (!(condition)) {                                                                     \
            std::fprintf(stderr, "swfpp fuzz: property violated at %s:%d: %s\n  (%s)\n", __FILE__, \
                         __LINE__, what, #condition);                                           \
            std::abort();                                                                       \
        }                                                                                       \
    } while (0)

namespace swfpp_fuzz {

// CR, LF or NUL: what must never reach a header or the request line.
constexpr bool has_line_break_or_nul(std::string_view s) noexcept {
    return s.find_first_of(std::string_view("\r\n\0", 3)) != std::string_view::npos;
}

// simdjson's UTF-8 validator: an implementation independent of swfpp's own.
inline bool is_utf8(std::string_view s) noexcept { return simdjson::validate_utf8(s.data(), s.size()); }

}  // namespace swfpp_fuzz

#endif
