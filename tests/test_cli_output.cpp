// The `swf` program's commands against the AWS CLI: for each case both programs get the same
// scripted responses from their own loopback server, and their stdout, stderr and exit codes
// and the requests the servers received must match. The AWS CLI runs with
// `cli_timestamp_format = iso8601` (AWS CLI v2's default, which swf mirrors) and TZ=UTC, and
// with its random pick of an enum value in `--generate-cli-skeleton` pinned to the first value,
// which swf prints (a sitecustomize.py on PYTHONPATH). Every command has at least one
// successful and one failing case. Where `aws` is missing the comparison is skipped, or fails
// under CI=true.
//
// Known differences, checked or documented here rather than hidden:
// - request bodies: botocore writes json.dumps(params) (", " and ": " separators, non-ASCII as
//   \uXXXX, the user's key order); swfpp writes compact JSON in model order. The bodies are
//   compared as JSON values.
// - exit codes: AWS CLI v1 exits 255 where swf exits with v2's 252 or 254.
// - argparse errors: AWS CLI v1 exits 2 and prints its own usage text; they are unit-tested.
//
// Needs SWF_CLI: the path of the built `swf` program (tests/meson.build sets it).
#include <doctest/doctest.h>

#include <simdjson.h>
#include <swfpp/operations/start_workflow_execution.hpp>

#include "../cli/cli.hpp"
#include "../cli/commands.hpp"
#include "../cli/json_input.hpp"
#include "../cli/json_output.hpp"
#include "../cli/json_value.hpp"
#include "../cli/pagination.hpp"
#include "../cli/param_file.hpp"
#include "../cli/skeleton.hpp"
#include "support/aws_cli.hpp"
#include "support/child_process.hpp"
#include "support/loopback_http_server.hpp"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace {

using namespace std::chrono_literals;
using swfpp_test::child_result;
using swfpp_test::loopback_http_server;
using swfpp_test::scripted_response;
using env_map = std::map<std::string, std::string>;

// The name of every command swf has.
std::vector<std::string> command_names() {
    return std::apply([](auto... op) { return std::vector<std::string>{swf_cli::xform_name(decltype(op)::name)...}; },
                      swf_cli::operations{});
}

std::string swf_program() {
    const char* path = std::getenv("SWF_CLI");
    REQUIRE_MESSAGE(path != nullptr, "SWF_CLI must name the built swf program (tests/meson.build sets it)");
    return path;
}

// A body as a JSON value with every object's members sorted, printed: equal for equal values.
void sort_members(swf_cli::json_value& v) {
    std::sort(v.members.begin(), v.members.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    for (auto& m : v.members) sort_members(m.value);
    for (auto& i : v.items) sort_members(i);
}
std::string canonical_json(const std::string& body) {
    simdjson::dom::parser parser;
    simdjson::dom::element root;
    if (parser.parse(simdjson::padded_string(body)).get(root)) return "<not JSON> " + body;
    auto v = swf_cli::from_simdjson(root);
    sort_members(v);
    return swf_cli::format_json_output(v);
}

struct parity_case {
    std::string name;
    std::vector<std::string> args;     // the command and its options
    std::vector<std::string> bodies;   // responses, in order, for each program
    env_map env_overrides = {};
    int swf_exit_code = 0;
    int status = 200;  // of every response
};

struct parity_run {
    std::unique_ptr<loopback_http_server> aws_server = std::make_unique<loopback_http_server>();
    std::unique_ptr<loopback_http_server> swf_server = std::make_unique<loopback_http_server>();
    child_result aws, swf;
};

const std::string started_event =
    R"({"eventTimestamp":1732550400.123,"eventType":"WorkflowExecutionStarted","eventId":1,)"
    R"("workflowExecutionStartedEventAttributes":{"input":"h\u00e9 \"q\" \\ \n\t\u0001 \ud83d\ude00",)"
    R"("executionStartToCloseTimeout":"3600","taskStartToCloseTimeout":"NONE","childPolicy":"TERMINATE",)"
    R"("taskList":{"name":"tl"},"workflowType":{"name":"order","version":"1"},"tagList":["a","b"],"parentInitiatedEventId":0}})";
const std::string scheduled_event =
    R"({"eventTimestamp":1732550401,"eventType":"DecisionTaskScheduled","eventId":2,"unmodelled":1,)"
    R"("decisionTaskScheduledEventAttributes":{"taskList":{"name":"tl"},"startToCloseTimeout":"NONE"}})";
// ActivityTaskScheduled is not typed by swfpp: its attributes are printed as received, here in
// botocore's model order.
const std::string activity_event =
    R"({"eventTimestamp":1732550402.5,"eventType":"ActivityTaskScheduled","eventId":3,)"
    R"("activityTaskScheduledEventAttributes":{"activityType":{"name":"charge","version":"2"},"activityId":"act-1",)"
    R"("input":"x","taskList":{"name":"acts"},"decisionTaskCompletedEventId":2}})";
const std::string cancel_requested_event =
    R"({"eventTimestamp":1732550403.999999,"eventType":"WorkflowExecutionCancelRequested","eventId":4,)"
    R"("workflowExecutionCancelRequestedEventAttributes":{}})";

}  // namespace

