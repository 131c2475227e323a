// Every operation's description against botocore's SWF service model (checked by
// tools/botocore_model_check.py): all 39 operations, every member's name, model order, kind,
// required-ness, `min`, enum values and list elements, down through nested structures; each
// operation's errors and paginator, and the faults of swf_fault. Without python3 + botocore the
// program exits 77 (SKIP), and fails instead when CI=true.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <swfpp/error.hpp>
#include <swfpp/operations.hpp>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <type_traits>

#include "support/python_oracle.hpp"

namespace {

template <class T>
struct unwrap {
    using type = T;
};
template <class T>
struct unwrap<std::optional<T>> {
    using type = T;
};

template <class T>
const char* kind_of() {
    using U = typename unwrap<T>::type;
    if constexpr (swfpp::is_vector<U>::value) return "list";
    else if constexpr (swfpp::is_shape_v<U>) return "structure";
    else if constexpr (swfpp::is_open_enum<U>::value) return "enum";
    else if constexpr (std::is_same_v<U, std::string>) return "string";
    else if constexpr (std::is_same_v<U, bool>) return "boolean";
    else if constexpr (std::is_same_v<U, std::int32_t>) return "integer";
    else if constexpr (std::is_same_v<U, std::int64_t>) return "long";
    else if constexpr (std::is_same_v<U, swfpp::timestamp>) return "timestamp";
    else return "unknown";
}

template <class E>
std::string enum_values() {
    std::string out;
    for (const std::string_view name : enum_names(E{})) out.append(out.empty() ? "" : ",").append(name);
    return out;
}

// "-", an enum's values, or a list's element as KIND:MIN[:VALUES].
template <class T, class Descriptor>
std::string extra_of(const Descriptor& m) {
    using U = typename unwrap<T>::type;
    if constexpr (swfpp::is_open_enum<U>::value) {
        return enum_values<typename U::enum_type>();
    } else if constexpr (swfpp::is_vector<U>::value) {
        using E = typename U::value_type;
        std::string out = std::string(kind_of<E>()) + ":" +
                          (m.has_element_min ? std::to_string(m.element_min_value) : std::string("-"));
        if constexpr (swfpp::is_open_enum<E>::value) out += ":" + enum_values<typename E::enum_type>();
        return out;
    } else {
        return "-";
    }
}

template <class Shape>
void describe(const std::string& prefix, std::string& out);

template <class T>
void describe_inner(const std::string& path, std::string& out) {
    using U = typename unwrap<T>::type;
    if constexpr (swfpp::is_vector<U>::value) {
        if constexpr (swfpp::is_shape_v<typename U::value_type>) describe<typename U::value_type>(path + "[]", out);
    } else if constexpr (swfpp::is_shape_v<U>) {
        describe<U>(path, out);
    }
}

// One MEMBER line per member, depth first: PATH KIND REQUIRED MIN EXTRA.
template <class Shape>
void describe(const std::string& prefix, std::string& out) {
    swfpp::for_each_member<Shape>([&](const auto& m) {
        using T = typename std::decay_t<decltype(m)>::value_type;
        if constexpr (!std::is_same_v<T, swfpp::unmodelled_members>) {
            const std::string path = prefix + "." + std::string(m.name);
            out += "MEMBER " + path + " " + kind_of<T>() + " " + (swfpp::is_optional<T>::value ? "0" : "1") + " " +
                   (m.has_min ? std::to_string(m.min_value) : std::string("-")) + " " + extra_of<T>(m) + "\n";
            describe_inner<T>(path, out);
        }
    });
}

// A paginator's member by its wire name, "?" when it names none.
template <class Shape, class Pointer>
std::string name_of(Pointer pointer) {
    const std::string_view name = swfpp::member_name<Shape>(pointer);
    return name.empty() ? "?" : std::string(name);
}

template <class Op>
void describe_operation(std::string& out) {
    const std::string name(Op::name);
    out += "OPERATION " + name + "\n";
    describe<typename Op::input>(name + ".in", out);
    describe<typename Op::output>(name + ".out", out);
    std::string errors;
    for (const auto fault : Op::errors) errors.append(errors.empty() ? "" : ",").append(swfpp::to_string(fault));
    out += "ERRORS " + name + " " + errors + "\n";
    if constexpr (swfpp::has_pagination<Op>::value) {
        using P = typename Op::pagination;
        using In = typename Op::input;
        using Out = typename Op::output;
        out += "PAGINATOR " + name + " " + name_of<In>(P::input_token) + " " + name_of<Out>(P::output_token) +
               " " + name_of<In>(P::limit_key) + " " + name_of<Out>(P::result_key) + "\n";
    } else {
        out += "PAGINATOR " + name + " none\n";
    }
}

}  // namespace

TEST_CASE("all 39 operations, their errors and paginators, and swf_fault match botocore's SWF model") {
    std::string lines;
#define SWFPP_DESCRIBE(op) describe_operation<swfpp::op>(lines);
    SWFPP_FOR_EACH_OPERATION(SWFPP_DESCRIBE)
#undef SWFPP_DESCRIBE
    for (int f = 1; f <= static_cast<int>(swfpp::swf_fault::workflow_execution_already_started); ++f)
        lines += "FAULT " + std::string(swfpp::to_string(static_cast<swfpp::swf_fault>(f))) + "\n";
    CHECK(lines.find("unknown") == std::string::npos);
    std::string report;
    REQUIRE(swfpp_test::run_python_oracle("botocore_model_check.py", lines, report) == 0);
    CHECK_MESSAGE(report.empty(), report);
}

int main(int argc, char** argv) {
    if (std::system("python3 -c 'import botocore' >/dev/null 2>&1") != 0) {
        const char* ci = std::getenv("CI");
        std::printf("%s: python3 with botocore is not available, so there is no model to compare with\n",
                    ci && std::strcmp(ci, "true") == 0 ? "FAIL" : "SKIP");
        return ci && std::strcmp(ci, "true") == 0 ? 1 : 77;
    }
    doctest::Context context(argc, argv);
    return context.run();
}
