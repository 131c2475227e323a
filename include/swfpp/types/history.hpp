// swfpp — history events: what GetWorkflowExecutionHistory and PollForDecisionTask return.
//
// Every event has its timestamp, type and id. The attributes of the event types a decider
// needs for the cancellation flow are typed; those of every other type, including types SWF
// adds after this release, are kept as raw JSON in `other_attributes`, so one unfamiliar event
// never fails a whole history.
#ifndef SWFPP_TYPES_HISTORY_HPP
#define SWFPP_TYPES_HISTORY_HPP

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "swfpp/detail/config.hpp"
#include "swfpp/shape.hpp"
#include "swfpp/types/common.hpp"
#include "swfpp/value_types.hpp"

SWFPP_NAMESPACE_BEGIN

// EventType, every value of the SWF model in model order.
enum class event_type {
    workflow_execution_started,
    workflow_execution_cancel_requested,
    workflow_execution_completed,
    complete_workflow_execution_failed,
    workflow_execution_failed,
    fail_workflow_execution_failed,
    workflow_execution_timed_out,
    workflow_execution_canceled,
    cancel_workflow_execution_failed,
    workflow_execution_continued_as_new,
    continue_as_new_workflow_execution_failed,
    workflow_execution_terminated,
    decision_task_scheduled,
    decision_task_started,
    decision_task_completed,
    decision_task_timed_out,
    activity_task_scheduled,
    schedule_activity_task_failed,
    activity_task_started,
    activity_task_completed,
    activity_task_failed,
    activity_task_timed_out,
    activity_task_canceled,
    activity_task_cancel_requested,
    request_cancel_activity_task_failed,
    workflow_execution_signaled,
    marker_recorded,
    record_marker_failed,
    timer_started,
    start_timer_failed,
    timer_fired,
    timer_canceled,
    cancel_timer_failed,
    start_child_workflow_execution_initiated,
    start_child_workflow_execution_failed,
    child_workflow_execution_started,
    child_workflow_execution_completed,
    child_workflow_execution_failed,
    child_workflow_execution_timed_out,
    child_workflow_execution_canceled,
    child_workflow_execution_terminated,
    signal_external_workflow_execution_initiated,
    signal_external_workflow_execution_failed,
    external_workflow_execution_signaled,
    request_cancel_external_workflow_execution_initiated,
    request_cancel_external_workflow_execution_failed,
    external_workflow_execution_cancel_requested,
    lambda_function_scheduled,
    lambda_function_started,
    lambda_function_completed,
    lambda_function_failed,
    lambda_function_timed_out,
    schedule_lambda_function_failed,
    start_lambda_function_failed,
};
constexpr std::array<std::string_view, 54> enum_names(event_type) noexcept {
    return {"WorkflowExecutionStarted",
            "WorkflowExecutionCancelRequested",
            "WorkflowExecutionCompleted",
            "CompleteWorkflowExecutionFailed",
            "WorkflowExecutionFailed",
            "FailWorkflowExecutionFailed",
            "WorkflowExecutionTimedOut",
            "WorkflowExecutionCanceled",
            "CancelWorkflowExecutionFailed",
            "WorkflowExecutionContinuedAsNew",
            "ContinueAsNewWorkflowExecutionFailed",
            "WorkflowExecutionTerminated",
            "DecisionTaskScheduled",
            "DecisionTaskStarted",
            "DecisionTaskCompleted",
            "DecisionTaskTimedOut",
            "ActivityTaskScheduled",
            "ScheduleActivityTaskFailed",
            "ActivityTaskStarted",
            "ActivityTaskCompleted",
            "ActivityTaskFailed",
            "ActivityTaskTimedOut",
            "ActivityTaskCanceled",
            "ActivityTaskCancelRequested",
            "RequestCancelActivityTaskFailed",
            "WorkflowExecutionSignaled",
            "MarkerRecorded",
            "RecordMarkerFailed",
            "TimerStarted",
            "StartTimerFailed",
            "TimerFired",
            "TimerCanceled",
            "CancelTimerFailed",
            "StartChildWorkflowExecutionInitiated",
            "StartChildWorkflowExecutionFailed",
            "ChildWorkflowExecutionStarted",
            "ChildWorkflowExecutionCompleted",
            "ChildWorkflowExecutionFailed",
            "ChildWorkflowExecutionTimedOut",
            "ChildWorkflowExecutionCanceled",
            "ChildWorkflowExecutionTerminated",
            "SignalExternalWorkflowExecutionInitiated",
            "SignalExternalWorkflowExecutionFailed",
            "ExternalWorkflowExecutionSignaled",
            "RequestCancelExternalWorkflowExecutionInitiated",
            "RequestCancelExternalWorkflowExecutionFailed",
            "ExternalWorkflowExecutionCancelRequested",
            "LambdaFunctionScheduled",
            "LambdaFunctionStarted",
            "LambdaFunctionCompleted",
            "LambdaFunctionFailed",
            "LambdaFunctionTimedOut",
            "ScheduleLambdaFunctionFailed",
            "StartLambdaFunctionFailed"};
}

