// Test support: run a program as a child process with exactly the environment given, capture
// its stdout, stderr and exit status, and kill it if it outlives a deadline.
//
//     auto r = swfpp_test::run_child("/path/to/swf", {"--version"}, {{"PATH", "/usr/bin"}}, 10s);
//     CHECK(r.exit_code == 0);
//     CHECK(r.out == "...");
//
// posix_spawn, not fork: the test process runs server threads, and only async-signal-safe work
// may happen between fork and exec. The child gets /dev/null as stdin and its own process
// group, so a timeout kills it together with anything it started (the `aws` launcher execs
// through pyenv and Python). POSIX only. Thread-safe: concurrent calls are independent.
#ifndef SWFPP_TESTS_SUPPORT_CHILD_PROCESS_HPP
#define SWFPP_TESTS_SUPPORT_CHILD_PROCESS_HPP

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace swfpp_test {

struct child_result {
    int exit_code = -1;     // the exit status, when the child exited normally
    int term_signal = 0;    // the signal that ended it, otherwise
    bool timed_out = false; // killed at the deadline
    std::string out;        // everything it wrote on stdout
    std::string err;        // and on stderr
    std::string spawn_error;  // non-empty when the program could not be started
};

// The full path of `name` in the colon-separated `path` list, or "" when it is not there.
inline std::string find_on_path(std::string_view name, std::string_view path) {
    while (!path.empty()) {
        const auto colon = path.find(':');
        std::string dir(path.substr(0, colon));
        path = colon == std::string_view::npos ? std::string_view() : path.substr(colon + 1);
        if (dir.empty()) continue;
        std::string candidate = dir + "/" + std::string(name);
        struct stat st{};
        if (::stat(candidate.c_str(), &st) == 0 && S_ISREG(st.st_mode) && ::access(candidate.c_str(), X_OK) == 0)
            return candidate;
    }
    return {};
}

// Runs `program` (a path; PATH is not searched) with argv[1..] = `args` and exactly `env` as its
// environment. Blocks until the child exits and both pipes reach EOF, or until `timeout` passes,
// when the child's process group gets SIGKILL.
inline child_result run_child(const std::string& program, const std::vector<std::string>& args,
                              const std::map<std::string, std::string>& env, std::chrono::milliseconds timeout) {
    child_result result;
    int out_pipe[2] = {-1, -1};
    int err_pipe[2] = {-1, -1};
    // O_CLOEXEC: the read ends (and the write ends, after the dup2 onto 1 and 2) must not leak
    // into this or any concurrently spawned child, or EOF would never come.
    if (::pipe2(out_pipe, O_CLOEXEC) != 0 || ::pipe2(err_pipe, O_CLOEXEC) != 0) {
        result.spawn_error = std::string("pipe2: ") + std::strerror(errno);
        for (int fd : {out_pipe[0], out_pipe[1], err_pipe[0], err_pipe[1]})
            if (fd >= 0) ::close(fd);
        return result;
    }

    std::vector<std::string> argv_storage;
    argv_storage.push_back(program);
    argv_storage.insert(argv_storage.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : argv_storage) argv.push_back(&a[0]);
    argv.push_back(nullptr);
    std::vector<std::string> env_storage;
    for (const auto& [k, v] : env) env_storage.push_back(k + "=" + v);
    std::vector<char*> envp;
    for (auto& e : env_storage) envp.push_back(&e[0]);
    envp.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, out_pipe[1], 1);
    posix_spawn_file_actions_adddup2(&actions, err_pipe[1], 2);
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    sigset_t no_signals, default_signals;
    sigemptyset(&no_signals);
    sigemptyset(&default_signals);
    sigaddset(&default_signals, SIGPIPE);
    posix_spawnattr_setsigmask(&attr, &no_signals);
    posix_spawnattr_setsigdefault(&attr, &default_signals);
    posix_spawnattr_setpgroup(&attr, 0);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP);

    pid_t pid = -1;
    const int rc = ::posix_spawn(&pid, program.c_str(), &actions, &attr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attr);
    ::close(out_pipe[1]);
    ::close(err_pipe[1]);
    if (rc != 0) {
        result.spawn_error = "posix_spawn " + program + ": " + std::strerror(rc);
        ::close(out_pipe[0]);
        ::close(err_pipe[0]);
        return result;
    }

    const auto deadline = std::chrono::steady_clock::now() + timeout;
    pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
    std::string* sinks[2] = {&result.out, &result.err};
    int open_count = 2;
    while (open_count > 0) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            result.timed_out = true;
            ::kill(-pid, SIGKILL);
            break;
        }
        const int n = ::poll(fds, 2, static_cast<int>(left.count()));
        if (n < 0 && errno != EINTR) break;
        for (int i = 0; i < 2; ++i) {
            if (fds[i].fd < 0 || (fds[i].revents & (POLLIN | POLLHUP | POLLERR)) == 0) continue;
            char buf[8192];
            const ssize_t got = ::read(fds[i].fd, buf, sizeof buf);
            if (got > 0) {
                sinks[i]->append(buf, static_cast<std::size_t>(got));
            } else if (got == 0 || errno != EINTR) {
                ::close(fds[i].fd);
                fds[i].fd = -1;  // poll ignores negative descriptors
                --open_count;
            }
        }
    }
    for (const auto& f : fds)
        if (f.fd >= 0) ::close(f.fd);

    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
    if (WIFSIGNALED(status)) result.term_signal = WTERMSIG(status);
    return result;
}

}  // namespace swfpp_test

#endif
