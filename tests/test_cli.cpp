// The `swf` command-line program (cli/), end to end: the built program runs as a child
// process with a controlled environment against the loopback HTTP server, and its exit code,
// stdout, stderr and the requests the server received are checked. Where the AWS CLI is
// installed, the same scripted responses go to `aws swf request-cancel-workflow-execution` and
// the two programs' stderr must be identical. The pure parts of the CLI (cli/*.hpp)
// are unit-tested at the end.
//
// Needs SWF_CLI: the path of the built `swf` program (tests/meson.build sets it).
#include <doctest/doctest.h>

#include <simdjson.h>
#include <swfpp/endpoint.hpp>
#include <swfpp/error.hpp>
#include <swfpp/http.hpp>
#include <swfpp/operations/request_cancel_workflow_execution.hpp>

#include "../cli/cli.hpp"
#include "../cli/config.hpp"
#include "../cli/json_input.hpp"
#include "../cli/report.hpp"
#include "../cli/text.hpp"
#include "support/aws_cli.hpp"
#include "support/child_process.hpp"
#include "support/loopback_http_server.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace std::chrono_literals;
using swfpp_test::child_result;
using swfpp_test::loopback_http_server;
using swfpp_test::scripted_response;
using env_map = std::map<std::string, std::string>;

// Fake credentials, long enough to be real-shaped. Neither may appear in any output.
const std::string access_key_id = "AKIDSWFCLITEST000001";
const std::string secret_key = "swfCLI/secret+K7MDENG/bPxRfiCYEXAMPLEKEY";
const std::string session_token = "IQoJb3JpZ2luX2VjESWFCLITEST//////////wEaCXVzLWVhc3QtMSJHMEUCIQDtoken";

const std::string operation = "RequestCancelWorkflowExecution";
const std::string command = "request-cancel-workflow-execution";

std::string swf_program() {
    const char* path = std::getenv("SWF_CLI");
    REQUIRE_MESSAGE(path != nullptr, "SWF_CLI must name the built swf program (tests/meson.build sets it)");
    return path;
}

// Credentials, a session token and a region: the environment of a configured user. Nothing
// from the developer's own environment gets through.
env_map user_env(bool with_token = true) {
    env_map env = {
        {"AWS_ACCESS_KEY_ID", access_key_id},
        {"AWS_SECRET_ACCESS_KEY", secret_key},
        {"AWS_REGION", "us-east-1"},
    };
    if (with_token) env["AWS_SESSION_TOKEN"] = session_token;
    return env;
}

// Fails the test when any 12-byte piece of a secret appears in the output: not even part of
// one may leak.
void check_no_secrets(const child_result& r, const env_map& env) {
    std::vector<std::string> secrets = {secret_key, session_token};
    for (const char* name : {"AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"})
        if (auto it = env.find(name); it != env.end() && it->second.size() >= 12) secrets.push_back(it->second);
    std::string leak;
    for (const auto& secret : secrets)
        for (std::size_t at = 0; leak.empty() && at + 12 <= secret.size(); ++at) {
            const std::string piece = secret.substr(at, 12);
            if (r.out.find(piece) != std::string::npos) leak = "stdout holds a secret's bytes " + std::to_string(at) + "..";
            if (r.err.find(piece) != std::string::npos) leak = "stderr holds a secret's bytes " + std::to_string(at) + "..";
        }
    CHECK_MESSAGE(leak.empty(), leak);
}

// Runs swf; every run is checked for leaked secrets. The bound only stops a hung program.
child_result run_swf(const std::vector<std::string>& args, const env_map& env) {
    child_result r = swfpp_test::run_child(swf_program(), args, env, swfpp_test::hang_bound);
    REQUIRE_MESSAGE(r.spawn_error.empty(), r.spawn_error);
    CHECK_FALSE_MESSAGE(r.timed_out, "swf hung");
    check_no_secrets(r, env);
    return r;
}

// The same, limited to one attempt: for failures whose retries are not the point.
env_map one_attempt_env() {
    env_map env = user_env();
    env["AWS_MAX_ATTEMPTS"] = "1";
    return env;
}

std::vector<std::string> cancel_args(const std::string& endpoint_url, std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {command, "--endpoint-url", endpoint_url, "--domain", "orders",
                                     "--workflow-id", "order-42"};
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
}

// What the AWS CLI prints for a service error (botocore's ClientError between newlines).
// `retries`: the N of "(reached max retries: N)", which botocore adds when the last allowed
// attempt failed; -1 for none.
std::string service_error_text(const std::string& code, const std::string& message, int retries = -1) {
    return "\nAn error occurred (" + code + ") when calling the " + operation + " operation" +
           (retries >= 0 ? " (reached max retries: " + std::to_string(retries) + ")" : "") + ": " + message + "\n";
}

// What AWS CLI v2 prints for a command-line error, with "swf" for "aws".
std::string command_line_error_text(const std::string& line) {
    return "\nusage: swf [options] <command> [parameters]\nTo see help text, you can run:\n\n"
           "  swf help\n  swf <command> help\n\n" + line + "\n\n";
}

// The members of a flat JSON object of strings (what this operation sends), or a marker.
std::map<std::string, std::string> json_object(const std::string& body) {
    std::map<std::string, std::string> members;
    simdjson::dom::parser parser;
    simdjson::dom::object object;
    if (parser.parse(simdjson::padded_string(body)).get(object)) return {{"<not a JSON object>", body}};
    for (auto field : object) {
        std::string_view text;
        members[std::string(field.key)] = field.value.get(text) ? "<not a string>" : std::string(text);
    }
    return members;
}

// "Credential=..." or "SignedHeaders=..." out of an Authorization value.
std::string auth_part(const std::string& authorization, const std::string& key) {
    const auto at = authorization.find(key);
    if (at == std::string::npos) return {};
    const auto start = at + key.size();
    return authorization.substr(start, authorization.find(',', start) - start);
}

std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    for (std::size_t nl; (nl = text.find('\n', start)) != std::string::npos; start = nl + 1)
        lines.push_back(text.substr(start, nl - start));
    lines.push_back(text.substr(start));
    return lines;
}

const std::string unknown_execution_body =
    R"({"__type":"com.amazonaws.swf.base.model#UnknownResourceFault","message":"Unknown execution: WorkflowExecution=[workflowId=order-42]"})";

}  // namespace

