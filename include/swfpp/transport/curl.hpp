// swfpp — curl_transport: the default Transport policy, an adapter over libcurl's easy API.
//
// This is the only swfpp header that includes <curl/curl.h>; link libcurl (the meson dependency
// `swfpp-curl`) if and only if you include it.
#ifndef SWFPP_TRANSPORT_CURL_HPP
#define SWFPP_TRANSPORT_CURL_HPP

#include <curl/curl.h>

#include <chrono>
#include <climits>
#include <cstddef>
#include <limits>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "swfpp/detail/config.hpp"
#include "swfpp/error.hpp"
#include "swfpp/http.hpp"
#include "swfpp/result.hpp"

#if LIBCURL_VERSION_NUM < 0x073e00
#error "swfpp/transport/curl.hpp needs libcurl 7.62 or newer"
#endif

// The Transport policy concept
// ----------------------------
// A transport is any type T with
//
//     swfpp::result<void> T::send(const swfpp::http_request& request, swfpp::http_response& response);
//
// that sends `request` exactly as given (method, target, headers in order, body; it frames the
// body itself, e.g. with Content-Length) to scheme://host[:port] and, when an HTTP response
// arrives — whatever its status — fills `response` (status, headers in arrival order, complete
// body) and returns success. When no response arrives it returns an error made with
// swfpp::make_transport_error(transport_errc::..., message), whose message must never contain
// request header values (they carry the signature and the session token). send() must not
// throw. The client calls nothing else, so a test double needs only this one member.

SWFPP_NAMESPACE_BEGIN

// Settings of a curl_transport, fixed at construction.
struct curl_transport_options {
    // Covers TCP connect and the TLS handshake. 3.1 s lets Linux retransmit a lost SYN twice
    // (after 1 s and 3 s) yet fails fast enough that the retry policy, not the socket, decides.
    std::chrono::milliseconds connect_timeout{3100};
    // The whole exchange. SWF long polls (PollForDecisionTask, PollForActivityTask) hold the
    // request for up to 60 s, and AWS asks clients to allow at least 70 s, so botocore's 60 s
    // read timeout would be too tight here. 0 means no limit.
    std::chrono::milliseconds total_timeout{70000};
    // A larger response body (or header block) fails with transport_errc::response_too_large;
    // an announced Content-Length over the limit fails before any of the body is read.
    std::size_t max_response_bytes = 8 * 1024 * 1024;
    bool verify_tls = true;  // peer certificate and host name
    std::string ca_bundle;   // PEM file of trusted CAs; empty: libcurl's built-in default
};

namespace detail {

inline bool curl_is_tchar(char c) noexcept {  // RFC 9110 token characters
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
    switch (c) {
        case '!': case '#': case '$': case '%': case '&': case '\'': case '*': case '+':
        case '-': case '.': case '^': case '_': case '`': case '|': case '~':
            return true;
        default:
            return false;
    }
}

inline bool curl_is_token(std::string_view s) noexcept {
    if (s.empty()) return false;
    for (char c : s)
        if (!curl_is_tchar(c)) return false;
    return true;
}

// CR or LF would let a value start a new header line (request smuggling); NUL truncates it in
// libcurl's C strings. The core never produces them, so one here is a bug upstream: refuse.
inline bool curl_is_safe_field_value(std::string_view s) noexcept {
    for (char c : s)
        if (c == '\r' || c == '\n' || c == '\0') return false;
    return true;
}

// Host names and IP literals only: anything that could end the authority ('/', '?', '#', '@')
// or smuggle userinfo into the URL is refused.
inline bool curl_is_safe_host(std::string_view s) noexcept {
    if (s.empty()) return false;
    for (char c : s) {
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                  c == '.' || c == '_' || c == ':' || c == '[' || c == ']';
        if (!ok) return false;
    }
    return true;
}

// Origin-form request targets of visible ASCII; a '#' would be taken for a fragment and dropped.
inline bool curl_is_safe_target(std::string_view s) noexcept {
    if (s.empty() || s.front() != '/') return false;
    for (char c : s) {
        auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u >= 0x7f || c == '#') return false;
    }
    return true;
}