TEST_CASE("swf prints exactly what the AWS CLI prints for every command, and sends the same requests") {
    std::string why_not;
    swfpp_test::temp_directory dir;
    auto cli = swfpp_test::find_aws_cli(
        dir, {{"AWS_ACCESS_KEY_ID", "AKIDSWFCLITEST000002"}, {"AWS_SECRET_ACCESS_KEY", "swfCLI/output+secretKEYEXAMPLE00000000"}},
        why_not);
    if (!cli) {
        swfpp_test::report_missing_aws_cli(why_not);
        return;
    }
    // AWS CLI v2's default timestamp format, for v1 too; TZ=UTC for both programs.
    REQUIRE(!dir.write("config", "[default]\ncli_timestamp_format = iso8601\n").empty());
    cli->base_env["TZ"] = "UTC";
    REQUIRE(!dir.write("sitecustomize.py",
                       "# botocore's skeletons pick an enum value at random; swf prints the first.\n"
                       "import random\nrandom.choice = lambda values: values[0]\n")
                 .empty());
    cli->base_env["PYTHONPATH"] = dir.path;
    MESSAGE("comparing with " << cli->version);

    // Parameter files, named by absolute paths (and once through a variable).
    const std::string files = dir.path + "/";
    REQUIRE(!dir.write("input.txt", "line one\r\nline two\rcaf\xc3\xa9 \"q\"\n").empty());
    REQUIRE(!dir.write("decisions.json", R"([{"decisionType": "CompleteWorkflowExecution", )"
                                         R"("completeWorkflowExecutionDecisionAttributes": {"result": "done"}}])")
                 .empty());
    REQUIRE(!dir.write("start.json", R"({"domain": "orders", "workflowId": "from-file", )"
                                     R"("workflowType": {"name": "order", "version": "1"}})")
                 .empty());
    REQUIRE(!dir.write("latin1.txt", "caf\xe9").empty());
    REQUIRE(!dir.write("chars.txt", "a b\xc3\xa9").empty());
    REQUIRE(!dir.write("execution.txt", "workflowId=w,runId=r").empty());
    REQUIRE(!dir.write("page-size.txt", " 12\n").empty());
    REQUIRE(!dir.write("shorthand.bin", "key=k").empty());
    REQUIRE(!dir.write("empty.txt", "").empty());

    const std::string history_page1 = "{\"events\":[" + started_event + "," + scheduled_event + "],\"nextPageToken\":\"p2\"}";
    const std::string history_page2 = "{\"events\":[" + activity_event + "," + cancel_requested_event + "]}";
    const std::string history_page2_of3 =
        "{\"events\":[" + activity_event + "," + cancel_requested_event + "],\"nextPageToken\":\"p3\"}";
    const std::string history_page3 = "{\"events\":[" + scheduled_event + "]}";
    const auto fault = [](const std::string& code, const std::string& message) {
        return R"({"__type":"com.amazonaws.swf.base.model#)" + code + R"(","message":")" + message + "\"}";
    };
    const std::string unknown_resource =
        R"({"__type":"com.amazonaws.swf.base.model#UnknownResourceFault","message":"Unknown execution: WorkflowExecution=[workflowId=w]"})";
    const std::string task_page1 =
        R"({"taskToken":"tok-1","startedEventId":3,"workflowExecution":{"workflowId":"w","runId":"r"},)"
        R"("workflowType":{"name":"order","version":"1"},"events":[)" + started_event + "," + scheduled_event +
        R"(],"nextPageToken":"p2","previousStartedEventId":0,"somethingNew":{"a":1}})";
    const std::string task_page2 = R"({"taskToken":"tok-1","startedEventId":3,"events":[)" + activity_event + "]}";
    const std::string detail =
        R"({"executionInfo":{"execution":{"workflowId":"w","runId":"r"},"workflowType":{"name":"order","version":"1"},)"
        R"("startTimestamp":1732550400,"closeTimestamp":1732636800.000001,"executionStatus":"CLOSED","closeStatus":"CANCELED",)"
        R"("tagList":["a"],"cancelRequested":true},"executionConfiguration":{"taskStartToCloseTimeout":"10",)"
        R"("executionStartToCloseTimeout":"3600","taskList":{"name":"tl"},"childPolicy":"TERMINATE"},)"
        R"("openCounts":{"openActivityTasks":0,"openDecisionTasks":1,"openTimers":0,"openChildWorkflowExecutions":0,)"
        R"("openLambdaFunctions":0},"latestActivityTaskTimestamp":1e9,"latestExecutionContext":"ctx","extra":null})";
    const std::vector<std::string> region = {"--region", "us-east-1"};
    const auto with_region = [&](std::vector<std::string> a) {
        a.insert(a.end(), region.begin(), region.end());
        return a;
    };

    std::vector<parity_case> cases = {
        {"register-domain with shorthand tags",
         with_region({"register-domain", "--name", "orders", "--workflow-execution-retention-period-in-days", "1",
                      "--description", "Orders", "--tags", "key=team,value=payments", "key=tier"}),
         {"{}"}},
        {"register-domain with JSON tags",
         with_region({"register-domain", "--name", "orders", "--workflow-execution-retention-period-in-days", "7",
                      "--tags", R"([{"key": "team", "value": "caf\u00e9"}])"}),
         {""}},
        {"register-workflow-type with structure and enum options",
         // --version after the command still prints the program's version, in both programs.
         with_region({"register-workflow-type", "--domain", "orders", "--name", "order", "--cli-input-json",
                      R"({"version": "1", "description": "d"})",
                      "--default-task-list", "name=tl", "--default-child-policy", "TERMINATE",
                      "--default-task-start-to-close-timeout", "10"}),
         {"{}"}},
        {"start-workflow-execution prints the runId",
         with_region({"start-workflow-execution", "--domain", "orders", "--workflow-id", "order-42", "--workflow-type",
                      "name=order,version=1", "--tag-list", "a", "b", "c", "--input", R"({"amount": 5})",
                      "--task-list", R"({"name": "tl"})"}),
         {R"({"runId":"22Ab\u00e9cd=","ignored":[1,2]})"}},
        {"start-workflow-execution from --cli-input-json, an option overriding it",
         with_region({"start-workflow-execution", "--cli-input-json",
                      R"({"domain": "orders", "workflowId": "from-json", "workflowType": {"name": "order", "version": "1"}, "tagList": ["x"]})",
                      "--workflow-id", "from-option"}),
         {R"({"runId":"r"})"}},
        {"describe-workflow-execution: model order, timestamps, unmodelled members dropped",
         with_region({"describe-workflow-execution", "--domain", "orders", "--execution", "workflowId=w,runId=r"}),
         {detail}},
        {"get-workflow-execution-history merges two pages",
         with_region({"get-workflow-execution-history", "--domain", "orders", "--execution",
                      R"({"workflowId": "w", "runId": "r"})", "--reverse-order", "--page-size", "2"}),
         {history_page1, history_page2}},
        {"get-workflow-execution-history --no-paginate prints one page with its token",
         with_region({"get-workflow-execution-history", "--domain", "orders", "--execution", "workflowId=w,runId=r",
                      "--no-paginate", "--no-reverse-order"}),
         {history_page1}},
        {"get-workflow-execution-history --next-page-token turns pagination off",
         with_region({"get-workflow-execution-history", "--domain", "orders", "--execution", "workflowId=w,runId=r",
                      "--next-page-token", "p1", "--maximum-page-size", "2"}),
         {history_page1}},
        {"get-workflow-execution-history with an empty history",
         with_region({"get-workflow-execution-history", "--domain", "orders", "--execution", "workflowId=w,runId=r"}),
         {R"({"events":[]})"}},
        {"poll-for-decision-task merges pages and keeps the task's members",
         with_region({"poll-for-decision-task", "--domain", "orders", "--task-list", "name=tl", "--identity", "decider-1"}),
         {task_page1, task_page2}},
        {"poll-for-decision-task without a task prints nulls for the missing task members",
         with_region({"poll-for-decision-task", "--domain", "orders", "--task-list", "name=tl"}),
         {R"({"previousStartedEventId":0,"startedEventId":0})"}},
        {"poll-for-decision-task --no-paginate without a task",
         with_region({"poll-for-decision-task", "--domain", "orders", "--task-list", "name=tl", "--no-paginate",
                      "--start-at-previous-started-event"}),
         {R"({"previousStartedEventId":0,"startedEventId":0})"}},
        {"respond-decision-task-completed with JSON decisions",
         with_region({"respond-decision-task-completed", "--task-token", "tok-1", "--decisions",
                      R"([{"decisionType": "CancelWorkflowExecution", "cancelWorkflowExecutionDecisionAttributes": {"details": "bye"}}])",
                      "--execution-context", "ctx"}),
         {"{}"}},
        {"respond-decision-task-completed with one JSON decision per word",
         with_region({"respond-decision-task-completed", "--task-token", "tok-1", "--decisions",
                      R"({"decisionType": "RecordMarker", "recordMarkerDecisionAttributes": {"markerName": "m"}})",
                      R"({"decisionType": "CompleteWorkflowExecution"})"}),
         {"{}"}},
        {"the local time zone's offset appears in timestamps",
         with_region({"describe-workflow-execution", "--domain", "orders", "--execution", "workflowId=w,runId=r"}),
         {detail},
         {{"TZ", "IST-5:30"}}},
        // Parameter errors: nothing is sent.
        {"wrong types and unknown keys in JSON",
         with_region({"get-workflow-execution-history", "--domain", "d", "--execution",
                      R"({"workflowId": 1, "foo": [true, null, 1.5, {"a": "b"}], "runId": "b"})"}),
         {},
         {},
         252},
        {"a list of structures with wrong members",
         with_region({"register-domain", "--name", "n", "--workflow-execution-retention-period-in-days", "1", "--tags",
                      R"([{"key": "a", "value": 3}, {"value": "x"}, 5])"}),
         {},
         {},
         252},
        {"shorthand with a missing required member and an unknown key",
         with_region({"get-workflow-execution-history", "--domain", "d", "--execution", "workflowId=a,foo=b"}),
         {},
         {},
         252},
        {"--cli-input-json with null, float, bool and an empty option",
         with_region({"get-workflow-execution-history", "--cli-input-json",
                      R"({"domain": "d", "execution": {"workflowId": "a"}, "maximumPageSize": 1.5, "reverseOrder": "x", "nextPageToken": null})",
                      "--domain", ""}),
         {},
         {},
         252},
        {"a minimum value and a list's element type",
         with_region({"start-workflow-execution", "--domain", "d", "--workflow-id", "w", "--workflow-type",
                      "name=n,version=1", "--tag-list", R"(["a", 1])", "--task-list", R"({"name": ""})"}),
         {},
         {},
         252},
        {"an integer option that is not an integer",
         with_region({"get-workflow-execution-history", "--domain", "d", "--execution", "workflowId=a,runId=b",
                      "--maximum-page-size", "abc"}),
         {},
         {},
         252},
        {"a structure given as a JSON list",
         with_region({"poll-for-decision-task", "--domain", "d", "--task-list", R"(["tl"])"}),
         {},
         {},
         252},

        // Service errors.
        {"describe-workflow-execution of an unknown execution",
         with_region({"describe-workflow-execution", "--domain", "orders", "--execution", "workflowId=w,runId=r"}),
         {unknown_resource},
         {},
         254,
         400},
        {"register-workflow-type of a type that exists",
         with_region({"register-workflow-type", "--domain", "orders", "--name", "order", "--workflow-version", "1"}),
         {R"({"__type":"com.amazonaws.swf.base.model#TypeAlreadyExistsFault","message":"WorkflowType=[name=order, version=1]"})"},
         {},
         254,
         400},
        {"request-cancel-workflow-execution of an unknown execution",
         with_region({"request-cancel-workflow-execution", "--domain", "orders", "--workflow-id", "w"}),
         {unknown_resource},
         {},
         254,
         400},
        {"request-cancel-workflow-execution succeeds and prints nothing",
         with_region({"request-cancel-workflow-execution", "--domain", "orders", "--workflow-id", "w", "--run-id", "r"}),
         {""}},
        {"respond-decision-task-completed with an unknown task token",
         with_region({"respond-decision-task-completed", "--task-token", "tok-1"}),
         {unknown_resource},
         {},
         254,
         400},

        // Argument renames (awscli/customizations/argrename.py).
        {"register-workflow-type takes its version as --workflow-version",
         with_region({"register-workflow-type", "--domain", "orders", "--name", "order", "--workflow-version", "2"}),
         {"{}"}},
        {"a renamed option comes last in botocore's validation lines",
         with_region({"register-workflow-type", "--domain", "orders", "--name", "order", "--workflow-version", "",
                      "--default-task-list", "name="}),
         {},
         {},
         252},

        // file:// and fileb:// values.
        {"file:// reads text with universal newlines",
         with_region({"start-workflow-execution", "--domain", "orders", "--workflow-id", "w", "--workflow-type",
                      "name=order,version=1", "--input", "file://" + files + "input.txt"}),
         {R"({"runId":"r"})"}},
        {"file:// holds a JSON list",
         with_region({"respond-decision-task-completed", "--task-token", "tok-1", "--decisions",
                      "file://" + files + "decisions.json"}),
         {"{}"}},
        {"file:// holds shorthand",
         with_region({"describe-workflow-execution", "--domain", "orders", "--execution", "file://" + files + "execution.txt"}),
         {detail}},
        {"--cli-input-json file:// and an environment variable in the path",
         with_region({"start-workflow-execution", "--cli-input-json", "file://$SWF_TEST_FILES/start.json"}),
         {R"({"runId":"r"})"},
         {{"SWF_TEST_FILES", dir.path}}},
        {"a list from file:// text has one element per character",
         with_region({"start-workflow-execution", "--domain", "orders", "--workflow-id", "w", "--workflow-type",
                      "name=order,version=1", "--tag-list", "file://" + files + "chars.txt"}),
         {R"({"runId":"r"})"}},
        {"an integer from fileb:// bytes",
         with_region({"get-workflow-execution-history", "--domain", "orders", "--execution", "workflowId=w,runId=r",
                      "--maximum-page-size", "fileb://" + files + "page-size.txt"}),
         {history_page1}},
        {"a missing file",
         with_region({"register-domain", "--name", "file://" + files + "missing.txt",
                      "--workflow-execution-retention-period-in-days", "1"}),
         {},
         {},
         252},
        {"a directory",
         with_region({"register-domain", "--name", "orders", "--workflow-execution-retention-period-in-days",
                      "fileb://" + dir.path}),
         {},
         {},
         252},
        {"file:// text that is not UTF-8",
         with_region({"register-domain", "--name", "file://" + files + "latin1.txt",
                      "--workflow-execution-retention-period-in-days", "1"}),
         {},
         {},
         252},
        {"fileb:// bytes for a string",
         with_region({"register-domain", "--name", "fileb://" + files + "latin1.txt",
                      "--workflow-execution-retention-period-in-days", "fileb://" + files + "input.txt"}),
         {},
         {},
         252},
        {"fileb:// bytes for a list of strings",
         with_region({"start-workflow-execution", "--domain", "orders", "--workflow-id", "w", "--workflow-type",
                      "name=order,version=1", "--tag-list", "fileb://" + files + "chars.txt"}),
         {},
         {},
         252},
        {"fileb:// bytes for a list of structures",
         with_region({"register-domain", "--name", "orders", "--workflow-execution-retention-period-in-days", "1",
                      "--tags", "fileb://" + files + "shorthand.bin"}),
         {},
         {},
         255},
        {"an empty file:// text for a list of strings",
         with_region({"start-workflow-execution", "--domain", "orders", "--workflow-id", "w", "--workflow-type",
                      "name=order,version=1", "--tag-list", "file://" + files + "empty.txt"}),
         {},
         {},
         255},
        {"a file's error comes in option order",
         with_region({"register-domain", "--workflow-execution-retention-period-in-days", "file://" + files + "gone.txt",
                      "--name", "file://" + files + "missing.txt"}),
         {},
         {},
         252},

        // --generate-cli-skeleton.
        {"an output skeleton: validated, nothing sent",
         with_region({"describe-workflow-execution", "--domain", "orders", "--execution", "workflowId=w,runId=r",
                      "--generate-cli-skeleton", "output"}),
         {}},
        {"an output skeleton of an operation without output prints nothing",
         with_region({"register-domain", "--name", "orders", "--workflow-execution-retention-period-in-days", "1",
                      "--generate-cli-skeleton", "output"}),
         {}},
        {"an output skeleton needs valid input",
         with_region({"start-workflow-execution", "--domain", "", "--workflow-id", "w", "--workflow-type",
                      "name=order,version=1", "--generate-cli-skeleton", "output"}),
         {},
         {},
         252},
        {"--cli-input-json is read before the skeleton is printed",
         {"register-domain", "--generate-cli-skeleton", "--cli-input-json", "[1]"},
         {},
         {},
         255},

        // --max-items and --starting-token (botocore's PageIterator).
        {"--max-items cuts a page and leaves a NextToken that remembers where",
         with_region({"get-workflow-execution-history", "--domain", "orders", "--execution", "workflowId=w,runId=r",
                      "--max-items", "3"}),
         {history_page1, history_page2_of3}},
        {"--max-items at a page boundary leaves the service's token",
         with_region({"get-workflow-execution-history", "--domain", "orders", "--execution", "workflowId=w,runId=r",
                      "--max-items", "2", "--page-size", "2"}),
         {history_page1}},
        {"--starting-token resumes inside a page",
         with_region({"get-workflow-execution-history", "--domain", "orders", "--execution", "workflowId=w,runId=r",
                      "--starting-token", "eyJuZXh0UGFnZVRva2VuIjogInAyIiwgImJvdG9fdHJ1bmNhdGVfYW1vdW50IjogMX0="}),
         {history_page2_of3, history_page3}},
        {"--starting-token in the older token___index form",
         with_region({"get-workflow-execution-history", "--domain", "orders", "--execution", "workflowId=w,runId=r",
                      "--starting-token", "p2___1", "--max-items", "1"}),
         {history_page2_of3}},
        {"--starting-token as the service's own token",
         with_region({"get-workflow-execution-history", "--domain", "orders", "--execution", "workflowId=w,runId=r",
                      "--starting-token", "p3"}),
         {history_page3}},
        {"--max-items 0 warns and prints no items",
         with_region({"get-workflow-execution-history", "--domain", "orders", "--execution", "workflowId=w,runId=r",
                      "--max-items", "0"}),
         {history_page1}},
        {"--max-items on a decision task keeps the task's members",
         with_region({"poll-for-decision-task", "--domain", "orders", "--task-list", "name=tl", "--max-items", "1"}),
         {task_page1}},
        {"a starting token with more than one ___",
         with_region({"get-workflow-execution-history", "--domain", "orders", "--execution", "workflowId=w,runId=r",
                      "--starting-token", "a___b___c"}),
         {},
         {},
         255},
        {"a starting token whose JSON names other parameters",
         with_region({"get-workflow-execution-history", "--domain", "orders", "--execution", "workflowId=w,runId=r",
                      "--starting-token", "eyJmb28iOiAxfQ=="}),
         {},
         {},
         252},
        {"a starting token whose JSON is not an object",
         with_region({"get-workflow-execution-history", "--domain", "orders", "--execution", "workflowId=w,runId=r",
                      "--starting-token", "NQ=="}),
         {},
         {},
         255},
        {"paging options with --no-paginate",
         with_region({"get-workflow-execution-history", "--domain", "orders", "--execution", "workflowId=w,runId=r",
                      "--no-paginate", "--page-size", "0", "--max-items", "2", "--starting-token", "x"}),
         {},
         {},
         255},
        {"the same token twice stops the pagination",
         with_region({"get-workflow-execution-history", "--domain", "orders", "--execution", "workflowId=w,runId=r"}),
         {history_page1, history_page1},
         {},
         255},

        // The other commands: one success and one failure each, at least.
        {"count-closed-workflow-executions with time and status filters",
         with_region({"count-closed-workflow-executions", "--domain", "orders", "--start-time-filter",
                      "oldestDate=2024-11-25T00:00:00Z,latestDate=1732636800.9", "--close-status-filter", "status=CANCELED"}),
         {R"({"count":3,"truncated":false})"}},
        {"count-closed-workflow-executions with a date that is not one",
         with_region({"count-closed-workflow-executions", "--domain", "orders", "--close-time-filter",
                      R"({"oldestDate": "yesterday", "latestDate": [1]})"}),
         {},
         {},
         252},
        {"count-open-workflow-executions with a JSON time filter and a tag filter",
         with_region({"count-open-workflow-executions", "--domain", "orders", "--start-time-filter",
                      R"({"oldestDate": 1732492800.5, "latestDate": "2024-11-26 10:30:00+02:00"})", "--tag-filter", "tag=vip"}),
         {R"({"count":1,"truncated":true})"}},
        {"count-open-workflow-executions in an unknown domain",
         with_region({"count-open-workflow-executions", "--domain", "nowhere", "--start-time-filter", "oldestDate=0"}),
         {fault("UnknownResourceFault", "Unknown domain: nowhere")},
         {},
         254,
         400},
        {"count-pending-activity-tasks", with_region({"count-pending-activity-tasks", "--domain", "orders", "--task-list", "name=acts"}),
         {R"({"count":0,"truncated":false})"}},
        {"count-pending-activity-tasks with an empty task list name",
         with_region({"count-pending-activity-tasks", "--domain", "orders", "--task-list", "name="}),
         {},
         {},
         252},
        {"count-pending-decision-tasks", with_region({"count-pending-decision-tasks", "--domain", "orders", "--task-list", "name=tl"}),
         {R"({"count":2})"}},
        {"count-pending-decision-tasks not permitted",
         with_region({"count-pending-decision-tasks", "--domain", "orders", "--task-list", "name=tl"}),
         {fault("OperationNotPermittedFault", "User is not authorized")},
         {},
         254,
         400},
        {"delete-activity-type", with_region({"delete-activity-type", "--domain", "orders", "--activity-type", "name=charge,version=2"}),
         {""}},
        {"delete-activity-type of a type still in use",
         with_region({"delete-activity-type", "--domain", "orders", "--activity-type", "name=charge,version=2"}),
         {fault("TypeNotDeprecatedFault", "ActivityType=[name=charge, version=2]")},
         {},
         254,
         400},
        {"delete-workflow-type", with_region({"delete-workflow-type", "--domain", "orders", "--workflow-type", "name=order,version=1"}),
         {"{}"}},
        {"delete-workflow-type without the type's version",
         with_region({"delete-workflow-type", "--domain", "orders", "--workflow-type", "name=order"}),
         {},
         {},
         252},
        {"deprecate-activity-type", with_region({"deprecate-activity-type", "--domain", "orders", "--activity-type", "name=charge,version=2"}),
         {"{}"}},
        {"deprecate-activity-type twice",
         with_region({"deprecate-activity-type", "--domain", "orders", "--activity-type", "name=charge,version=2"}),
         {fault("TypeDeprecatedFault", "ActivityType=[name=charge, version=2]")},
         {},
         254,
         400},
        {"deprecate-domain", with_region({"deprecate-domain", "--name", "orders"}), {"{}"}},
        {"deprecate-domain twice", with_region({"deprecate-domain", "--name", "orders"}),
         {fault("DomainDeprecatedFault", "orders")},
         {},
         254,
         400},
        {"deprecate-workflow-type", with_region({"deprecate-workflow-type", "--domain", "orders", "--workflow-type", "name=order,version=1"}),
         {"{}"}},
        {"deprecate-workflow-type of an unknown type",
         with_region({"deprecate-workflow-type", "--domain", "orders", "--workflow-type", "name=order,version=9"}),
         {fault("UnknownResourceFault", "Unknown type: WorkflowType=[name=order, version=9]")},
         {},
         254,
         400},
        {"describe-activity-type prints the type and its defaults",
         with_region({"describe-activity-type", "--domain", "orders", "--activity-type", "name=charge,version=2"}),
         {R"({"configuration":{"defaultTaskStartToCloseTimeout":"60","defaultTaskHeartbeatTimeout":"NONE",)"
          R"("defaultTaskList":{"name":"acts"},"defaultTaskPriority":"0","defaultTaskScheduleToStartTimeout":"NONE",)"
          R"("defaultTaskScheduleToCloseTimeout":"NONE"},"typeInfo":{"activityType":{"name":"charge","version":"2"},)"
          R"("status":"DEPRECATED","description":"Charges","creationDate":1732550400.123,"deprecationDate":1732636800}})"}},
        {"describe-activity-type of an unknown type",
         with_region({"describe-activity-type", "--domain", "orders", "--activity-type", "name=charge,version=9"}),
         {fault("UnknownResourceFault", "Unknown type")},
         {},
         254,
         400},
        {"describe-domain", with_region({"describe-domain", "--name", "orders"}),
         {R"({"domainInfo":{"name":"orders","status":"REGISTERED","description":"Orders",)"
          R"("arn":"arn:aws:swf:us-east-1:123456789012:/domain/orders"},)"
          R"("configuration":{"workflowExecutionRetentionPeriodInDays":"1"}})"}},
        {"describe-domain with an empty name", with_region({"describe-domain", "--name", ""}), {}, {}, 252},
        {"describe-workflow-type", with_region({"describe-workflow-type", "--domain", "orders", "--workflow-type", "name=order,version=1"}),
         {R"({"typeInfo":{"workflowType":{"name":"order","version":"1"},"status":"REGISTERED","creationDate":1732550400},)"
          R"("configuration":{"defaultTaskStartToCloseTimeout":"10","defaultExecutionStartToCloseTimeout":"3600",)"
          R"("defaultTaskList":{"name":"tl"},"defaultChildPolicy":"TERMINATE"}})"}},
        {"describe-workflow-type of an unknown type",
         with_region({"describe-workflow-type", "--domain", "orders", "--workflow-type", "name=order,version=9"}),
         {fault("UnknownResourceFault", "Unknown type")},
         {},
         254,
         400},
        {"list-activity-types merges pages",
         with_region({"list-activity-types", "--domain", "orders", "--registration-status", "REGISTERED", "--name", "charge"}),
         {R"({"typeInfos":[{"activityType":{"name":"charge","version":"1"},"status":"REGISTERED","creationDate":1}],"nextPageToken":"n2"})",
          R"({"typeInfos":[{"activityType":{"name":"charge","version":"2"},"status":"REGISTERED","creationDate":2}]})"}},
        {"list-activity-types in an unknown domain",
         with_region({"list-activity-types", "--domain", "nowhere", "--registration-status", "REGISTERED"}),
         {fault("UnknownResourceFault", "Unknown domain: nowhere")},
         {},
         254,
         400},
        {"list-closed-workflow-executions with --max-items",
         with_region({"list-closed-workflow-executions", "--domain", "orders", "--start-time-filter", "oldestDate=0",
                      "--type-filter", "name=order", "--max-items", "1", "--reverse-order"}),
         {R"({"executionInfos":[{"execution":{"workflowId":"a","runId":"1"},"workflowType":{"name":"order","version":"1"},)"
          R"("startTimestamp":1,"closeTimestamp":2,"executionStatus":"CLOSED","closeStatus":"COMPLETED","cancelRequested":false},)"
          R"({"execution":{"workflowId":"b","runId":"2"},"workflowType":{"name":"order","version":"1"},)"
          R"("startTimestamp":3,"executionStatus":"CLOSED"}],"nextPageToken":"c2"})"}},
        {"list-closed-workflow-executions in an unknown domain",
         with_region({"list-closed-workflow-executions", "--domain", "nowhere", "--close-time-filter", "oldestDate=0"}),
         {fault("UnknownResourceFault", "Unknown domain: nowhere")},
         {},
         254,
         400},
        {"list-domains merges pages", with_region({"list-domains", "--registration-status", "DEPRECATED", "--page-size", "1"}),
         {R"({"domainInfos":[{"name":"a","status":"DEPRECATED"}],"nextPageToken":"d2"})",
          R"({"domainInfos":[{"name":"b","status":"DEPRECATED","arn":"arn:aws:swf:us-east-1:1:/domain/b"}]})"}},
        {"list-domains with a negative page size",
         with_region({"list-domains", "--registration-status", "REGISTERED", "--maximum-page-size", "-1"}),
         {},
         {},
         252},
        {"list-open-workflow-executions",
         with_region({"list-open-workflow-executions", "--domain", "orders", "--start-time-filter", "oldestDate=2024-11-25",
                      "--execution-filter", "workflowId=w"}),
         {R"({"executionInfos":[{"execution":{"workflowId":"w","runId":"r"},"workflowType":{"name":"order","version":"1"},)"
          R"("startTimestamp":1732550400.5,"executionStatus":"OPEN","tagList":["vip"],"parent":{"workflowId":"p","runId":"q"}}]})"}},
        {"list-open-workflow-executions with a date that is not one",
         with_region({"list-open-workflow-executions", "--domain", "orders", "--start-time-filter", "oldestDate=2024-13-01"}),
         {},
         {},
         252},
        {"list-tags-for-resource", with_region({"list-tags-for-resource", "--resource-arn", "arn:aws:swf:us-east-1:123456789012:/domain/orders"}),
         {R"({"tags":[{"key":"team","value":"payments"},{"key":"tier"}]})"}},
        {"list-tags-for-resource over the limit",
         with_region({"list-tags-for-resource", "--resource-arn", "arn:aws:swf:us-east-1:123456789012:/domain/orders"}),
         {fault("LimitExceededFault", "Rate exceeded")},
         {},
         254,
         400},
        {"list-workflow-types", with_region({"list-workflow-types", "--domain", "orders", "--registration-status", "REGISTERED", "--no-paginate"}),
         {R"({"typeInfos":[{"workflowType":{"name":"order","version":"1"},"status":"REGISTERED","creationDate":1}],"nextPageToken":"w2"})"}},
        {"list-workflow-types in an unknown domain",
         with_region({"list-workflow-types", "--domain", "nowhere", "--registration-status", "REGISTERED"}),
         {fault("UnknownResourceFault", "Unknown domain: nowhere")},
         {},
         254,
         400},
        {"poll-for-activity-task prints the task",
         with_region({"poll-for-activity-task", "--domain", "orders", "--task-list", "name=acts", "--identity", "worker-1"}),
         {R"({"taskToken":"at-1","activityId":"act-1","startedEventId":7,"workflowExecution":{"workflowId":"w","runId":"r"},)"
          R"("activityType":{"name":"charge","version":"2"},"input":"{\"amount\": 5}"})"}},
        {"poll-for-activity-task over the limit",
         with_region({"poll-for-activity-task", "--domain", "orders", "--task-list", "name=acts"}),
         {fault("LimitExceededFault", "Too many pollers")},
         {},
         254,
         400},
        {"record-activity-task-heartbeat says whether to cancel",
         with_region({"record-activity-task-heartbeat", "--task-token", "at-1", "--details", "50%"}),
         {R"({"cancelRequested":true})"}},
        {"record-activity-task-heartbeat for an unknown task",
         with_region({"record-activity-task-heartbeat", "--task-token", "at-1"}),
         {fault("UnknownResourceFault", "Unknown activity")},
         {},
         254,
         400},
        {"register-activity-type takes its version as --activity-version",
         with_region({"register-activity-type", "--domain", "orders", "--name", "charge", "--activity-version", "2",
                      "--default-task-list", "name=acts", "--default-task-heartbeat-timeout", "30"}),
         {"{}"}},
        {"register-activity-type of a type that exists",
         with_region({"register-activity-type", "--domain", "orders", "--name", "charge", "--activity-version", "2"}),
         {fault("TypeAlreadyExistsFault", "ActivityType=[name=charge, version=2]")},
         {},
         254,
         400},
        {"register-activity-type: its renamed option comes last in botocore's validation lines",
         with_region({"register-activity-type", "--domain", "orders", "--name", "charge", "--activity-version", "",
                      "--default-task-list", "name="}),
         {},
         {},
         252},
        {"respond-activity-task-canceled", with_region({"respond-activity-task-canceled", "--task-token", "at-1", "--details", "stopped"}),
         {""}},
        {"respond-activity-task-canceled for an unknown task",
         with_region({"respond-activity-task-canceled", "--task-token", "at-1"}),
         {fault("UnknownResourceFault", "Unknown activity")},
         {},
         254,
         400},
        {"respond-activity-task-completed", with_region({"respond-activity-task-completed", "--task-token", "at-1", "--result", "ok"}),
         {""}},
        {"respond-activity-task-completed with an empty token",
         with_region({"respond-activity-task-completed", "--task-token", ""}),
         {},
         {},
         252},
        {"respond-activity-task-failed",
         with_region({"respond-activity-task-failed", "--task-token", "at-1", "--reason", "card declined", "--details", "d"}),
         {""}},
        {"respond-activity-task-failed for an unknown task",
         with_region({"respond-activity-task-failed", "--task-token", "at-1"}),
         {fault("UnknownResourceFault", "Unknown activity")},
         {},
         254,
         400},
        {"signal-workflow-execution",
         with_region({"signal-workflow-execution", "--domain", "orders", "--workflow-id", "w", "--signal-name", "paid",
                      "--input", "file://" + files + "input.txt"}),
         {""}},
        {"signal-workflow-execution of an unknown execution",
         with_region({"signal-workflow-execution", "--domain", "orders", "--workflow-id", "w", "--signal-name", "paid"}),
         {unknown_resource},
         {},
         254,
         400},
        {"tag-resource with shorthand tags",
         with_region({"tag-resource", "--resource-arn", "arn:aws:swf:us-east-1:123456789012:/domain/orders", "--tags",
                      "key=team,value=payments", "key=tier"}),
         {""}},
        {"tag-resource over the limit",
         with_region({"tag-resource", "--resource-arn", "arn:aws:swf:us-east-1:123456789012:/domain/orders", "--tags", "key=a"}),
         {fault("TooManyTagsFault", "You have exceeded the maximum number of tags")},
         {},
         254,
         400},
        {"terminate-workflow-execution",
         with_region({"terminate-workflow-execution", "--domain", "orders", "--workflow-id", "w", "--run-id", "r",
                      "--reason", "stuck", "--child-policy", "ABANDON"}),
         {""}},
        {"terminate-workflow-execution of an unknown execution",
         with_region({"terminate-workflow-execution", "--domain", "orders", "--workflow-id", "w"}),
         {unknown_resource},
         {},
         254,
         400},
        {"undeprecate-activity-type", with_region({"undeprecate-activity-type", "--domain", "orders", "--activity-type", "name=charge,version=2"}),
         {"{}"}},
        {"undeprecate-activity-type of a type not deprecated",
         with_region({"undeprecate-activity-type", "--domain", "orders", "--activity-type", "name=charge,version=2"}),
         {fault("TypeAlreadyExistsFault", "ActivityType=[name=charge, version=2]")},
         {},
         254,
         400},
        {"undeprecate-domain", with_region({"undeprecate-domain", "--name", "orders"}), {"{}"}},
        {"undeprecate-domain of a domain not deprecated", with_region({"undeprecate-domain", "--name", "orders"}),
         {fault("DomainAlreadyExistsFault", "orders")},
         {},
         254,
         400},
        {"undeprecate-workflow-type", with_region({"undeprecate-workflow-type", "--domain", "orders", "--workflow-type", "name=order,version=1"}),
         {"{}"}},
        {"undeprecate-workflow-type with a type given as a list",
         with_region({"undeprecate-workflow-type", "--domain", "orders", "--workflow-type", R"(["order", "1"])"}),
         {},
         {},
         252},
        {"untag-resource", with_region({"untag-resource", "--resource-arn", "arn:aws:swf:us-east-1:123456789012:/domain/orders",
                                        "--tag-keys", "team", "tier"}),
         {""}},
        {"untag-resource with an empty key and an empty resource",
         with_region({"untag-resource", "--resource-arn", "", "--tag-keys", "a", ""}),
         {},
         {},
         252},
    };
    // An output skeleton for each command, from its first successful case without paging options.
    for (const std::string& command : command_names()) {
        for (const auto& c : std::vector<parity_case>(cases)) {
            const bool pages = std::any_of(c.args.begin(), c.args.end(), [](const std::string& a) {
                return a == "--max-items" || a == "--starting-token" || a == "--page-size" || a == "--generate-cli-skeleton";
            });
            if (c.args.front() != command || c.swf_exit_code != 0 || pages) continue;
            parity_case skeleton{"output skeleton of " + command, c.args, {}, c.env_overrides};
            skeleton.args.insert(skeleton.args.end(), {"--generate-cli-skeleton", "output"});
            cases.push_back(std::move(skeleton));
            break;
        }
    }
    // An input skeleton of every command.
    std::apply(
        [&](auto... op) {
            (cases.push_back({"input skeleton of " + swf_cli::xform_name(decltype(op)::name),
                              {swf_cli::xform_name(decltype(op)::name), "--generate-cli-skeleton"},
                              {}}),
             ...);
        },
        swf_cli::operations{});

    const std::string swf = swf_program();
    std::vector<parity_run> runs(cases.size());
    for (std::size_t i = 0; i < cases.size(); ++i) {
        REQUIRE(runs[i].aws_server->ok());
        REQUIRE(runs[i].swf_server->ok());
        for (const auto& b : cases[i].bodies) {
            runs[i].aws_server->enqueue(scripted_response::reply(cases[i].status, b));
            runs[i].swf_server->enqueue(scripted_response::reply(cases[i].status, b));
        }
    }
    swfpp_test::run_in_parallel(cases.size(), [&](std::size_t i) {
        parity_run& run = runs[i];
        const env_map env = swfpp_test::with_overrides(cli->base_env, cases[i].env_overrides);
        std::vector<std::string> args = cases[i].args;
        args.insert(args.end(), {"--endpoint-url", run.swf_server->url()});
        run.swf = swfpp_test::run_child(swf, args, env, swfpp_test::hang_bound);
        args.insert(args.begin(), "swf");  // aws has the service level: `aws swf <command> ...`
        args.back() = run.aws_server->url();
        run.aws = swfpp_test::run_child(cli->path, args, env, swfpp_test::hang_bound);
    });

    // Every case is checked, whatever an earlier one did.
    for (std::size_t i = 0; i < cases.size(); ++i) {
        const parity_case& c = cases[i];
        const parity_run& run = runs[i];
        CAPTURE(c.name);
        CHECK(run.aws.spawn_error.empty());
        CHECK(run.swf.spawn_error.empty());
        CHECK_FALSE(run.aws.timed_out);
        CHECK_FALSE(run.swf.timed_out);
        CHECK(run.swf.exit_code == c.swf_exit_code);
        if (c.swf_exit_code == 0 || cli->v2())
            CHECK(run.aws.exit_code == c.swf_exit_code);
        else
            CHECK(run.aws.exit_code == 255);
        CHECK(run.swf.out == run.aws.out);
        CHECK(run.swf.err == run.aws.err);

        const auto from_aws = run.aws_server->requests();
        const auto from_swf = run.swf_server->requests();
        CHECK(from_swf.size() == from_aws.size());
        CHECK(from_swf.size() == c.bodies.size());  // every scripted response is asked for
        for (std::size_t n = 0; n < from_aws.size() && n < from_swf.size(); ++n) {
            CAPTURE(n);
            const std::string* aws_target = from_aws[n].header("X-Amz-Target");
            const std::string* swf_target = from_swf[n].header("X-Amz-Target");
            CHECK((aws_target && swf_target && *swf_target == *aws_target));
            CHECK(canonical_json(from_swf[n].body) == canonical_json(from_aws[n].body));
        }
    }

    // Every command has a case that succeeds and one that fails.
    for (const std::string& command : command_names()) {
        CAPTURE(command);
        bool succeeds = false, fails = false;
        for (const auto& c : cases)
            if (c.args.front() == command) (c.swf_exit_code == 0 ? succeeds : fails) = true;
        CHECK(succeeds);
        CHECK(fails);
    }
}

// ---- The pure parts ---------------------------------------------------------------------------

TEST_CASE("swf_cli::format_json_output writes json.dumps(indent=4, ensure_ascii=False)") {
    simdjson::dom::parser parser;
    simdjson::dom::element root;
    REQUIRE_FALSE(parser.parse(simdjson::padded_string(std::string(
                                   R"({"s":"a\"b\\c\n\r\t\b\f\u0001\u007f\u00e9","n":[1,-2,18446744073709551615],)"
                                   R"("f":[1.0,0.5,1e16,1e-5,0.0001,123456789.125],"e":{},"l":[],"b":[true,false,null]})")))
                      .get(root));
    CHECK(swf_cli::format_json_output(swf_cli::from_simdjson(root)) ==
          "{\n    \"s\": \"a\\\"b\\\\c\\n\\r\\t\\b\\f\\u0001\x7f\xc3\xa9\",\n"
          "    \"n\": [\n        1,\n        -2,\n        18446744073709551615\n    ],\n"
          "    \"f\": [\n        1.0,\n        0.5,\n        1e+16,\n        1e-05,\n        0.0001,\n        123456789.125\n    ],\n"
          "    \"e\": {},\n    \"l\": [],\n    \"b\": [\n        true,\n        false,\n        null\n    ]\n}\n");
    CHECK(swf_cli::format_json_output(swf_cli::json_value::object()).empty());
}

TEST_CASE("swf_cli::python_isoformat rounds to microseconds half to even and shows the offset") {
    const auto utc = [](std::int64_t) { return 0L; };
    const auto india = [](std::int64_t) { return 19800L; };
    const auto odd = [](std::int64_t) { return -(3600L + 61L); };
    CHECK(swf_cli::python_isoformat(1732550400.0, utc) == "2024-11-25T16:00:00+00:00");
    CHECK(swf_cli::python_isoformat(1732550400.123, utc) == "2024-11-25T16:00:00.123000+00:00");
    CHECK(swf_cli::python_isoformat(1732550403.9999999, utc) == "2024-11-25T16:00:04+00:00");
    CHECK(swf_cli::python_isoformat(0.5, india) == "1970-01-01T05:30:00.500000+05:30");
    CHECK(swf_cli::python_isoformat(-1.25, utc) == "1969-12-31T23:59:58.750000+00:00");
    CHECK(swf_cli::python_isoformat(951782400, utc) == "2000-02-29T00:00:00+00:00");
    CHECK(swf_cli::python_isoformat(0, odd) == "1969-12-31T22:58:59-01:01:01");
}

TEST_CASE("swf_cli::merge_pages concatenates events and adds the non-aggregate keys of the first page") {
    auto page = [](std::vector<std::string> events, std::optional<std::string> token) {
        swf_cli::json_value p = swf_cli::json_value::object();
        p.set("taskToken", swf_cli::json_value::string("t"));
        swf_cli::json_value list = swf_cli::json_value::array();
        for (auto& e : events) list.items.push_back(swf_cli::json_value::string(e));
        p.set("events", list);
        if (token) p.set("nextPageToken", swf_cli::json_value::string(*token));
        return p;
    };
    const auto merged = swf_cli::merge_pages({page({"a", "b"}, "p2"), page({"c"}, std::nullopt)},
                                             swf_cli::paginator_of<swfpp::poll_for_decision_task>());
    CHECK(swf_cli::format_json_output(merged) ==
          "{\n    \"events\": [\n        \"a\",\n        \"b\",\n        \"c\"\n    ],\n    \"taskToken\": \"t\",\n"
          "    \"startedEventId\": null,\n    \"workflowExecution\": null,\n    \"workflowType\": null,\n"
          "    \"previousStartedEventId\": null\n}\n");
    const auto history = swf_cli::merge_pages({page({}, "p2")}, swf_cli::paginator_of<swfpp::get_workflow_execution_history>());
    CHECK(swf_cli::format_json_output(history) == "{\n    \"events\": []\n}\n");
}

namespace {
// A file system in memory: files by path, a HOME and one other user, and variables.
swf_cli::file_access fake_files(std::map<std::string, std::string> contents) {
    return {[](std::string_view name) -> std::optional<std::string> {
                if (name == "HOME") return "/home/me/";
                if (name == "DIR") return "/data";
                return std::nullopt;
            },
            [](std::string_view user) -> std::optional<std::string> {
                if (user == "ops") return "/srv/ops";
                return std::nullopt;
            },
            [contents](const std::string& path) {
                const auto it = contents.find(path);
                if (it == contents.end()) return swf_cli::file_contents{std::nullopt, 2, "No such file or directory"};
                return swf_cli::file_contents{it->second, 0, ""};
            }};
}

template <class Op>
swf_cli::params_or_failure unpack(const swf_cli::option_values& values, const swf_cli::file_access& files) {
    const auto no_run = [](const swf_cli::invocation&, const swf_cli::environment&) { return swf_cli::outcome{}; };
    return swf_cli::unpack_options<typename Op::input>(swf_cli::command_for<Op>(no_run).params, values, files);
}
}  // namespace

TEST_CASE("swf_cli: options unpack as the AWS CLI unpacks them and validate as botocore validates") {
    using op = swfpp::start_workflow_execution;
    const auto files = fake_files({});
    auto params = unpack<op>({{"domain", {"d"}},
                              {"workflowId", {"w"}},
                              {"workflowType", {" name = n , version='1,2'"}},
                              {"tagList", {"a", "b"}},
                              {"childPolicy", {"ABANDON"}}},
                             files);
    REQUIRE(params.value);
    auto r = swf_cli::validated_input<op::input>(*params.value);
    REQUIRE(r.value);
    CHECK(r.value->workflow_type.name == "n");
    CHECK(r.value->workflow_type.version == "1,2");
    CHECK(r.value->tag_list == std::vector<std::string>{"a", "b"});
    CHECK(r.value->child_policy == swfpp::child_policy::abandon);
    CHECK_FALSE(r.value->task_list);

    // Options win over --cli-input-json; botocore's lines come in its order.
    params = unpack<op>({{"workflowId", {"w"}}}, files);
    REQUIRE(params.value);
    CHECK_FALSE(swf_cli::merge_cli_input_json(*params.value, R"({"workflowId": 5, "domain": "", "workflowType": {"name": "n"}})"));
    r = swf_cli::validated_input<op::input>(*params.value);
    REQUIRE_FALSE(r.value);
    CHECK(r.failed.err ==
          "\nParameter validation failed:\nInvalid length for parameter domain, value: 0, valid min length: 1\n"
          "Missing required parameter in workflowType: \"version\"\n");

    params = unpack<op>({{"workflowType", {"name=n,version"}}}, files);
    REQUIRE_FALSE(params.value);
    CHECK(params.failed.err == "\nError parsing parameter '--workflow-type': Expected: '=', received: 'EOF' for input:\n"
                               "name=n,version\n              ^\n");
    swf_cli::json_value empty = swf_cli::json_value::object();
    const auto not_an_object = swf_cli::merge_cli_input_json(empty, "[1]");
    REQUIRE(not_an_object);
    CHECK(not_an_object->err == "\n'list' object has no attribute 'keys'\n");
    CHECK(not_an_object->code == swf_cli::exit_general_error);
    // --cli-input-json is read with plain json.loads: its objects are dicts.
    params = unpack<op>({}, files);
    REQUIRE(params.value);
    CHECK_FALSE(swf_cli::merge_cli_input_json(*params.value, R"({"domain": {"a": 1}})"));
    r = swf_cli::validated_input<op::input>(*params.value);
    REQUIRE_FALSE(r.value);
    CHECK(r.failed.err.find("Invalid type for parameter domain, value: {'a': 1}, type: <class 'dict'>, valid types: "
                            "<class 'str'>\n") != std::string::npos);
}

TEST_CASE("swf_cli: file:// and fileb:// values are read as awscli's paramfile reads them") {
    using op = swfpp::start_workflow_execution;
    const auto files = fake_files({{"/home/me/in.txt", "a\r\nb\rc\n"},
                                   {"/srv/ops/bin", std::string("\x00\xff'", 3)},
                                   {"/data/${x}", "dollar"},
                                   {"/data/tags", "xy\xc3\xa9"},
                                   {"~nobody/x", "unknown user"}});
    const auto text_of = [&](const std::string& value) {
        const auto loaded = swf_cli::load_param_file("--input", value, files);
        if (loaded.failed) return loaded.failed->err;
        return loaded.value ? loaded.value->contents : "<not a file>";
    };
    CHECK(text_of("file://~/in.txt") == "a\nb\nc\n");           // universal newlines
    CHECK(text_of("fileb://~ops/bin") == std::string("\x00\xff'", 3));  // bytes as they are
    CHECK(text_of("file://$DIR/${x}") == "dollar");             // an unset variable stays as written
    CHECK(text_of("file://~nobody/x") == "unknown user");
    CHECK(text_of("http://example.com/x") == "<not a file>");
    CHECK(text_of("file://$DIR/none") ==
          "\nError parsing parameter '--input': Unable to load paramfile file://$DIR/none: [Errno 2] No such file or "
          "directory: '/data/none'\n");
    CHECK(text_of("file://~ops/bin") ==
          "\nError parsing parameter '--input': Unable to load paramfile (/srv/ops/bin), text contents could not be "
          "decoded.  If this is a binary file, please use the fileb:// prefix instead of the file:// prefix.\n");

    // fileb:// bytes are a Python bytes object: botocore refuses them for a string.
    auto params = unpack<op>({{"domain", {"fileb://~ops/bin"}}, {"tagList", {"file:///data/tags"}}}, files);
    REQUIRE(params.value);
    CHECK(swf_cli::python_repr(*params.value->find("domain")) == "b\"\\x00\\xff'\"");
    CHECK(swf_cli::python_repr(*params.value->find("tagList")) == "['x', 'y', '\xc3\xa9']");
    // A list of several words is never a file.
    params = unpack<op>({{"tagList", {"file:///data/tags", "b"}}}, files);
    REQUIRE(params.value);
    CHECK(swf_cli::python_repr(*params.value->find("tagList")) == "['file:///data/tags', 'b']");
}

TEST_CASE("swf_cli: argument renames move the option and its place, as awscli's argrename does") {
    const auto no_run = [](const swf_cli::invocation&, const swf_cli::environment&) { return swf_cli::outcome{}; };
    const auto c = swf_cli::command_for<swfpp::register_workflow_type>(no_run);
    REQUIRE_FALSE(c.params.empty());
    CHECK(c.params.back().option == "--workflow-version");
    CHECK(c.params.back().member == "version");
    CHECK(c.params.back().required);
    for (const auto& p : c.params) CHECK(p.option != "--version");

    // The table's rows apply by operation name, so a new command picks its row up.
    std::vector<swf_cli::param_spec> params = {{"--name", "name", true, swf_cli::arity::one},
                                               {"--version", "version", true, swf_cli::arity::one},
                                               {"--description", "description", false, swf_cli::arity::one}};
    swf_cli::apply_renames("RegisterActivityType", params);
    CHECK(params[1].option == "--description");
    CHECK(params[2].option == "--activity-version");

    const std::vector<swf_cli::command> table = {c};
    auto p = swf_cli::parse_command_line({"register-workflow-type", "--domain", "d", "--name", "n"}, table);
    REQUIRE_FALSE(p.value);
    CHECK(p.failed.err.find("swf: error: the following arguments are required: --workflow-version\n") != std::string::npos);
    p = swf_cli::parse_command_line({"register-workflow-type", "--domain", "d", "--name", "n", "--workflow-version", "1"},
                                    table);
    REQUIRE(p.value);
    // --version stays the program's version.
    p = swf_cli::parse_command_line({"register-workflow-type", "--version", "1"}, table);
    REQUIRE(p.value);
    CHECK(p.value->what == swf_cli::invocation::action::version);
}

TEST_CASE("swf_cli: --generate-cli-skeleton parses as argparse's nargs='?' with two choices") {
    const auto no_run = [](const swf_cli::invocation&, const swf_cli::environment&) { return swf_cli::outcome{}; };
    const std::vector<swf_cli::command> table = {swf_cli::command_for<swfpp::register_domain>(no_run)};
    auto p = swf_cli::parse_command_line({"register-domain", "--generate-cli-skeleton"}, table);
    REQUIRE(p.value);  // the required options are waived for an input skeleton
    CHECK(p.value->skeleton == swf_cli::skeleton_kind::input);
    p = swf_cli::parse_command_line({"register-domain", "--generate-cli-skeleton", "output", "--name", "n",
                                     "--workflow-execution-retention-period-in-days", "1"},
                                    table);
    REQUIRE(p.value);
    CHECK(p.value->skeleton == swf_cli::skeleton_kind::output);
    p = swf_cli::parse_command_line({"register-domain", "--generate-cli-skeleton", "output"}, table);
    REQUIRE_FALSE(p.value);  // not for an output skeleton
    CHECK(p.failed.err.find("required: --name, --workflow-execution-retention-period-in-days") != std::string::npos);
    p = swf_cli::parse_command_line({"register-domain", "--generate-cli-skeleton", "yaml"}, table);
    REQUIRE_FALSE(p.value);
    CHECK(p.failed.err.find("swf: error: argument --generate-cli-skeleton: Invalid choice, valid choices are:\n\n"
                            "input                                    | output                                  \n") !=
          std::string::npos);

    CHECK(swf_cli::input_skeleton<swfpp::request_cancel_workflow_execution_input>() ==
          "{\n    \"domain\": \"\",\n    \"workflowId\": \"\",\n    \"runId\": \"\"\n}\n");
    CHECK(swf_cli::format_json_output(swf_cli::output_skeleton<swfpp::start_workflow_execution_output>()) ==
          "{\n    \"runId\": \"runId\"\n}\n");
}

TEST_CASE("swf_cli: starting tokens in botocore's format, and the older ones") {
    const auto pager = swf_cli::paginator_of<swfpp::get_workflow_execution_history>();
    CHECK(pager.input_token == "nextPageToken");
    CHECK(pager.output_token == "nextPageToken");
    CHECK(pager.limit_key == "maximumPageSize");
    CHECK(pager.result_key == "events");
    CHECK(pager.non_aggregate_keys.empty());
    const auto decoded = [&](const std::string& token) {
        const auto d = swf_cli::decode_starting_token(token, pager);
        if (!d.value) return d.failed.err;
        return swf_cli::python_repr(d.value->request_token) + " " + swf_cli::python_repr(d.value->skip);
    };
    // base64 of {"nextPageToken": "p2", "boto_truncate_amount": 1}, as botocore writes it
    CHECK(decoded("eyJuZXh0UGFnZVRva2VuIjogInAyIiwgImJvdG9fdHJ1bmNhdGVfYW1vdW50IjogMX0=") == "{'nextPageToken': 'p2'} 1");
    CHECK(decoded("p2") == "{'nextPageToken': 'p2'} 0");
    CHECK(decoded("p2___-3") == "{'nextPageToken': 'p2'} -3");
    CHECK(decoded("None___2") == "{'nextPageToken': None} 2");
    CHECK(decoded("p2___x") == "{'nextPageToken': 'p2___x'} 0");
    CHECK(decoded("a___b___c") == "\nBad starting token: a___b___c\n");
    CHECK(decoded("WzFd") == "{'nextPageToken': 'WzFd'} 0");  // [1]: botocore falls back to the older form
    CHECK(decoded("bnVsbA==") == "\n'NoneType' object has no attribute 'pop'\n");  // null

    CHECK(swf_cli::base64_decode("Y Q = =") == std::optional<std::string>("a"));
    CHECK(swf_cli::base64_decode("YQ==YQ==") == std::optional<std::string>("a"));
    CHECK(swf_cli::base64_decode("YW=Jj") == std::optional<std::string>("abc"));
    CHECK_FALSE(swf_cli::base64_decode("YQ="));
    CHECK_FALSE(swf_cli::base64_decode("Y"));
    CHECK(swf_cli::base64_encode("ab") == "YWI=");
}

TEST_CASE("swf_cli::page_collector cuts at --max-items and says where to resume") {
    const auto pager = swf_cli::paginator_of<swfpp::get_workflow_execution_history>();
    const auto page = [](std::vector<int> ids, std::optional<std::string> token) {
        swf_cli::json_value p = swf_cli::json_value::object();
        swf_cli::json_value list = swf_cli::json_value::array();
        for (int id : ids) list.items.push_back(swf_cli::json_value::integer(std::to_string(id)));
        p.set("events", list);
        if (token) p.set("nextPageToken", swf_cli::json_value::string(*token));
        return p;
    };
    const auto token_json = [](const swf_cli::json_value& result) {
        const auto* t = result.find("NextToken");
        return t ? *swf_cli::base64_decode(t->text) : std::string("<none>");
    };

    swf_cli::page_collector cut(pager, 3, std::nullopt);
    auto step = cut.add(page({1, 2}, "p2"));
    REQUIRE(step.next_token == std::optional<std::string>("p2"));
    step = cut.add(page({3, 4}, "p3"));
    CHECK_FALSE(step.next_token);
    CHECK_FALSE(step.failed);
    CHECK(swf_cli::python_repr(*cut.result().find("events")) == "[1, 2, 3]");
    CHECK(token_json(cut.result()) == R"({"nextPageToken": "p2", "boto_truncate_amount": 1})");

    swf_cli::page_collector negative(pager, -1, std::nullopt);  // Python slices from the end
    negative.add(page({1, 2, 3}, "p2"));
    CHECK(swf_cli::python_repr(*negative.result().find("events")) == "[1, 2]");
    CHECK(token_json(negative.result()) == R"({"nextPageToken": null, "boto_truncate_amount": -1})");

    auto start = swf_cli::decode_starting_token("p2___1", pager);
    REQUIRE(start.value);
    swf_cli::page_collector resumed(pager, 2, start.value);
    step = resumed.add(page({3, 4}, "p3"));
    REQUIRE(step.next_token == std::optional<std::string>("p3"));
    resumed.add(page({5, 6}, std::nullopt));
    CHECK(swf_cli::python_repr(*resumed.result().find("events")) == "[4, 5]");
    CHECK(token_json(resumed.result()) == R"({"nextPageToken": "p3", "boto_truncate_amount": 1})");

    swf_cli::page_collector repeated(pager, std::nullopt, std::nullopt);
    repeated.add(page({1}, "p2"));
    step = repeated.add(page({2}, "p2"));
    REQUIRE(step.failed);
    CHECK(step.failed->err ==
          "\nError during pagination: The same next token was received twice: {'nextPageToken': 'p2'}\n");
}

TEST_CASE("swf_cli: flags, word lists and paging options on the command line") {
    const auto no_run = [](const swf_cli::invocation&, const swf_cli::environment&) { return swf_cli::outcome{}; };
    const std::vector<swf_cli::command> table = {swf_cli::command_for<swfpp::get_workflow_execution_history>(no_run),
                                                 swf_cli::command_for<swfpp::start_workflow_execution>(no_run)};
    auto p = swf_cli::parse_command_line({"get-workflow-execution-history", "--domain", "d", "--execution", "x",
                                          "--reverse-order", "--no-reverse-order", "--page-size", "3", "--no-paginate"},
                                         table);
    REQUIRE(p.value);
    CHECK(p.value->values.back() == std::pair<std::string, std::vector<std::string>>{"reverseOrder", {"false"}});
    CHECK(p.value->page_size == 3);
    CHECK_FALSE(p.value->globals.paginate);
    const auto plan = swf_cli::plan_paging(*p.value);
    REQUIRE(plan.failed);
    CHECK(plan.failed->err ==
          "\nError during pagination: Cannot specify --no-paginate along with pagination arguments: --page-size\n");
    p = swf_cli::parse_command_line({"get-workflow-execution-history", "--domain", "d", "--execution", "x",
                                     "--max-items", "0", "--starting-token", "", "--next-page-token", "t"},
                                    table);
    REQUIRE(p.value);
    CHECK(p.value->max_items == 0);
    CHECK_FALSE(swf_cli::plan_paging(*p.value).failed);  // 0 and "" count as not given
    CHECK_FALSE(swf_cli::plan_paging(*p.value).paginate);
    p = swf_cli::parse_command_line({"get-workflow-execution-history", "--max-items", "many"}, table);
    REQUIRE_FALSE(p.value);
    CHECK(p.failed.err.find("swf: error: argument --max-items: invalid int value: 'many'") != std::string::npos);

    p = swf_cli::parse_command_line({"start-workflow-execution", "--domain", "d", "--workflow-id", "w",
                                     "--workflow-type", "name=n,version=1", "--tag-list", "a", "b", "--input", "i"},
                                    table);
    REQUIRE(p.value);
    CHECK(p.value->values[3] == std::pair<std::string, std::vector<std::string>>{"tagList", {"a", "b"}});
    p = swf_cli::parse_command_line({"start-workflow-execution", "--tag-list"}, table);
    REQUIRE_FALSE(p.value);
    CHECK(p.failed.err.find("swf: error: argument --tag-list: expected at least one argument") != std::string::npos);
    p = swf_cli::parse_command_line({"get-workflow-execution-history", "--reverse-order=x"}, table);
    REQUIRE_FALSE(p.value);
    CHECK(p.failed.err.find("argument --reverse-order: ignored explicit argument 'x'") != std::string::npos);
    // The paging options belong to paginated commands only.
    p = swf_cli::parse_command_line({"start-workflow-execution", "--domain", "d", "--workflow-id", "w",
                                     "--workflow-type", "x", "--page-size", "1", "--max-items", "2"},
                                    table);
    REQUIRE_FALSE(p.value);
    CHECK(p.failed.err.find("Unknown options: --page-size, 1, --max-items, 2") != std::string::npos);
    // With --cli-input-json the required members may come from the JSON.
    p = swf_cli::parse_command_line({"start-workflow-execution", "--cli-input-json", "{}"}, table);
    CHECK(p.value);
}

TEST_CASE("swf_cli::read_output prints an event as botocore parses it: model order, unknown members dropped") {
    simdjson::dom::parser parser;
    const auto page = swf_cli::read_output<swfpp::get_workflow_execution_history_output>(
        parser,
        R"({"events":[{"eventTimestamp":0,"eventType":"ActivityTaskScheduled","eventId":1,"bogus":2,)"
        R"("activityTaskScheduledEventAttributes":{"activityId":"a","extra":null,"activityType":{"name":"n","version":"1"}},)"
        R"("futureEventAttributes":{"x":1}}]})",
        [](std::int64_t) { return 0L; });
    CHECK(swf_cli::format_json_output(page) ==
          "{\n    \"events\": [\n        {\n            \"eventTimestamp\": \"1970-01-01T00:00:00+00:00\",\n"
          "            \"eventType\": \"ActivityTaskScheduled\",\n            \"eventId\": 1,\n"
          "            \"activityTaskScheduledEventAttributes\": {\n                \"activityType\": {\n"
          "                    \"name\": \"n\",\n                    \"version\": \"1\"\n                },\n"
          "                \"activityId\": \"a\"\n            }\n        }\n    ]\n}\n");
}