// ---- Successful calls and the request on the wire ------------------------------------------

TEST_CASE("swf: a successful cancel exits 0, prints nothing and sends exactly one signed request") {
    loopback_http_server srv;
    REQUIRE(srv.ok());
    const auto r = run_swf(cancel_args(srv.url()), user_env());
    CHECK(r.exit_code == 0);
    CHECK(r.out.empty());
    CHECK(r.err.empty());

    const auto reqs = srv.requests();
    REQUIRE(reqs.size() == 1);
    const auto& q = reqs[0];
    CHECK(q.method == "POST");
    CHECK(q.target == "/");
    REQUIRE(q.header("X-Amz-Target"));
    CHECK(*q.header("X-Amz-Target") == "SimpleWorkflowService.RequestCancelWorkflowExecution");
    REQUIRE(q.header("Content-Type"));
    CHECK(*q.header("Content-Type") == "application/x-amz-json-1.0");
    CHECK(q.body == R"({"domain":"orders","workflowId":"order-42"})");
    REQUIRE(q.header("X-Amz-Security-Token"));
    CHECK(*q.header("X-Amz-Security-Token") == session_token);
    REQUIRE(q.header("User-Agent"));
    CHECK(q.header("User-Agent")->find("swf/" SWFPP_VERSION_STRING) != std::string::npos);

    REQUIRE(q.header("X-Amz-Date"));
    const std::string date = q.header("X-Amz-Date")->substr(0, 8);
    REQUIRE(q.header("Authorization"));
    const std::string& auth = *q.header("Authorization");
    CHECK(auth.rfind("AWS4-HMAC-SHA256 ", 0) == 0);
    CHECK(auth_part(auth, "Credential=") == access_key_id + "/" + date + "/us-east-1/swf/aws4_request");
    CHECK(auth_part(auth, "SignedHeaders=") == "content-type;host;x-amz-date;x-amz-security-token;x-amz-target");
    CHECK(auth_part(auth, "Signature=").size() == 64);
}

TEST_CASE("swf: without a session token no token header is sent or signed") {
    loopback_http_server srv;
    REQUIRE(srv.ok());
    const auto r = run_swf(cancel_args(srv.url()), user_env(false));
    CHECK(r.exit_code == 0);
    const auto reqs = srv.requests();
    REQUIRE(reqs.size() == 1);
    CHECK(reqs[0].header("X-Amz-Security-Token") == nullptr);
    REQUIRE(reqs[0].header("Authorization"));
    CHECK(auth_part(*reqs[0].header("Authorization"), "SignedHeaders=") == "content-type;host;x-amz-date;x-amz-target");
}

TEST_CASE("swf: --run-id is sent when given, omitted when absent and sent empty when empty") {
    loopback_http_server srv;
    REQUIRE(srv.ok());
    CHECK(run_swf(cancel_args(srv.url(), {"--run-id", "22Gu8DfaAbcRun"}), user_env()).exit_code == 0);
    CHECK(run_swf(cancel_args(srv.url()), user_env()).exit_code == 0);
    CHECK(run_swf(cancel_args(srv.url(), {"--run-id", ""}), user_env()).exit_code == 0);
    const auto reqs = srv.requests();
    REQUIRE(reqs.size() == 3);
    CHECK(reqs[0].body == R"({"domain":"orders","workflowId":"order-42","runId":"22Gu8DfaAbcRun"})");
    CHECK(reqs[1].body == R"({"domain":"orders","workflowId":"order-42"})");
    CHECK(reqs[2].body == R"({"domain":"orders","workflowId":"order-42","runId":""})");
}

TEST_CASE("swf: --option=value works like --option value, and options may precede the command") {
    loopback_http_server srv;
    REQUIRE(srv.ok());
    const auto r = run_swf({"--endpoint-url=" + srv.url(), command, "--domain=orders", "--workflow-id=order-42",
                            "--run-id=r-1"},
                           user_env());
    CHECK(r.exit_code == 0);
    const auto reqs = srv.requests();
    REQUIRE(reqs.size() == 1);
    CHECK(reqs[0].body == R"({"domain":"orders","workflowId":"order-42","runId":"r-1"})");
}

// ---- Service errors: exit code 254 and botocore's ClientError text ---------------------------

TEST_CASE("swf: a modelled fault exits 254 with the AWS CLI's error line") {
    loopback_http_server srv;
    REQUIRE(srv.ok());
    srv.enqueue(scripted_response::reply(400, unknown_execution_body, {{"x-amzn-RequestId", "rid-1"}}));
    const auto r = run_swf(cancel_args(srv.url()), user_env());
    CHECK(r.exit_code == 254);
    CHECK(r.out.empty());
    CHECK(r.err == service_error_text("UnknownResourceFault",
                                      "Unknown execution: WorkflowExecution=[workflowId=order-42]"));
    CHECK(srv.request_count() == 1);
}

TEST_CASE("swf: error bodies that are not SWF's JSON exit 254 with botocore's code and message") {
    loopback_http_server srv;
    REQUIRE(srv.ok());
    const std::string xml = R"(<?xml version="1.0"?><Error><Code>AccessDenied</Code><Message>nope</Message></Error>)";

    SUBCASE("a 403 with an XML body: the status is the code, the whole body the message") {
        srv.enqueue(scripted_response::reply(403, xml, {{"Content-Type", "text/xml"}}));
        const auto r = run_swf(cancel_args(srv.url()), user_env());
        CHECK(r.exit_code == 254);
        CHECK(r.err == service_error_text("403", xml));
    }
    SUBCASE("a 503 HTML page: the status and its reason phrase") {
        srv.enqueue(scripted_response::reply(503, "<html><body>Service Unavailable</body></html>",
                                             {{"Content-Type", "text/html"}}));
        const auto r = run_swf(cancel_args(srv.url()), one_attempt_env());  // a 503 is retried
        CHECK(r.exit_code == 254);
        CHECK(r.err == service_error_text("503", "Service Unavailable", 0));
    }
    SUBCASE("a 400 whose JSON has only `Message`") {
        srv.enqueue(scripted_response::reply(400, R"({"Message":"only Message here"})"));
        const auto r = run_swf(cancel_args(srv.url()), user_env());
        CHECK(r.exit_code == 254);
        CHECK(r.err == service_error_text("400", "only Message here"));
    }
    SUBCASE("an empty 400: the status and an empty message") {
        srv.enqueue(scripted_response::reply(400, ""));
        const auto r = run_swf(cancel_args(srv.url()), user_env());
        CHECK(r.exit_code == 254);
        CHECK(r.err == service_error_text("400", ""));
    }
    CHECK(srv.request_count() == 1);
}

