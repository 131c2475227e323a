// Test support: running a tools/*.py oracle (botocore) on a batch of cases, for the programs
// that compare swfpp with botocore. Exit codes follow meson: 77 means skipped.
#ifndef SWFPP_TESTS_SUPPORT_PYTHON_ORACLE_HPP
#define SWFPP_TESTS_SUPPORT_PYTHON_ORACLE_HPP

#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace swfpp_test {

// Hex is how strings cross to python: lossless for control characters and invalid UTF-8.
inline std::string to_hex(std::string_view bytes) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (char c : bytes) {
        const auto b = static_cast<unsigned char>(c);
        out.push_back(digits[b >> 4]);
        out.push_back(digits[b & 0xF]);
    }
    return out;
}

inline int skip(const char* why) {
    std::printf("SKIP: %s\n", why);
    return 77;
}

// 0 when python3 can import `module`; otherwise prints why and returns 77.
inline int require_python_module(const std::string& module) {
    if (std::system("command -v python3 >/dev/null 2>&1") != 0) return skip("python3 not found");
    if (std::system(("python3 -c 'import " + module + "' >/dev/null 2>&1").c_str()) != 0)
        return skip("botocore cannot be imported by python3");
    return 0;
}

// Runs `python3 $SWFPP_SOURCE_ROOT/tools/<script> FILE`, FILE holding `input`, and collects its
// stdout into `output`. Returns 0 on success, 77 when the script skipped, 1 (with the reason
// printed) on any failure. The temporary file is always removed.
inline int run_python_oracle(const std::string& script, const std::string& input, std::string& output) {
    const char* root = std::getenv("SWFPP_SOURCE_ROOT");
    if (root == nullptr) {
        std::printf("FAIL: SWFPP_SOURCE_ROOT is not set (tests/meson.build sets it)\n");
        return 1;
    }
    const std::string program = std::string(root) + "/tools/" + script;
    if (program.find('\'') != std::string::npos) {
        std::printf("FAIL: the source path contains a quote\n");
        return 1;
    }
    char path[] = "/tmp/swfpp_oracle_XXXXXX";
    const int fd = mkstemp(path);
    if (fd < 0) {
        std::printf("FAIL: cannot create a temporary file\n");
        return 1;
    }
    const bool written = write(fd, input.data(), input.size()) == static_cast<ssize_t>(input.size());
    close(fd);
    if (!written) {
        unlink(path);
        std::printf("FAIL: cannot write the cases file\n");
        return 1;
    }
    std::FILE* pipe = popen(("python3 '" + program + "' '" + path + "'").c_str(), "r");
    output.clear();
    if (pipe != nullptr) {
        char buf[4096];
        for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, pipe)) > 0;) output.append(buf, n);
    }
    const int status = pipe != nullptr ? pclose(pipe) : -1;
    unlink(path);
    if (status == 0) return 0;
    if (WIFEXITED(status) && WEXITSTATUS(status) == 77) return skip((script + " skipped").c_str());
    std::printf("FAIL: %s exited with status %d\n", program.c_str(), status);
    return 1;
}

}  // namespace swfpp_test

#endif