// WorkflowExecutionCancelRequestedCause.
enum class workflow_execution_cancel_requested_cause { child_policy_applied };
constexpr std::array<std::string_view, 1> enum_names(workflow_execution_cancel_requested_cause) noexcept {
    return {"CHILD_POLICY_APPLIED"};
}

// CompleteWorkflowExecutionFailedCause.
enum class complete_workflow_execution_failed_cause { unhandled_decision, operation_not_permitted };
constexpr std::array<std::string_view, 2> enum_names(complete_workflow_execution_failed_cause) noexcept {
    return {"UNHANDLED_DECISION", "OPERATION_NOT_PERMITTED"};
}

// CancelWorkflowExecutionFailedCause. UNHANDLED_DECISION: new events (a signal, another cancel
// request...) arrived while the decider worked; it must decide again with them in view.
enum class cancel_workflow_execution_failed_cause { unhandled_decision, operation_not_permitted };
constexpr std::array<std::string_view, 2> enum_names(cancel_workflow_execution_failed_cause) noexcept {
    return {"UNHANDLED_DECISION", "OPERATION_NOT_PERMITTED"};
}

struct workflow_execution_started_event_attributes {
    std::optional<std::string> input;
    std::optional<std::string> execution_start_to_close_timeout;
    std::optional<std::string> task_start_to_close_timeout;
    open_enum<swfpp::child_policy> child_policy;
    swfpp::task_list task_list;
    std::optional<std::string> task_priority;
    swfpp::workflow_type workflow_type;
    std::optional<std::vector<std::string>> tag_list;
    std::optional<std::string> continued_execution_run_id;
    std::optional<workflow_execution> parent_workflow_execution;
    std::optional<std::int64_t> parent_initiated_event_id;
    std::optional<std::string> lambda_role;

    static constexpr auto members() {
        using self = workflow_execution_started_event_attributes;
        return std::make_tuple(member("input", &self::input),
                               member("executionStartToCloseTimeout", &self::execution_start_to_close_timeout),
                               member("taskStartToCloseTimeout", &self::task_start_to_close_timeout),
                               member("childPolicy", &self::child_policy),
                               member("taskList", &self::task_list),
                               member("taskPriority", &self::task_priority),
                               member("workflowType", &self::workflow_type),
                               member("tagList", &self::tag_list),
                               member("continuedExecutionRunId", &self::continued_execution_run_id),
                               member("parentWorkflowExecution", &self::parent_workflow_execution),
                               member("parentInitiatedEventId", &self::parent_initiated_event_id),
                               member("lambdaRole", &self::lambda_role).min(1));
    }
};

struct workflow_execution_completed_event_attributes {
    std::optional<std::string> result;
    std::int64_t decision_task_completed_event_id = 0;

    static constexpr auto members() {
        using self = workflow_execution_completed_event_attributes;
        return std::make_tuple(member("result", &self::result),
                               member("decisionTaskCompletedEventId", &self::decision_task_completed_event_id));
    }
};

struct complete_workflow_execution_failed_event_attributes {
    open_enum<complete_workflow_execution_failed_cause> cause;
    std::int64_t decision_task_completed_event_id = 0;

    static constexpr auto members() {
        using self = complete_workflow_execution_failed_event_attributes;
        return std::make_tuple(member("cause", &self::cause),
                               member("decisionTaskCompletedEventId", &self::decision_task_completed_event_id));
    }
};

struct workflow_execution_canceled_event_attributes {
    std::optional<std::string> details;
    std::int64_t decision_task_completed_event_id = 0;

    static constexpr auto members() {
        using self = workflow_execution_canceled_event_attributes;
        return std::make_tuple(member("details", &self::details),
                               member("decisionTaskCompletedEventId", &self::decision_task_completed_event_id));
    }
};

struct cancel_workflow_execution_failed_event_attributes {
    open_enum<cancel_workflow_execution_failed_cause> cause;
    std::int64_t decision_task_completed_event_id = 0;

    static constexpr auto members() {
        using self = cancel_workflow_execution_failed_event_attributes;
        return std::make_tuple(member("cause", &self::cause),
                               member("decisionTaskCompletedEventId", &self::decision_task_completed_event_id));
    }
};

// All members optional: a cancellation requested with RequestCancelWorkflowExecution carries
// none; one requested by another execution's decision names that execution.
struct workflow_execution_cancel_requested_event_attributes {
    std::optional<workflow_execution> external_workflow_execution;
    std::optional<std::int64_t> external_initiated_event_id;
    std::optional<open_enum<workflow_execution_cancel_requested_cause>> cause;

    static constexpr auto members() {
        using self = workflow_execution_cancel_requested_event_attributes;
        return std::make_tuple(member("externalWorkflowExecution", &self::external_workflow_execution),
                               member("externalInitiatedEventId", &self::external_initiated_event_id),
                               member("cause", &self::cause));
    }
};

