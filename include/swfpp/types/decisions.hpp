// swfpp — decisions: what a decider answers with RespondDecisionTaskCompleted.
//
// Modelled: closing the execution (complete, fail, cancel), markers and timers. The other
// decision types can be named (decision_type) but not yet given attributes.
#ifndef SWFPP_TYPES_DECISIONS_HPP
#define SWFPP_TYPES_DECISIONS_HPP

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>

#include "swfpp/detail/config.hpp"
#include "swfpp/shape.hpp"
#include "swfpp/value_types.hpp"

SWFPP_NAMESPACE_BEGIN

// DecisionType, every value of the SWF model in model order.
enum class decision_type {
    schedule_activity_task,
    request_cancel_activity_task,
    complete_workflow_execution,
    fail_workflow_execution,
    cancel_workflow_execution,
    continue_as_new_workflow_execution,
    record_marker,
    start_timer,
    cancel_timer,
    signal_external_workflow_execution,
    request_cancel_external_workflow_execution,
    start_child_workflow_execution,
    schedule_lambda_function,
};
constexpr std::array<std::string_view, 13> enum_names(decision_type) noexcept {
    return {"ScheduleActivityTask",
            "RequestCancelActivityTask",
            "CompleteWorkflowExecution",
            "FailWorkflowExecution",
            "CancelWorkflowExecution",
            "ContinueAsNewWorkflowExecution",
            "RecordMarker",
            "StartTimer",
            "CancelTimer",
            "SignalExternalWorkflowExecution",
            "RequestCancelExternalWorkflowExecution",
            "StartChildWorkflowExecution",
            "ScheduleLambdaFunction"};
}

struct complete_workflow_execution_decision_attributes {
    std::optional<std::string> result;

    static constexpr auto members() {
        return std::make_tuple(member("result", &complete_workflow_execution_decision_attributes::result));
    }
};

struct fail_workflow_execution_decision_attributes {
    std::optional<std::string> reason;
    std::optional<std::string> details;

    static constexpr auto members() {
        using self = fail_workflow_execution_decision_attributes;
        return std::make_tuple(member("reason", &self::reason), member("details", &self::details));
    }
};

struct cancel_workflow_execution_decision_attributes {
    std::optional<std::string> details;

    static constexpr auto members() {
        return std::make_tuple(member("details", &cancel_workflow_execution_decision_attributes::details));
    }
};

struct record_marker_decision_attributes {
    std::string marker_name;
    std::optional<std::string> details;

    static constexpr auto members() {
        using self = record_marker_decision_attributes;
        return std::make_tuple(member("markerName", &self::marker_name).min(1), member("details", &self::details));
    }
};

struct start_timer_decision_attributes {
    std::string timer_id;
    std::optional<std::string> control;
    std::string start_to_fire_timeout;  // seconds, as a decimal string

    static constexpr auto members() {
        using self = start_timer_decision_attributes;
        return std::make_tuple(member("timerId", &self::timer_id).min(1), member("control", &self::control),
                               member("startToFireTimeout", &self::start_to_fire_timeout).min(1));
    }
};

struct cancel_timer_decision_attributes {
    std::string timer_id;

    static constexpr auto members() {
        return std::make_tuple(member("timerId", &cancel_timer_decision_attributes::timer_id).min(1));
    }
};

// Decision. `decision_type` is required (validation reports it missing when unset); set the
// attributes member that matches it. The factories build the closing decisions.
struct decision {
    open_enum<swfpp::decision_type> decision_type;
    std::optional<swfpp::complete_workflow_execution_decision_attributes>
        complete_workflow_execution_decision_attributes;
    std::optional<swfpp::fail_workflow_execution_decision_attributes> fail_workflow_execution_decision_attributes;
    std::optional<swfpp::cancel_workflow_execution_decision_attributes> cancel_workflow_execution_decision_attributes;
    std::optional<swfpp::record_marker_decision_attributes> record_marker_decision_attributes;
    std::optional<swfpp::start_timer_decision_attributes> start_timer_decision_attributes;
    std::optional<swfpp::cancel_timer_decision_attributes> cancel_timer_decision_attributes;

    static decision complete_workflow_execution(std::optional<std::string> result = std::nullopt) {
        decision d;
        d.decision_type = swfpp::decision_type::complete_workflow_execution;
        d.complete_workflow_execution_decision_attributes = {std::move(result)};
        return d;
    }
    static decision fail_workflow_execution(std::optional<std::string> reason = std::nullopt,
                                            std::optional<std::string> details = std::nullopt) {
        decision d;
        d.decision_type = swfpp::decision_type::fail_workflow_execution;
        d.fail_workflow_execution_decision_attributes = {std::move(reason), std::move(details)};
        return d;
    }
    // The answer to a WorkflowExecutionCancelRequested event: close the execution as CANCELED.
    static decision cancel_workflow_execution(std::optional<std::string> details = std::nullopt) {
        decision d;
        d.decision_type = swfpp::decision_type::cancel_workflow_execution;
        d.cancel_workflow_execution_decision_attributes = {std::move(details)};
        return d;
    }

    static constexpr auto members() {
        using self = decision;
        return std::make_tuple(
            member("decisionType", &self::decision_type),
            member("completeWorkflowExecutionDecisionAttributes",
                   &self::complete_workflow_execution_decision_attributes),
            member("failWorkflowExecutionDecisionAttributes", &self::fail_workflow_execution_decision_attributes),
            member("cancelWorkflowExecutionDecisionAttributes", &self::cancel_workflow_execution_decision_attributes),
            member("recordMarkerDecisionAttributes", &self::record_marker_decision_attributes),
            member("startTimerDecisionAttributes", &self::start_timer_decision_attributes),
            member("cancelTimerDecisionAttributes", &self::cancel_timer_decision_attributes));
    }
};

SWFPP_NAMESPACE_END

#endif
