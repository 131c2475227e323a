// The `swf` program's commands against the AWS CLI: for each case both programs get the same
// scripted responses from their own loopback server, and their stdout, stderr and exit codes
// and the requests the servers received must match. The AWS CLI runs with
// `cli_timestamp_format = iso8601` (AWS CLI v2's default, which swf mirrors) and TZ=UTC.
//
// Known differences, checked or documented here rather than hidden:
// - request bodies: botocore writes json.dumps(params) (", " and ": " separators, non-ASCII as
//   \uXXXX, the user's key order); swfpp writes compact JSON in model order. The bodies are
//   compared as JSON values.
// - exit codes: AWS CLI v1 exits 255 where swf exits with v2's 252.
// - a history event of a type swfpp does not type keeps its attributes as received: members in
//   the server's order, where botocore prints the model's (see the last unit test).
//
// Needs SWF_CLI: the path of the built `swf` program (tests/meson.build sets it).
#include <doctest/doctest.h>

#include <simdjson.h>
#include <swfpp/operations/start_workflow_execution.hpp>

#include "../examples/swf/cli.hpp"
#include "../examples/swf/json_input.hpp"
#include "../examples/swf/json_output.hpp"
#include "../examples/swf/json_value.hpp"
#include "../examples/swf/pagination.hpp"
#include "support/aws_cli.hpp"
#include "support/child_process.hpp"
#include "support/loopback_http_server.hpp"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace {

using namespace std::chrono_literals;
using swfpp_test::child_result;
using swfpp_test::loopback_http_server;
using swfpp_test::scripted_response;
using env_map = std::map<std::string, std::string>;

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
    std::vector<std::string> bodies;   // 200 responses, in order, for each program
    env_map env_overrides = {};
    int swf_exit_code = 0;
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
        MESSAGE("skipping the AWS CLI comparison: " << why_not);
        return;
    }
    // AWS CLI v2's default timestamp format, for v1 too; TZ=UTC for both programs.
    REQUIRE(!dir.write("config", "[default]\ncli_timestamp_format = iso8601\n").empty());
    cli->base_env["TZ"] = "UTC";
    MESSAGE("comparing with " << cli->version);

    const std::string history_page1 = "{\"events\":[" + started_event + "," + scheduled_event + "],\"nextPageToken\":\"p2\"}";
    const std::string history_page2 = "{\"events\":[" + activity_event + "," + cancel_requested_event + "]}";
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
    };

    const std::string swf = swf_program();
    std::vector<parity_run> runs(cases.size());
    for (std::size_t i = 0; i < cases.size(); ++i) {
        REQUIRE(runs[i].aws_server->ok());
        REQUIRE(runs[i].swf_server->ok());
        for (const auto& b : cases[i].bodies) {
            runs[i].aws_server->enqueue(scripted_response::reply(200, b));
            runs[i].swf_server->enqueue(scripted_response::reply(200, b));
        }
    }
    swfpp_test::run_in_parallel(cases.size(), [&](std::size_t i) {
        parity_run& run = runs[i];
        const env_map env = swfpp_test::with_overrides(cli->base_env, cases[i].env_overrides);
        std::vector<std::string> args = cases[i].args;
        args.insert(args.end(), {"--endpoint-url", run.swf_server->url()});
        run.swf = swfpp_test::run_child(swf, args, env, 20s);
        args.insert(args.begin(), "swf");  // aws has the service level: `aws swf <command> ...`
        args.back() = run.aws_server->url();
        run.aws = swfpp_test::run_child(cli->path, args, env, 60s);
    });

    for (std::size_t i = 0; i < cases.size(); ++i) {
        const parity_case& c = cases[i];
        const parity_run& run = runs[i];
        CAPTURE(c.name);
        REQUIRE(run.aws.spawn_error.empty());
        REQUIRE(run.swf.spawn_error.empty());
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
        REQUIRE(from_swf.size() == from_aws.size());
        CHECK(from_swf.size() == (c.swf_exit_code == 0 ? c.bodies.size() : 0));
        for (std::size_t n = 0; n < from_aws.size(); ++n) {
            CAPTURE(n);
            REQUIRE(from_aws[n].header("X-Amz-Target"));
            REQUIRE(from_swf[n].header("X-Amz-Target"));
            CHECK(*from_swf[n].header("X-Amz-Target") == *from_aws[n].header("X-Amz-Target"));
            CHECK(canonical_json(from_swf[n].body) == canonical_json(from_aws[n].body));
        }
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
                                             swf_cli::paginator_of<swfpp::poll_for_decision_task>::get());
    CHECK(swf_cli::format_json_output(merged) ==
          "{\n    \"events\": [\n        \"a\",\n        \"b\",\n        \"c\"\n    ],\n    \"taskToken\": \"t\",\n"
          "    \"startedEventId\": null,\n    \"workflowExecution\": null,\n    \"workflowType\": null,\n"
          "    \"previousStartedEventId\": null\n}\n");
    const auto history = swf_cli::merge_pages({page({}, "p2")}, swf_cli::paginator_of<swfpp::get_workflow_execution_history>::get());
    CHECK(swf_cli::format_json_output(history) == "{\n    \"events\": []\n}\n");
}

