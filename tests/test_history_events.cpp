// History events: typed attributes for the cancellation flow's event types, raw JSON for every
// other type — including types newer than this release — so one event never fails a history.
#include <doctest/doctest.h>

#include <swfpp/operations/get_workflow_execution_history.hpp>
#include <swfpp/response.hpp>
#include <swfpp/serialize.hpp>
#include <swfpp/types/history.hpp>

#include <chrono>
#include <string>

namespace {

using history_op = swfpp::get_workflow_execution_history;

swfpp::result<swfpp::get_workflow_execution_history_output> parse(std::string body) {
    swfpp::http_response r;
    r.status = 200;
    r.body = std::move(body);
    return swfpp::parse_response<history_op>(r);
}

// A cancelled execution's history as SWF returns it (moto's wording of the same events).
const char* const cancelled_history = R"({"events":[
 {"eventId":1,"eventType":"WorkflowExecutionStarted","eventTimestamp":1732550400.123,
  "workflowExecutionStartedEventAttributes":{"input":"{}","executionStartToCloseTimeout":"3600",
   "taskStartToCloseTimeout":"300","childPolicy":"TERMINATE","taskList":{"name":"deciders"},
   "workflowType":{"name":"fulfil","version":"1"},"tagList":["a"],"parentInitiatedEventId":0}},
 {"eventId":2,"eventType":"DecisionTaskScheduled","eventTimestamp":1732550400.124,
  "decisionTaskScheduledEventAttributes":{"startToCloseTimeout":"300","taskList":{"name":"deciders"}}},
 {"eventId":3,"eventType":"WorkflowExecutionCancelRequested","eventTimestamp":1732550401,
  "workflowExecutionCancelRequestedEventAttributes":{}},
 {"eventId":4,"eventType":"DecisionTaskStarted","eventTimestamp":1732550402.5,
  "decisionTaskStartedEventAttributes":{"identity":"decider-1","scheduledEventId":2}},
 {"eventId":5,"eventType":"DecisionTaskCompleted","eventTimestamp":1732550403,
  "decisionTaskCompletedEventAttributes":{"scheduledEventId":2,"startedEventId":4}},
 {"eventId":6,"eventType":"WorkflowExecutionCanceled","eventTimestamp":1732550403.001,
  "workflowExecutionCanceledEventAttributes":{"details":"bye","decisionTaskCompletedEventId":5}}]})";

}  // namespace

TEST_CASE("a cancelled execution's history reads with typed attributes for every event") {
    const auto h = parse(cancelled_history);
    REQUIRE(h.ok());
    const auto& e = h->events;
    REQUIRE(e.size() == 6);

    CHECK(e[0].event_id == 1);
    CHECK(e[0].event_type == swfpp::event_type::workflow_execution_started);
    CHECK(e[0].event_timestamp.time_since_epoch() == std::chrono::milliseconds(1732550400123));
    REQUIRE(e[0].workflow_execution_started_event_attributes.has_value());
    const auto& started = *e[0].workflow_execution_started_event_attributes;
    CHECK(started.child_policy == swfpp::child_policy::terminate);
    CHECK(started.task_list.name == "deciders");
    CHECK(started.workflow_type.name == "fulfil");
    CHECK(started.tag_list == std::vector<std::string>{"a"});
    CHECK(started.parent_initiated_event_id == 0);
    CHECK_FALSE(started.parent_workflow_execution.has_value());

    CHECK(e[1].decision_task_scheduled_event_attributes->start_to_close_timeout == "300");
    CHECK(e[2].event_type == swfpp::event_type::workflow_execution_cancel_requested);
    REQUIRE(e[2].workflow_execution_cancel_requested_event_attributes.has_value());
    CHECK_FALSE(e[2].workflow_execution_cancel_requested_event_attributes->cause.has_value());
    CHECK(e[3].decision_task_started_event_attributes->identity == "decider-1");
    CHECK(e[3].decision_task_started_event_attributes->scheduled_event_id == 2);
    CHECK(e[4].decision_task_completed_event_attributes->started_event_id == 4);
    CHECK(e[5].event_type == swfpp::event_type::workflow_execution_canceled);
    CHECK(e[5].workflow_execution_canceled_event_attributes->details == "bye");
    CHECK(e[5].workflow_execution_canceled_event_attributes->decision_task_completed_event_id == 5);
    for (const auto& event : e) {
        CHECK(event.other_attributes.empty());
        CHECK(event.raw_attributes() == nullptr);
    }
}

