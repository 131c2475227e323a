// Test support: a small scripted HTTP/1.1 server on the loopback interface.
//
// It runs on its own threads (one acceptor, one per open connection), so it keeps serving while
// a test blocks — on a transport call, or waiting for a child process (the `swf` program) that
// it points at url(). Every request is recorded; each answer comes from a FIFO of scripted
// responses, then an optional handler, then a default response.
//
//     swfpp_test::loopback_http_server srv;          // 127.0.0.1, ephemeral port
//     REQUIRE(srv.ok());
//     srv.enqueue(swfpp_test::scripted_response::reply(400, R"({"__type":"X"})"));
//     srv.enqueue(swfpp_test::scripted_response::close_connection());
//     srv.enqueue(swfpp_test::scripted_response::reply(200, "{}").after(std::chrono::milliseconds(300)));
//     srv.enqueue(swfpp_test::scripted_response::raw_bytes("HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\nshort"));
//     ... run the code under test against srv.url() / srv.port() ...
//     auto reqs = srv.requests();                     // method, target, headers in order, body
//     CHECK(srv.connections_accepted() == 1);         // proves keep-alive reuse
//
// Bounds: requests over `max_request_bytes` are answered 413 and the connection closed; request
// bodies must be Content-Length framed (chunked gets 501); all socket waits use poll() with
// short timeouts, so the destructor stops promptly even mid-delay. All sockets are close-on-exec
// so a child process started by the test does not hold the server's connections open.
// POSIX only. All public members are thread-safe.
#ifndef SWFPP_TESTS_SUPPORT_LOOPBACK_HTTP_SERVER_HPP
#define SWFPP_TESTS_SUPPORT_LOOPBACK_HTTP_SERVER_HPP

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include <swfpp/http.hpp>

namespace swfpp_test {

// One request as the server received it.
struct recorded_request {
    std::string method;
    std::string target;
    std::string version;          // "HTTP/1.1"
    swfpp::http_headers headers;  // in arrival order, names as sent, values without surrounding OWS
    std::string body;
    std::size_t connection = 0;   // 1-based number of the accepted connection it arrived on

    // Value of the first header named `name` (case-insensitive), or nullptr.
    const std::string* header(std::string_view name) const {
        const swfpp::http_header* h = swfpp::find_header(headers, name);
        return h ? &h->value : nullptr;
    }
};

// What the server does with one request.
struct scripted_response {
    enum class kind {
        reply,  // send status line, headers and body
        close,  // close the connection without answering
        raw,    // send `raw` verbatim (malformed HTTP, lying Content-Length, 1xx, chunked...)
    };
    kind action = kind::reply;
    int status = 200;
    std::string reason = "OK";
    // Sent as given. Content-Length is added when absent (set it yourself to lie about the
    // length); "Connection: close" is added when close_after is set and no Connection is given.
    swfpp::http_headers headers;
    std::string body;
    std::string raw;
    std::chrono::milliseconds delay{0};  // wait this long before acting (interrupted by stop)
    bool close_after = false;            // close the connection after acting

    static scripted_response reply(int status, std::string body = {}, swfpp::http_headers headers = {},
                                   std::string reason = {}) {
        scripted_response r;
        r.status = status;
        r.reason = reason.empty() ? std::string(default_reason(status)) : std::move(reason);
        r.body = std::move(body);
        r.headers = std::move(headers);
        return r;
    }
    static scripted_response close_connection() {
        scripted_response r;
        r.action = kind::close;
        r.close_after = true;
        return r;
    }
    // Closing afterwards is the default because a broken response leaves the stream unframed.
    static scripted_response raw_bytes(std::string bytes, bool close_after = true) {
        scripted_response r;
        r.action = kind::raw;
        r.raw = std::move(bytes);
        r.close_after = close_after;
        return r;
    }
    scripted_response after(std::chrono::milliseconds d) const {
        scripted_response r = *this;
        r.delay = d;
        return r;
    }
    scripted_response then_close() const {
        scripted_response r = *this;
        r.close_after = true;
        return r;
    }

