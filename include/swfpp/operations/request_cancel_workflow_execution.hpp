// swfpp — RequestCancelWorkflowExecution: ask SWF to cancel a workflow execution gracefully.
// The service records a WorkflowExecutionCancelRequested event; the decider decides what to do.
#ifndef SWFPP_OPERATIONS_REQUEST_CANCEL_WORKFLOW_EXECUTION_HPP
#define SWFPP_OPERATIONS_REQUEST_CANCEL_WORKFLOW_EXECUTION_HPP

#include <optional>
#include <string>
#include <string_view>
#include <tuple>

#include "swfpp/detail/config.hpp"
#include "swfpp/shape.hpp"

SWFPP_NAMESPACE_BEGIN

struct request_cancel_workflow_execution_input {
    std::string domain;                 // the domain of the execution
    std::string workflow_id;            // the workflowId of the execution
    std::optional<std::string> run_id;  // unset: the current open run with that workflowId

    static constexpr auto members() {
        using self = request_cancel_workflow_execution_input;
        return std::make_tuple(member("domain", &self::domain).min(1),
                               member("workflowId", &self::workflow_id).min(1),
                               member("runId", &self::run_id));
    }
};

struct request_cancel_workflow_execution_output {
    static constexpr auto members() { return std::tuple<>(); }
};

struct request_cancel_workflow_execution {
    static constexpr std::string_view name = "RequestCancelWorkflowExecution";
    using input = request_cancel_workflow_execution_input;
    using output = request_cancel_workflow_execution_output;
};

SWFPP_NAMESPACE_END

#endif