TEST_CASE("swf: a server that echoes the session token cannot make swf print it") {
    loopback_http_server srv;
    REQUIRE(srv.ok());
    srv.set_handler([](const swfpp_test::recorded_request& q) -> std::optional<scripted_response> {
        const std::string* token = q.header("X-Amz-Security-Token");
        return scripted_response::reply(
            400, R"({"__type":"InvalidClientTokenId","message":"bad token )" + (token ? *token : "") + "\"}");
    });
    const auto r = run_swf(cancel_args(srv.url()), user_env());  // run_swf checks for the leak
    CHECK(r.exit_code == 254);
    CHECK(r.err == service_error_text("InvalidClientTokenId", "bad token <redacted>"));
}

// ---- Command-line and parameter errors: exit code 252, nothing sent --------------------------

TEST_CASE("swf: invalid parameters exit 252 with botocore's validation lines and send nothing") {
    loopback_http_server srv;
    REQUIRE(srv.ok());
    SUBCASE("an empty domain") {
        const auto r = run_swf({command, "--endpoint-url", srv.url(), "--domain", "", "--workflow-id", "w"}, user_env());
        CHECK(r.exit_code == 252);
        CHECK(r.out.empty());
        CHECK(r.err == "\nParameter validation failed:\nInvalid length for parameter domain, value: 0, valid min length: 1\n");
    }
    SUBCASE("every invalid parameter is listed") {
        const auto r = run_swf({command, "--endpoint-url", srv.url(), "--domain", "", "--workflow-id", ""}, user_env());
        CHECK(r.exit_code == 252);
        CHECK(r.err ==
              "\nParameter validation failed:\n"
              "Invalid length for parameter domain, value: 0, valid min length: 1\n"
              "Invalid length for parameter workflowId, value: 0, valid min length: 1\n");
    }
    SUBCASE("invalid UTF-8 names the parameter") {
        const auto r = run_swf({command, "--endpoint-url", srv.url(), "--domain", "d", "--workflow-id", "w\xff"},
                               user_env());
        CHECK(r.exit_code == 252);
        CHECK(r.err.rfind("\nParameter validation failed:\n", 0) == 0);
        CHECK(r.err.find("parameter workflowId") != std::string::npos);
    }
    SUBCASE("validation comes before the credentials check, as in the AWS CLI") {
        const auto r = run_swf({command, "--endpoint-url", srv.url(), "--domain", "", "--workflow-id", "w"},
                               {{"AWS_REGION", "us-east-1"}});
        CHECK(r.exit_code == 252);
    }
    CHECK(srv.request_count() == 0);
}

TEST_CASE("swf: a missing required option exits 252 with argparse's message and sends nothing") {
    loopback_http_server srv;
    REQUIRE(srv.ok());
    auto r = run_swf({command, "--endpoint-url", srv.url(), "--domain", "orders"}, user_env());
    CHECK(r.exit_code == 252);
    CHECK(r.out.empty());
    CHECK(r.err == command_line_error_text("swf: error: the following arguments are required: --workflow-id"));

    r = run_swf({command, "--endpoint-url", srv.url()}, user_env());
    CHECK(r.exit_code == 252);
    CHECK(r.err ==
          command_line_error_text("swf: error: the following arguments are required: --domain, --workflow-id"));
    CHECK(srv.request_count() == 0);
}

TEST_CASE("swf: unknown options exit 252, list every unknown word and send nothing") {
    loopback_http_server srv;
    REQUIRE(srv.ok());
    const auto r = run_swf(cancel_args(srv.url(), {"--foo", "x", "--bar=1"}), user_env());
    CHECK(r.exit_code == 252);
    CHECK(r.out.empty());
    CHECK(r.err == command_line_error_text("Unknown options: --foo, x, --bar=1"));
    CHECK(srv.request_count() == 0);
}

TEST_CASE("swf: an option without its value exits 252") {
    auto r = run_swf({command, "--domain", "orders", "--workflow-id"}, user_env());
    CHECK(r.exit_code == 252);
    CHECK(r.err == command_line_error_text("swf: error: argument --workflow-id: expected one argument"));
    // As in argparse, a word that looks like an option is not taken as a value: use --opt=value.
    r = run_swf({command, "--domain", "--workflow-id", "w"}, user_env());
    CHECK(r.exit_code == 252);
    CHECK(r.err == command_line_error_text("swf: error: argument --domain: expected one argument"));
    r = run_swf({command, "--cli-read-timeout", "soon", "--domain", "d", "--workflow-id", "w"}, user_env());
    CHECK(r.exit_code == 252);
    CHECK(r.err == command_line_error_text("swf: error: argument --cli-read-timeout: invalid int value: 'soon'"));
}

TEST_CASE("swf: no command or an unknown command exits 252") {
    auto r = run_swf({}, user_env());
    CHECK(r.exit_code == 252);
    CHECK(r.err == command_line_error_text("swf: error: the following arguments are required: command"));
    r = run_swf({"list-everything"}, user_env());
    CHECK(r.exit_code == 252);
    CHECK(r.err.find("swf: error: argument command: Invalid choice, valid choices are:\n\n"
                     "count-closed-workflow-executions         | count-open-workflow-executions") != std::string::npos);
}

// ---- Configuration errors: exit code 253, nothing sent ---------------------------------------

