// swf — botocore's paginators for SWF (botocore/data/swf/2012-01-25/paginators-1.json) and how
// the AWS CLI merges their pages (botocore.paginate.PageIterator.build_full_result).
//
// Pure functions over values; no I/O.
#ifndef SWF_CLI_PAGINATION_HPP
#define SWF_CLI_PAGINATION_HPP

#include <swfpp/operations/get_workflow_execution_history.hpp>
#include <swfpp/operations/poll_for_decision_task.hpp>

#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "cli.hpp"
#include "config.hpp"
#include "json_value.hpp"
#include "text.hpp"

namespace swf_cli {

// Both SWF paginators: input and output token nextPageToken, limit key maximumPageSize, result
// key events. Only PollForDecisionTask has non-aggregate keys.
struct paginator {
    std::vector<std::string_view> non_aggregate_keys;
};

template <class Op>
struct paginator_of {
    static constexpr bool exists = false;
};
template <>
struct paginator_of<swfpp::get_workflow_execution_history> {
    static constexpr bool exists = true;
    static paginator get() { return {}; }
};
template <>
struct paginator_of<swfpp::poll_for_decision_task> {
    static constexpr bool exists = true;
    static paginator get() {
        return {{"taskToken", "startedEventId", "workflowExecution", "workflowType", "previousStartedEventId"}};
    }
};

inline constexpr std::string_view result_key = "events";

struct paging_plan {
    bool paginate = false;
    std::optional<outcome> failed;
};

// Whether the AWS CLI would paginate this invocation (awscli/customizations/paginate.py): not
// with --no-paginate, and not when --next-page-token or --maximum-page-size is given (they turn
// pagination off); --page-size then is an error.
inline paging_plan plan_paging(const invocation& inv) {
    paging_plan p;
    p.paginate = inv.cmd->paginated && inv.globals.paginate;
    for (const auto& v : inv.values)
        if (v.first == "nextPageToken" || v.first == "maximumPageSize") p.paginate = false;
    if (!p.paginate && inv.page_size)
        p.failed = failure(exit_general_error,
                           "Error during pagination: Cannot specify --no-paginate along with pagination arguments: --page-size");
    return p;
}

// botocore stops a paginator that is handed the same token twice.
inline outcome same_token_twice(std::string_view token) {
    return failure(exit_general_error,
                   "Error during pagination: The same next token was received twice: {'nextPageToken': " + python_repr(token) + "}");
}

namespace detail {
// botocore.utils.merge_dicts: nested objects merge, anything else is replaced.
inline void merge_dicts(json_value& into, const json_value& from) {
    for (const auto& m : from.members) {
        json_value* existing = nullptr;
        for (auto& e : into.members)
            if (e.name == m.name) existing = &e.value;
        if (existing && existing->is(json_value::kind::object) && m.value.is(json_value::kind::object))
            merge_dicts(*existing, m.value);
        else
            into.set(m.name, m.value);
    }
}
}  // namespace detail

// build_full_result: "events" of every page concatenated (absent when no page had it), then the
// non-aggregate keys as the first page had them, null when it had not; nextPageToken is dropped.
inline json_value merge_pages(const std::vector<json_value>& pages, const paginator& p) {
    json_value complete = json_value::object();
    for (const auto& page : pages) {
        const json_value* events = page.find(result_key);
        if (events == nullptr) continue;
        json_value* existing = nullptr;
        for (auto& m : complete.members)
            if (m.name == result_key) existing = &m.value;
        if (existing == nullptr)
            complete.set(result_key, *events);
        else if (events->is(json_value::kind::array))
            existing->items.insert(existing->items.end(), events->items.begin(), events->items.end());
    }
    json_value non_aggregate = json_value::object();
    for (std::string_view key : p.non_aggregate_keys) {
        const json_value* v = pages.empty() ? nullptr : pages.front().find(key);
        non_aggregate.set(key, v ? *v : json_value());
    }
    detail::merge_dicts(complete, non_aggregate);
    return complete;
}

}  // namespace swf_cli

#endif
