// Test support: the installed AWS CLI as a reference for the `swf` program. Finds `aws` on PATH
// and prepares an environment that keeps the developer's configuration out of its runs.
// POSIX only.
#ifndef SWFPP_TESTS_SUPPORT_AWS_CLI_HPP
#define SWFPP_TESTS_SUPPORT_AWS_CLI_HPP

#include <stdlib.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "child_process.hpp"

#include <doctest/doctest.h>

namespace swfpp_test {

// A temporary directory, removed again however the test ends, with the files written into it.
struct temp_directory {
    std::string path;
    std::map<std::string, bool> files;

    temp_directory() {
        char name[] = "/tmp/swf-cli-test-XXXXXX";
        if (::mkdtemp(name) != nullptr) path = name;
    }
    ~temp_directory() {
        for (const auto& f : files) ::unlink((path + "/" + f.first).c_str());
        if (!path.empty()) ::rmdir(path.c_str());
    }
    temp_directory(const temp_directory&) = delete;
    temp_directory& operator=(const temp_directory&) = delete;

    // Writes `name` in the directory; its full path, or "" on failure.
    std::string write(const std::string& name, const std::string& contents) {
        const std::string full = path + "/" + name;
        std::FILE* f = std::fopen(full.c_str(), "wb");
        if (f == nullptr) return {};
        files[name] = true;
        const bool ok = std::fwrite(contents.data(), 1, contents.size(), f) == contents.size();
        return std::fclose(f) == 0 && ok ? full : std::string();
    }
};

struct aws_cli {
    std::string path;
    std::string version;  // "aws-cli/1.45.11 Python/..."
    std::map<std::string, std::string> base_env;

    bool v2() const { return version.rfind("aws-cli/2.", 0) == 0; }
};

// How long a child process may run before it counts as hung. Generous: only a program that
// never finishes may fail a test, not a slow machine.
inline constexpr std::chrono::seconds hang_bound{600};

// Finds `aws` on PATH. Its environment: config and credentials files in `dir` (files that do not
// exist unless the test writes them), no instance metadata, no pager, one attempt in standard
// retry mode, and `credentials` (the AWS_* variables of the test's user).
inline std::optional<aws_cli> find_aws_cli(const temp_directory& dir, const std::map<std::string, std::string>& credentials,
                                           std::string& why_not) {
    const char* path = std::getenv("PATH");
    aws_cli cli;
    cli.path = find_on_path("aws", path ? path : "");
    if (cli.path.empty()) {
        why_not = "`aws` is not on PATH";
        return std::nullopt;
    }
    if (dir.path.empty()) {
        why_not = "mkdtemp failed";
        return std::nullopt;
    }
    cli.base_env = {
        {"PATH", path},
        {"AWS_CONFIG_FILE", dir.path + "/config"},
        {"AWS_SHARED_CREDENTIALS_FILE", dir.path + "/credentials"},
        {"AWS_EC2_METADATA_DISABLED", "true"},
        {"AWS_PAGER", ""},
        {"AWS_CLI_AUTO_PROMPT", "off"},
        {"AWS_MAX_ATTEMPTS", "1"},
        {"AWS_RETRY_MODE", "standard"},
    };
    cli.base_env.insert(credentials.begin(), credentials.end());
    // The launcher may be a pyenv shim or a virtualenv script: it needs HOME and PYENV_*.
    for (const char* name : {"HOME", "PYENV_ROOT", "PYENV_VERSION", "LANG", "LC_ALL"})
        if (const char* value = std::getenv(name)) cli.base_env[name] = value;
    const auto version = run_child(cli.path, {"--version"}, cli.base_env, hang_bound);
    if (version.exit_code != 0) {
        why_not = "`aws --version` failed: " + version.err;
        return std::nullopt;
    }
    cli.version = version.out.empty() ? version.err : version.out;  // v1 on old Pythons used stderr
    return cli;
}


// Where `aws` cannot run, a comparison is skipped with the reason; under CI (CI=true) it fails.
inline void report_missing_aws_cli(const std::string& why_not) {
    const char* ci = std::getenv("CI");
    if (ci != nullptr && std::string_view(ci) == "true")
        FAIL_CHECK("CI=true, but the comparison with the AWS CLI cannot run: " << why_not);
    else
        MESSAGE("skipping the AWS CLI comparison: " << why_not);
}

// Each `aws` run costs about a second, so comparisons run their cases side by side, a few at a
// time: f(i) for every i < n; returns when all are done.
template <class F>
void run_in_parallel(std::size_t n, F f) {
    std::atomic<std::size_t> next{0};
    const std::size_t worker_count = std::min<std::size_t>(n, std::max(4u, 2 * std::thread::hardware_concurrency()));
    std::vector<std::thread> workers;
    for (std::size_t w = 0; w < worker_count; ++w)
        workers.emplace_back([&] {
            for (std::size_t i; (i = next++) < n;) f(i);
        });
    for (auto& w : workers) w.join();
}

// `base` with `overrides` set.
inline std::map<std::string, std::string> with_overrides(std::map<std::string, std::string> base,
                                                         const std::map<std::string, std::string>& overrides) {
    for (const auto& [k, v] : overrides) base[k] = v;
    return base;
}

}  // namespace swfpp_test

#endif
