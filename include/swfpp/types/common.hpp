// swfpp — SWF shapes several operations share: executions, workflow types, task lists, tags,
// and the string enumerations that go with them. Members in model order, botocore's `min`
// constraints; required members are plain values, optional ones std::optional.
#ifndef SWFPP_TYPES_COMMON_HPP
#define SWFPP_TYPES_COMMON_HPP

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>

#include "swfpp/detail/config.hpp"
#include "swfpp/shape.hpp"
#include "swfpp/value_types.hpp"

SWFPP_NAMESPACE_BEGIN

// ChildPolicy: what happens to child executions when their parent closes.
enum class child_policy { terminate, request_cancel, abandon };
constexpr std::array<std::string_view, 3> enum_names(child_policy) noexcept {
    return {"TERMINATE", "REQUEST_CANCEL", "ABANDON"};
}

// ExecutionStatus.
enum class execution_status { open, closed };
constexpr std::array<std::string_view, 2> enum_names(execution_status) noexcept { return {"OPEN", "CLOSED"}; }

// CloseStatus: how a closed execution ended.
enum class close_status { completed, failed, canceled, terminated, continued_as_new, timed_out };
constexpr std::array<std::string_view, 6> enum_names(close_status) noexcept {
    return {"COMPLETED", "FAILED", "CANCELED", "TERMINATED", "CONTINUED_AS_NEW", "TIMED_OUT"};
}

// WorkflowExecution: one run of a workflow.
struct workflow_execution {
    std::string workflow_id;
    std::string run_id;

    static constexpr auto members() {
        using self = workflow_execution;
        return std::make_tuple(member("workflowId", &self::workflow_id).min(1), member("runId", &self::run_id).min(1));
    }
};

// WorkflowType: a registered workflow type, by name and version.
struct workflow_type {
    std::string name;
    std::string version;

    static constexpr auto members() {
        using self = workflow_type;
        return std::make_tuple(member("name", &self::name).min(1), member("version", &self::version).min(1));
    }
};

// TaskList.
struct task_list {
    std::string name;

    static constexpr auto members() { return std::make_tuple(member("name", &task_list::name).min(1)); }
};

// ResourceTag: a tag on a domain.
struct resource_tag {
    std::string key;
    std::optional<std::string> value;

    static constexpr auto members() {
        using self = resource_tag;
        return std::make_tuple(member("key", &self::key).min(1), member("value", &self::value));
    }
};

SWFPP_NAMESPACE_END

#endif
