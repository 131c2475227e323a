// swfpp — DescribeWorkflowExecution: status, configuration and open counts of one run.
#ifndef SWFPP_OPERATIONS_DESCRIBE_WORKFLOW_EXECUTION_HPP
#define SWFPP_OPERATIONS_DESCRIBE_WORKFLOW_EXECUTION_HPP

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

struct describe_workflow_execution_input {
    std::string domain;
    workflow_execution execution;

    static constexpr auto members() {
        using self = describe_workflow_execution_input;
        return std::make_tuple(member("domain", &self::domain).min(1), member("execution", &self::execution));
    }
};

// WorkflowExecutionInfo.
struct workflow_execution_info {
    workflow_execution execution;
    swfpp::workflow_type workflow_type;
    timestamp start_timestamp{};
    std::optional<timestamp> close_timestamp;
    open_enum<swfpp::execution_status> execution_status;
    std::optional<open_enum<swfpp::close_status>> close_status;  // set once the execution is closed
    std::optional<workflow_execution> parent;
    std::optional<std::vector<std::string>> tag_list;
    std::optional<bool> cancel_requested;  // RequestCancelWorkflowExecution was called on it

    static constexpr auto members() {
        using self = workflow_execution_info;
        return std::make_tuple(member("execution", &self::execution), member("workflowType", &self::workflow_type),
                               member("startTimestamp", &self::start_timestamp),
                               member("closeTimestamp", &self::close_timestamp),
                               member("executionStatus", &self::execution_status),
                               member("closeStatus", &self::close_status), member("parent", &self::parent),
                               member("tagList", &self::tag_list), member("cancelRequested", &self::cancel_requested));
    }
};

// WorkflowExecutionConfiguration.
struct workflow_execution_configuration {
    std::string task_start_to_close_timeout;
    std::string execution_start_to_close_timeout;
    swfpp::task_list task_list;
    std::optional<std::string> task_priority;
    open_enum<swfpp::child_policy> child_policy;
    std::optional<std::string> lambda_role;

    static constexpr auto members() {
        using self = workflow_execution_configuration;
        return std::make_tuple(member("taskStartToCloseTimeout", &self::task_start_to_close_timeout).min(1),
                               member("executionStartToCloseTimeout", &self::execution_start_to_close_timeout).min(1),
                               member("taskList", &self::task_list), member("taskPriority", &self::task_priority),
                               member("childPolicy", &self::child_policy),
                               member("lambdaRole", &self::lambda_role).min(1));
    }
};

// WorkflowExecutionOpenCounts.
struct workflow_execution_open_counts {
    std::int32_t open_activity_tasks = 0;
    std::int32_t open_decision_tasks = 0;
    std::int32_t open_timers = 0;
    std::int32_t open_child_workflow_executions = 0;
    std::optional<std::int32_t> open_lambda_functions;

    static constexpr auto members() {
        using self = workflow_execution_open_counts;
        return std::make_tuple(member("openActivityTasks", &self::open_activity_tasks).min(0),
                               member("openDecisionTasks", &self::open_decision_tasks).min(0),
                               member("openTimers", &self::open_timers).min(0),
                               member("openChildWorkflowExecutions", &self::open_child_workflow_executions).min(0),
                               member("openLambdaFunctions", &self::open_lambda_functions).min(0));
    }
};

// WorkflowExecutionDetail.
struct describe_workflow_execution_output {
    workflow_execution_info execution_info;
    workflow_execution_configuration execution_configuration;
    workflow_execution_open_counts open_counts;
    std::optional<timestamp> latest_activity_task_timestamp;
    std::optional<std::string> latest_execution_context;

    static constexpr auto members() {
        using self = describe_workflow_execution_output;
        return std::make_tuple(member("executionInfo", &self::execution_info),
                               member("executionConfiguration", &self::execution_configuration),
                               member("openCounts", &self::open_counts),
                               member("latestActivityTaskTimestamp", &self::latest_activity_task_timestamp),
                               member("latestExecutionContext", &self::latest_execution_context));
    }
};

// Faults: UnknownResourceFault, OperationNotPermittedFault.
struct describe_workflow_execution {
    static constexpr std::string_view name = "DescribeWorkflowExecution";
    using input = describe_workflow_execution_input;
    using output = describe_workflow_execution_output;
};

SWFPP_NAMESPACE_END

#endif
