// Test support: tools/moto_swf_server.py as a child process (moto's SWF on a free loopback port,
// IAM authentication on), for the end-to-end tests. start() reports running, skipped (no python3
// or no moto: the caller exits 77) or failed; stop() (and the destructor) ends it and removes
// its credentials file. Its stdin is a pipe from this process, so it also stops if we die.
#ifndef SWFPP_TEST_LOCAL_SWF_HPP
#define SWFPP_TEST_LOCAL_SWF_HPP

#include <swfpp/credentials.hpp>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "child_process.hpp"

extern char** environ;

namespace swfpp_test {

// tools/moto_swf_server.py as a child process, in its own process group.
class local_swf {
public:
    enum class outcome { running, skipped, failed };

    outcome start(std::string& why) {
        using namespace std::chrono_literals;
        const char* path = std::getenv("PATH");
        const std::string python = find_on_path("python3", path ? path : "/usr/local/bin:/usr/bin:/bin");
        if (python.empty()) {
            why = "python3 is not on PATH";
            return outcome::skipped;
        }
        const char* root = std::getenv("SWFPP_SOURCE_ROOT");
        const std::string launcher = std::string(root ? root : ".") + "/tools/moto_swf_server.py";
        const char* tmp = std::getenv("TMPDIR");
        std::string dir = std::string(tmp && *tmp ? tmp : "/tmp") + "/swfpp-e2e-XXXXXX";
        if (::mkdtemp(dir.data()) == nullptr) {
            why = "mkdtemp failed";
            return outcome::failed;
        }
        dir_ = dir;
        const std::string creds_file = dir_ + "/credentials.env";

        int to_child[2], from_child[2];
        if (::pipe2(to_child, O_CLOEXEC) != 0 || ::pipe2(from_child, O_CLOEXEC) != 0) {
            why = "pipe2 failed";
            return outcome::failed;
        }
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, to_child[0], 0);
        posix_spawn_file_actions_adddup2(&actions, from_child[1], 1);
        posix_spawnattr_t attr;
        posix_spawnattr_init(&attr);
        posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
        posix_spawnattr_setpgroup(&attr, 0);
        std::vector<std::string> args = {python, launcher, "--port", "0", "--credentials-file", creds_file,
                                         "--watch-stdin"};
        std::vector<char*> argv;
        for (auto& a : args) argv.push_back(a.data());
        argv.push_back(nullptr);
        const int rc = ::posix_spawn(&pid_, python.c_str(), &actions, &attr, argv.data(), environ);
        posix_spawn_file_actions_destroy(&actions);
        posix_spawnattr_destroy(&attr);
        ::close(to_child[0]);
        ::close(from_child[1]);
        stdin_ = to_child[1];
        const int out = from_child[0];
        if (rc != 0) {
            ::close(out);
            pid_ = -1;
            why = "cannot start " + python;
            return outcome::failed;
        }

        // The launcher prints one line once moto answers and the keys exist.
        std::string line;
        const auto deadline = std::chrono::steady_clock::now() + 120s;
        while (line.find('\n') == std::string::npos && std::chrono::steady_clock::now() < deadline) {
            pollfd p{out, POLLIN, 0};
            if (::poll(&p, 1, 200) <= 0) continue;
            char buf[512];
            const auto n = ::read(out, buf, sizeof buf);
            if (n <= 0) break;
            line.append(buf, static_cast<std::size_t>(n));
        }
        ::close(out);
        if (line.rfind("endpoint ", 0) == 0) {
            endpoint = line.substr(9, line.find('\n') - 9);
            if (!read_credentials(creds_file)) {
                why = "the launcher wrote no usable credentials file";
                return outcome::failed;
            }
            return outcome::running;
        }
        const int status = stop();
        if (WIFEXITED(status) && WEXITSTATUS(status) == 3) {
            why = "moto's server is not installed for python3 (tools/moto_swf_server.py said why on stderr)";
            return outcome::skipped;
        }
        why = "tools/moto_swf_server.py did not report an endpoint (see its stderr above)";
        return outcome::failed;
    }

    // Closing its stdin asks it to stop; a signal to the group makes sure. Returns its wait status.
    int stop() {
        using namespace std::chrono_literals;
        if (stdin_ >= 0) ::close(stdin_);
        stdin_ = -1;
        int status = 0;
        if (pid_ > 0) {
            bool done = false;
            for (int i = 0; i < 200 && !done; ++i) {  // up to 10 s for a clean stop
                done = ::waitpid(pid_, &status, WNOHANG) == pid_;
                if (!done) std::this_thread::sleep_for(50ms);
            }
            if (!done) {
                ::kill(-pid_, SIGTERM);
                for (int i = 0; i < 100 && !done; ++i) {
                    done = ::waitpid(pid_, &status, WNOHANG) == pid_;
                    if (!done) std::this_thread::sleep_for(50ms);
                }
            }
            if (!done) {
                ::kill(-pid_, SIGKILL);
                ::waitpid(pid_, &status, 0);
            }
            pid_ = -1;
        }
        if (!dir_.empty()) {
            std::remove((dir_ + "/credentials.env").c_str());
            ::rmdir(dir_.c_str());
            dir_.clear();
        }
        return status;
    }

    ~local_swf() { stop(); }

    std::string endpoint;
    swfpp::credentials user;     // an IAM user's access key
    swfpp::credentials session;  // an assumed role's key with its session token

private:
    bool read_credentials(const std::string& file) {
        std::ifstream in(file);
        std::map<std::string, std::string> v;
        for (std::string line; std::getline(in, line);) {
            const auto eq = line.find('=');
            if (eq != std::string::npos) v[line.substr(0, eq)] = line.substr(eq + 1);
        }
        user = {v["AWS_ACCESS_KEY_ID"], v["AWS_SECRET_ACCESS_KEY"], ""};
        session = {v["SESSION_ACCESS_KEY_ID"], v["SESSION_SECRET_ACCESS_KEY"], v["SESSION_TOKEN"]};
        return !user.access_key_id.empty() && !session.session_token.empty();
    }

    pid_t pid_ = -1;
    int stdin_ = -1;
    std::string dir_;
};

// The body of an end-to-end test's main(): starts the local SWF, points `slot` at it while
// `run` (the test runner) runs, then stops it. Exits 77 (SKIP) with the reason when python3 or
// moto is missing, 1 when the server cannot start.
template <class Run>
int with_local_swf(const char* program, local_swf*& slot, Run run) {
    local_swf server;
    std::string why_not;
    switch (server.start(why_not)) {
        case local_swf::outcome::skipped:
            std::printf("SKIP: %s\n", why_not.c_str());
            return 77;
        case local_swf::outcome::failed:
            std::fprintf(stderr, "%s: cannot start the local SWF: %s\n", program, why_not.c_str());
            return 1;
        case local_swf::outcome::running:
            break;
    }
    std::printf("local SWF (moto, IAM authentication on) at %s\n", server.endpoint.c_str());
    slot = &server;
    const int rc = run();
    slot = nullptr;
    server.stop();
    return rc;
}

}  // namespace swfpp_test

#endif