TEST_CASE("swf: missing credentials exit 253 with the AWS CLI's text and send nothing") {
    loopback_http_server srv;
    REQUIRE(srv.ok());
    SUBCASE("no access key id") {
        const auto r = run_swf(cancel_args(srv.url()), {{"AWS_REGION", "us-east-1"}, {"AWS_SESSION_TOKEN", session_token}});
        CHECK(r.exit_code == 253);
        CHECK(r.err == "\nUnable to locate credentials. You can configure credentials by setting AWS_ACCESS_KEY_ID and "
                      "AWS_SECRET_ACCESS_KEY.\n");
    }
    SUBCASE("an empty access key id counts as none") {
        auto env = user_env();
        env["AWS_ACCESS_KEY_ID"] = "";
        const auto r = run_swf(cancel_args(srv.url()), env);
        CHECK(r.exit_code == 253);
        CHECK(r.err.find("Unable to locate credentials.") != std::string::npos);
    }
    SUBCASE("an access key id without its secret") {
        auto env = user_env();
        env.erase("AWS_SECRET_ACCESS_KEY");
        const auto r = run_swf(cancel_args(srv.url()), env);
        CHECK(r.exit_code == 253);
        CHECK(r.err == "\nPartial credentials found in env, missing: AWS_SECRET_ACCESS_KEY\n");
    }
    SUBCASE("--dry-run needs credentials too: it signs") {
        const auto r = run_swf(cancel_args(srv.url(), {"--dry-run"}), {{"AWS_REGION", "us-east-1"}});
        CHECK(r.exit_code == 253);
        CHECK(r.out.empty());
    }
    CHECK(srv.request_count() == 0);
}

TEST_CASE("swf: a missing region exits 253 and sends nothing") {
    loopback_http_server srv;
    REQUIRE(srv.ok());
    auto env = user_env();
    env.erase("AWS_REGION");
    const auto r = run_swf(cancel_args(srv.url()), env);
    CHECK(r.exit_code == 253);
    CHECK(r.err ==
          "\nYou must specify a region. You can also configure your region by setting AWS_REGION or "
          "AWS_DEFAULT_REGION.\n");
    CHECK(srv.request_count() == 0);
}

TEST_CASE("swf: an invalid region exits 253 and reaches no host") {
    loopback_http_server srv;
    REQUIRE(srv.ok());
    const std::string region = "evil.example/#";
    const std::string expected = "\n" + swfpp::validate_region(region).error().message + "\n";
    CHECK(expected == "\nProvided region_name 'evil.example/#' doesn't match a supported format.\n");
    auto r = run_swf(cancel_args(srv.url(), {"--region", region}), user_env());
    CHECK(r.exit_code == 253);
    CHECK(r.err == expected);
    auto env = user_env();
    env["AWS_REGION"] = region;  // without an endpoint URL, the region would pick the host
    r = run_swf({command, "--domain", "d", "--workflow-id", "w"}, env);
    CHECK(r.exit_code == 253);
    CHECK(r.err == expected);
    CHECK(srv.request_count() == 0);
}

TEST_CASE("swf: an invalid endpoint URL exits 253 with swfpp's message") {
    const auto expected = [](const std::string& url) {
        return "\n" + swfpp::parse_endpoint_url(url).error().message + "\n";
    };
    auto r = run_swf({command, "--endpoint-url", "notaurl", "--domain", "d", "--workflow-id", "w"}, user_env());
    CHECK(r.exit_code == 253);
    CHECK(r.err == expected("notaurl"));
    auto env = user_env();
    env["AWS_ENDPOINT_URL_SWF"] = "ftp://127.0.0.1:1/";
    r = run_swf({command, "--domain", "d", "--workflow-id", "w"}, env);
    CHECK(r.exit_code == 253);
    CHECK(r.err == expected("ftp://127.0.0.1:1/"));
}

// ---- Transport failures: exit code 255 with botocore's texts ---------------------------------

TEST_CASE("swf: connection refused exits 255 with botocore's text") {
    const std::string url = "http://127.0.0.1:" + std::to_string(swfpp_test::unused_port());
    const auto r = run_swf(cancel_args(url), one_attempt_env());
    CHECK(r.exit_code == 255);
    CHECK(r.out.empty());
    CHECK(r.err == "\nCould not connect to the endpoint URL: \"" + url + "/\"\n");
}

TEST_CASE("swf: a dropped connection, a read timeout and a malformed response exit 255") {
    loopback_http_server srv;
    REQUIRE(srv.ok());
    SUBCASE("the server closes without answering") {
        srv.enqueue(scripted_response::close_connection());
        const auto r = run_swf(cancel_args(srv.url()), one_attempt_env());
        CHECK(r.exit_code == 255);
        CHECK(r.err == "\nConnection was closed before we received a valid response from endpoint URL: \"" +
                           srv.url() + "/\".\n");
    }
    SUBCASE("--cli-read-timeout elapses") {
        // The answer would be a success: only the timeout makes this fail. It comes 120 times
        // later than the 1 s timeout (the server's stop cuts the wait short), so however slow
        // the machine, swf gives up first; a timeout that did not apply ends in exit 0 instead.
        srv.enqueue(scripted_response::reply(200, "{}").after(120s));
        const auto r = run_swf(cancel_args(srv.url(), {"--cli-read-timeout", "1"}), one_attempt_env());
        CHECK(r.exit_code == 255);
        CHECK(r.err == "\nRead timeout on endpoint URL: \"" + srv.url() + "/\"\n");
    }
    SUBCASE("a 200 whose body is not JSON") {
        srv.enqueue(scripted_response::reply(200, "not json"));
        const auto r = run_swf(cancel_args(srv.url()), user_env());  // not retried
        CHECK(r.exit_code == 255);
        CHECK(r.err.rfind("\nMalformed response: ", 0) == 0);
    }
    CHECK(srv.request_count() == 1);
}

// ---- Retry settings ---------------------------------------------------------------------------

TEST_CASE("swf: AWS_MAX_ATTEMPTS=1 makes exactly one attempt, even for a 500") {
    loopback_http_server srv;
    REQUIRE(srv.ok());
    srv.set_default_response(scripted_response::reply(500, R"({"__type":"InternalFailure","message":"boom"})"));
    auto env = one_attempt_env();
    auto r = run_swf(cancel_args(srv.url()), env);
    CHECK(r.exit_code == 254);
    // botocore's standard mode marks the last allowed attempt's failure "max attempts reached".
    CHECK(r.err == service_error_text("InternalFailure", "boom", 0));
    CHECK(srv.request_count() == 1);

    // Legacy mode marks it only for errors it retries: a 500 is one, a modelled fault is not.
    env["AWS_RETRY_MODE"] = "legacy";
    r = run_swf(cancel_args(srv.url()), env);
    CHECK(r.err == service_error_text("InternalFailure", "boom", 0));
    srv.enqueue(scripted_response::reply(400, unknown_execution_body));
    r = run_swf(cancel_args(srv.url()), env);
    CHECK(r.err == service_error_text("UnknownResourceFault", "Unknown execution: WorkflowExecution=[workflowId=order-42]"));
    CHECK(srv.request_count() == 3);
}