// Checks what the URL and header lines are built from, so nothing malformed is ever sent.
// Messages name the offending header but never quote a value.
inline result<void> curl_check_request(const http_request& request) {
    if (!iequals(request.scheme, "http") && !iequals(request.scheme, "https"))
        return make_transport_error(transport_errc::other, "curl transport: unsupported scheme (only http and https)");
    if (!curl_is_safe_host(request.host))
        return make_transport_error(transport_errc::other, "curl transport: invalid host");
    if (!curl_is_safe_target(request.target))
        return make_transport_error(transport_errc::other, "curl transport: invalid request target");
    if (!curl_is_token(request.method))
        return make_transport_error(transport_errc::other, "curl transport: invalid method");
    for (const auto& h : request.headers) {
        if (!curl_is_token(h.name))
            return make_transport_error(transport_errc::other, "curl transport: invalid header name");
        if (!curl_is_safe_field_value(h.value))
            return make_transport_error(transport_errc::other,
                                        "curl transport: value of header " + h.name + " contains CR, LF or NUL");
    }
    return {};
}

// scheme://host[:port]target, with IPv6 literals bracketed. Precondition: curl_check_request ok.
inline void curl_build_url(const http_request& request, std::string& url) {
    url.clear();
    for (char c : request.scheme) url += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    url += "://";
    bool bare_ipv6 = request.host.find(':') != std::string::npos && request.host.front() != '[';
    if (bare_ipv6) url += '[';
    url += request.host;
    if (bare_ipv6) url += ']';
    if (request.port != 0) {
        url += ':';
        url += std::to_string(request.port);
    }
    url += request.target;
}

inline transport_errc curl_map_error(CURLcode rc) noexcept {
    switch (rc) {
        case CURLE_COULDNT_CONNECT:
        case CURLE_COULDNT_RESOLVE_HOST:
        case CURLE_COULDNT_RESOLVE_PROXY:
#if LIBCURL_VERSION_NUM >= 0x074900
        case CURLE_PROXY:
#endif
            return transport_errc::connect_failed;
        case CURLE_OPERATION_TIMEDOUT:
            return transport_errc::timed_out;
        case CURLE_SEND_ERROR:
        case CURLE_RECV_ERROR:
        case CURLE_GOT_NOTHING:
        case CURLE_PARTIAL_FILE:
            return transport_errc::connection_reset;
        case CURLE_SSL_CONNECT_ERROR:
        case CURLE_PEER_FAILED_VERIFICATION:
        case CURLE_SSL_CERTPROBLEM:
        case CURLE_SSL_CIPHER:
        case CURLE_SSL_CACERT_BADFILE:
        case CURLE_SSL_ENGINE_NOTFOUND:
        case CURLE_SSL_ENGINE_SETFAILED:
        case CURLE_SSL_ENGINE_INITFAILED:
        case CURLE_SSL_SHUTDOWN_FAILED:
        case CURLE_SSL_CRL_BADFILE:
        case CURLE_SSL_ISSUER_ERROR:
        case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
        case CURLE_SSL_INVALIDCERTSTATUS:
        case CURLE_USE_SSL_FAILED:
#if LIBCURL_VERSION_NUM >= 0x074d00
        case CURLE_SSL_CLIENTCERT:
#endif
            return transport_errc::tls_failed;
        case CURLE_FILESIZE_EXCEEDED:
            return transport_errc::response_too_large;
        case CURLE_WEIRD_SERVER_REPLY:
        case CURLE_UNSUPPORTED_PROTOCOL:  // what curl reports for a reply that is not HTTP/1.x
        case CURLE_HTTP2:
        case CURLE_HTTP2_STREAM:
        case CURLE_BAD_CONTENT_ENCODING:
            return transport_errc::protocol_error;
        default:
            return transport_errc::other;
    }
}

inline CURLcode curl_global_init_once() noexcept {
    // A function-local static is initialised exactly once even under concurrent first use.
    // curl_global_cleanup is never called: other code in the process may still be using libcurl.
    static const CURLcode rc = curl_global_init(CURL_GLOBAL_DEFAULT);
    return rc;
}

// One easy handle and its error buffer. The handle keeps its connection cache between calls,
// which is what makes consecutive requests reuse a connection.
struct curl_easy_slot {
    CURL* easy = nullptr;
    char error[CURL_ERROR_SIZE] = {};

    curl_easy_slot() noexcept : easy(curl_easy_init()) {}
    ~curl_easy_slot() {
        if (easy) curl_easy_cleanup(easy);
    }
    curl_easy_slot(const curl_easy_slot&) = delete;
    curl_easy_slot& operator=(const curl_easy_slot&) = delete;
};