    static std::string_view default_reason(int status) {
        switch (status) {
            case 200: return "OK";
            case 400: return "Bad Request";
            case 403: return "Forbidden";
            case 404: return "Not Found";
            case 413: return "Payload Too Large";
            case 500: return "Internal Server Error";
            case 501: return "Not Implemented";
            case 503: return "Service Unavailable";
            default: return "Status";
        }
    }
};

struct loopback_server_options {
    std::string address = "127.0.0.1";  // an IPv4 or IPv6 literal ("::1")
    std::size_t max_request_bytes = 1 << 20;  // head plus body of one request
    std::size_t max_connections = 64;         // open at once; further ones are closed at accept
};

class loopback_http_server {
public:
    // Binds an ephemeral port and starts serving. Check ok() before use.
    explicit loopback_http_server(loopback_server_options options = {}) : options_(std::move(options)) {
        default_ = scripted_response::reply(
            200, "{}", {{"Content-Type", "application/x-amz-json-1.0"}, {"x-amzn-RequestId", "loopback-request"}});
        if (!listen_on(options_.address)) return;
        acceptor_ = std::thread([this] { accept_loop(); });
    }

    ~loopback_http_server() { stop(); }
    loopback_http_server(const loopback_http_server&) = delete;
    loopback_http_server& operator=(const loopback_http_server&) = delete;

    bool ok() const { return port_ != 0; }
    const std::string& setup_error() const { return setup_error_; }
    std::uint16_t port() const { return port_; }
    // "http://127.0.0.1:PORT" (IPv6 addresses in brackets); no trailing slash.
    std::string url() const {
        bool v6 = options_.address.find(':') != std::string::npos;
        return "http://" + (v6 ? "[" + options_.address + "]" : options_.address) + ":" + std::to_string(port_);
    }
    const std::string& address() const { return options_.address; }

    // Appends to the FIFO consumed one entry per request, in arrival order across connections.
    void enqueue(scripted_response r) {
        std::lock_guard<std::mutex> lock(mutex_);
        queue_.push_back(std::move(r));
    }
    // Used when the queue is empty and no handler answers. Initially: 200, "{}", JSON type.
    void set_default_response(scripted_response r) {
        std::lock_guard<std::mutex> lock(mutex_);
        default_ = std::move(r);
    }
    // Consulted when the queue is empty; return std::nullopt to fall back to the default. Runs on
    // a connection thread without the server's lock held, possibly concurrently with itself.
    void set_handler(std::function<std::optional<scripted_response>(const recorded_request&)> handler) {
        std::lock_guard<std::mutex> lock(mutex_);
        handler_ = std::move(handler);
    }

    std::vector<recorded_request> requests() const {
        std::lock_guard<std::mutex> lock(mutex_);
        return requests_;
    }
    std::size_t request_count() const {
        std::lock_guard<std::mutex> lock(mutex_);
        return requests_.size();
    }
    void clear_requests() {
        std::lock_guard<std::mutex> lock(mutex_);
        requests_.clear();
    }
    std::size_t pending_responses() const {
        std::lock_guard<std::mutex> lock(mutex_);
        return queue_.size();
    }
    std::size_t connections_accepted() const { return accepted_.load(); }

    // Blocks until at least `n` requests have been recorded or `timeout` passes.
    bool wait_for_requests(std::size_t n, std::chrono::milliseconds timeout) const {
        std::unique_lock<std::mutex> lock(mutex_);
        return changed_.wait_for(lock, timeout, [&] { return requests_.size() >= n; });
    }

    // Stops accepting, interrupts delays, closes every connection and joins all threads.
    // Idempotent; the destructor calls it.
    void stop() {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            stopping_ = true;
        }
        changed_.notify_all();
        if (acceptor_.joinable()) acceptor_.join();
        for (auto& c : connections_) c->thread.join();
        connections_.clear();
        if (listen_fd_ >= 0) {
            ::close(listen_fd_);
            listen_fd_ = -1;
        }
    }

private:
    struct connection {
        std::thread thread;
        std::atomic<bool> done{false};
    };

    static constexpr int poll_ms = 20;  // how quickly blocked threads notice stop()

    bool stopping() const {
        std::lock_guard<std::mutex> lock(mutex_);
        return stopping_;
    }

