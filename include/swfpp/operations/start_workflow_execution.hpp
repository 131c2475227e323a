// swfpp — StartWorkflowExecution: start a run of a registered workflow type; returns its runId.
#ifndef SWFPP_OPERATIONS_START_WORKFLOW_EXECUTION_HPP
#define SWFPP_OPERATIONS_START_WORKFLOW_EXECUTION_HPP

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

// Unset optional members take the workflow type's registered defaults.
struct start_workflow_execution_input {
    std::string domain;
    std::string workflow_id;
    swfpp::workflow_type workflow_type;
    std::optional<swfpp::task_list> task_list;
    std::optional<std::string> task_priority;
    std::optional<std::string> input;
    std::optional<std::string> execution_start_to_close_timeout;
    std::optional<std::vector<std::string>> tag_list;  // at most 5 (checked by the service)
    std::optional<std::string> task_start_to_close_timeout;
    std::optional<open_enum<swfpp::child_policy>> child_policy;
    std::optional<std::string> lambda_role;

    static constexpr auto members() {
        using self = start_workflow_execution_input;
        return std::make_tuple(
            member("domain", &self::domain).min(1), member("workflowId", &self::workflow_id).min(1),
            member("workflowType", &self::workflow_type), member("taskList", &self::task_list),
            member("taskPriority", &self::task_priority), member("input", &self::input),
            member("executionStartToCloseTimeout", &self::execution_start_to_close_timeout),
            member("tagList", &self::tag_list),
            member("taskStartToCloseTimeout", &self::task_start_to_close_timeout),
            member("childPolicy", &self::child_policy), member("lambdaRole", &self::lambda_role).min(1));
    }
};

// Run.
struct start_workflow_execution_output {
    std::optional<std::string> run_id;

    static constexpr auto members() {
        return std::make_tuple(member("runId", &start_workflow_execution_output::run_id).min(1));
    }
};

// Faults: UnknownResourceFault, TypeDeprecatedFault, WorkflowExecutionAlreadyStartedFault,
// LimitExceededFault, OperationNotPermittedFault, DefaultUndefinedFault.
struct start_workflow_execution {
    static constexpr std::string_view name = "StartWorkflowExecution";
    using input = start_workflow_execution_input;
    using output = start_workflow_execution_output;
};

SWFPP_NAMESPACE_END

#endif
