"""Our comments for the generated headers, keyed by the model's names. The model itself carries
no prose here (its documentation is stripped): every sentence below is swfpp's own.

OPERATIONS: one line after "swfpp — <Operation>: ", plus optional further lines.
SHAPES: a comment above a structure or enumeration.
MEMBERS: "Shape.member" -> a trailing comment.
"""

OPERATIONS = {
    "CountClosedWorkflowExecutions": ["how many closed executions match a filter."],
    "CountOpenWorkflowExecutions": ["how many open executions match a filter."],
    "CountPendingActivityTasks": ["how many activity tasks wait in a task list."],
    "CountPendingDecisionTasks": ["how many decision tasks wait in a task list."],
    "DeleteActivityType": ["remove a deprecated activity type for good."],
    "DeleteWorkflowType": ["remove a deprecated workflow type for good."],
    "DeprecateActivityType": ["stop new tasks of an activity type; running ones go on."],
    "DeprecateDomain": ["stop new executions in a domain; running ones go on."],
    "DeprecateWorkflowType": ["stop new executions of a workflow type; running ones go on."],
    "DescribeActivityType": ["an activity type's status and registered defaults."],
    "DescribeDomain": ["a domain's status and retention period."],
    "DescribeWorkflowExecution": ["status, configuration and open counts of one run."],
    "DescribeWorkflowType": ["a workflow type's status and registered defaults."],
    "GetWorkflowExecutionHistory": ["one page of an execution's history events."],
    "ListActivityTypes": ["one page of a domain's activity types."],
    "ListClosedWorkflowExecutions": ["one page of closed executions matching a filter."],
    "ListDomains": ["one page of the account's domains in the region."],
    "ListOpenWorkflowExecutions": ["one page of open executions matching a filter."],
    "ListTagsForResource": ["the tags on a domain."],
    "ListWorkflowTypes": ["one page of a domain's workflow types."],
    "PollForActivityTask": [
        "an activity worker asks for the next task of a task list.",
        "SWF holds the call open up to 60 seconds; when none comes it answers with an empty task",
        "(no taskToken): check has_task().",
    ],
    "PollForDecisionTask": [
        "a decider asks for the next decision task of a task list.",
        "SWF holds the call open up to 60 seconds; when none comes it answers with an empty task",
        "(no taskToken): check has_task().",
    ],
    "RecordActivityTaskHeartbeat": [
        "an activity worker says it is alive; the answer says whether",
        "the task's cancellation was requested.",
    ],
    "RegisterActivityType": ["declare an activity type (name and version) and its defaults."],
    "RegisterDomain": ["create a domain, the namespace of workflow types and executions."],
    "RegisterWorkflowType": ["declare a workflow type (name and version) and its defaults."],
    "RequestCancelWorkflowExecution": [
        "ask SWF to cancel a workflow execution gracefully.",
        "The service records a WorkflowExecutionCancelRequested event; the decider decides what to do.",
    ],
    "RespondActivityTaskCanceled": ["an activity worker confirms it stopped a task whose",
                                    "cancellation was requested."],
    "RespondActivityTaskCompleted": ["an activity worker hands back a task's result."],
    "RespondActivityTaskFailed": ["an activity worker reports that a task failed."],
    "RespondDecisionTaskCompleted": ["a decider hands back its decisions for a task."],
    "SignalWorkflowExecution": ["send a named signal, with data, to an open execution."],
    "StartWorkflowExecution": ["start a run of a registered workflow type; returns its runId."],
    "TagResource": ["add or replace tags on a domain."],
    "TerminateWorkflowExecution": ["end an execution at once, without asking its decider."],
    "UndeprecateActivityType": ["bring a deprecated activity type back into use."],
    "UndeprecateDomain": ["bring a deprecated domain back into use."],
    "UndeprecateWorkflowType": ["bring a deprecated workflow type back into use."],
    "UntagResource": ["remove tags from a domain."],
}

