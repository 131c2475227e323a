// Parity with botocore, the reference implementation, run as an oracle (tools/botocore_oracle.py).
//
// Every case is generated here, deterministically (hand-picked edge cases plus a fixed-seed PRNG),
// sent to one python3 process in a single batch, and compared with what swfpp does:
//   - request bodies (parsed as JSON, member order included) and the protocol headers;
//   - validation report lines, and agreement on which inputs are valid;
//   - error responses: code, message, request id, modelled exception and the CLI/SDK line;
//   - success responses.
// Without python3 + botocore the program exits 77, which meson reports as SKIP.
//
// Not compared, because swfpp deliberately differs or botocore itself raises: the X-Amzn-ErrorType
// header and the body `code` key (swfpp follows the Smithy awsJson1_0 rules, botocore ignores
// both), bodies that are JSON but not an object, bodies that are not UTF-8, and non-string
// `__type` values.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <simdjson.h>
#include <swfpp/endpoint.hpp>
#include <swfpp/operations/request_cancel_workflow_execution.hpp>
#include <swfpp/request.hpp>
#include <swfpp/response.hpp>
#include <swfpp/serialize.hpp>
#include <swfpp/validate.hpp>

#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "support/python_oracle.hpp"

namespace {

using swfpp_test::to_hex;

using op = swfpp::request_cancel_workflow_execution;
using input = swfpp::request_cancel_workflow_execution_input;
constexpr std::string_view operation_name = "RequestCancelWorkflowExecution";

// ---------------------------------------------------------------------------------------------
// Text helpers

std::string utf8(char32_t cp) {
    std::string s;
    if (cp < 0x80) {
        s.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        s.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        s.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        s.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        s.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        s.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        s.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        s.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        s.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        s.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
    return s;
}

std::string from_hex(std::string_view hex) {
    const auto nibble = [](char c) { return c <= '9' ? c - '0' : c - 'a' + 10; };
    std::string out;
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2)
        out.push_back(static_cast<char>(nibble(hex[i]) * 16 + nibble(hex[i + 1])));
    return out;
}

// For failure messages: control bytes and DEL as \xNN, backslash doubled (so distinct strings
// print distinctly), everything else as is.
std::string printable(std::string_view s) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    for (char c : s) {
        const auto b = static_cast<unsigned char>(c);
        if (c == '\\') {
            out.append("\\\\");
        } else if (b < 0x20 || b == 0x7F) {
            out.append("\\x");
            out.push_back(digits[b >> 4]);
            out.push_back(digits[b & 0xF]);
        } else {
            out.push_back(c);
        }
    }
    return out;
}

// A JSON string literal, written independently of swfpp's writer; `ascii_only` escapes every
// non-ASCII code point as \uXXXX (surrogate pairs above U+FFFF), as some services do.
std::string json_string(std::string_view s, bool ascii_only = false) {
    static constexpr char digits[] = "0123456789abcdef";
    const auto u_escape = [&](std::string& out, unsigned v) {
        out.append("\\u");
        for (int shift = 12; shift >= 0; shift -= 4) out.push_back(digits[(v >> shift) & 0xF]);
    };
    std::string out = "\"";
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto b = static_cast<unsigned char>(s[i]);
        if (b == '"' || b == '\\') {
            out.push_back('\\');
            out.push_back(static_cast<char>(b));
        } else if (b < 0x20) {
            u_escape(out, b);
        } else if (b < 0x80 || !ascii_only) {
            out.push_back(static_cast<char>(b));
        } else {  // valid UTF-8 is a precondition here
            const std::size_t len = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
            char32_t cp = b & (0xFFu >> (len + 1));
            for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3Fu);
            i += len - 1;
            if (cp >= 0x10000) {
                u_escape(out, 0xD800 + ((cp - 0x10000) >> 10));
                u_escape(out, 0xDC00 + ((cp - 0x10000) & 0x3FF));
            } else {
                u_escape(out, cp);
            }
        }
    }
    out.push_back('"');
    return out;
}