// Easy handles are not safe to share between threads, so each send() borrows one from a
// mutex-protected free list and returns it afterwards.
class curl_handle_pool {
public:
    std::unique_ptr<curl_easy_slot> acquire() {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            if (!idle_.empty()) {
                auto slot = std::move(idle_.back());
                idle_.pop_back();
                return slot;
            }
        }
        return std::unique_ptr<curl_easy_slot>(new curl_easy_slot);
    }

    void release(std::unique_ptr<curl_easy_slot> slot) {
        std::lock_guard<std::mutex> lock(mutex_);
        // Beyond this many idle handles (one per past concurrent caller) the extra connections
        // are closed rather than kept open for ever.
        if (idle_.size() < max_idle) idle_.push_back(std::move(slot));
    }

    static constexpr std::size_t max_idle = 32;

private:
    std::mutex mutex_;
    std::vector<std::unique_ptr<curl_easy_slot>> idle_;
};

// State shared with the libcurl callbacks during one send().
struct curl_call {
    CURL* easy = nullptr;
    http_response* response = nullptr;
    std::size_t limit = 0;
    std::size_t header_bytes = 0;
    bool too_large = false;
    bool body_started = false;
};

constexpr bool curl_is_ows(char c) noexcept { return c == ' ' || c == '\t'; }

inline std::string_view curl_trim(std::string_view s) noexcept {
    while (!s.empty() && curl_is_ows(s.front())) s.remove_prefix(1);
    while (!s.empty() && curl_is_ows(s.back())) s.remove_suffix(1);
    return s;
}

// The callbacks are noexcept because an exception must not unwind through libcurl's C frames:
// an allocation failure terminates, as it would in a -fno-exceptions build anyway.
inline std::size_t curl_on_header(char* data, std::size_t size, std::size_t count, void* user) noexcept {
    auto& call = *static_cast<curl_call*>(user);
    std::size_t n = size * count;
    call.header_bytes += n;
    if (call.header_bytes > call.limit) {
        call.too_large = true;
        return 0;  // any short count makes libcurl abort with CURLE_WRITE_ERROR
    }
    std::string_view line(data, n);
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
    auto& headers = call.response->headers;
    if (line.substr(0, 5) == "HTTP/") {
        headers.clear();  // a new status line: drop the headers of a 1xx or proxy response
    } else if (!line.empty() && curl_is_ows(line.front())) {
        if (!headers.empty()) {  // obsolete line folding: continues the previous value
            headers.back().value += ' ';
            headers.back().value += curl_trim(line);
        }
    } else if (auto colon = line.find(':'); colon != std::string_view::npos) {
        headers.append(curl_trim(line.substr(0, colon)), curl_trim(line.substr(colon + 1)));
    }
    return n;
}

inline std::size_t curl_on_body(char* data, std::size_t size, std::size_t count, void* user) noexcept {
    auto& call = *static_cast<curl_call*>(user);
    std::size_t n = size * count;
    auto& body = call.response->body;
    if (!call.body_started) {
        call.body_started = true;
        // CURLOPT_MAXFILESIZE already refuses an announced length over the limit; this repeats
        // the check for libcurl versions that apply it late, and sizes the buffer once.
        curl_off_t announced = -1;
        if (curl_easy_getinfo(call.easy, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &announced) == CURLE_OK &&
            announced >= 0) {
            if (static_cast<unsigned long long>(announced) > call.limit) {
                call.too_large = true;
                return 0;
            }
            body.reserve(static_cast<std::size_t>(announced));
        }
    }
    if (n > call.limit - body.size()) {  // body.size() <= limit always holds here
        call.too_large = true;
        return 0;  // stop at once: the rest is never read, let alone buffered
    }
    body.append(data, n);
    return n;
}

// Owns a curl_slist and frees it on every path out of send().
struct curl_slist_guard {
    curl_slist* list = nullptr;
    ~curl_slist_guard() { curl_slist_free_all(list); }
    bool append(const std::string& line) noexcept {
        curl_slist* next = curl_slist_append(list, line.c_str());
        if (!next) return false;
        list = next;
        return true;
    }
};

