// swfpp — PollForDecisionTask: a decider asks for the next decision task of a task list.
// SWF holds the call open up to 60 seconds; when none comes it answers with an empty task
// (no taskToken): check has_task().
#ifndef SWFPP_OPERATIONS_POLL_FOR_DECISION_TASK_HPP
#define SWFPP_OPERATIONS_POLL_FOR_DECISION_TASK_HPP

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "swfpp/detail/config.hpp"
#include "swfpp/shape.hpp"
#include "swfpp/types/common.hpp"
#include "swfpp/types/history.hpp"

SWFPP_NAMESPACE_BEGIN

// For the next page of a long history, poll again with `next_page_token` from the output.
struct poll_for_decision_task_input {
    std::string domain;
    swfpp::task_list task_list;
    std::optional<std::string> identity;  // recorded in DecisionTaskStarted
    std::optional<std::string> next_page_token;
    std::optional<std::int32_t> maximum_page_size;
    std::optional<bool> reverse_order;
    std::optional<bool> start_at_previous_started_event;

    static constexpr auto members() {
        using self = poll_for_decision_task_input;
        return std::make_tuple(member("domain", &self::domain).min(1), member("taskList", &self::task_list),
                               member("identity", &self::identity), member("nextPageToken", &self::next_page_token),
                               member("maximumPageSize", &self::maximum_page_size).min(0),
                               member("reverseOrder", &self::reverse_order),
                               member("startAtPreviousStartedEvent", &self::start_at_previous_started_event));
    }
};

// DecisionTask.
struct poll_for_decision_task_output {
    std::string task_token;  // empty when the poll timed out without a task
    std::int64_t started_event_id = 0;
    swfpp::workflow_execution workflow_execution;
    swfpp::workflow_type workflow_type;
    std::vector<history_event> events;
    std::optional<std::string> next_page_token;
    std::optional<std::int64_t> previous_started_event_id;

    bool has_task() const noexcept { return !task_token.empty(); }

    static constexpr auto members() {
        using self = poll_for_decision_task_output;
        return std::make_tuple(member("taskToken", &self::task_token).min(1),
                               member("startedEventId", &self::started_event_id),
                               member("workflowExecution", &self::workflow_execution),
                               member("workflowType", &self::workflow_type), member("events", &self::events),
                               member("nextPageToken", &self::next_page_token),
                               member("previousStartedEventId", &self::previous_started_event_id));
    }
};

// Faults: UnknownResourceFault, OperationNotPermittedFault, LimitExceededFault.
struct poll_for_decision_task {
    static constexpr std::string_view name = "PollForDecisionTask";
    using input = poll_for_decision_task_input;
    using output = poll_for_decision_task_output;
};

SWFPP_NAMESPACE_END

#endif
