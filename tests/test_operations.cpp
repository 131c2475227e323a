// The operations of the cancellation flow, each through its declarative description: request
// bodies and validation reports as botocore 1.43 produces them for the same parameters (the
// expected strings were printed by botocore's serializer and ParamValidator), and outputs
// parsed from bodies shaped like SWF's.
#include <doctest/doctest.h>

#include <swfpp/operations/describe_workflow_execution.hpp>
#include <swfpp/operations/get_workflow_execution_history.hpp>
#include <swfpp/operations/poll_for_decision_task.hpp>
#include <swfpp/operations/register_domain.hpp>
#include <swfpp/operations/register_workflow_type.hpp>
#include <swfpp/operations/respond_decision_task_completed.hpp>
#include <swfpp/operations/start_workflow_execution.hpp>
#include <swfpp/request.hpp>
#include <swfpp/response.hpp>
#include <swfpp/serialize.hpp>
#include <swfpp/validate.hpp>

#include <chrono>
#include <string>
#include <vector>

namespace {

template <class Input>
std::string body_of(const Input& in) {
    std::string out;
    swfpp::serialize_json(in, out);
    return out;
}

template <class Input>
std::string report_of(const Input& in) {
    const auto r = swfpp::validate(in);
    return r ? std::string() : r.error().message;
}

swfpp::http_response ok(std::string body) {
    swfpp::http_response r;
    r.status = 200;
    r.body = std::move(body);
    return r;
}

}  // namespace

TEST_CASE("RegisterDomain: body in model order with tags, and botocore's length report") {
    swfpp::register_domain_input in;
    in.name = "orders";
    in.description = "d";
    in.workflow_execution_retention_period_in_days = "1";
    in.tags = std::vector<swfpp::resource_tag>{{"team", "core"}, {"k", std::nullopt}};
    CHECK(body_of(in) == R"({"name":"orders","description":"d","workflowExecutionRetentionPeriodInDays":"1",)"
                         R"("tags":[{"key":"team","value":"core"},{"key":"k"}]})");
    in.name.clear();
    in.workflow_execution_retention_period_in_days.clear();
    in.tags = std::vector<swfpp::resource_tag>{{"", std::nullopt}};
    CHECK(report_of(in) ==
          "Invalid length for parameter name, value: 0, valid min length: 1\n"
          "Invalid length for parameter workflowExecutionRetentionPeriodInDays, value: 0, valid min length: 1\n"
          "Invalid length for parameter tags[0].key, value: 0, valid min length: 1");
}

TEST_CASE("RegisterWorkflowType: defaults serialize as botocore sends them; optional mins still apply") {
    swfpp::register_workflow_type_input in;
    in.domain = "orders";
    in.name = "fulfil";
    in.version = "1";
    in.default_task_start_to_close_timeout = "300";
    in.default_execution_start_to_close_timeout = "3600";
    in.default_task_list = swfpp::task_list{"deciders"};
    in.default_child_policy = swfpp::child_policy::terminate;
    CHECK(body_of(in) == R"({"domain":"orders","name":"fulfil","version":"1","defaultTaskStartToCloseTimeout":"300",)"
                         R"("defaultExecutionStartToCloseTimeout":"3600","defaultTaskList":{"name":"deciders"},)"
                         R"("defaultChildPolicy":"TERMINATE"})");
    in.version.clear();
    in.default_task_list->name.clear();
    in.default_lambda_role = "";
    CHECK(report_of(in) == "Invalid length for parameter version, value: 0, valid min length: 1\n"
                           "Invalid length for parameter defaultTaskList.name, value: 0, valid min length: 1\n"
                           "Invalid length for parameter defaultLambdaRole, value: 0, valid min length: 1");
}

TEST_CASE("StartWorkflowExecution: nested type, tag list and enum on the wire; runId read back") {
    swfpp::start_workflow_execution_input in;
    in.domain = "orders";
    in.workflow_id = "order-42";
    in.workflow_type = {"fulfil", "1"};
    in.task_list = swfpp::task_list{"deciders"};
    in.input = R"({"id":42})";
    in.tag_list = std::vector<std::string>{"a", "b"};
    in.child_policy = swfpp::child_policy::abandon;
    CHECK(body_of(in) == R"({"domain":"orders","workflowId":"order-42","workflowType":{"name":"fulfil","version":"1"},)"
                         R"("taskList":{"name":"deciders"},"input":"{\"id\":42}","tagList":["a","b"],)"
                         R"("childPolicy":"ABANDON"})");
    in.workflow_type.name.clear();
    in.lambda_role = "";
    CHECK(report_of(in) == "Invalid length for parameter workflowType.name, value: 0, valid min length: 1\n"
                           "Invalid length for parameter lambdaRole, value: 0, valid min length: 1");

    const auto out = swfpp::parse_response<swfpp::start_workflow_execution>(ok(R"({"runId":"22Gu8Dfa"})"));
    REQUIRE(out.ok());
    CHECK(out->run_id == "22Gu8Dfa");
}

