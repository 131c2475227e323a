// swfpp — the member types a shape may use beyond strings, numbers, bools and lists:
// timestamps, open enums and raw JSON.
//
// All are plain values: copyable, comparable, no hidden state; concurrent reads are safe,
// a write needs exclusive access, as for std::string.
#ifndef SWFPP_VALUE_TYPES_HPP
#define SWFPP_VALUE_TYPES_HPP

#include <array>
#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "swfpp/detail/config.hpp"

SWFPP_NAMESPACE_BEGIN

// ---- timestamp ---------------------------------------------------------------------------
//
// A point in time, to the millisecond (SWF's own precision). On the wire SWF uses JSON numbers
// of seconds since the Unix epoch: responses carry fractions (1732550400.123) and are read to
// the nearest millisecond; requests carry whole seconds, rounded down, exactly as botocore
// serializes a datetime for this protocol.
using timestamp = std::chrono::time_point<std::chrono::system_clock, std::chrono::milliseconds>;

// ---- open_enum<E> ------------------------------------------------------------------------
//
// A string enumeration of the service model that never rejects a value: names it knows map to
// the enumerators of E, any other text is kept as it came and sent back unchanged. AWS adds
// enum values without notice; a client that failed on them would break on the day they ship.
//
// E is an enumeration with enumerators 0..N-1 and, findable next to it by argument-dependent
// lookup, its wire names in enumerator order:
//
//     enum class child_policy { terminate, request_cancel, abandon };
//     constexpr std::array<std::string_view, 3> enum_names(child_policy) noexcept {
//         return {"TERMINATE", "REQUEST_CANCEL", "ABANDON"};
//     }
//
// A default-constructed open_enum holds no value. In a shape that means "absent": the member
// is not sent, and when the member is required, validation reports it missing, in botocore's
// words (`Missing required parameter in input: "decisionType"`).

template <class E, class = void>
struct has_enum_names : std::false_type {};
template <class E>
struct has_enum_names<E, std::void_t<decltype(enum_names(E{}))>> : std::true_type {};

namespace detail {
template <class Names>
constexpr bool every_name_set(const Names& names) noexcept {
    for (const std::string_view n : names)
        if (n.empty()) return false;
    return true;
}
}  // namespace detail

template <class E>
class open_enum {
    static_assert(std::is_enum_v<E>, "swfpp: open_enum<E> needs an enumeration type E");
    static_assert(has_enum_names<E>::value,
                  "swfpp: open_enum<E> needs `constexpr std::array<std::string_view, N> enum_names(E) noexcept` "
                  "declared next to E, listing the wire names in enumerator order");
    static constexpr auto names_ = enum_names(E{});
    static_assert(detail::every_name_set(names_), "swfpp: enum_names(E) leaves a wire name empty");

public:
    using enum_type = E;

    open_enum() noexcept = default;
    open_enum(E value) noexcept : state_(static_cast<int>(value)) {}  // implicit: `x = E::y` reads well

    // The value whose wire name is `text`: an enumerator when the name is known, otherwise an
    // unknown value that keeps the text.
    static open_enum from_string(std::string_view text) {
        open_enum v;
        for (std::size_t i = 0; i < names_.size(); ++i)
            if (names_[i] == text) {
                v.state_ = static_cast<int>(i);
                return v;
            }
        v.state_ = unknown_state;
        v.text_.assign(text);
        return v;
    }

    bool has_value() const noexcept { return state_ != unset_state; }
    bool is_known() const noexcept { return state_ >= 0; }

    // The enumerator, when the value is known.
    std::optional<E> known() const noexcept {
        if (!is_known()) return std::nullopt;
        return static_cast<E>(state_);
    }

    // The wire text: the enumerator's name, an unknown value's text as received, "" when unset.
    std::string_view str() const noexcept {
        if (state_ >= 0) return names_[static_cast<std::size_t>(state_)];
        return text_;
    }

    friend bool operator==(const open_enum& a, const open_enum& b) noexcept {
        return a.state_ == b.state_ && (a.state_ != unknown_state || a.text_ == b.text_);
    }
    friend bool operator!=(const open_enum& a, const open_enum& b) noexcept { return !(a == b); }
    friend bool operator==(const open_enum& a, E b) noexcept { return a.state_ == static_cast<int>(b); }
    friend bool operator==(E a, const open_enum& b) noexcept { return b == a; }
    friend bool operator!=(const open_enum& a, E b) noexcept { return !(a == b); }
    friend bool operator!=(E a, const open_enum& b) noexcept { return !(b == a); }

private:
    static constexpr int unset_state = -1;
    static constexpr int unknown_state = -2;
    int state_ = unset_state;  // >= 0: the enumerator's value
    std::string text_;         // an unknown value's text; empty otherwise
};

template <class T>
struct is_open_enum : std::false_type {};
template <class E>
struct is_open_enum<open_enum<E>> : std::true_type {};

// ---- raw JSON ----------------------------------------------------------------------------

// A JSON value kept as text, minified, for data swfpp does not model (yet). Responses fill it
// with the value as received (re-serialized compactly: same JSON value, not necessarily the
// same bytes). In a request its text is sent verbatim: it must then be valid JSON (only
// emptiness and UTF-8 are checked).
struct raw_json {
    std::string text;

    friend bool operator==(const raw_json& a, const raw_json& b) noexcept { return a.text == b.text; }
    friend bool operator!=(const raw_json& a, const raw_json& b) noexcept { return !(a == b); }
};

// One member of a JSON object: its name and its value as raw JSON.
struct json_member {
    std::string name;
    raw_json value;
};

// The members of a JSON object that its shape does not declare, in the order received, so a
// response from a newer service loses nothing (a history event of a type added after this
// release keeps its attributes here). Declare it in a shape with swfpp::other_members().
// Serialized back as members of the same object.
struct unmodelled_members {
    std::vector<json_member> items;

    // The value of the member named `name`, or nullptr.
    SWFPP_DECL const raw_json* find(std::string_view name) const noexcept;
    bool empty() const noexcept { return items.empty(); }
};

SWFPP_NAMESPACE_END

#if defined(SWFPP_HEADER_ONLY)
#include "swfpp/impl/value_types.ipp"
#endif

#endif