    bool listen_on(const std::string& address) {
        sockaddr_storage ss{};
        socklen_t len = 0;
        auto* v4 = reinterpret_cast<sockaddr_in*>(&ss);
        auto* v6 = reinterpret_cast<sockaddr_in6*>(&ss);
        if (::inet_pton(AF_INET, address.c_str(), &v4->sin_addr) == 1) {
            v4->sin_family = AF_INET;
            len = sizeof(sockaddr_in);
        } else if (::inet_pton(AF_INET6, address.c_str(), &v6->sin6_addr) == 1) {
            v6->sin6_family = AF_INET6;
            len = sizeof(sockaddr_in6);
        } else {
            setup_error_ = "not an IP literal: " + address;
            return false;
        }
        int fd = ::socket(ss.ss_family, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
        if (fd < 0) return fail("socket");
        int one = 1;
        ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        if (::bind(fd, reinterpret_cast<sockaddr*>(&ss), len) != 0 || ::listen(fd, 64) != 0 ||
            ::getsockname(fd, reinterpret_cast<sockaddr*>(&ss), &len) != 0) {
            ::close(fd);
            return fail("bind/listen");
        }
        port_ = ntohs(ss.ss_family == AF_INET ? v4->sin_port : v6->sin6_port);
        listen_fd_ = fd;
        return true;
    }

    bool fail(const char* what) {
        setup_error_ = std::string(what) + ": " + std::strerror(errno);
        return false;
    }

    void accept_loop() {
        while (!stopping()) {
            reap_finished();
            pollfd p{listen_fd_, POLLIN, 0};
            if (::poll(&p, 1, poll_ms) <= 0) continue;
            int fd = ::accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
            if (fd < 0) continue;
            std::size_t number = ++accepted_;
            if (connections_.size() >= options_.max_connections) {
                ::close(fd);
                continue;
            }
            auto c = std::make_unique<connection>();
            connection* raw = c.get();
            c->thread = std::thread([this, fd, number, raw] {
                serve(fd, number);
                ::close(fd);
                raw->done = true;
            });
            connections_.push_back(std::move(c));
        }
    }

    // Joins connection threads that have ended so a long test does not accumulate them.
    void reap_finished() {
        for (std::size_t i = 0; i < connections_.size();) {
            if (connections_[i]->done) {
                connections_[i]->thread.join();
                connections_.erase(connections_.begin() + static_cast<std::ptrdiff_t>(i));
            } else {
                ++i;
            }
        }
    }

    // Appends what is available to `buf`; false on EOF, error or stop.
    bool read_some(int fd, std::string& buf) {
        char chunk[16384];
        for (;;) {
            if (stopping()) return false;
            pollfd p{fd, POLLIN, 0};
            int r = ::poll(&p, 1, poll_ms);
            if (r < 0 && errno != EINTR) return false;
            if (r <= 0) continue;
            ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
            if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
            if (n <= 0) return false;
            buf.append(chunk, static_cast<std::size_t>(n));
            return true;
        }
    }

    bool send_all(int fd, std::string_view data) {
        while (!data.empty()) {
            if (stopping()) return false;
            pollfd p{fd, POLLOUT, 0};
            int r = ::poll(&p, 1, poll_ms);
            if (r < 0 && errno != EINTR) return false;
            if (r <= 0) continue;
            // MSG_NOSIGNAL: a client that gave up (timeout test) must not SIGPIPE the test.
            ssize_t n = ::send(fd, data.data(), data.size(), MSG_NOSIGNAL);
            if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
            if (n <= 0) return false;
            data.remove_prefix(static_cast<std::size_t>(n));
        }
        return true;
    }

    static std::string_view trim(std::string_view s) {
        while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
        while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
        return s;
    }

    static bool parse_head(std::string_view head, recorded_request& req) {
        auto eol = head.find("\r\n");
        std::string_view line = head.substr(0, eol);
        auto sp1 = line.find(' ');
        auto sp2 = line.rfind(' ');
        if (sp1 == std::string_view::npos || sp1 == sp2) return false;
        req.method = std::string(line.substr(0, sp1));
        req.target = std::string(line.substr(sp1 + 1, sp2 - sp1 - 1));
        req.version = std::string(line.substr(sp2 + 1));
        while (eol != std::string_view::npos) {
            head.remove_prefix(eol + 2);
            eol = head.find("\r\n");
            line = head.substr(0, eol);
            auto colon = line.find(':');
            if (colon == std::string_view::npos) return false;
            req.headers.push_back(
                swfpp::http_header{std::string(line.substr(0, colon)), std::string(trim(line.substr(colon + 1)))});
        }
        return true;
    }

    void answer_error(int fd, int status) {
        send_all(fd, "HTTP/1.1 " + std::to_string(status) + " " + std::string(scripted_response::default_reason(status)) +
                         "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
    }

    scripted_response choose(const recorded_request& req) {
        std::function<std::optional<scripted_response>(const recorded_request&)> handler;
        {
            std::lock_guard<std::mutex> lock(mutex_);
            if (!queue_.empty()) {
                scripted_response r = std::move(queue_.front());
                queue_.pop_front();
                return r;
            }
            handler = handler_;
        }
        if (handler)
            if (auto r = handler(req)) return std::move(*r);
        std::lock_guard<std::mutex> lock(mutex_);
        return default_;
    }

    static std::string serialize(const scripted_response& r) {
        std::string out = "HTTP/1.1 " + std::to_string(r.status) + " " + r.reason + "\r\n";
        for (const auto& h : r.headers) out += h.name + ": " + h.value + "\r\n";
        if (!swfpp::find_header(r.headers, "Content-Length") && !swfpp::find_header(r.headers, "Transfer-Encoding"))
            out += "Content-Length: " + std::to_string(r.body.size()) + "\r\n";
        if (r.close_after && !swfpp::find_header(r.headers, "Connection")) out += "Connection: close\r\n";
        out += "\r\n";
        out += r.body;
        return out;
    }

    // One connection: Content-Length framed requests, answered in order, until either side
    // closes, a script says close, or stop() is called.
    void serve(int fd, std::size_t number) {
        std::string buf;
        for (;;) {
            std::size_t head_end;
            while ((head_end = buf.find("\r\n\r\n")) == std::string::npos) {
                if (buf.size() > options_.max_request_bytes) return answer_error(fd, 413);
                if (!read_some(fd, buf)) return;
            }
            recorded_request req;
            req.connection = number;
            if (!parse_head(std::string_view(buf).substr(0, head_end), req)) return answer_error(fd, 400);
            if (req.header("Transfer-Encoding")) return answer_error(fd, 501);
            std::size_t length = 0;
            if (const std::string* cl = req.header("Content-Length")) {
                char* end = nullptr;
                unsigned long long v = std::strtoull(cl->c_str(), &end, 10);
                if (cl->empty() || *end != '\0') return answer_error(fd, 400);
                if (v > options_.max_request_bytes) return answer_error(fd, 413);
                length = static_cast<std::size_t>(v);
            }
            std::size_t total = head_end + 4 + length;
            if (total > options_.max_request_bytes) return answer_error(fd, 413);
            const std::string* expect = req.header("Expect");
            if (expect && swfpp::iequals(*expect, "100-continue") && buf.size() < total)
                if (!send_all(fd, "HTTP/1.1 100 Continue\r\n\r\n")) return;
            while (buf.size() < total)
                if (!read_some(fd, buf)) return;
            req.body = buf.substr(head_end + 4, length);
            buf.erase(0, total);
            const std::string* conn = req.header("Connection");
            bool client_closes = conn && swfpp::iequals(*conn, "close");

            scripted_response r = choose(req);
            {
                std::lock_guard<std::mutex> lock(mutex_);
                requests_.push_back(std::move(req));
            }
            changed_.notify_all();

            if (r.delay.count() > 0) {
                std::unique_lock<std::mutex> lock(mutex_);
                if (changed_.wait_for(lock, r.delay, [&] { return stopping_; })) return;
            }
            switch (r.action) {
                case scripted_response::kind::close: return;
                case scripted_response::kind::raw:
                    if (!send_all(fd, r.raw)) return;
                    break;
                case scripted_response::kind::reply:
                    if (!send_all(fd, serialize(r))) return;
                    break;
            }
            if (r.close_after || client_closes) {
                ::shutdown(fd, SHUT_WR);  // FIN after the data, so the peer reads all of it
                return;
            }
        }
    }

    loopback_server_options options_;
    std::string setup_error_;
    int listen_fd_ = -1;
    std::uint16_t port_ = 0;
    std::atomic<std::size_t> accepted_{0};

    mutable std::mutex mutex_;
    mutable std::condition_variable changed_;  // a request was recorded, or stopping_ was set
    bool stopping_ = false;
    std::deque<scripted_response> queue_;
    scripted_response default_;
    std::function<std::optional<scripted_response>(const recorded_request&)> handler_;
    std::vector<recorded_request> requests_;

    std::thread acceptor_;
    std::vector<std::unique_ptr<connection>> connections_;  // touched by the acceptor, then stop()
};

// A loopback port nobody listens on: bind an ephemeral one, then release it (a connection to it
// is refused).
inline std::uint16_t unused_port() {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof a;
    ::bind(fd, reinterpret_cast<sockaddr*>(&a), len);
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
    ::close(fd);
    return ntohs(a.sin_port);
}

}  // namespace swfpp_test

#endif