// A fixed-seed generator whose output does not depend on the standard library
// (std::uniform_int_distribution does).
class prng {
public:
    explicit prng(std::uint32_t seed) : engine_(seed) {}
    std::uint32_t below(std::uint32_t n) { return static_cast<std::uint32_t>(engine_() % n); }
    bool chance(std::uint32_t one_in) { return below(one_in) == 0; }
    template <class T, std::size_t N>
    const T& pick(const T (&items)[N]) { return items[below(N)]; }

    // A random code point, weighted towards the classes JSON escaping cares about.
    char32_t code_point() {
        static constexpr char32_t specials[] = {U'"', U'\\', U'/', 0x7F, 0x80, 0x7FF, 0x800, 0x2028, 0x2029,
                                                0xFEFF, 0xFFFD, 0xFFFF, 0x10000, 0x10FFFF};
        switch (below(8)) {
            case 0: return below(0x20);                   // control
            case 1: return pick(specials);
            case 2: return 0x80 + below(0x800 - 0x80);    // 2-byte
            case 3: {                                     // 3-byte, never a surrogate
                const char32_t cp = 0x800 + below(0x10000 - 0x800 - 0x800);
                return cp < 0xD800 ? cp : cp + 0x800;
            }
            case 4: return 0x10000 + below(0x110000 - 0x10000);  // 4-byte
            default: return 0x20 + below(0x7F - 0x20);           // printable ASCII
        }
    }
    std::string text(std::size_t min_code_points, std::size_t max_code_points) {
        std::string s;
        const auto n = min_code_points + below(static_cast<std::uint32_t>(max_code_points - min_code_points + 1));
        for (std::size_t i = 0; i < n; ++i) s += utf8(code_point());
        return s;
    }

private:
    std::mt19937 engine_;
};

std::string repeat(std::string_view unit, std::size_t times) {
    std::string s;
    for (std::size_t i = 0; i < times; ++i) s.append(unit);
    return s;
}

std::string describe(const input& in) {
    return "domain=\"" + printable(in.domain) + "\" workflowId=\"" + printable(in.workflow_id) + "\" runId=" +
           (in.run_id ? "\"" + printable(*in.run_id) + "\"" : std::string("<absent>"));
}

// ---------------------------------------------------------------------------------------------
// The corpora

struct input_case {
    input value;
    std::string answer;  // the oracle's JSON line
};

struct response_case {
    std::string label;
    swfpp::http_response response;
    std::string answer;
};

std::vector<input_case> serialize_corpus() {
    std::vector<input> inputs;
    const auto add = [&](std::string domain, std::string workflow_id, std::optional<std::string> run_id) {
        inputs.push_back(input{std::move(domain), std::move(workflow_id), std::move(run_id)});
    };
    // Each control character alone, in each member.
    for (char32_t c = 0; c < 0x20; ++c) {
        add(utf8(c), "w", std::nullopt);
        add("d", "a" + utf8(c) + "b", std::nullopt);
        add("d", "w", utf8(c));
    }
    std::string all_controls;
    for (char32_t c = 0; c < 0x20; ++c) all_controls += utf8(c);
    add(all_controls, all_controls, all_controls);
    // The characters that are special to JSON, JavaScript or UTF-8 boundaries.
    for (char32_t c : {U'"', U'\\', U'/', char32_t{0x7F}, char32_t{0x80}, char32_t{0xE9}, char32_t{0x7FF},
                       char32_t{0x800}, char32_t{0x20AC}, char32_t{0x4E2D}, char32_t{0x2028}, char32_t{0x2029},
                       char32_t{0xFEFF}, char32_t{0xFFFD}, char32_t{0xFFFF}, char32_t{0x10000}, char32_t{0x1F600},
                       char32_t{0x10FFFF}})
        add("x" + utf8(c) + "y", utf8(c), utf8(c) + utf8(c));
    add(R"(\"\\\u0000)", R"("quoted" \ backslash)", std::string(R"(\n)"));
    add("</script><!--", "{\"a\":1}", std::nullopt);
    // Empty vs absent runId, and runId-shaped values.
    add("d", "w", std::string());
    add("d", "w", std::nullopt);
    add("d", "w", "22OaQFrOJOIM8Ipz4IeBhTaQZXfkBu2vjIzmxsnNLa9Tw=");
    // Long values: the model's maximum lengths (256 and 64), and beyond (neither side checks max).
    add(repeat("a", 256), repeat("b", 256), repeat("c", 64));
    add(repeat("\xC3\xA9", 256), repeat("\xE4\xB8\xAD", 256), repeat("\xF0\x9F\x98\x80", 64));
    add(repeat("\x01", 256), repeat("\"", 256), repeat("\\", 64));
    add(repeat("z", 1000), "w", repeat("r", 65));
    // Fixed-seed random inputs.
    prng rng(0x5f3759df);
    for (int i = 0; i < 400; ++i) {
        std::optional<std::string> run_id;
        if (const auto r = rng.below(3); r == 1)
            run_id = std::string();
        else if (r == 2)
            run_id = rng.text(1, 64);
        auto domain = rng.text(1, 40);
        add(std::move(domain), rng.text(1, 40), std::move(run_id));
    }
    std::vector<input_case> cases;
    for (auto& in : inputs) cases.push_back(input_case{std::move(in), {}});
    return cases;
}