TEST_CASE("swf: retries follow AWS_MAX_ATTEMPTS and the error says how many were made") {
    loopback_http_server srv;
    REQUIRE(srv.ok());
    SUBCASE("two attempts allowed, both fail: '(reached max retries: 1)'") {
        srv.set_default_response(scripted_response::reply(500, R"({"__type":"InternalFailure","message":"boom"})"));
        auto env = user_env();
        env["AWS_MAX_ATTEMPTS"] = "2";
        const auto r = run_swf(cancel_args(srv.url()), env);
        CHECK(r.exit_code == 254);
        CHECK(r.err == service_error_text("InternalFailure", "boom", 1));
        CHECK(srv.request_count() == 2);
    }
    SUBCASE("by default (three attempts) a 503 followed by a success succeeds") {
        srv.enqueue(scripted_response::reply(503, ""));
        const auto r = run_swf(cancel_args(srv.url()), user_env());
        CHECK(r.exit_code == 0);
        CHECK(r.err.empty());
        CHECK(srv.request_count() == 2);
    }
    SUBCASE("a modelled fault is not retried and reports no retries") {
        srv.set_default_response(scripted_response::reply(400, unknown_execution_body));
        const auto r = run_swf(cancel_args(srv.url()), user_env());
        CHECK(r.exit_code == 254);
        CHECK(r.err == service_error_text("UnknownResourceFault",
                                          "Unknown execution: WorkflowExecution=[workflowId=order-42]"));
        CHECK(srv.request_count() == 1);
    }
}

TEST_CASE("swf: an invalid AWS_MAX_ATTEMPTS or AWS_RETRY_MODE exits 253 with botocore's text") {
    loopback_http_server srv;
    REQUIRE(srv.ok());
    struct bad_setting {
        std::string variable, value, message;
    };
    const std::vector<bad_setting> cases = {
        {"AWS_MAX_ATTEMPTS", "abc", "invalid literal for int() with base 10: 'abc'"},
        {"AWS_MAX_ATTEMPTS", "0", "Value provided to \"max_attempts\": 0 must be an integer greater than or equal to 1."},
        {"AWS_MAX_ATTEMPTS", "-2", "Value provided to \"max_attempts\": -2 must be an integer greater than or equal to 1."},
        {"AWS_RETRY_MODE", "bogus",
         "Invalid value provided to \"mode\": \"bogus\" must be one of: ('legacy', 'standard', 'adaptive')"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.variable);
        CAPTURE(c.value);
        auto env = user_env();
        env[c.variable] = c.value;
        const auto r = run_swf(cancel_args(srv.url()), env);
        CHECK(r.exit_code == 253);
        CHECK(r.err == "\n" + c.message + "\n");
    }
    CHECK(srv.request_count() == 0);
}

// ---- --dry-run ----------------------------------------------------------------------------------

TEST_CASE("swf: --dry-run prints the complete signed request with the token redacted and sends nothing") {
    loopback_http_server srv;
    REQUIRE(srv.ok());
    const auto r = run_swf(cancel_args(srv.url(), {"--dry-run"}), user_env());
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
    CHECK(srv.request_count() == 0);

    const std::string body = R"({"domain":"orders","workflowId":"order-42"})";
    const auto lines = split_lines(r.out);
    REQUIRE(lines.size() == 14);  // request line, 10 headers, blank, body, "" after the final newline
    CHECK(lines[0] == "POST / HTTP/1.1");
    std::map<std::string, std::string> headers;
    for (std::size_t i = 1; i <= 10; ++i) {
        const auto colon = lines[i].find(": ");
        REQUIRE(colon != std::string::npos);
        headers[lines[i].substr(0, colon)] = lines[i].substr(colon + 2);
    }
    CHECK(headers.size() == 10);
    CHECK(headers["Host"] == "127.0.0.1:" + std::to_string(srv.port()));
    CHECK(headers["X-Amz-Target"] == "SimpleWorkflowService.RequestCancelWorkflowExecution");
    CHECK(headers["Content-Type"] == "application/x-amz-json-1.0");
    CHECK(headers["User-Agent"] == "swfpp/" SWFPP_VERSION_STRING " swf/" SWFPP_VERSION_STRING);
    CHECK(headers["X-Amz-Date"].size() == 16);
    CHECK(headers["X-Amz-Security-Token"] == "<redacted>");
    CHECK(auth_part(headers["Authorization"], "Credential=") ==
          access_key_id + "/" + headers["X-Amz-Date"].substr(0, 8) + "/us-east-1/swf/aws4_request");
    CHECK(auth_part(headers["Authorization"], "SignedHeaders=") ==
          "content-type;host;x-amz-date;x-amz-security-token;x-amz-target");
    CHECK(auth_part(headers["Authorization"], "Signature=").size() == 64);
    // The unsigned per-attempt headers of the first attempt, as the real call sends them.
    CHECK(headers["amz-sdk-invocation-id"].size() == 36);
    CHECK(headers["amz-sdk-request"] == "attempt=1");
    CHECK(lines[10] == "Content-Length: " + std::to_string(body.size()));  // the last header
    CHECK(lines[11].empty());
    CHECK(lines[12] == body);
    CHECK(lines[13].empty());
}

// ---- Environment precedence -------------------------------------------------------------------

TEST_CASE("swf: --endpoint-url beats AWS_ENDPOINT_URL_SWF, which beats AWS_ENDPOINT_URL") {
    loopback_http_server swf_specific, generic, flag;
    REQUIRE(swf_specific.ok());
    REQUIRE(generic.ok());
    REQUIRE(flag.ok());
    auto env = user_env();
    env["AWS_ENDPOINT_URL"] = generic.url();
    const std::vector<std::string> args = {command, "--domain", "d", "--workflow-id", "w"};

    CHECK(run_swf(args, env).exit_code == 0);
    CHECK(generic.request_count() == 1);

    env["AWS_ENDPOINT_URL_SWF"] = swf_specific.url();
    CHECK(run_swf(args, env).exit_code == 0);
    CHECK(swf_specific.request_count() == 1);
    CHECK(generic.request_count() == 1);

    auto with_flag = args;
    with_flag.insert(with_flag.end(), {"--endpoint-url", flag.url()});
    CHECK(run_swf(with_flag, env).exit_code == 0);
    CHECK(flag.request_count() == 1);
    CHECK(swf_specific.request_count() == 1);
    CHECK(generic.request_count() == 1);

    // AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true sends the (dry-run) request to the regional host.
    env["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"] = "true";
    auto dry = args;
    dry.push_back("--dry-run");
    const auto r = run_swf(dry, env);
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("\nHost: swf.us-east-1.amazonaws.com\n") != std::string::npos);
}

