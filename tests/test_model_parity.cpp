// Every operation's shape description against botocore's SWF service model (checked by
// tools/botocore_model_check.py): member names, model order, kind, required-ness and `min`,
// down through nested structures and lists. Members the model has and swfpp does not declare
// yet are allowed. Without python3 + botocore the program exits 77 (SKIP).
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <swfpp/operations/describe_workflow_execution.hpp>
#include <swfpp/operations/get_workflow_execution_history.hpp>
#include <swfpp/operations/poll_for_decision_task.hpp>
#include <swfpp/operations/register_domain.hpp>
#include <swfpp/operations/register_workflow_type.hpp>
#include <swfpp/operations/request_cancel_workflow_execution.hpp>
#include <swfpp/operations/respond_decision_task_completed.hpp>
#include <swfpp/operations/start_workflow_execution.hpp>

#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <type_traits>

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

// One line per member, depth first: PATH KIND REQUIRED MIN.
template <class Shape>
void describe(const std::string& prefix, std::string& out) {
    swfpp::for_each_member<Shape>([&](const auto& m) {
        using T = typename std::decay_t<decltype(m)>::value_type;
        if constexpr (!std::is_same_v<T, swfpp::unmodelled_members>) {
            const std::string path = prefix + "." + std::string(m.name);
            out += path + " " + kind_of<T>() + " " + (swfpp::is_optional<T>::value ? "0" : "1") + " " +
                   (m.has_min ? std::to_string(m.min_value) : std::string("-")) + "\n";
            describe_inner<T>(path, out);
        }
    });
}

template <class Op>
void describe_operation(std::string& out) {
    describe<typename Op::input>(std::string(Op::name) + ".in", out);
    describe<typename Op::output>(std::string(Op::name) + ".out", out);
}

// Runs the checker over `lines`; its output (one line per disagreement) lands in `report`.
bool run_checker(const std::string& lines, std::string& report) {
    const char* root = std::getenv("SWFPP_SOURCE_ROOT");
    const std::string script = std::string(root ? root : ".") + "/tools/botocore_model_check.py";
    char path[] = "/tmp/swfpp-model-XXXXXX";
    const int fd = mkstemp(path);
    if (fd < 0) return false;
    const bool written = ::write(fd, lines.data(), lines.size()) == static_cast<ssize_t>(lines.size());
    ::close(fd);
    bool ok = false;
    if (written) {
        const std::string command = "python3 '" + script + "' < '" + path + "'";
        if (FILE* pipe = ::popen(command.c_str(), "r")) {
            char buf[4096];
            for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, pipe)) > 0;) report.append(buf, n);
            ok = ::pclose(pipe) == 0;
        }
    }
    ::unlink(path);
    return ok;
}

}  // namespace

TEST_CASE("every operation's members match botocore's SWF model: names, order, kind, required, min") {
    std::string lines;
    describe_operation<swfpp::request_cancel_workflow_execution>(lines);
    describe_operation<swfpp::register_domain>(lines);
    describe_operation<swfpp::register_workflow_type>(lines);
    describe_operation<swfpp::start_workflow_execution>(lines);
    describe_operation<swfpp::describe_workflow_execution>(lines);
    describe_operation<swfpp::get_workflow_execution_history>(lines);
    describe_operation<swfpp::poll_for_decision_task>(lines);
    describe_operation<swfpp::respond_decision_task_completed>(lines);
    CHECK(lines.find("unknown") == std::string::npos);
    std::string report;
    REQUIRE_MESSAGE(run_checker(lines, report), report);
    CHECK_MESSAGE(report.empty(), report);
}

int main(int argc, char** argv) {
    if (std::system("python3 -c 'import botocore' >/dev/null 2>&1") != 0) {
        std::printf("SKIP: python3 with botocore is not available, so there is no model to compare with\n");
        return 77;
    }
    doctest::Context context(argc, argv);
    return context.run();
}
