// swfpp — bodies of swfpp/detail/json_writer.hpp.
#ifndef SWFPP_DETAIL_IMPL_JSON_WRITER_IPP
#define SWFPP_DETAIL_IMPL_JSON_WRITER_IPP

#include "swfpp/detail/json_writer.hpp"

#include <cstdint>
#include <cstring>

SWFPP_NAMESPACE_BEGIN
namespace detail {

void append_json_string(std::string& out, std::string_view s) {
    static constexpr char hex[] = "0123456789abcdef";
    out.push_back('"');
    std::size_t run = 0;  // start of the pending run of bytes that need no escaping
    for (std::size_t i = 0; i < s.size(); ++i) {
        // Eight bytes at a time while none of them needs escaping (the usual identifier).
        for (std::uint64_t w; s.size() - i >= 8; i += 8) {
            std::memcpy(&w, s.data() + i, 8);
            if ((has_byte_below(w, 0x20) | has_byte_equal(w, '"') | has_byte_equal(w, '\\')) != 0) break;
        }
        if (i == s.size()) break;
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        out.append(s.data() + run, i - run);
        run = i + 1;
        switch (c) {
            case '"': out.append("\\\"", 2); break;
            case '\\': out.append("\\\\", 2); break;
            case '\b': out.append("\\b", 2); break;
            case '\f': out.append("\\f", 2); break;
            case '\n': out.append("\\n", 2); break;
            case '\r': out.append("\\r", 2); break;
            case '\t': out.append("\\t", 2); break;
            default: {
                const char esc[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xF]};
                out.append(esc, 6);
            }
        }
    }
    out.append(s.data() + run, s.size() - run);
    out.push_back('"');
}

void append_json_double(std::string& out, double v) {
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, static_cast<std::size_t>(r.ptr - buf));
}

}  // namespace detail
SWFPP_NAMESPACE_END

#endif