struct decision_task_scheduled_event_attributes {
    swfpp::task_list task_list;
    std::optional<std::string> task_priority;
    std::optional<std::string> start_to_close_timeout;
    std::optional<std::string> schedule_to_start_timeout;

    static constexpr auto members() {
        using self = decision_task_scheduled_event_attributes;
        return std::make_tuple(member("taskList", &self::task_list), member("taskPriority", &self::task_priority),
                               member("startToCloseTimeout", &self::start_to_close_timeout),
                               member("scheduleToStartTimeout", &self::schedule_to_start_timeout));
    }
};

struct decision_task_started_event_attributes {
    std::optional<std::string> identity;
    std::int64_t scheduled_event_id = 0;

    static constexpr auto members() {
        using self = decision_task_started_event_attributes;
        return std::make_tuple(member("identity", &self::identity),
                               member("scheduledEventId", &self::scheduled_event_id));
    }
};

struct decision_task_completed_event_attributes {
    std::optional<std::string> execution_context;
    std::int64_t scheduled_event_id = 0;
    std::int64_t started_event_id = 0;
    std::optional<swfpp::task_list> task_list;
    std::optional<std::string> task_list_schedule_to_start_timeout;

    static constexpr auto members() {
        using self = decision_task_completed_event_attributes;
        return std::make_tuple(member("executionContext", &self::execution_context),
                               member("scheduledEventId", &self::scheduled_event_id),
                               member("startedEventId", &self::started_event_id),
                               member("taskList", &self::task_list),
                               member("taskListScheduleToStartTimeout", &self::task_list_schedule_to_start_timeout));
    }
};

// HistoryEvent. Exactly one `...EventAttributes` member is set by SWF, the one matching
// `event_type`: a typed one below, or for the other types an entry of `other_attributes`
// (see raw_attributes()).
struct history_event {
    timestamp event_timestamp{};
    open_enum<swfpp::event_type> event_type;  // an unknown type keeps its name: event_type.str()
    std::int64_t event_id = 0;
    std::optional<swfpp::workflow_execution_started_event_attributes> workflow_execution_started_event_attributes;
    std::optional<swfpp::workflow_execution_completed_event_attributes> workflow_execution_completed_event_attributes;
    std::optional<swfpp::complete_workflow_execution_failed_event_attributes>
        complete_workflow_execution_failed_event_attributes;
    std::optional<swfpp::workflow_execution_canceled_event_attributes> workflow_execution_canceled_event_attributes;
    std::optional<swfpp::cancel_workflow_execution_failed_event_attributes>
        cancel_workflow_execution_failed_event_attributes;
    std::optional<swfpp::workflow_execution_cancel_requested_event_attributes>
        workflow_execution_cancel_requested_event_attributes;
    std::optional<swfpp::decision_task_scheduled_event_attributes> decision_task_scheduled_event_attributes;
    std::optional<swfpp::decision_task_started_event_attributes> decision_task_started_event_attributes;
    std::optional<swfpp::decision_task_completed_event_attributes> decision_task_completed_event_attributes;
    unmodelled_members other_attributes;  // every member not declared above, as raw JSON

    // The attributes of an event whose type has no typed member here, as minified JSON (the
    // `...EventAttributes` object SWF sent), or nullptr.
    const raw_json* raw_attributes() const noexcept {
        constexpr std::string_view suffix = "EventAttributes";
        for (const auto& m : other_attributes.items) {
            const std::string_view name = m.name;
            if (name.size() > suffix.size() && name.substr(name.size() - suffix.size()) == suffix) return &m.value;
        }
        return nullptr;
    }

    static constexpr auto members() {
        using self = history_event;
        return std::make_tuple(
            member("eventTimestamp", &self::event_timestamp), member("eventType", &self::event_type),
            member("eventId", &self::event_id),
            member("workflowExecutionStartedEventAttributes", &self::workflow_execution_started_event_attributes),
            member("workflowExecutionCompletedEventAttributes", &self::workflow_execution_completed_event_attributes),
            member("completeWorkflowExecutionFailedEventAttributes",
                   &self::complete_workflow_execution_failed_event_attributes),
            member("workflowExecutionCanceledEventAttributes", &self::workflow_execution_canceled_event_attributes),
            member("cancelWorkflowExecutionFailedEventAttributes",
                   &self::cancel_workflow_execution_failed_event_attributes),
            member("workflowExecutionCancelRequestedEventAttributes",
                   &self::workflow_execution_cancel_requested_event_attributes),
            member("decisionTaskScheduledEventAttributes", &self::decision_task_scheduled_event_attributes),
            member("decisionTaskStartedEventAttributes", &self::decision_task_started_event_attributes),
            member("decisionTaskCompletedEventAttributes", &self::decision_task_completed_event_attributes),
            other_members(&self::other_attributes));
    }
};

SWFPP_NAMESPACE_END

#endif