inline curl_off_t curl_size_limit(std::size_t bytes) noexcept {
    constexpr curl_off_t max = std::numeric_limits<curl_off_t>::max();
    return static_cast<unsigned long long>(bytes) > static_cast<unsigned long long>(max) ? max
                                                                                         : static_cast<curl_off_t>(bytes);
}

inline long curl_millis(std::chrono::milliseconds ms) noexcept {
    auto v = ms.count();
    if (v <= 0) return 0;
    return v > static_cast<decltype(v)>(LONG_MAX) ? LONG_MAX : static_cast<long>(v);
}

}  // namespace detail

// The default Transport policy: HTTP/1.1 over libcurl's easy interface with connection reuse.
//
// send() sends the request exactly as given: method, target (not normalised), headers in order
// (Host included), and the body framed with Content-Length; libcurl's own Accept,
// Content-Type and "Expect: 100-continue" headers are suppressed unless the request sets them.
// Redirects are not followed and only http and https are allowed. Response bodies are not
// decoded (no Accept-Encoding is sent). Header values containing CR, LF or NUL are refused and
// nothing is sent. Error messages are libcurl's error text and never contain header values.
// libcurl honours the http_proxy / https_proxy / no_proxy environment variables.
//
// Thread safety: send() may be called concurrently from any number of threads on one object;
// each call borrows a pooled easy handle, so calls from one thread reuse one connection.
// Construction initialises libcurl once per process (thread-safe from libcurl 7.84; with older
// versions construct the first transport before starting threads that use libcurl elsewhere).
// Not copyable; movable, and a moved-from transport only reports errors.
class curl_transport {
public:
    explicit curl_transport(curl_transport_options options = {})
        : options_(std::move(options)),
          init_(detail::curl_global_init_once()),
          pool_(new detail::curl_handle_pool) {}

    curl_transport(const curl_transport&) = delete;
    curl_transport& operator=(const curl_transport&) = delete;
    curl_transport(curl_transport&&) noexcept = default;
    curl_transport& operator=(curl_transport&&) noexcept = default;
    ~curl_transport() = default;

    const curl_transport_options& options() const noexcept { return options_; }

    // Sends `request` and, when any HTTP response arrives, fills `response` and succeeds.
    // On failure `response` is left cleared or partial and the error's `transport` says why.
    [[nodiscard]] result<void> send(const http_request& request, http_response& response) {
        response.clear();
        if (!pool_) return make_transport_error(transport_errc::other, "curl transport: used after move");
        if (init_ != CURLE_OK)
            return make_transport_error(transport_errc::other, "curl transport: curl_global_init failed");
        if (auto checked = detail::curl_check_request(request); !checked) return checked;

        auto slot = pool_->acquire();
        if (!slot->easy) return make_transport_error(transport_errc::other, "curl transport: curl_easy_init failed");
        result<void> outcome = perform(*slot, request, response);
        pool_->release(std::move(slot));
        return outcome;
    }

private:
    result<void> perform(detail::curl_easy_slot& slot, const http_request& request, http_response& response) {
        CURL* easy = slot.easy;
        const curl_transport_options& opt = options_;
        // Reset clears every option of the previous call but keeps the connection and DNS caches.
        curl_easy_reset(easy);
        slot.error[0] = '\0';

        std::string url;
        detail::curl_build_url(request, url);

        // libcurl drops a header given as "Name:" and sends "Name;" as an empty header, so an
        // empty value needs the semicolon form; "Name:" is what suppresses curl's defaults.
        detail::curl_slist_guard headers;
        std::string line;
        bool alloc_ok = true;
        for (const auto& h : request.headers) {
            line.assign(h.name);
            if (h.value.empty()) {
                line += ';';
            } else {
                line += ": ";
                line += h.value;
            }
            alloc_ok = alloc_ok && headers.append(line);
        }
        for (const char* name : {"Accept", "Content-Type", "Expect"})
            if (!find_header(request.headers, name)) alloc_ok = alloc_ok && headers.append(std::string(name) + ":");
        if (!alloc_ok) return make_transport_error(transport_errc::other, "curl transport: out of memory");

        detail::curl_call call;
        call.easy = easy;
        call.response = &response;
        call.limit = opt.max_response_bytes;

        const bool has_body = !request.body.empty() || request.method == "POST";
        bool set_ok = true;
        auto set = [&set_ok](CURLcode rc) { set_ok = set_ok && rc == CURLE_OK; };
        set(curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, slot.error));
        set(curl_easy_setopt(easy, CURLOPT_URL, url.c_str()));
        set(curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L));  // no SIGALRM for DNS timeouts: threads
