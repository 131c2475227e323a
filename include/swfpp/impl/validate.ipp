// swfpp — bodies of swfpp/validate.hpp.
#ifndef SWFPP_IMPL_VALIDATE_IPP
#define SWFPP_IMPL_VALIDATE_IPP

#include "swfpp/validate.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

SWFPP_NAMESPACE_BEGIN
namespace detail {

void append_path(std::string& out, const value_path* p) {
    if (p == nullptr) return;
    append_path(out, p->parent);
    if (p->name.empty()) {
        out.push_back('[');
        append_json_integer(out, p->index);
        out.push_back(']');
        return;
    }
    if (p->parent != nullptr) out.push_back('.');
    out.append(p->name);
}

void validation_report::begin_line(const value_path* where, std::string_view lead) {
    if (!lines.empty()) lines.push_back('\n');
    lines.append(lead);
    append_path(lines, where);
    if (first_member.empty()) append_path(first_member, where);
}

void validation_report::invalid_length(const value_path* where, std::size_t length, std::int64_t min) {
    begin_line(where, "Invalid length for parameter ");
    lines.append(", value: ");
    append_json_integer(lines, length);
    lines.append(", valid min length: ");
    append_json_integer(lines, min);
}

void validation_report::invalid_utf8(const value_path* where, std::size_t offset) {
    begin_line(where, "Invalid UTF-8 in parameter ");
    lines.append(" at byte offset ");
    append_json_integer(lines, offset);
}

void validation_report::missing_required(const value_path* where) {
    if (!lines.empty()) lines.push_back('\n');
    lines.append("Missing required parameter in ");
    if (where->parent == nullptr)
        lines.append("input");
    else
        append_path(lines, where->parent);
    lines.append(": \"").append(where->name).append("\"");
    if (first_member.empty()) append_path(first_member, where);
}

void validation_report::bad_member_name(const value_path* shape) {
    if (!lines.empty()) lines.push_back('\n');
    lines.append("Invalid member name (empty or not UTF-8) among the other members of ");
    if (shape == nullptr)
        lines.append("input");
    else
        append_path(lines, shape);
    if (first_member.empty()) append_path(first_member, shape);
}

}  // namespace detail
SWFPP_NAMESPACE_END

#endif
