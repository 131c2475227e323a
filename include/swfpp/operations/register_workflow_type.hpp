// swfpp — RegisterWorkflowType: declare a workflow type (name and version) and its defaults.
#ifndef SWFPP_OPERATIONS_REGISTER_WORKFLOW_TYPE_HPP
#define SWFPP_OPERATIONS_REGISTER_WORKFLOW_TYPE_HPP

#include <optional>
#include <string>
#include <string_view>
#include <tuple>

#include "swfpp/detail/config.hpp"
#include "swfpp/shape.hpp"
#include "swfpp/types/common.hpp"
#include "swfpp/value_types.hpp"

SWFPP_NAMESPACE_BEGIN

// The defaults apply to executions started without their own values; durations are decimal
// strings of seconds ("NONE" for no limit).
struct register_workflow_type_input {
    std::string domain;
    std::string name;
    std::string version;
    std::optional<std::string> description;
    std::optional<std::string> default_task_start_to_close_timeout;
    std::optional<std::string> default_execution_start_to_close_timeout;
    std::optional<task_list> default_task_list;
    std::optional<std::string> default_task_priority;
    std::optional<open_enum<child_policy>> default_child_policy;
    std::optional<std::string> default_lambda_role;

    static constexpr auto members() {
        using self = register_workflow_type_input;
        return std::make_tuple(
            member("domain", &self::domain).min(1), member("name", &self::name).min(1),
            member("version", &self::version).min(1), member("description", &self::description),
            member("defaultTaskStartToCloseTimeout", &self::default_task_start_to_close_timeout),
            member("defaultExecutionStartToCloseTimeout", &self::default_execution_start_to_close_timeout),
            member("defaultTaskList", &self::default_task_list),
            member("defaultTaskPriority", &self::default_task_priority),
            member("defaultChildPolicy", &self::default_child_policy),
            member("defaultLambdaRole", &self::default_lambda_role).min(1));
    }
};

struct register_workflow_type_output {
    static constexpr auto members() { return std::tuple<>(); }
};

// Faults: TypeAlreadyExistsFault, LimitExceededFault, UnknownResourceFault, OperationNotPermittedFault.
struct register_workflow_type {
    static constexpr std::string_view name = "RegisterWorkflowType";
    using input = register_workflow_type_input;
    using output = register_workflow_type_output;
};

SWFPP_NAMESPACE_END

#endif
