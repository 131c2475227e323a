// swfpp — GetWorkflowExecutionHistory: one page of an execution's history events.
#ifndef SWFPP_OPERATIONS_GET_WORKFLOW_EXECUTION_HISTORY_HPP
#define SWFPP_OPERATIONS_GET_WORKFLOW_EXECUTION_HISTORY_HPP

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

// For the next page, send the same input with `next_page_token` from the previous output.
struct get_workflow_execution_history_input {
    std::string domain;
    workflow_execution execution;
    std::optional<std::string> next_page_token;
    std::optional<std::int32_t> maximum_page_size;  // 0 or unset: the service's maximum (1000)
    std::optional<bool> reverse_order;

    static constexpr auto members() {
        using self = get_workflow_execution_history_input;
        return std::make_tuple(member("domain", &self::domain).min(1), member("execution", &self::execution),
                               member("nextPageToken", &self::next_page_token),
                               member("maximumPageSize", &self::maximum_page_size).min(0),
                               member("reverseOrder", &self::reverse_order));
    }
};

// History. `next_page_token` is set when more events remain.
struct get_workflow_execution_history_output {
    std::vector<history_event> events;
    std::optional<std::string> next_page_token;

    static constexpr auto members() {
        using self = get_workflow_execution_history_output;
        return std::make_tuple(member("events", &self::events), member("nextPageToken", &self::next_page_token));
    }
};

// Faults: UnknownResourceFault, OperationNotPermittedFault.
struct get_workflow_execution_history {
    static constexpr std::string_view name = "GetWorkflowExecutionHistory";
    using input = get_workflow_execution_history_input;
    using output = get_workflow_execution_history_output;
};

SWFPP_NAMESPACE_END

#endif