TEST_CASE("DescribeWorkflowExecution: both execution ids are required and non-empty") {
    swfpp::describe_workflow_execution_input in{"orders", {"order-42", "r1"}};
    CHECK(body_of(in) == R"({"domain":"orders","execution":{"workflowId":"order-42","runId":"r1"}})");
    in.execution = {"", ""};
    CHECK(report_of(in) == "Invalid length for parameter execution.workflowId, value: 0, valid min length: 1\n"
                           "Invalid length for parameter execution.runId, value: 0, valid min length: 1");
}

TEST_CASE("DescribeWorkflowExecution: a closed, cancelled execution reads back with typed status") {
    const auto out = swfpp::parse_response<swfpp::describe_workflow_execution>(ok(R"({
        "executionInfo": {"execution": {"workflowId": "order-42", "runId": "r1"},
                          "workflowType": {"name": "fulfil", "version": "1"},
                          "startTimestamp": 1732550400.123, "closeTimestamp": 1732550460,
                          "executionStatus": "CLOSED", "closeStatus": "CANCELED",
                          "tagList": ["a"], "cancelRequested": true},
        "executionConfiguration": {"taskStartToCloseTimeout": "300", "executionStartToCloseTimeout": "3600",
                                   "taskList": {"name": "deciders"}, "childPolicy": "TERMINATE"},
        "openCounts": {"openActivityTasks": 0, "openDecisionTasks": 0, "openTimers": 0,
                       "openChildWorkflowExecutions": 0, "openLambdaFunctions": 0},
        "latestActivityTaskTimestamp": 1732550401.5,
        "latestExecutionContext": "ctx"})"));
    REQUIRE(out.ok());
    const auto& info = out->execution_info;
    CHECK(info.execution.run_id == "r1");
    CHECK(info.workflow_type.version == "1");
    CHECK(info.start_timestamp.time_since_epoch() == std::chrono::milliseconds(1732550400123));
    CHECK(info.close_timestamp->time_since_epoch() == std::chrono::milliseconds(1732550460000));
    CHECK(info.execution_status == swfpp::execution_status::closed);
    CHECK(*info.close_status == swfpp::close_status::canceled);
    CHECK(info.cancel_requested == true);
    CHECK(out->execution_configuration.child_policy == swfpp::child_policy::terminate);
    CHECK(out->execution_configuration.task_list.name == "deciders");
    CHECK(out->open_counts.open_lambda_functions == 0);
    CHECK(out->latest_activity_task_timestamp->time_since_epoch() == std::chrono::milliseconds(1732550401500));
    CHECK(out->latest_execution_context == "ctx");
}

TEST_CASE("GetWorkflowExecutionHistory: paging members, and a zero page size is valid") {
    swfpp::get_workflow_execution_history_input in{"orders", {"order-42", "r1"}, "p", 0, true};
    CHECK(body_of(in) == R"({"domain":"orders","execution":{"workflowId":"order-42","runId":"r1"},)"
                         R"("nextPageToken":"p","maximumPageSize":0,"reverseOrder":true})");
    in.maximum_page_size = -1;
    CHECK(report_of(in) == "Invalid value for parameter maximumPageSize, value: -1, valid min value: 0");

    const auto out = swfpp::parse_response<swfpp::get_workflow_execution_history>(
        ok(R"({"events":[{"eventId":1,"eventTimestamp":1732550400,"eventType":"DecisionTaskScheduled",)"
           R"("decisionTaskScheduledEventAttributes":{"taskList":{"name":"deciders"}}}],"nextPageToken":"next"})"));
    REQUIRE(out.ok());
    REQUIRE(out->events.size() == 1);
    CHECK(out->next_page_token == "next");
}

TEST_CASE("PollForDecisionTask: input as botocore sends it; a task and an empty poll read back") {
    swfpp::poll_for_decision_task_input in;
    in.domain = "orders";
    in.task_list = {"deciders"};
    in.identity = "decider-1";
    in.maximum_page_size = 100;
    in.reverse_order = false;
    in.start_at_previous_started_event = false;
    CHECK(body_of(in) == R"({"domain":"orders","taskList":{"name":"deciders"},"identity":"decider-1",)"
                         R"("maximumPageSize":100,"reverseOrder":false,"startAtPreviousStartedEvent":false})");
    in.domain.clear();
    in.task_list.name.clear();
    CHECK(report_of(in) == "Invalid length for parameter domain, value: 0, valid min length: 1\n"
                           "Invalid length for parameter taskList.name, value: 0, valid min length: 1");

    auto task = swfpp::parse_response<swfpp::poll_for_decision_task>(ok(
        R"({"taskToken":"tok","startedEventId":4,"previousStartedEventId":0,)"
        R"("workflowExecution":{"workflowId":"order-42","runId":"r1"},"workflowType":{"name":"fulfil","version":"1"},)"
        R"("events":[{"eventId":3,"eventTimestamp":1732550400.5,"eventType":"WorkflowExecutionCancelRequested",)"
        R"("workflowExecutionCancelRequestedEventAttributes":{}}]})"));
    REQUIRE(task.ok());
    CHECK(task->has_task());
    CHECK(task->started_event_id == 4);
    CHECK(task->previous_started_event_id == 0);
    CHECK(task->workflow_execution.workflow_id == "order-42");
    REQUIRE(task->events.size() == 1);
    CHECK(task->events[0].event_type == swfpp::event_type::workflow_execution_cancel_requested);
    CHECK(task->events[0].workflow_execution_cancel_requested_event_attributes.has_value());

    // What SWF (and moto) answer when the long poll ends without a task.
    auto empty = swfpp::parse_response<swfpp::poll_for_decision_task>(ok(R"({"previousStartedEventId":0,"startedEventId":0})"));
    REQUIRE(empty.ok());
    CHECK_FALSE(empty->has_task());
    CHECK(empty->events.empty());
}