TEST_CASE("the activity events a decider reads are typed: scheduled, cancel requested, canceled") {
    const auto h = parse(R"({"events":[{"eventId":7,"eventType":"ActivityTaskScheduled","eventTimestamp":1,)"
                         R"("activityTaskScheduledEventAttributes":{"activityId":"a1","activityType":{"name":"x","version":"1"},)"
                         R"("taskList":{"name":"workers"},"decisionTaskCompletedEventId":5}},)"
                         R"({"eventId":9,"eventType":"ActivityTaskCancelRequested","eventTimestamp":2,)"
                         R"("activityTaskCancelRequestedEventAttributes":{"decisionTaskCompletedEventId":8,"activityId":"a1"}},)"
                         R"({"eventId":11,"eventType":"ActivityTaskCanceled","eventTimestamp":3,)"
                         R"("activityTaskCanceledEventAttributes":{"details":"stopped","scheduledEventId":7,)"
                         R"("startedEventId":8,"latestCancelRequestedEventId":9}}]})");
    REQUIRE(h.ok());
    const auto& scheduled = h->events.at(0);
    CHECK(scheduled.event_type == swfpp::event_type::activity_task_scheduled);
    REQUIRE(scheduled.activity_task_scheduled_event_attributes.has_value());
    CHECK(scheduled.activity_task_scheduled_event_attributes->activity_id == "a1");
    CHECK(scheduled.activity_task_scheduled_event_attributes->activity_type.version == "1");
    CHECK(scheduled.activity_task_scheduled_event_attributes->task_list.name == "workers");
    CHECK(scheduled.activity_task_scheduled_event_attributes->decision_task_completed_event_id == 5);
    CHECK(scheduled.raw_attributes() == nullptr);
    const auto& requested = h->events.at(1);
    REQUIRE(requested.activity_task_cancel_requested_event_attributes.has_value());
    CHECK(requested.activity_task_cancel_requested_event_attributes->activity_id == "a1");
    const auto& canceled = h->events.at(2);
    REQUIRE(canceled.activity_task_canceled_event_attributes.has_value());
    CHECK(canceled.activity_task_canceled_event_attributes->details == "stopped");
    CHECK(canceled.activity_task_canceled_event_attributes->latest_cancel_requested_event_id == 9);
    for (const auto& event : h->events) CHECK(event.other_attributes.empty());
}

TEST_CASE("an event type newer than the model does not fail the history: type text and attributes kept") {
    const auto h = parse(R"({"events":[)"
                         R"({"eventId":1,"eventType":"WorkflowExecutionPaused","eventTimestamp":1732550400.5,)"
                         R"("workflowExecutionPausedEventAttributes":{"reason":"maintenance","until":1732550500}},)"
                         R"({"eventId":2,"eventType":"TimerCancelled","eventTimestamp":1732550401,)"
                         R"("timerCancelledEventAttributes":{"timerId":"t"}},)"
                         R"({"eventId":3,"eventType":"DecisionTaskScheduled","eventTimestamp":1732550402,)"
                         R"("decisionTaskScheduledEventAttributes":{"taskList":{"name":"deciders"}}}]})");
    REQUIRE(h.ok());
    REQUIRE(h->events.size() == 3);
    const auto& paused = h->events[0];
    CHECK_FALSE(paused.event_type.is_known());
    CHECK(paused.event_type.str() == "WorkflowExecutionPaused");
    CHECK(paused.event_id == 1);
    CHECK(paused.event_timestamp.time_since_epoch() == std::chrono::milliseconds(1732550400500));
    REQUIRE(paused.raw_attributes() != nullptr);
    CHECK(paused.raw_attributes()->text == R"({"reason":"maintenance","until":1732550500})");
    CHECK(h->events[1].event_type.str() == "TimerCancelled");  // moto's spelling, not the model's
    CHECK(h->events[2].decision_task_scheduled_event_attributes->task_list.name == "deciders");
}

TEST_CASE("a history event re-serializes with its unmodelled attributes in place") {
    const auto h = parse(R"({"events":[{"eventId":9,"eventType":"MarkerRecorded","eventTimestamp":1732550400.75,)"
                         R"("markerRecordedEventAttributes":{"markerName":"m","decisionTaskCompletedEventId":8}}]})");
    REQUIRE(h.ok());
    std::string out;
    swfpp::serialize_json(h->events.at(0), out);
    CHECK(out == R"({"eventTimestamp":1732550400,"eventType":"MarkerRecorded","eventId":9,)"
                 R"("markerRecordedEventAttributes":{"markerName":"m","decisionTaskCompletedEventId":8}})");
}

TEST_CASE("a typed attribute of the wrong JSON type makes the response malformed, naming the member") {
    const auto h = parse(R"({"events":[{"eventId":1,"eventType":"DecisionTaskStarted","eventTimestamp":1,)"
                         R"("decisionTaskStartedEventAttributes":{"scheduledEventId":"two"}}]})");
    REQUIRE_FALSE(h.ok());
    CHECK(h.error().kind == swfpp::errc::malformed_response);
    CHECK(h.error().message.find("scheduledEventId") != std::string::npos);
}
