// swfpp — RespondDecisionTaskCompleted: a decider hands back its decisions for a task.
#ifndef SWFPP_OPERATIONS_RESPOND_DECISION_TASK_COMPLETED_HPP
#define SWFPP_OPERATIONS_RESPOND_DECISION_TASK_COMPLETED_HPP

#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "swfpp/detail/config.hpp"
#include "swfpp/shape.hpp"
#include "swfpp/types/common.hpp"
#include "swfpp/types/decisions.hpp"

SWFPP_NAMESPACE_BEGIN

struct respond_decision_task_completed_input {
    std::string task_token;  // from poll_for_decision_task_output
    std::optional<std::vector<decision>> decisions;
    std::optional<std::string> execution_context;
    std::optional<swfpp::task_list> task_list;
    std::optional<std::string> task_list_schedule_to_start_timeout;

    static constexpr auto members() {
        using self = respond_decision_task_completed_input;
        return std::make_tuple(member("taskToken", &self::task_token).min(1), member("decisions", &self::decisions),
                               member("executionContext", &self::execution_context),
                               member("taskList", &self::task_list),
                               member("taskListScheduleToStartTimeout", &self::task_list_schedule_to_start_timeout));
    }
};

struct respond_decision_task_completed_output {
    static constexpr auto members() { return std::tuple<>(); }
};

// Faults: UnknownResourceFault, OperationNotPermittedFault.
struct respond_decision_task_completed {
    static constexpr std::string_view name = "RespondDecisionTaskCompleted";
    using input = respond_decision_task_completed_input;
    using output = respond_decision_task_completed_output;
};

SWFPP_NAMESPACE_END

#endif