#if LIBCURL_VERSION_NUM >= 0x075500
        set(curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https"));
#else
        set(curl_easy_setopt(easy, CURLOPT_PROTOCOLS, static_cast<long>(CURLPROTO_HTTP | CURLPROTO_HTTPS)));
#endif
        set(curl_easy_setopt(easy, CURLOPT_FOLLOWLOCATION, 0L));
        // HTTP/1.1 as botocore speaks it; curl would otherwise negotiate HTTP/2 over TLS.
        set(curl_easy_setopt(easy, CURLOPT_HTTP_VERSION, static_cast<long>(CURL_HTTP_VERSION_1_1)));
        // The target was signed as given: curl must not squash "/../" or "/./" segments.
        set(curl_easy_setopt(easy, CURLOPT_PATH_AS_IS, 1L));
        set(curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, detail::curl_millis(opt.connect_timeout)));
        set(curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, detail::curl_millis(opt.total_timeout)));
        // A long poll leaves the connection silent for up to 60 s; probing after 30 s keeps NAT
        // and load-balancer idle timers from dropping it mid-poll (curl's default idle is 60 s).
        set(curl_easy_setopt(easy, CURLOPT_TCP_KEEPALIVE, 1L));
        set(curl_easy_setopt(easy, CURLOPT_TCP_KEEPIDLE, 30L));
        set(curl_easy_setopt(easy, CURLOPT_TCP_KEEPINTVL, 15L));
        set(curl_easy_setopt(easy, CURLOPT_MAXFILESIZE_LARGE, detail::curl_size_limit(opt.max_response_bytes)));
        set(curl_easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, opt.verify_tls ? 1L : 0L));
        set(curl_easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, opt.verify_tls ? 2L : 0L));
        if (!opt.ca_bundle.empty()) set(curl_easy_setopt(easy, CURLOPT_CAINFO, opt.ca_bundle.c_str()));
        set(curl_easy_setopt(easy, CURLOPT_HTTPHEADER, headers.list));
        if (request.method == "HEAD") {
            set(curl_easy_setopt(easy, CURLOPT_NOBODY, 1L));
        } else if (has_body) {
            // POSTFIELDS does not copy: `request` outlives curl_easy_perform below.
            set(curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size())));
            set(curl_easy_setopt(easy, CURLOPT_POSTFIELDS, request.body.data()));
            if (request.method != "POST") set(curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, request.method.c_str()));
        } else {
            set(curl_easy_setopt(easy, CURLOPT_HTTPGET, 1L));
            if (request.method != "GET") set(curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, request.method.c_str()));
        }
        set(curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, static_cast<curl_write_callback>(&detail::curl_on_header)));
        set(curl_easy_setopt(easy, CURLOPT_HEADERDATA, static_cast<void*>(&call)));
        set(curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, static_cast<curl_write_callback>(&detail::curl_on_body)));
        set(curl_easy_setopt(easy, CURLOPT_WRITEDATA, static_cast<void*>(&call)));
        if (!set_ok) {
            return make_transport_error(transport_errc::other,
                                        "curl transport: libcurl refused an option (built without http/https?)");
        }

        CURLcode rc = curl_easy_perform(easy);
        // The options point into this frame; a stale pointer must not survive in a pooled handle.
        curl_easy_setopt(easy, CURLOPT_HTTPHEADER, static_cast<curl_slist*>(nullptr));

        if (call.too_large || rc == CURLE_FILESIZE_EXCEEDED) {
            return make_transport_error(transport_errc::response_too_large,
                                        "curl transport: response exceeds max_response_bytes (" +
                                            std::to_string(opt.max_response_bytes) + ")");
        }
        if (rc != CURLE_OK) {
            std::string message = "curl transport: ";
            message += slot.error[0] != '\0' ? slot.error : curl_easy_strerror(rc);
            return make_transport_error(detail::curl_map_error(rc), std::move(message));
        }
        long status = 0;
        curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
        response.status = static_cast<int>(status);
        return {};
    }

    curl_transport_options options_;
    CURLcode init_;
    std::unique_ptr<detail::curl_handle_pool> pool_;
};

SWFPP_NAMESPACE_END

#endif
