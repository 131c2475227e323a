// The `swf` command-line program against moto's SWF (tools/moto_swf_server.py, IAM
// authentication on): the graceful-cancellation flow driven entirely by `swf` commands, each
// signed by swfpp and verified by moto, with the JSON they print read back as the next command's
// input. Without python3 or moto the program prints the reason and exits 77 (SKIP).
//
// Needs SWF_CLI: the path of the built `swf` program (tests/meson.build sets it).
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <simdjson.h>

#include "support/child_process.hpp"
#include "support/local_swf.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace std::chrono_literals;

swfpp_test::local_swf* swf = nullptr;

std::map<std::string, std::string> env_for(const swfpp::credentials& c) {
    std::map<std::string, std::string> env = {{"AWS_ACCESS_KEY_ID", c.access_key_id},
                                              {"AWS_SECRET_ACCESS_KEY", c.secret_access_key},
                                              {"AWS_DEFAULT_REGION", "us-east-1"},
                                              {"AWS_ENDPOINT_URL_SWF", swf->endpoint},
                                              {"TZ", "UTC"}};
    if (!c.session_token.empty()) env["AWS_SESSION_TOKEN"] = c.session_token;
    return env;
}

swfpp_test::child_result run_swf(const std::vector<std::string>& args, const swfpp::credentials& c) {
    const char* program = std::getenv("SWF_CLI");
    REQUIRE_MESSAGE(program != nullptr, "SWF_CLI must name the built swf program");
    auto r = swfpp_test::run_child(program, args, env_for(c), 600s);  // a bound against hanging only
    REQUIRE_MESSAGE(r.spawn_error.empty(), r.spawn_error);
    return r;
}

// Runs a command that must succeed; returns what it printed.
std::string ok(const std::vector<std::string>& args, const swfpp::credentials& c) {
    const auto r = run_swf(args, c);
    INFO(args.front() << " stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.empty());
    return r.out;
}

// One member of a printed JSON object, as text ("" when absent or not a string).
std::string member(simdjson::dom::parser& parser, const std::string& json, std::string_view path) {
    simdjson::dom::element root;
    if (parser.parse(json).get(root)) return {};
    std::string_view text;
    if (root.at_pointer(path).get(text)) return {};
    return std::string(text);
}

std::vector<std::string> event_types(simdjson::dom::parser& parser, const std::string& json) {
    std::vector<std::string> types;
    simdjson::dom::element root;
    simdjson::dom::array events;
    if (parser.parse(json).get(root) || root["events"].get(events)) return types;
    for (auto e : events) {
        std::string_view t;
        if (!e["eventType"].get(t)) types.emplace_back(t);
    }
    return types;
}

bool contains(const std::vector<std::string>& v, std::string_view s) {
    for (const auto& x : v)
        if (x == s) return true;
    return false;
}

}  // namespace

TEST_CASE("swf commands cancel a running execution gracefully, end to end against moto") {
    const auto& user = swf->user;
    simdjson::dom::parser parser;
    const std::string domain = "cli-e2e";

    CHECK(ok({"register-domain", "--name", domain, "--workflow-execution-retention-period-in-days", "1"}, user).empty());
    CHECK(ok({"register-workflow-type", "--domain", domain, "--name", "fulfil", "--cli-input-json",
              R"({"version":"1","defaultTaskList":{"name":"deciders"},"defaultTaskStartToCloseTimeout":"300",)"
              R"("defaultExecutionStartToCloseTimeout":"3600","defaultChildPolicy":"TERMINATE"})"},
             user)
              .empty());
    const std::string started = ok({"start-workflow-execution", "--domain", domain, "--workflow-id", "order-42",
                                    "--workflow-type", "name=fulfil,version=1", "--tag-list", "a", "b"},
                                   user);
    const std::string run_id = member(parser, started, "/runId");
    REQUIRE_MESSAGE(!run_id.empty(), started);

    CHECK(ok({"request-cancel-workflow-execution", "--domain", domain, "--workflow-id", "order-42"}, user).empty());

    const std::string task = ok({"poll-for-decision-task", "--domain", domain, "--task-list", "name=deciders",
                                 "--identity", "cli-e2e-decider"},
                                user);
    const std::string token = member(parser, task, "/taskToken");
    REQUIRE_MESSAGE(!token.empty(), task);
    CHECK(member(parser, task, "/workflowExecution/runId") == run_id);
    CHECK(contains(event_types(parser, task), "WorkflowExecutionCancelRequested"));

    CHECK(ok({"respond-decision-task-completed", "--task-token", token, "--decisions",
              R"([{"decisionType":"CancelWorkflowExecution","cancelWorkflowExecutionDecisionAttributes":{"details":"customer asked"}}])"},
             user)
              .empty());

    const std::string execution = "workflowId=order-42,runId=" + run_id;
    const std::string described = ok({"describe-workflow-execution", "--domain", domain, "--execution", execution}, user);
    CHECK(member(parser, described, "/executionInfo/executionStatus") == "CLOSED");
    CHECK(member(parser, described, "/executionInfo/closeStatus") == "CANCELED");
    // Timestamps are printed as the AWS CLI v2 prints them: ISO 8601 in the local zone (TZ=UTC).
    const std::string started_at = member(parser, described, "/executionInfo/startTimestamp");
    CHECK_MESSAGE(started_at.size() >= 25, started_at);
    CHECK(started_at.substr(started_at.size() - 6) == "+00:00");

    const std::string history =
        ok({"get-workflow-execution-history", "--domain", domain, "--execution", execution}, user);
    const auto types = event_types(parser, history);
    REQUIRE_FALSE(types.empty());
    CHECK(types.front() == "WorkflowExecutionStarted");
    CHECK(types.back() == "WorkflowExecutionCanceled");
}

TEST_CASE("swf signs with an assumed role's session token, and moto refuses a wrong secret with exit 254") {
    CHECK(ok({"register-domain", "--name", "cli-e2e-session", "--workflow-execution-retention-period-in-days", "1"},
             swf->session)
              .empty());

    swfpp::credentials wrong = swf->user;
    wrong.secret_access_key = "not-the-secret-0123456789abcdefghijklmn";
    const auto r = run_swf({"request-cancel-workflow-execution", "--domain", "cli-e2e", "--workflow-id", "x"}, wrong);
    CHECK(r.exit_code == 254);
    CHECK(r.out.empty());
    CHECK(r.err.rfind("\nAn error occurred (", 0) == 0);
    CHECK(r.err.find("when calling the RequestCancelWorkflowExecution operation") != std::string::npos);
    CHECK(r.err.find(wrong.secret_access_key) == std::string::npos);
}

TEST_CASE("swf reports moto's UnknownResourceFault as the AWS CLI does") {
    const auto r = run_swf({"request-cancel-workflow-execution", "--domain", "no-such-domain", "--workflow-id", "x"},
                           swf->user);
    CHECK(r.exit_code == 254);
    CHECK(r.err.find("An error occurred (UnknownResourceFault) when calling the RequestCancelWorkflowExecution "
                     "operation") != std::string::npos);
}

int main(int argc, char** argv) {
    return swfpp_test::with_local_swf("cli e2e", swf, [&] { return doctest::Context(argc, argv).run(); });
}
