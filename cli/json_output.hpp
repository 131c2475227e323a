// swf — what the AWS CLI prints for a successful call: the response body read the way botocore's
// JSON parser reads it against the output shape, timestamps in AWS CLI v2's default ISO 8601
// form, and several pages merged the way botocore's paginator merges them.
//
// Pure functions over values; no I/O (the local UTC offset is an argument).
#ifndef SWF_CLI_JSON_OUTPUT_HPP
#define SWF_CLI_JSON_OUTPUT_HPP

#include <simdjson.h>
#include <swfpp/shape.hpp>
#include <swfpp/value_types.hpp>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "json_value.hpp"

namespace swf_cli {

// The offset from UTC, in seconds, of local time at a given Unix time: botocore's
// parse_timestamp gives datetimes in dateutil's tzlocal(), so the AWS CLI prints local time.
using utc_offset_fn = long (*)(std::int64_t unix_seconds);

// datetime.isoformat() of datetime.fromtimestamp(value, tz): "2026-11-25T16:26:44.123000+00:00",
// without the fraction when it is zero. Python rounds the float's fraction to microseconds,
// half to even; so does this.
inline std::string python_isoformat(double value, utc_offset_fn offset_of) {
    double whole = 0;
    double micros = std::nearbyint(std::modf(value, &whole) * 1e6);
    auto seconds = static_cast<std::int64_t>(whole);
    if (micros < 0) {
        micros += 1e6;
        seconds -= 1;
    }
    if (micros >= 1e6) {
        micros -= 1e6;
        seconds += 1;
    }
    const long offset = offset_of(seconds);
    const std::int64_t local = seconds + offset;
    std::int64_t days = local / 86400, rest = local % 86400;
    if (rest < 0) {
        rest += 86400;
        days -= 1;
    }
    // Howard Hinnant's civil_from_days.
    const std::int64_t z = days + 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t doe = z - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    const std::int64_t day = doy - (153 * mp + 2) / 5 + 1;
    const std::int64_t month = mp < 10 ? mp + 3 : mp - 9;
    const std::int64_t year = yoe + era * 400 + (month <= 2 ? 1 : 0);

    char buf[64];
    int n = std::snprintf(buf, sizeof buf, "%04lld-%02lld-%02lldT%02lld:%02lld:%02lld", static_cast<long long>(year),
                          static_cast<long long>(month), static_cast<long long>(day),
                          static_cast<long long>(rest / 3600), static_cast<long long>(rest / 60 % 60),
                          static_cast<long long>(rest % 60));
    std::string s(buf, static_cast<std::size_t>(n));
    if (micros != 0) {
        n = std::snprintf(buf, sizeof buf, ".%06ld", static_cast<long>(micros));
        s.append(buf, static_cast<std::size_t>(n));
    }
    const long magnitude = offset < 0 ? -offset : offset;
    n = std::snprintf(buf, sizeof buf, "%c%02ld:%02ld", offset < 0 ? '-' : '+', magnitude / 3600, magnitude / 60 % 60);
    s.append(buf, static_cast<std::size_t>(n));
    if (magnitude % 60 != 0) {
        n = std::snprintf(buf, sizeof buf, ":%02ld", magnitude % 60);
        s.append(buf, static_cast<std::size_t>(n));
    }
    return s;
}

namespace detail {

template <class T>
json_value read_output_value(simdjson::dom::element e, utc_offset_fn offset_of);

// botocore's BaseJSONParser._handle_structure: the shape's members in model order, each only
// when present and not null; keys the model does not declare (which swfpp may keep as
// unmodelled members) are dropped.
template <class Shape>
json_value read_output_shape(simdjson::dom::object object, utc_offset_fn offset_of) {
    json_value out = json_value::object();
    swfpp::for_each_member<Shape>([&](const auto& m) {
        using T = typename std::decay_t<decltype(m)>::value_type;
        if constexpr (!std::is_same_v<T, swfpp::unmodelled_members>) {
            simdjson::dom::element value;
            if (object.at_key(m.name).get(value) || value.is_null()) return;
            out.set(m.name, read_output_value<T>(value, offset_of));
        }
    });
    return out;
}

template <class T>
json_value read_output_value(simdjson::dom::element e, utc_offset_fn offset_of) {
    if constexpr (swfpp::is_optional<T>::value) {
        return read_output_value<typename T::value_type>(e, offset_of);
    } else if constexpr (swfpp::is_vector<T>::value) {
        simdjson::dom::array array;
        if (e.get(array)) return from_simdjson(e);
        json_value out = json_value::array();
        for (const auto item : array) out.items.push_back(read_output_value<typename T::value_type>(item, offset_of));
        return out;
    } else if constexpr (swfpp::is_shape_v<T>) {
        simdjson::dom::object object;
        if (e.get(object)) return from_simdjson(e);
        return read_output_shape<T>(object, offset_of);
    } else if constexpr (std::is_same_v<T, swfpp::timestamp>) {
        double seconds = 0;
        if (e.get(seconds)) return from_simdjson(e);
        return json_value::string(python_isoformat(seconds, offset_of));
    } else {
        return from_simdjson(e);  // strings, numbers, booleans, enums and raw JSON as they are
    }
}

}  // namespace detail

// The page botocore would return for a 2xx response body of Op's output shape, ResponseMetadata
// aside. Precondition: swfpp parsed the body (it is a JSON object, or empty).
template <class Shape>
json_value read_output(simdjson::dom::parser& parser, const std::string& body, utc_offset_fn offset_of) {
    simdjson::dom::object object;
    if (parser.parse(simdjson::padded_string(body)).get(object)) return json_value::object();
    return detail::read_output_shape<Shape>(object, offset_of);
}

}  // namespace swf_cli

#endif