TEST_CASE("RespondDecisionTaskCompleted: decisions serialize with their attributes") {
    swfpp::respond_decision_task_completed_input in;
    in.task_token = "tok";
    swfpp::decision marker;
    marker.decision_type = swfpp::decision_type::record_marker;
    marker.record_marker_decision_attributes = swfpp::record_marker_decision_attributes{"m", std::nullopt};
    in.decisions = std::vector<swfpp::decision>{marker, swfpp::decision::cancel_workflow_execution({"bye"})};
    in.execution_context = "ctx";
    CHECK(body_of(in) == R"({"taskToken":"tok","decisions":[{"decisionType":"RecordMarker",)"
                         R"("recordMarkerDecisionAttributes":{"markerName":"m"}},{"decisionType":"CancelWorkflowExecution",)"
                         R"("cancelWorkflowExecutionDecisionAttributes":{"details":"bye"}}],"executionContext":"ctx"})");
}

TEST_CASE("RespondDecisionTaskCompleted: lengths, nested paths and a missing decisionType, in botocore's order") {
    swfpp::respond_decision_task_completed_input in;
    swfpp::decision timer;
    timer.decision_type = swfpp::decision_type::start_timer;
    timer.start_timer_decision_attributes = swfpp::start_timer_decision_attributes{};
    swfpp::decision untyped;
    untyped.cancel_workflow_execution_decision_attributes = swfpp::cancel_workflow_execution_decision_attributes{};
    in.decisions = std::vector<swfpp::decision>{timer, untyped};
    const auto r = swfpp::validate(in);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().member == "taskToken");
    CHECK(r.error().message ==
          "Invalid length for parameter taskToken, value: 0, valid min length: 1\n"
          "Invalid length for parameter decisions[0].startTimerDecisionAttributes.timerId, value: 0, valid min length: 1\n"
          "Invalid length for parameter decisions[0].startTimerDecisionAttributes.startToFireTimeout, value: 0, valid "
          "min length: 1\n"
          "Missing required parameter in decisions[1]: \"decisionType\"");
}

TEST_CASE("the closing-decision factories set the type and only the matching attributes") {
    const auto complete = swfpp::decision::complete_workflow_execution({"done"});
    CHECK(body_of(complete) ==
          R"({"decisionType":"CompleteWorkflowExecution","completeWorkflowExecutionDecisionAttributes":{"result":"done"}})");
    const auto fail = swfpp::decision::fail_workflow_execution({"why", std::nullopt});
    CHECK(body_of(fail) == R"({"decisionType":"FailWorkflowExecution","failWorkflowExecutionDecisionAttributes":{"reason":"why"}})");
    CHECK(body_of(swfpp::decision::cancel_workflow_execution()) ==
          R"({"decisionType":"CancelWorkflowExecution","cancelWorkflowExecutionDecisionAttributes":{}})");
}

TEST_CASE("every new operation builds a request with its own X-Amz-Target") {
    swfpp::http_request req;
    const auto ep = swfpp::endpoint_for_region("us-east-1");
    REQUIRE(ep.ok());
    auto target_of = [&](const auto& built) {
        REQUIRE(built.ok());
        return swfpp::find_header(req.headers, "X-Amz-Target")->value;
    };
    CHECK(target_of(swfpp::build_request<swfpp::register_domain>({"d", std::nullopt, "1", std::nullopt}, *ep, req)) ==
          "SimpleWorkflowService.RegisterDomain");
    CHECK(target_of(swfpp::build_request<swfpp::describe_workflow_execution>({"d", {"w", "r"}}, *ep, req)) ==
          "SimpleWorkflowService.DescribeWorkflowExecution");
    swfpp::respond_decision_task_completed_input respond;
    respond.task_token = "t";
    CHECK(target_of(swfpp::build_request<swfpp::respond_decision_task_completed>(respond, *ep, req)) ==
          "SimpleWorkflowService.RespondDecisionTaskCompleted");
    CHECK(req.body == R"({"taskToken":"t"})");
}
