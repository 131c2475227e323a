// http_headers: an ordered header list that keeps its string buffers across clear() and erase(),
// so that a request or response reused call after call is refilled without allocating.
#include <doctest/doctest.h>

#include <swfpp/http.hpp>

#include <string>
#include <vector>

namespace {

std::vector<std::string> names_of(const swfpp::http_headers& h) {
    std::vector<std::string> out;
    for (const swfpp::http_header& f : h) out.push_back(f.name + "=" + f.value);
    return out;
}

}  // namespace

TEST_CASE("append adds fields in order and clear() empties the visible list") {
    swfpp::http_headers h;
    h.append("Host", "swf.us-east-1.amazonaws.com");
    h.append("X-Amz-Target", "SimpleWorkflowService.RequestCancelWorkflowExecution");
    CHECK(h.size() == 2);
    CHECK(names_of(h) == std::vector<std::string>{"Host=swf.us-east-1.amazonaws.com",
                                                  "X-Amz-Target=SimpleWorkflowService.RequestCancelWorkflowExecution"});
    h.clear();
    CHECK(h.empty());
    CHECK(h.begin() == h.end());
    CHECK(swfpp::find_header(h, "Host") == nullptr);
}

TEST_CASE("a cleared list refills the same string buffers instead of allocating new ones") {
    swfpp::http_headers h;
    const std::string long_value(200, 'v');
    h.append("X-Long-Header-Name-Beyond-SSO", long_value);
    const char* name_buffer = h[0].name.data();
    const char* value_buffer = h[0].value.data();
    h.clear();
    h.append("X-Other-Long-Header-Name-Here", std::string(150, 'w'));
    CHECK(h[0].name.data() == name_buffer);
    CHECK(h[0].value.data() == value_buffer);
    CHECK(h[0].name == "X-Other-Long-Header-Name-Here");
    CHECK(h[0].value == std::string(150, 'w'));
}

TEST_CASE("erase keeps the order of the other fields and retains the erased buffers for reuse") {
    swfpp::http_headers h;
    h.append("A", "1");
    h.append("B", std::string(100, 'b'));
    h.append("C", "3");
    const char* erased_buffer = h[1].value.data();
    auto next = h.erase(h.begin() + 1);
    CHECK(next == h.begin() + 1);
    CHECK(names_of(h) == std::vector<std::string>{"A=1", "C=3"});
    h.append("D", std::string(90, 'd'));
    CHECK(names_of(h).back() == "D=" + std::string(90, 'd'));
    CHECK(h[2].value.data() == erased_buffer);
}

TEST_CASE("copies hold only the live fields, not the retained ones") {
    swfpp::http_headers h{{"A", "1"}, {"B", "2"}, {"C", "3"}};
    h.erase(h.begin());
    swfpp::http_headers copy = h;
    CHECK(copy.size() == 2);
    CHECK(names_of(copy) == std::vector<std::string>{"B=2", "C=3"});
    swfpp::http_headers assigned{{"Z", "9"}, {"Y", "8"}, {"X", "7"}};
    assigned = h;
    CHECK(names_of(assigned) == std::vector<std::string>{"B=2", "C=3"});
    swfpp::http_headers moved = std::move(copy);
    CHECK(names_of(moved) == std::vector<std::string>{"B=2", "C=3"});
}

TEST_CASE("set_header replaces the first field of that name case-insensitively, else appends") {
    swfpp::http_headers h{{"Content-Type", "text/plain"}};
    swfpp::set_header(h, "content-type", "application/x-amz-json-1.0");
    swfpp::set_header(h, "X-Amz-Date", "20261125T000000Z");
    CHECK(names_of(h) == std::vector<std::string>{"Content-Type=application/x-amz-json-1.0", "X-Amz-Date=20261125T000000Z"});
}

TEST_CASE("a response reused across calls starts each one with no header of the previous call") {
    swfpp::http_response r;
    r.status = 400;
    r.headers.append("x-amzn-RequestId", "first");
    r.body = "{}";
    r.clear();
    r.headers.append("Date", "Wed, 25 Nov 2026 16:00:00 GMT");
    CHECK(swfpp::find_header(r.headers, "x-amzn-RequestId") == nullptr);
    CHECK(r.headers.size() == 1);
}