TEST_CASE("swf: --region beats AWS_REGION, which beats AWS_DEFAULT_REGION") {
    const auto signed_region = [](const child_result& r) {
        const auto at = r.out.find("/swf/aws4_request");
        if (at == std::string::npos) return std::string("<none>");
        const auto start = r.out.rfind('/', at - 1) + 1;
        return r.out.substr(start, at - start);
    };
    auto env = user_env();
    env.erase("AWS_REGION");
    env["AWS_DEFAULT_REGION"] = "eu-west-1";
    const std::vector<std::string> args = {command, "--endpoint-url", "http://127.0.0.1:9", "--dry-run",
                                           "--domain", "d", "--workflow-id", "w"};
    CHECK(signed_region(run_swf(args, env)) == "eu-west-1");
    env["AWS_REGION"] = "us-west-2";
    CHECK(signed_region(run_swf(args, env)) == "us-west-2");
    auto with_flag = args;
    with_flag.insert(with_flag.end(), {"--region", "ap-south-1"});
    CHECK(signed_region(run_swf(with_flag, env)) == "ap-south-1");
    // Without an endpoint URL the region picks the host too.
    const auto r = run_swf({command, "--dry-run", "--domain", "d", "--workflow-id", "w"}, env);
    CHECK(r.out.find("\nHost: swf.us-west-2.amazonaws.com\n") != std::string::npos);
}

TEST_CASE("swf: AWS_USE_FIPS_ENDPOINT and AWS_USE_DUALSTACK_ENDPOINT pick the host --dry-run shows") {
    auto env = user_env();
    const std::vector<std::string> args = {command, "--dry-run", "--domain", "d", "--workflow-id", "w"};
    env["AWS_USE_FIPS_ENDPOINT"] = "true";
    auto r = run_swf(args, env);
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("\nHost: swf-fips.us-east-1.amazonaws.com\n") != std::string::npos);
    env["AWS_USE_DUALSTACK_ENDPOINT"] = "TRUE";
    r = run_swf(args, env);
    CHECK(r.out.find("\nHost: swf-fips.us-east-1.api.aws\n") != std::string::npos);
    env["AWS_USE_FIPS_ENDPOINT"] = "false";
    r = run_swf(args, env);
    CHECK(r.out.find("\nHost: swf.us-east-1.api.aws\n") != std::string::npos);
    // A custom endpoint cannot be combined with dual-stack: the rule set's error, exit 253.
    auto custom = args;
    custom.insert(custom.end(), {"--endpoint-url", "http://127.0.0.1:9"});
    r = run_swf(custom, env);
    CHECK(r.exit_code == 253);
    CHECK(r.err.find("Invalid Configuration: Dualstack and custom endpoint are not supported") != std::string::npos);
}

// ---- Help and version -------------------------------------------------------------------------

TEST_CASE("swf: help, --help and --version print on stdout and exit 0") {
    for (const auto& args : std::vector<std::vector<std::string>>{{"help"}, {"--help"}, {"-h"}}) {
        const auto r = run_swf(args, user_env());
        CHECK(r.exit_code == 0);
        CHECK(r.err.empty());
        CHECK(r.out.rfind("usage: swf [options] <command> [parameters]\n", 0) == 0);
        CHECK(r.out.find(command +
                         " --domain <value> --workflow-id <value> [--run-id <value>] [--cli-input-json <value>]"
                         " [--generate-cli-skeleton <value>]\n") != std::string::npos);
        CHECK(r.out.find("254  the service answered with an error") != std::string::npos);
    }
    auto r = run_swf({command, "help"}, user_env());
    CHECK(r.exit_code == 0);
    CHECK(r.out.rfind("usage: swf " + command + " --domain <value>", 0) == 0);
    r = run_swf({"--version"}, user_env());
    CHECK(r.exit_code == 0);
    CHECK(r.out.rfind("swf/" SWFPP_VERSION_STRING " swfpp/" SWFPP_VERSION_STRING " libcurl/", 0) == 0);
}

// ---- The AWS CLI as the reference ---------------------------------------------------------------

namespace {

struct comparison_case {
    std::string name;
    std::optional<scripted_response> response;  // nullopt: the call must not reach the server
    std::vector<std::string> args;              // after the command name
    env_map env_overrides;
    int swf_exit_code;
    int responses = 2;               // scripted responses to queue: one per program and attempt
    bool v2_exits_255 = false;       // AWS CLI v2 exits 255 here, swf 253 (bad retry settings)
};

// What happened when both programs ran one case against their own server.
struct comparison_run {
    std::unique_ptr<loopback_http_server> server = std::make_unique<loopback_http_server>();
    child_result aws, swf;
    std::vector<swfpp_test::recorded_request> requests;
};

}  // namespace