TEST_CASE("swf_cli::make_input unpacks options as the AWS CLI does and validates as botocore does") {
    using input = swfpp::start_workflow_execution_input;
    auto r = swf_cli::make_input<input>({{"domain", {"d"}},
                                         {"workflowId", {"w"}},
                                         {"workflowType", {" name = n , version='1,2'"}},
                                         {"tagList", {"a", "b"}},
                                         {"childPolicy", {"ABANDON"}}},
                                        std::nullopt);
    REQUIRE(r.value);
    CHECK(r.value->workflow_type.name == "n");
    CHECK(r.value->workflow_type.version == "1,2");
    CHECK(r.value->tag_list == std::vector<std::string>{"a", "b"});
    CHECK(r.value->child_policy == swfpp::child_policy::abandon);
    CHECK_FALSE(r.value->task_list);

    // Options win over --cli-input-json; botocore's lines come in its order.
    r = swf_cli::make_input<input>({{"workflowId", {"w"}}},
                                   std::string(R"({"workflowId": 5, "domain": "", "workflowType": {"name": "n"}})"));
    REQUIRE_FALSE(r.value);
    CHECK(r.by_botocore);
    CHECK(r.failed.err ==
          "\nParameter validation failed:\nInvalid length for parameter domain, value: 0, valid min length: 1\n"
          "Missing required parameter in workflowType: \"version\"\n");

    r = swf_cli::make_input<input>({{"workflowType", {"name=n,version"}}}, std::nullopt);
    REQUIRE_FALSE(r.value);
    CHECK_FALSE(r.by_botocore);
    CHECK(r.failed.err == "\nError parsing parameter '--workflow-type': Expected: '=', received: 'EOF' for input:\n"
                          "name=n,version\n              ^\n");
    r = swf_cli::make_input<input>({}, std::string("[1]"));
    REQUIRE_FALSE(r.value);
    CHECK(r.failed.err == "\n'list' object has no attribute 'keys'\n");
    CHECK(r.failed.code == swf_cli::exit_general_error);
}

TEST_CASE("swf_cli: flags, word lists and paging options on the command line") {
    const auto no_run = [](const swf_cli::invocation&, const swf_cli::environment&) { return swf_cli::outcome{}; };
    const std::vector<swf_cli::command> table = {
        swf_cli::command_for<swfpp::get_workflow_execution_history>(no_run, true),
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
    // --page-size belongs to paginated commands only.
    p = swf_cli::parse_command_line({"start-workflow-execution", "--domain", "d", "--workflow-id", "w",
                                     "--workflow-type", "x", "--page-size", "1"},
                                    table);
    REQUIRE_FALSE(p.value);
    CHECK(p.failed.err.find("Unknown options: --page-size, 1") != std::string::npos);
    // With --cli-input-json the required members may come from the JSON.
    p = swf_cli::parse_command_line({"start-workflow-execution", "--cli-input-json", "{}"}, table);
    CHECK(p.value);
}

TEST_CASE("swf_cli::read_output keeps an untyped event's attributes in the server's member order") {
    // botocore would print activityType before activityId (its model's order) and drop "extra";
    // swfpp keeps these attributes as raw JSON, so swf prints them as the server sent them.
    simdjson::dom::parser parser;
    const auto page = swf_cli::read_output<swfpp::get_workflow_execution_history_output>(
        parser,
        R"({"events":[{"eventTimestamp":0,"eventType":"ActivityTaskScheduled","eventId":1,"bogus":2,)"
        R"("activityTaskScheduledEventAttributes":{"activityId":"a","extra":null,"activityType":{"name":"n","version":"1"}}}]})",
        [](std::int64_t) { return 0L; });
    CHECK(swf_cli::format_json_output(page) ==
          "{\n    \"events\": [\n        {\n            \"eventTimestamp\": \"1970-01-01T00:00:00+00:00\",\n"
          "            \"eventType\": \"ActivityTaskScheduled\",\n            \"eventId\": 1,\n"
          "            \"activityTaskScheduledEventAttributes\": {\n                \"activityId\": \"a\",\n"
          "                \"extra\": null,\n                \"activityType\": {\n                    \"name\": \"n\",\n"
          "                    \"version\": \"1\"\n                }\n            }\n        }\n    ]\n}\n");
}
