// Only the curl adapter's single header, compiled with `-I single_include` alone: it must bring
// every swfpp declaration it uses (see single_header_adapters.cpp).
#include <swfpp/transport/curl.hpp>

#ifdef SWFPP_SWFPP_HPP
#error "the curl adapter's single header should not pull in the whole core"
#endif

swfpp::result<void> send_ftp_with_curl_only_header() {
    swfpp::curl_transport transport;
    swfpp::http_request r;
    r.method = "GET";
    r.scheme = "ftp";
    r.host = "example.com";
    r.target = "/";
    swfpp::http_response response;
    return transport.send(r, response);
}