SHAPES = {
    "ChildPolicy": "ChildPolicy: what happens to child executions when their parent closes.",
    "CloseStatus": "CloseStatus: how a closed execution ended.",
    "WorkflowExecution": "WorkflowExecution: one run of a workflow.",
    "WorkflowType": "WorkflowType: a registered workflow type, by name and version.",
    "ActivityType": "ActivityType: a registered activity type, by name and version.",
    "ResourceTag": "ResourceTag: a tag on a domain.",
    "CancelWorkflowExecutionFailedCause": (
        "CancelWorkflowExecutionFailedCause. UNHANDLED_DECISION: new events (a signal, another cancel\n"
        "request...) arrived while the decider worked; it must decide again with them in view."
    ),
    "WorkflowExecutionCancelRequestedEventAttributes": (
        "All members optional: a cancellation requested with RequestCancelWorkflowExecution carries\n"
        "none; one requested by another execution's decision names that execution."
    ),
    "HistoryEvent": (
        "HistoryEvent. Exactly one `...EventAttributes` member is set by SWF, the one matching\n"
        "`event_type`; the attributes of a type added after this release are kept as raw JSON in\n"
        "`other_attributes` (see raw_attributes()), so one unfamiliar event never fails a history."
    ),
    "Decision": (
        "Decision. `decision_type` is required (validation reports it missing when unset); set the\n"
        "attributes member that matches it, or build the pair with the factory of the same name:\n"
        "    swfpp::decision::schedule_activity_task({...attributes...})"
    ),
    "GetWorkflowExecutionHistoryInput": "For the next page, send the same input with `next_page_token` from the previous output\n(or use swfpp/paginator.hpp).",
    "PollForDecisionTaskInput": "For the next page of a long history, poll again with `next_page_token` from the output.",
    "RegisterWorkflowTypeInput": (
        "The defaults apply to executions started without their own values; durations are decimal\n"
        "strings of seconds (\"NONE\" for no limit)."
    ),
    "RegisterActivityTypeInput": (
        "The defaults apply to tasks scheduled without their own values; durations are decimal\n"
        "strings of seconds (\"NONE\" for no limit)."
    ),
    "StartWorkflowExecutionInput": "Unset optional members take the workflow type's registered defaults.",
    "History": "History. `next_page_token` is set when more events remain.",
    "ExecutionTimeFilter": "ExecutionTimeFilter: from `oldest_date` up to `latest_date` (unset: now).",
    "ListClosedWorkflowExecutionsInput": (
        "Exactly one of the time filters, and at most one of the other filters, may be set\n"
        "(checked before sending)."
    ),
    "CountClosedWorkflowExecutionsInput": (
        "Exactly one of the time filters, and at most one of the other filters, may be set\n"
        "(checked before sending)."
    ),
    "ListOpenWorkflowExecutionsInput": "At most one of the execution, type and tag filters may be set (checked before sending).",
    "CountOpenWorkflowExecutionsInput": "At most one of the execution, type and tag filters may be set (checked before sending).",
    "ActivityTask": "ActivityTask. Empty (no taskToken) when the poll timed out: check has_task().",
    "DecisionTask": "DecisionTask. Empty (no taskToken) when the poll timed out: check has_task().",
}

MEMBERS = {
    "RequestCancelWorkflowExecutionInput.domain": "the domain of the execution",
    "RequestCancelWorkflowExecutionInput.workflowId": "the workflowId of the execution",
    "RequestCancelWorkflowExecutionInput.runId": "unset: the current open run with that workflowId",
    "WorkflowExecutionInfo.closeStatus": "set once the execution is closed",
    "WorkflowExecutionInfo.cancelRequested": "RequestCancelWorkflowExecution was called on it",
    "GetWorkflowExecutionHistoryInput.maximumPageSize": "0 or unset: the service's maximum (1000)",
    "PollForDecisionTaskInput.maximumPageSize": "0 or unset: the service's maximum (1000)",
    "PollForDecisionTaskInput.identity": "recorded in DecisionTaskStarted",
    "PollForActivityTaskInput.identity": "recorded in ActivityTaskStarted",
    "DecisionTask.taskToken": "empty when the poll timed out without a task",
    "ActivityTask.taskToken": "empty when the poll timed out without a task",
    "RespondDecisionTaskCompletedInput.taskToken": "from poll_for_decision_task_output",
    "RespondActivityTaskCompletedInput.taskToken": "from poll_for_activity_task_output",
    "RespondActivityTaskFailedInput.taskToken": "from poll_for_activity_task_output",
    "RespondActivityTaskCanceledInput.taskToken": "from poll_for_activity_task_output",
    "RecordActivityTaskHeartbeatInput.taskToken": "from poll_for_activity_task_output",
    "ActivityTaskStatus.cancelRequested": "stop the work and answer RespondActivityTaskCanceled",
    "RegisterDomainInput.workflowExecutionRetentionPeriodInDays": "a decimal string, e.g. \"1\"",
    "StartWorkflowExecutionInput.tagList": "at most 5 (checked by the service)",
    "StartTimerDecisionAttributes.startToFireTimeout": "seconds, as a decimal string",
    "HistoryEvent.eventType": "an unknown type keeps its name: event_type.str()",
    "HistoryEvent.other_attributes": "every member not declared above, as raw JSON",
}