TEST_CASE("swf prints exactly the AWS CLI's stderr for the same responses and sends the same request") {
    std::string why_not;
    const swfpp_test::temp_directory empty_dir;
    const auto cli = swfpp_test::find_aws_cli(
        empty_dir,
        {{"AWS_ACCESS_KEY_ID", access_key_id}, {"AWS_SECRET_ACCESS_KEY", secret_key}, {"AWS_SESSION_TOKEN", session_token}},
        why_not);
    if (!cli) {
        swfpp_test::report_missing_aws_cli(why_not);
        return;
    }
    MESSAGE("comparing with " << cli->version);
    const std::string refused_url = "http://127.0.0.1:" + std::to_string(swfpp_test::unused_port());
    const std::vector<std::string> valid = {"--domain", "orders", "--workflow-id", "order-42", "--region", "us-east-1"};
    const auto with = [&](std::vector<std::string> extra) {
        auto a = valid;
        a.insert(a.end(), extra.begin(), extra.end());
        return a;
    };

    std::vector<comparison_case> cases;
    cases.push_back({"UnknownResourceFault JSON", scripted_response::reply(400, unknown_execution_body), valid, {}, 254});
    cases.push_back({"403 XML body",
                     scripted_response::reply(
                         403, R"(<?xml version="1.0"?><Error><Code>AccessDenied</Code><Message>nope</Message></Error>)",
                         {{"Content-Type", "text/xml"}}),
                     valid, {}, 254});
    cases.push_back({"503 HTML page",
                     scripted_response::reply(503, "<html><body>Service Unavailable</body></html>",
                                              {{"Content-Type", "text/html"}}),
                     valid, {}, 254});
    cases.push_back({"400 with Message only", scripted_response::reply(400, R"({"Message":"only Message here"})"),
                     with({"--run-id", "run-7"}), {}, 254});
    cases.push_back({"empty 400", scripted_response::reply(400, ""), valid, {}, 254});
    cases.push_back({"empty domain", std::nullopt, {"--domain", "", "--workflow-id", "w", "--region", "us-east-1"}, {}, 252});
    cases.push_back({"connection refused", std::nullopt, with({"--endpoint-url", refused_url}), {}, 255});
    cases.push_back({"invalid region", std::nullopt,
                     {"--domain", "d", "--workflow-id", "w", "--region", "evil.example/#"}, {}, 253});
    cases.push_back({"AWS_MAX_ATTEMPTS=0", std::nullopt, valid, {{"AWS_MAX_ATTEMPTS", "0"}}, 253, 0, true});
    cases.push_back({"AWS_MAX_ATTEMPTS=abc", std::nullopt, valid, {{"AWS_MAX_ATTEMPTS", "abc"}}, 253, 0, true});
    cases.push_back({"AWS_RETRY_MODE=bogus", std::nullopt, valid, {{"AWS_RETRY_MODE", "bogus"}}, 253, 0, true});
    cases.push_back({"a 500 retried once", scripted_response::reply(500, R"({"__type":"InternalFailure","message":"boom"})"),
                     valid, {{"AWS_MAX_ATTEMPTS", "2"}}, 254, 4});

    // The cases run side by side, each with its own server; the checks happen afterwards on
    // this thread.
    const std::string swf = swf_program();
    std::vector<comparison_run> runs(cases.size());
    for (std::size_t i = 0; i < cases.size(); ++i) {
        REQUIRE(runs[i].server->ok());
        if (cases[i].response)
            for (int n = 0; n < cases[i].responses; ++n) runs[i].server->enqueue(*cases[i].response);
    }
    swfpp_test::run_in_parallel(cases.size(), [&](std::size_t i) {
        const comparison_case& c = cases[i];
        comparison_run& run = runs[i];
        const env_map env = swfpp_test::with_overrides(cli->base_env, c.env_overrides);
        std::vector<std::string> args = {"swf", command};
        bool has_endpoint = false;
        for (const auto& a : c.args) has_endpoint = has_endpoint || a == "--endpoint-url";
        args.insert(args.end(), c.args.begin(), c.args.end());
        if (!has_endpoint) args.insert(args.end(), {"--endpoint-url", run.server->url()});
        run.aws = swfpp_test::run_child(cli->path, args, env, swfpp_test::hang_bound);
        args.erase(args.begin());  // swf has no service level: `swf <command> ...`
        run.swf = swfpp_test::run_child(swf, args, env, swfpp_test::hang_bound);
        run.requests = run.server->requests();
    });

    for (std::size_t i = 0; i < cases.size(); ++i) {
        const comparison_case& c = cases[i];
        const comparison_run& run = runs[i];
        CAPTURE(c.name);
        REQUIRE(run.aws.spawn_error.empty());
        REQUIRE(run.swf.spawn_error.empty());
        CHECK_FALSE(run.aws.timed_out);
        CHECK_FALSE(run.swf.timed_out);
        check_no_secrets(run.swf, cli->base_env);
        CHECK(run.swf.exit_code == c.swf_exit_code);
        // AWS CLI v1 exits 255 for all of these; v2 uses the codes swf uses, except that it
        // exits 255 for bad retry settings, which swf counts as configuration errors (253).
        if (cli->v2()) {
            if (!c.v2_exits_255) CHECK(run.aws.exit_code == c.swf_exit_code);
        } else {
            CHECK(run.aws.exit_code == 255);
        }
        CHECK(run.aws.out.empty());
        CHECK(run.swf.out.empty());
        CHECK(run.swf.err == run.aws.err);

        if (!c.response) {
            CHECK(run.requests.empty());
            continue;
        }
        // The same attempts each: aws's come first, then swf's. Attempt n of one must look like
        // attempt n of the other, amz-sdk-request ("attempt=2; max=2") included.
        REQUIRE(run.requests.size() == static_cast<std::size_t>(c.responses));
        const std::size_t attempts = run.requests.size() / 2;
        for (std::size_t n = 0; n < attempts; ++n) {
            CAPTURE(n);
            const auto& from_aws = run.requests[n];
            const auto& from_swf = run.requests[attempts + n];
            CHECK(json_object(from_swf.body) == json_object(from_aws.body));
            for (const char* name : {"X-Amz-Target", "Content-Type", "X-Amz-Security-Token", "amz-sdk-request"}) {
                CAPTURE(name);
                REQUIRE(from_aws.header(name));
                REQUIRE(from_swf.header(name));
                CHECK(*from_swf.header(name) == *from_aws.header(name));
            }
            REQUIRE(from_aws.header("Authorization"));
            REQUIRE(from_swf.header("Authorization"));
            CHECK(auth_part(*from_swf.header("Authorization"), "SignedHeaders=") ==
                  auth_part(*from_aws.header("Authorization"), "SignedHeaders="));
        }
    }
}

// ---- The pure parts, without a process ----------------------------------------------------------

TEST_CASE("swf_cli::xform_name names commands and options as botocore does") {
    CHECK(swf_cli::xform_name("RequestCancelWorkflowExecution") == "request-cancel-workflow-execution");
    CHECK(swf_cli::xform_name("workflowId") == "workflow-id");
    CHECK(swf_cli::xform_name("runId") == "run-id");
    CHECK(swf_cli::xform_name("domain") == "domain");
    CHECK(swf_cli::xform_name("executionStartToCloseTimeout") == "execution-start-to-close-timeout");
    CHECK(swf_cli::xform_name("ListOpenWorkflowExecutions") == "list-open-workflow-executions");
    CHECK(swf_cli::xform_name("DescribeWorkflowType") == "describe-workflow-type");
    CHECK(swf_cli::xform_name("TLSConfig") == "tls-config");
    CHECK(swf_cli::xform_name("already-dashed") == "already-dashed");
}