std::vector<input_case> validate_corpus() {
    std::vector<input> inputs;
    const auto add = [&](std::string domain, std::string workflow_id, std::optional<std::string> run_id) {
        inputs.push_back(input{std::move(domain), std::move(workflow_id), std::move(run_id)});
    };
    const std::optional<std::string> run_ids[] = {std::nullopt, std::string(), std::string("r"),
                                                  std::string("\xF0\x9F\x98\x80")};
    const std::string fillers[] = {"d", " ", std::string(1, '\0'), "\xC3\xA9", "\xE2\x80\xA8", "\xF0\x9F\x98\x80", repeat("x", 300)};
    for (const auto& run_id : run_ids) {
        add("", "w", run_id);  // invalid: empty domain
        add("d", "", run_id);  // invalid: empty workflowId
        add("", "", run_id);   // invalid: both
        for (const auto& filler : fillers) {
            add("", filler, run_id);
            add(filler, "", run_id);
            add(filler, filler, run_id);  // valid: one code point is enough, whatever its bytes
        }
    }
    add("d", "w", repeat("r", 65));  // botocore does not check maximum lengths, nor does swfpp
    prng rng(20120125);
    for (int i = 0; i < 200; ++i) {
        auto domain = rng.chance(3) ? std::string() : rng.text(1, 8);
        auto workflow_id = rng.chance(3) ? std::string() : rng.text(1, 8);
        std::optional<std::string> run_id;
        if (rng.chance(2)) run_id = rng.text(0, 8);
        add(std::move(domain), std::move(workflow_id), std::move(run_id));
    }
    std::vector<input_case> cases;
    for (auto& in : inputs) cases.push_back(input_case{std::move(in), {}});
    return cases;
}

