// swf — the commands: one SWF operation per line. A command's name, options, renames and
// paging all come from the operation's description (see cli.hpp and pagination.hpp).
#ifndef SWF_CLI_COMMANDS_HPP
#define SWF_CLI_COMMANDS_HPP

#include <swfpp/operations.hpp>

#include <tuple>

namespace swf_cli {

using operations = std::tuple<
    swfpp::count_closed_workflow_executions,
    swfpp::count_open_workflow_executions,
    swfpp::count_pending_activity_tasks,
    swfpp::count_pending_decision_tasks,
    swfpp::delete_activity_type,
    swfpp::delete_workflow_type,
    swfpp::deprecate_activity_type,
    swfpp::deprecate_domain,
    swfpp::deprecate_workflow_type,
    swfpp::describe_activity_type,
    swfpp::describe_domain,
    swfpp::describe_workflow_execution,
    swfpp::describe_workflow_type,
    swfpp::get_workflow_execution_history,
    swfpp::list_activity_types,
    swfpp::list_closed_workflow_executions,
    swfpp::list_domains,
    swfpp::list_open_workflow_executions,
    swfpp::list_tags_for_resource,
    swfpp::list_workflow_types,
    swfpp::poll_for_activity_task,
    swfpp::poll_for_decision_task,
    swfpp::record_activity_task_heartbeat,
    swfpp::register_activity_type,
    swfpp::register_domain,
    swfpp::register_workflow_type,
    swfpp::request_cancel_workflow_execution,
    swfpp::respond_activity_task_canceled,
    swfpp::respond_activity_task_completed,
    swfpp::respond_activity_task_failed,
    swfpp::respond_decision_task_completed,
    swfpp::signal_workflow_execution,
    swfpp::start_workflow_execution,
    swfpp::tag_resource,
    swfpp::terminate_workflow_execution,
    swfpp::undeprecate_activity_type,
    swfpp::undeprecate_domain,
    swfpp::undeprecate_workflow_type,
    swfpp::untag_resource>;

}  // namespace swf_cli

#endif
