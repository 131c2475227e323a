// Reference TU (bench/compile_time.sh): Boost.Beast + Asio, the headers of Beast's synchronous
// HTTP client example, declaring (and preparing) one HTTP request.
// Debian: libboost-dev (installed by tools/bench-install-deps.sh, never by swfpp).
#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/version.hpp>

#include <string>

namespace http = boost::beast::http;

http::request<http::string_body> make_request(const std::string& host, const std::string& body) {
    http::request<http::string_body> req{http::verb::post, "/", 11};
    req.set(http::field::host, host);
    req.set(http::field::user_agent, BOOST_BEAST_VERSION_STRING);
    req.set(http::field::content_type, "application/x-amz-json-1.0");
    req.body() = body;
    req.prepare_payload();
    return req;
}