std::vector<response_case> response_corpus() {
    std::vector<response_case> cases;
    const auto add = [&](std::string label, int status, std::string body, swfpp::http_headers headers = {}) {
        swfpp::http_response r;
        r.status = status;
        r.body = std::move(body);
        r.headers = std::move(headers);
        cases.push_back(response_case{std::move(label), std::move(r), {}});
    };
    const swfpp::http_headers json_headers = {{"Content-Type", "application/x-amz-json-1.0"},
                                              {"x-amzn-RequestId", "5a1c4a0e-7d3b-4e6f-9a2b-0c8d1e2f3a4b"}};

    // `__type` forms x message forms x statuses.
    const char* const types[] = {
        "com.amazonaws.swf.base.model#UnknownResourceFault",
        "UnknownResourceFault",
        "UnknownResourceFault:http://internal.amazon.com/coral/com.amazonaws.swf.base.model/",
        "com.amazonaws.swf.base.model#OperationNotPermittedFault:http://internal.amazon.com/coral/",
        "com.amazon.coral.validate#ValidationException",
        "com.amazon.coral.service#UnrecognizedClientException",
        "a#b#LimitExceededFault",
        "SomethingNewFault",
        nullptr,  // no __type: the code is the status
    };
    const char* const messages[] = {
        R"("message":"Unknown execution: WorkflowExecution=[workflowId=w, runId=null]")",
        R"("Message":"User: arn:aws:iam::1:user/x is not authorized")",
        R"("message":"lower wins","Message":"upper loses")",
        R"("Message":"upper first","message":"lower still wins")",
        R"("message":"")",
        R"("message":"caf\u00e9 \u2028 \ud83d\ude00 \"q\" \\ \n\t\u0000 caf)" "\xC3\xA9" R"(")",
        nullptr,  // neither: the message is empty
    };
    const int statuses[] = {400, 403, 404, 409, 429, 500, 503};
    for (const char* type : types)
        for (const char* message : messages)
            for (int status : statuses) {
                std::string body = "{";
                if (type) body += "\"__type\":" + json_string(type);
                if (message) body += std::string(type ? "," : "") + message;
                body += "}";
                add("json error", status, body, json_headers);
            }

    // JSON with whitespace, extra members, escapes and nested values around the fields we read.
    add("pretty JSON", 400, "\n  {\n    \"__type\" : \"UnknownResourceFault\" ,\n    \"message\" : \"m\"\n  }\n  ");
    add("extra members", 400, R"({"extra":{"__type":"Inner","message":"inner"},"__type":"TypeDeprecatedFault","list":[1,2.5,null,true],"message":"outer"})");
    add("escaped key", 400, R"({"\u005f_type":"DomainDeprecatedFault","m\u0065ssage":"escaped keys"})");
    add("escaped type", 400, R"({"__type":"com.amazonaws.swf.base.model\u0023DefaultUndefinedFault"})");
    add("every modelled fault", 400, R"({"__type":"WorkflowExecutionAlreadyStartedFault","message":"x"})");
    for (const char* fault : {"DefaultUndefinedFault", "DomainAlreadyExistsFault", "DomainDeprecatedFault",
                              "LimitExceededFault", "OperationNotPermittedFault", "TooManyTagsFault",
                              "TypeAlreadyExistsFault", "TypeDeprecatedFault", "TypeNotDeprecatedFault",
                              "UnknownResourceFault", "WorkflowExecutionAlreadyStartedFault"})
        add("modelled fault", 400, std::string(R"({"__type":"com.amazonaws.swf.base.model#)") + fault + "\"}");
    add("case differs from a fault", 400, R"({"__type":"unknownresourcefault"})");
    add("empty object", 400, "{}");
    add("message only", 400, R"({"message":"no type"})");
    add("ThrottlingException", 400, R"({"__type":"com.amazon.coral.availability#ThrottlingException","message":"Rate exceeded"})");
    add("auth failure", 403, R"({"__type":"com.amazon.coral.service#IncompleteSignatureException","message":"Authorization header requires 'Signature' parameter."})");
    add("long message", 400, "{\"__type\":\"X\",\"message\":" + json_string(repeat("\xE2\x82\xAC", 5000)) + "}");
    add("empty message beats Message", 400, R"({"__type":"X","message":"","Message":"M"})");
    add("whitespace __type", 400, R"({"__type":" "})");
    add("':' is cut before '#'", 400, R"({"__type":"a:b#c"})");
    add("escaped NUL, slash, DEL and U+10FFFF", 400, "{\"__type\":\"X\",\"message\":\"\\u0000 \\/ \x7f \\uDBFF\\uDFFF\"}");
    add("large but finite numbers", 400, R"({"__type":"X","a":18446744073709551615,"b":1E5,"c":1e-400,"d":-0})");

    // Where simdjson and Python's json must agree that a body is not JSON (so it is the message).
    using namespace std::string_literals;
    for (const auto& body : {"\xEF\xBB\xBF{\"__type\":\"X\"}"s, "{\"__type\":\"X\"}garbage"s, "{\"__type\":\"X\"}}"s,
                             "{\"__type\":\"X\"}\0"s, "\0{\"__type\":\"X\"}"s, "{\"__type\":\"X\",\0\"message\":\"m\"}"s,
                             "{\"__type\":\"X\"}\x0b"s, "\xC2\xA0{\"__type\":\"X\"}"s, "{\"__type\":\"X\",\"message\":\"a\tb\"}"s,
                             "{\"__type\":\"X\",\"message\":\"\\x\"}"s, "{\"__type\":\"X\",\"n\":01}"s,
                             "{\"__type\":\"X\",\"n\":[1,]}"s, "{\"__type\":\"X\",\"n\":1.}"s, "{\"__type\":\"X\",\"n\":.5}"s,
                             "{\"__type\":\"X\",\"n\":+1}"s, "{\"__type\":\"X\",\"n\":tru}"s, "{'__type':'X'}"s,
                             "{\"__type\":\"X\""s, "\"unterminated"s})
        add("not quite JSON", 400, body);

    // Not JSON: the whole body is the message, the status is the code (below 500, or 5xx that
    // is not empty and not an <html> page).
    for (int status : {400, 403, 404, 413, 500, 502, 503}) {
        add("text", status, "Forbidden");
        add("truncated JSON", status, R"({"__type":"UnknownResourceFault","message":)");
        add("unicode text", status, "fehlgeschlagen: \xC3\xA4\xE2\x82\xAC\xF0\x9F\x98\x80 \x01\x1F\x7F");
        add("XML (moto style)", status,
            "<ErrorResponse><Error><Type>Sender</Type><Code>InvalidClientTokenId</Code>"
            "<Message>The security token included in the request is invalid.</Message></Error>"
            "<RequestId>c4f1</RequestId></ErrorResponse>");
        add("XML declaration", status, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ErrorResponse/>");
        add("<HTML> in capitals", status, "<HTML><BODY>Service Unavailable</BODY></HTML>");
        add("doctype html", status, "<!DOCTYPE html><html><body>oops</body></html>");
        add("JSON after \\x1c", status, "\x1c{\"__type\":\"X\"}");
    }
    add("XML on 403 with request id", 403,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ErrorResponse><Error><Code>AccessDenied</Code>"
        "<Message>Access Denied</Message></Error><RequestId>r</RequestId></ErrorResponse>",
        {{"Content-Type", "text/xml"}, {"x-amzn-RequestId", "r-403"}});

    // Empty, whitespace-only and HTML bodies across statuses: only 5xx are generic errors.
    const std::string whitespace[] = {" ", "\r\n", " \t\n\r\x0b\x0c "};
    const std::string html = "<html><body><b>Http/1.1 Service Unavailable</b></body></html>";
    for (int status : {301, 302, 400, 403, 404, 429, 499, 500, 501, 502, 503, 504, 505, 507, 511, 520, 599, 600}) {
        add("empty body", status, "");
        for (const auto& ws : whitespace) add("whitespace body", status, ws);
        add("html", status, html);
        add("html in whitespace", status, " \r\n\t" + html + "\n\n");
        add("bare <html>", status, "<html>");
        add("\\x1c is not whitespace to bytes.strip", status, "\x1c");
    }

    // Request id header: spellings of its name, and none.
    for (const char* name : {"x-amzn-RequestId", "X-Amzn-RequestId", "x-amzn-requestid", "X-AMZN-REQUESTID"})
        add("request id header", 400, R"({"__type":"UnknownResourceFault","message":"m"})", {{name, "rid-1"}});
    add("no request id header", 400, R"({"__type":"UnknownResourceFault"})", {{"x-amz-request-id", "not-this-one"}});
    add("request id on a text body", 404, "Not Found", {{"x-amzn-RequestId", "rid-2"}});

    // Fixed-seed random JSON error bodies.
    prng rng(0xC0FFEE);
    const char* const random_types[] = {"com.amazonaws.swf.base.model#", "", "ns.a#b#", "x.y#"};
    const char* const random_suffixes[] = {"", ":http://internal.amazon.com/coral/", ":", ":a#b"};
    const char* const random_names[] = {"UnknownResourceFault", "LimitExceededFault", "NewFault", "TypeDeprecatedFault"};
    const int random_statuses[] = {400, 401, 403, 404, 409, 413, 429, 500, 502, 503, 504};
    const char* const pads[] = {"", " ", "\n", "\t\r\n ", "  "};
    for (int i = 0; i < 300; ++i) {
        std::string members[3];
        int count = 0;
        if (!rng.chance(5))
            members[count++] = "\"__type\":" + json_string(std::string(rng.pick(random_types)) + rng.pick(random_names) +
                                                           rng.pick(random_suffixes));
        const bool ascii_only = rng.chance(2);
        if (!rng.chance(4))
            members[count++] = std::string(rng.chance(2) ? "\"message\":" : "\"Message\":") +
                               json_string(rng.text(0, 30), ascii_only);
        if (rng.chance(3)) members[count++] = "\"extra\":" + json_string(rng.text(0, 10), ascii_only);
        if (count > 1 && rng.chance(2)) std::swap(members[0], members[count - 1]);
        std::string body = rng.pick(pads);
        body += "{";
        for (int k = 0; k < count; ++k) body += (k ? "," : "") + members[k];
        body += "}";
        body += rng.pick(pads);
        swfpp::http_headers headers;
        if (rng.chance(2)) headers.push_back({"x-amzn-RequestId", to_hex(rng.text(4, 4)).substr(0, 12)});
        add("random JSON error", rng.pick(random_statuses), body, headers);
    }
    return cases;
}

std::vector<response_case> success_corpus() {
    std::vector<response_case> cases;
    const auto add = [&](std::string label, int status, std::string body) {
        swfpp::http_response r;
        r.status = status;
        r.body = std::move(body);
        r.headers = {{"x-amzn-RequestId", "ok-1"}, {"Content-Type", "application/x-amz-json-1.0"}};
        cases.push_back(response_case{std::move(label), std::move(r), {}});
    };
    add("200 with an empty body", 200, "");
    add("200 with {}", 200, "{}");
    add("200 with whitespace around {}", 200, " \n{ }\n");
    add("200 with unknown members", 200, R"({"unexpected":{"nested":[1,2]},"runId":"r"})");
    add("200 with whitespace only", 200, " \r\n");
    add("204 with an empty body", 204, "");
    return cases;
}

// ---------------------------------------------------------------------------------------------
// The oracle run: every case in one batch, one python3 process.

std::vector<input_case> g_serialize = serialize_corpus();
std::vector<input_case> g_validate = validate_corpus();
std::vector<response_case> g_errors = response_corpus();
std::vector<response_case> g_successes = success_corpus();

std::string params_json(const input& in) {
    std::string s = "{\"domain\":\"" + to_hex(in.domain) + "\",\"workflowId\":\"" + to_hex(in.workflow_id) + "\"";
    if (in.run_id) s += ",\"runId\":\"" + to_hex(*in.run_id) + "\"";
    return s + "}";
}

std::string response_json(const swfpp::http_response& r) {
    std::string s = "\"status\":" + std::to_string(r.status) + ",\"headers\":[";
    for (std::size_t i = 0; i < r.headers.size(); ++i)
        s += std::string(i ? "," : "") + "[\"" + to_hex(r.headers[i].name) + "\",\"" + to_hex(r.headers[i].value) + "\"]";
    return s + "],\"body\":\"" + to_hex(r.body) + "\"";
}

// swfpp's request for `in`, as sent: the body compared with botocore's is this one.
swfpp::http_request build(const input& in) {
    swfpp::http_request request;
    const auto ep = swfpp::endpoint_for_region("us-east-1");
    const auto built = swfpp::build_request<op>(in, *ep, request);
    if (!built) request.body = "<build_request failed: " + built.error().message + ">";
    return request;
}

std::string shell_quote(std::string_view s) {
    std::string out = "'";
    for (char c : s) {
        if (c == '\'')
            out += "'\\''";
        else
            out.push_back(c);
    }
    return out + "'";
}

// Runs the oracle over every case and stores each answer line in its case. Returns an
// explanation on failure, empty on success.
std::string run_oracle(const std::string& script) {
    std::vector<std::string*> answers;
    std::string lines;
    const auto emit = [&](std::string_view kind, const std::string& fields, std::string* answer) {
        lines += "{\"id\":" + std::to_string(answers.size()) + ",\"kind\":\"" + std::string(kind) + "\"," + fields + "}\n";
        answers.push_back(answer);
    };
    for (auto& c : g_serialize)
        emit("serialize", "\"params\":" + params_json(c.value) + ",\"swfpp_body\":\"" + to_hex(build(c.value).body) + "\"",
             &c.answer);
    for (auto& c : g_validate) emit("validate", "\"params\":" + params_json(c.value), &c.answer);
    for (auto& c : g_errors) emit("response", response_json(c.response), &c.answer);
    for (auto& c : g_successes) emit("response", response_json(c.response), &c.answer);

    char path[] = "/tmp/swfpp-botocore-parity-XXXXXX";
    const int fd = mkstemp(path);
    if (fd < 0) return "mkstemp failed";
    FILE* file = fdopen(fd, "w");
    const bool written = file && std::fwrite(lines.data(), 1, lines.size(), file) == lines.size();
    if (file) std::fclose(file);
    std::string output, failure;
    if (!written) failure = "could not write the case file";
    if (written) {
        const std::string command = "python3 " + shell_quote(script) + " < " + shell_quote(path);
        if (FILE* pipe = popen(command.c_str(), "r")) {
            char buffer[65536];
            std::size_t n;
            while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) output.append(buffer, n);
            if (const int status = pclose(pipe); status != 0)
                failure = "the oracle failed (wait status " + std::to_string(status) + ")";
        } else {
            failure = "popen failed";
        }
    }
    unlink(path);
    if (!failure.empty()) return failure;

    std::size_t id = 0, start = 0;
    while (start < output.size()) {
        auto end = output.find('\n', start);
        if (end == std::string::npos) end = output.size();
        if (id == answers.size()) return "the oracle answered more lines than it was asked";
        *answers[id++] = output.substr(start, end - start);
        start = end + 1;
    }
    if (id != answers.size())
        return "the oracle answered " + std::to_string(id) + " of " + std::to_string(answers.size()) + " cases";
    return {};
}

// ---------------------------------------------------------------------------------------------
// Reading answers

class answer {
public:
    explicit answer(const std::string& line) {
        valid_ = !parser_.parse(line).get(root_) && root_.is_object();
    }
    bool valid() const { return valid_; }
    // The oracle's report when botocore raised instead of answering, empty otherwise.
    std::string crash() const { return text("crash"); }
    bool has(const char* key) const { return valid_ && !root_[key].error() && !root_[key].is_null(); }
    std::string text(const char* key) const {
        std::string_view hex;
        if (!valid_ || root_[key].get(hex)) return {};
        return from_hex(hex);
    }
    std::string text(const char* object, const char* key) const {
        std::string_view hex;
        if (!valid_ || root_[object][key].get(hex)) return {};
        return from_hex(hex);
    }
    bool flag(const char* key) const {
        bool value = false;
        return valid_ && !root_[key].get(value) && value;
    }

private:
    simdjson::dom::parser parser_;
    simdjson::dom::element root_;
    bool valid_ = false;
};

// Fails the current check (with the case's INFO context) when the answer cannot be compared.
bool usable(const answer& a, const std::string& line) {
    if (!a.valid()) {
        FAIL_CHECK("unreadable oracle answer: " << line);
        return false;
    }
    if (const auto crash = a.crash(); !crash.empty()) {
        FAIL_CHECK("botocore raised: " << printable(crash));
        return false;
    }
    return true;
}

std::string cli_line(std::string_view code, std::string_view message) {
    return "An error occurred (" + std::string(code) + ") when calling the " + std::string(operation_name) +
           " operation: " + std::string(message);
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// The comparisons

TEST_CASE("every corpus is large enough to mean something") {
    CHECK(g_serialize.size() >= 500);
    CHECK(g_validate.size() >= 250);
    CHECK(g_errors.size() >= 700);
    CHECK(g_successes.size() >= 2);
}

// Each check below reports the case it is about; one bad case never hides the others.

TEST_CASE("request bodies parse to the same JSON members as botocore's, in the same order") {
    for (const auto& c : g_serialize) {
        const answer a(c.answer);
        INFO("input: ", describe(c.value));
        if (!usable(a, c.answer)) continue;
        INFO("swfpp:    ", printable(a.text("swfpp_body")));
        INFO("botocore: ", printable(a.text("botocore_body")));
        CHECK(a.flag("equal"));
    }
}

TEST_CASE("method, path, X-Amz-Target and Content-Type equal botocore's serialized request") {
    for (const auto& c : g_serialize) {
        const answer a(c.answer);
        INFO("input: ", describe(c.value));
        if (!usable(a, c.answer)) continue;
        const auto request = build(c.value);
        const auto* target = swfpp::find_header(request.headers, "X-Amz-Target");
        const auto* content_type = swfpp::find_header(request.headers, "Content-Type");
        CHECK((target ? target->value : "<none>") == a.text("headers", "X-Amz-Target"));
        CHECK((content_type ? content_type->value : "<none>") == a.text("headers", "Content-Type"));
        CHECK(request.method == a.text("method"));
        CHECK(request.target == a.text("url_path"));
    }
}

TEST_CASE("validation fails exactly when botocore's does, with botocore's report lines") {
    int invalid = 0;
    for (const auto& c : g_validate) {
        const answer a(c.answer);
        INFO("input: ", describe(c.value));
        if (!usable(a, c.answer)) continue;
        const auto report = a.text("report");
        const auto result = swfpp::validate(c.value);
        if (report.empty()) {
            CHECK_MESSAGE(result.ok(), "swfpp rejects what botocore accepts: ", printable(result.error().message));
            continue;
        }
        ++invalid;
        if (result.ok()) {
            FAIL_CHECK("swfpp accepts what botocore rejects: " << printable(report));
            continue;
        }
        CHECK(result.error().kind == swfpp::errc::validation_failed);
        CHECK(printable(result.error().message) == printable(report));
    }
    CHECK(invalid >= 50);  // the corpus really exercises the failure side
}

TEST_CASE("error responses give botocore's code, message, request id, exception class and CLI line") {
    swfpp::response_parser parser;
    for (const auto& c : g_errors) {
        const answer a(c.answer);
        INFO(c.label, ": status ", c.response.status, ", body \"", printable(c.response.body), "\"");
        if (!usable(a, c.answer)) continue;
        // The corpus holds only errors botocore raises with a string message.
        CHECK(a.flag("raised"));
        CHECK(a.flag("message_is_str"));
        const auto result = parser.parse<op>(c.response);
        if (result.ok()) {
            FAIL_CHECK("swfpp accepted an error response; botocore says: " << printable(a.text("cli")));
            continue;
        }
        const auto& e = result.error();
        CHECK(e.kind == swfpp::errc::service_error);
        CHECK(e.http_status == c.response.status);
        CHECK(printable(e.code) == printable(a.text("code")));
        CHECK(printable(e.message) == printable(a.text("message")));
        CHECK(printable(cli_line(e.code, e.message)) == printable(a.text("cli")));
        CHECK(std::string(swfpp::to_string(e.fault)) == a.text("modeled"));
        // botocore leaves RequestId out of generic (empty or HTML 5xx) errors; swfpp keeps it.
        if (a.has("request_id")) CHECK(e.request_id == a.text("request_id"));
    }
}

TEST_CASE("responses botocore accepts as success are successes in swfpp") {
    swfpp::response_parser parser;
    for (const auto& c : g_successes) {
        const answer a(c.answer);
        INFO(c.label);
        if (!usable(a, c.answer)) continue;
        CHECK_FALSE(a.flag("raised"));
        const auto result = parser.parse<op>(c.response);
        CHECK_MESSAGE(result.ok(), (result.ok() ? std::string() : printable(result.error().message)));
    }
}

int main(int argc, char** argv) {
    // Skip (77), not fail, where the oracle cannot run: botocore is a test-only dependency.
    if (std::system("python3 -c 'import botocore, urllib3' >/dev/null 2>&1") != 0) {
        std::printf("SKIP: python3 with botocore is not available, so there is no oracle to compare with\n");
        return 77;
    }
    const char* root = std::getenv("SWFPP_SOURCE_ROOT");
    if (root == nullptr) {
        std::printf("SWFPP_SOURCE_ROOT is not set; run this through `meson test`\n");
        return EXIT_FAILURE;
    }
    if (const auto problem = run_oracle(std::string(root) + "/tools/botocore_oracle.py"); !problem.empty()) {
        std::printf("botocore oracle: %s\n", problem.c_str());
        return EXIT_FAILURE;
    }
    doctest::Context context(argc, argv);
    return context.run();
}