TEST_CASE("swf_cli: Python's int() and repr() as the AWS CLI's messages show them") {
    CHECK(swf_cli::parse_python_int("1")->str() == "1");
    CHECK(swf_cli::parse_python_int(" +0_07 ")->str() == "7");
    CHECK(swf_cli::parse_python_int("-01")->str() == "-1");
    CHECK(swf_cli::parse_python_int("-0")->str() == "0");
    CHECK_FALSE(swf_cli::parse_python_int("-0")->positive());
    CHECK(swf_cli::parse_python_int("99999999999999999999999")->magnitude() == UINT64_MAX);
    for (const char* bad : {"", " ", "abc", "1.5", "1__0", "_1", "1_", "0x10", "- 1", "1e3"}) {
        CAPTURE(bad);
        CHECK_FALSE(swf_cli::parse_python_int(bad));
    }
    CHECK(swf_cli::python_repr("abc") == "'abc'");
    CHECK(swf_cli::python_repr("it's") == "\"it's\"");
    CHECK(swf_cli::python_repr("a'b\"c") == "'a\\'b\"c'");
    CHECK(swf_cli::python_repr("tab\there\n\x01\\") == "'tab\\there\\n\\x01\\\\'");
}

namespace {
swf_cli::outcome no_run(const swf_cli::invocation&, const swf_cli::environment&) { return {}; }

// An empty file system and environment, for command lines that name no files.
swf_cli::file_access no_files() {
    return {[](std::string_view) -> std::optional<std::string> { return std::nullopt; },
            [](std::string_view) -> std::optional<std::string> { return std::nullopt; },
            [](const std::string&) { return swf_cli::file_contents{std::nullopt, 2, "No such file or directory"}; }};
}
}  // namespace

TEST_CASE("swf_cli: the command table derives options and required flags from the operation") {
    const auto c = swf_cli::command_for<swfpp::request_cancel_workflow_execution>(&no_run);
    CHECK(c.name == "request-cancel-workflow-execution");
    REQUIRE(c.params.size() == 3);
    CHECK(c.params[0].option == "--domain");
    CHECK(c.params[0].required);
    CHECK(c.params[1].option == "--workflow-id");
    CHECK(c.params[1].member == "workflowId");
    CHECK(c.params[1].required);
    CHECK(c.params[2].option == "--run-id");
    CHECK_FALSE(c.params[2].required);
}

TEST_CASE("swf_cli::parse_command_line follows argparse: last value wins, values may look negative") {
    const std::vector<swf_cli::command> table = {
        swf_cli::command_for<swfpp::request_cancel_workflow_execution>(&no_run)};
    auto p = swf_cli::parse_command_line({"request-cancel-workflow-execution", "--domain", "a", "--domain", "b",
                                          "--workflow-id", "-5", "--region=", "--cli-connect-timeout", "2"},
                                         table);
    REQUIRE(p.value);
    const auto params = swf_cli::unpack_options<swfpp::request_cancel_workflow_execution_input>(
        table.front().params, p.value->values, no_files());
    REQUIRE(params.value);
    const auto made = swf_cli::validated_input<swfpp::request_cancel_workflow_execution_input>(*params.value);
    REQUIRE(made.value);
    const auto& input = *made.value;
    CHECK(input.domain == "b");
    CHECK(input.workflow_id == "-5");
    CHECK_FALSE(input.run_id);
    REQUIRE(p.value->globals.region);
    CHECK(p.value->globals.region->empty());
    CHECK(p.value->globals.connect_timeout_s == 2);

    // Missing required options are reported before unknown ones, as argparse does.
    p = swf_cli::parse_command_line({"request-cancel-workflow-execution", "--nope"}, table);
    REQUIRE_FALSE(p.value);
    CHECK(p.failed.err.find("required: --domain, --workflow-id") != std::string::npos);
    p = swf_cli::parse_command_line({"request-cancel-workflow-execution", "--domain", "d", "--workflow-id", "w",
                                     "--dry-run=yes"},
                                    table);
    REQUIRE_FALSE(p.value);
    CHECK(p.failed.err.find("swf: error: argument --dry-run: ignored explicit argument 'yes'") != std::string::npos);
    // --version acts at once, whatever follows.
    p = swf_cli::parse_command_line({"--version", "--bogus"}, table);
    REQUIRE(p.value);
    CHECK(p.value->what == swf_cli::invocation::action::version);
}

TEST_CASE("swf_cli::resolve_settings: empty variables count as unset and timeouts default to 60 s") {
    swf_cli::environment env;
    env.vars = {{"AWS_REGION", ""}, {"AWS_DEFAULT_REGION", "eu-central-1"}, {"AWS_MAX_ATTEMPTS", ""},
                {"AWS_ENDPOINT_URL_SWF", ""}, {"AWS_ENDPOINT_URL", "http://127.0.0.1:1"}};
    const auto s = swf_cli::resolve_settings({}, env);
    REQUIRE(s.value);
    CHECK(s.value->region == "eu-central-1");
    CHECK(s.value->endpoint_url == "http://127.0.0.1:1");
    CHECK(s.value->max_attempts == 0);
    CHECK(s.value->connect_timeout == std::chrono::seconds(60));
    CHECK(s.value->read_timeout == std::chrono::seconds(60));
    CHECK(s.value->attempt_limit() == 0);  // the mode's default
    CHECK(s.value->mode == swfpp::retry_mode::standard);  // AWS CLI v2's default
}

TEST_CASE("swf_cli::redact replaces every occurrence of real-sized secrets only") {
    std::string text = "a SECRETVALUE12 and SECRETVALUE12, test stays";
    swf_cli::redact(text, {"SECRETVALUE12", "test"});
    CHECK(text == "a <redacted> and <redacted>, test stays");
}

TEST_CASE("swf_cli::format_dry_run renders the request line, headers, Content-Length and body") {
    swfpp::http_request q;
    q.method = "POST";
    q.target = "/";
    q.headers = {{"Host", "h"}, {"x-amz-security-token", "tok"}, {"Authorization", "AWS4 sig"}};
    q.body = "{}";
    CHECK(swf_cli::format_dry_run(q) ==
          "POST / HTTP/1.1\nHost: h\nx-amz-security-token: <redacted>\nAuthorization: AWS4 sig\n"
          "Content-Length: 2\n\n{}\n");
}
