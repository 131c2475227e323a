#!/usr/bin/env python3
"""A local Amazon SWF for swfpp's end-to-end tests and demo: moto's server on 127.0.0.1,
with IAM signature checking on and what moto's SWF lacks for them patched in.

  tools/moto_swf_server.py [--port N] [--credentials-file PATH] [--watch-stdin]

--port 0 (the default) binds a free port chosen by the kernel, so parallel runs never clash.
Before it serves, it creates in moto an IAM user with an access key and an allow-swf:* policy,
and a role with the same policy assumed through STS (a key with a session token). Then it turns
on moto's IAM authentication (its INITIAL_NO_AUTH_ACTION_COUNT setting, set to 0), so every
request must carry a SigV4 signature moto can verify with one of those keys.

Once the port answers HTTP it prints one line on stdout, `endpoint http://127.0.0.1:PORT`, and
writes to --credentials-file (mode 0600; secrets are never printed) KEY=VALUE lines:
SWFPP_ENDPOINT, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, and for the assumed role
SESSION_ACCESS_KEY_ID, SESSION_SECRET_ACCESS_KEY, SESSION_TOKEN.

It stops cleanly on SIGTERM or SIGINT and, with --watch-stdin, when its stdin closes (so a test
that dies cannot leave it behind). Exits 3, with the reason on stderr, when moto is missing.

What is patched on top of moto 5.2's own SWF models, per the AWS SWF API reference (each noted
where it is done; tests/test_local_swf_endpoint.py checks them all with boto3):
- Operations moto lacks: RequestCancelWorkflowExecution, RespondActivityTaskCanceled,
  CountOpenWorkflowExecutions, CountClosedWorkflowExecutions, DeleteActivityType and
  DeleteWorkflowType (TypeNotDeprecatedFault unless deprecated).
- The RequestCancelActivityTask decision (a 500 in moto), with the ActivityTaskCancelRequested,
  ActivityTaskCanceled and RequestCancelActivityTaskFailed events; RecordActivityTaskHeartbeat
  then answers cancelRequested true; a token whose task is closed (canceled, failed, timed out)
  gets UnknownResourceFault, not a 500.
- List{Open,Closed}WorkflowExecutions: every filter, SWF's order (latest first), reverseOrder,
  and deprecated domains; the Count* calls share them.
- maximumPageSize and nextPageToken for the 7 paginated operations.
- CountPending{Activity,Decision}Tasks count only the tasks waiting for a poller.
- At most one decision task is scheduled per execution at a time.
- List{Activity,Workflow}Types honour the name filter.
- Tags: an unknown ARN is an UnknownResourceFault; a tag's value is optional (RegisterDomain too).
- SignalWorkflowExecution without input (a 500 in moto).
- ActivityTaskScheduled records the timeouts in force, defaults included.
- The real startTimestamp in DescribeWorkflowExecution (moto: a constant); a closeTimestamp on
  termination and timeout (moto: null).
Still as moto has them: the decisions StartChildWorkflowExecution, SignalExternalWorkflowExecution,
RequestCancelExternalWorkflowExecution, ContinueAsNewWorkflowExecution and ScheduleLambdaFunction
(a 500); no long polling (an empty poll answers after 1 s); constant type creation dates.
"""

import argparse
import logging
import os
import signal
import sys
import threading
import urllib.error
import urllib.request

MOTO_MISSING = 3
ACCOUNT = "123456789012"
ALLOW_SWF = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"swf:*","Resource":"*"}]}'
LOCK = threading.Lock()  # moto's models are not safe for concurrent writers


def patch_moto_swf():
    patch_executions()
    patch_activity_cancellation()
    patch_visibility()
    patch_types()
    patch_tags()
    patch_pagination()


def patch_executions():
    from moto.core.utils import unix_time
    from moto.swf.models import history_event
    from moto.swf.models.workflow_execution import WorkflowExecution
    from moto.swf.responses import SWFResponse

    history_event.SUPPORTED_HISTORY_EVENT_TYPES += ("WorkflowExecutionCancelRequested",)

    medium_dict = WorkflowExecution.to_medium_dict

    def to_medium_dict(self):
        hsh = medium_dict(self)
        hsh["startTimestamp"] = self.start_timestamp  # moto hard-codes 1420066800.123
        return hsh

    WorkflowExecution.to_medium_dict = to_medium_dict

    # moto sets no closeTimestamp (so answers null) when an execution is terminated or times out.
    terminate, timeout = WorkflowExecution.terminate, WorkflowExecution.timeout

    def terminate_and_stamp(self, **kwargs):
        terminate(self, **kwargs)
        self.close_timestamp = unix_time()

    def timeout_and_stamp(self, _timeout):
        timeout(self, _timeout)
        self.close_timestamp = _timeout.timestamp

    WorkflowExecution.terminate, WorkflowExecution.timeout = terminate_and_stamp, timeout_and_stamp

    # SWF keeps at most one decision task scheduled per execution: later events join it. moto adds
    # one per signal, activity result, timer, etc.
    schedule = WorkflowExecution._schedule_decision_task

    def schedule_decision_task(self):
        if not any(task.state == "SCHEDULED" for task in self.decision_tasks):
            schedule(self)

    WorkflowExecution._schedule_decision_task = schedule_decision_task

    # In the ActivityTaskScheduled event moto records only the timeouts the decision named; SWF
    # records those in force, the activity type's defaults filling the gaps.
    schedule_activity = WorkflowExecution.schedule_activity_task

    def schedule_activity_task(self, event_id, attributes):
        schedule_activity(self, event_id, attributes)
        event = self._events[-1]
        if event.event_type == "ActivityTaskScheduled":
            task = next(t for t in self.activity_tasks if t.scheduled_event_id == event.event_id)
            event.event_attributes.update(task.timeouts)

    WorkflowExecution.schedule_activity_task = schedule_activity_task

    def request_cancel_workflow_execution(self):  # moto lacks it
        params = self._params
        domain_name, workflow_id, run_id = params.get("domain"), params.get("workflowId"), params.get("runId")
        self._check_string(domain_name)
        self._check_string(workflow_id)
        self._check_none_or_string(run_id)
        with LOCK:
            backend = self.swf_backend
            backend._process_timeouts()
            domain = backend._get_domain(domain_name)  # UnknownResourceFault for an unknown domain
            # With runId: that run, if still open; without: the open run with that workflowId.
            # Either way a missing or closed execution is an UnknownResourceFault.
            wfe = domain.get_workflow_execution(workflow_id, run_id=run_id, raise_if_closed=True)
            wfe._add_event("WorkflowExecutionCancelRequested")
            wfe.cancel_requested = True
            wfe.schedule_decision_task()
        return ""

    SWFResponse.request_cancel_workflow_execution = request_cancel_workflow_execution

    def signal_workflow_execution(self):  # moto requires input (a KeyError, so a 500); it is optional
        params = self._params
        domain_name, workflow_id, run_id = params.get("domain"), params.get("workflowId"), params.get("runId")
        signal_name, signal_input = params.get("signalName"), params.get("input")
        for value in (domain_name, workflow_id, signal_name):
            self._check_string(value)
        self._check_none_or_string(run_id)
        self._check_none_or_string(signal_input)
        with LOCK:
            self.swf_backend.signal_workflow_execution(domain_name, signal_name, workflow_id, signal_input, run_id)
        return ""

    SWFResponse.signal_workflow_execution = signal_workflow_execution


def patch_activity_cancellation():
    import json

    from moto.swf.exceptions import SWFUnknownResourceFault
    from moto.swf.models import SWFBackend, history_event
    from moto.swf.models.activity_task import ActivityTask
    from moto.swf.models.workflow_execution import WorkflowExecution
    from moto.swf.responses import SWFResponse

    history_event.SUPPORTED_HISTORY_EVENT_TYPES += (
        "ActivityTaskCancelRequested", "RequestCancelActivityTaskFailed", "ActivityTaskCanceled")
    ActivityTask.cancel_requested_event_id = None  # its ActivityTaskCancelRequested event, once decided

    # For a task closed otherwise than by completion (failed, timed out, canceled) moto raises a
    # ValueError, so a 500; SWF answers UnknownResourceFault, as for a completed one.
    find_activity_task = SWFBackend._find_activity_task_from_token

    def find_open_activity_task(self, task_token):
        for task in (t for domain in self.domains for t in domain.activity_tasks):
            if task.task_token == task_token and task.workflow_execution.open and task.state != "STARTED":
                raise SWFUnknownResourceFault(f"activity, scheduledEventId = {task.scheduled_event_id}")
        return find_activity_task(self, task_token)

    SWFBackend._find_activity_task_from_token = find_open_activity_task

    def close_as_canceled(task, details=None):
        """Records ActivityTaskCanceled and closes the task; the caller schedules the decision task."""
        wfe = task.workflow_execution
        event = wfe._add_event("ActivityTaskCanceled", details=details, scheduled_event_id=task.scheduled_event_id,
                               started_event_id=task.started_event_id,
                               latest_cancel_requested_event_id=task.cancel_requested_event_id)
        event.event_attributes.setdefault("startedEventId", 0)  # required; 0 when no worker took it
        task.state = "CANCELED"
        wfe.open_counts["openActivityTasks"] -= 1

    def request_cancel_activity_task(wfe, event_id, activity_id):
        task = next((t for t in wfe.activity_tasks if t.activity_id == activity_id and t.open), None)
        if task is None:
            wfe._add_event("RequestCancelActivityTaskFailed", activity_id=activity_id, cause="ACTIVITY_ID_UNKNOWN",
                           decision_task_completed_event_id=event_id)
            wfe.should_schedule_decision_next = True
            return
        task.cancel_requested_event_id = wfe._add_event(
            "ActivityTaskCancelRequested", decision_task_completed_event_id=event_id, activity_id=activity_id).event_id
        if task.state == "SCHEDULED":  # no worker has it yet: SWF cancels it at once
            close_as_canceled(task)
            wfe.should_schedule_decision_next = True

    # moto raises NotImplementedError (a 500) for a RequestCancelActivityTask decision. The decisions
    # still run in order, the others through moto's handler one at a time; that handler marks the
    # decision task done (openDecisionTasks - 1) on every call, which is undone until the end.
    handle_decisions = WorkflowExecution.handle_decisions

    def handle_decisions_in_order(self, event_id, decisions):
        for decision in decisions:
            if decision["decisionType"] == "RequestCancelActivityTask":
                attributes = decision["requestCancelActivityTaskDecisionAttributes"]
                request_cancel_activity_task(self, event_id, attributes["activityId"])
            else:
                handle_decisions(self, event_id, [decision])
                self.open_counts["openDecisionTasks"] += 1
        self.open_counts["openDecisionTasks"] -= 1

    WorkflowExecution.handle_decisions = handle_decisions_in_order

    heartbeat = SWFResponse.record_activity_task_heartbeat

    def record_activity_task_heartbeat(self):  # moto always answers cancelRequested false
        with LOCK:
            heartbeat(self)
            task = self.swf_backend._find_activity_task_from_token(self._params["taskToken"])
        return json.dumps({"cancelRequested": task.cancel_requested_event_id is not None})

    SWFResponse.record_activity_task_heartbeat = record_activity_task_heartbeat

    def respond_activity_task_canceled(self):  # moto lacks it
        params = self._params
        task_token, details = params.get("taskToken"), params.get("details")
        self._check_string(task_token)
        self._check_none_or_string(details)
        with LOCK:
            backend = self.swf_backend
            backend._process_timeouts()
            task = backend._find_activity_task_from_token(task_token)  # closed already: UnknownResourceFault
            close_as_canceled(task, details)
            task.workflow_execution.schedule_decision_task()
        return ""

    SWFResponse.respond_activity_task_canceled = respond_activity_task_canceled


def patch_visibility():
    import json

    from moto.swf.exceptions import SWFValidationException
    from moto.swf.responses import SWFResponse

    def matching_executions(response, closed):
        """The request domain's open or closed executions its filters select, latest first (SWF's
        order; reverseOrder: earliest first). moto ignores most filters, breaks on reverseOrder and
        refuses a deprecated domain, which SWF still lets one list."""
        params = response._params
        domain_name = params.get("domain")
        response._check_string(domain_name)
        time_filters = ["startTimeFilter", "closeTimeFilter"] if closed else ["startTimeFilter"]
        other_filters = ["executionFilter", "typeFilter", "tagFilter"] + (["closeStatusFilter"] if closed else [])
        chosen = [name for name in time_filters if name in params]
        if len(chosen) != 1:
            raise SWFValidationException(f"Give exactly one of: {', '.join(time_filters)}")
        if sum(name in params for name in other_filters) > 1:
            raise SWFValidationException(f"Give at most one of: {', '.join(other_filters)}")
        window = params[chosen[0]]
        when = "start_timestamp" if chosen[0] == "startTimeFilter" else "close_timestamp"
        execution, kind = params.get("executionFilter", {}), params.get("typeFilter", {})
        tag, status = params.get("tagFilter"), params.get("closeStatusFilter", {})

        def selected(wfe):
            stamp = getattr(wfe, when)
            return (wfe.open != closed
                    and window["oldestDate"] <= stamp <= window.get("latestDate", stamp)
                    and execution.get("workflowId", wfe.workflow_id) == wfe.workflow_id
                    and kind.get("name", wfe.workflow_type.name) == wfe.workflow_type.name
                    and kind.get("version", wfe.workflow_type.version) == wfe.workflow_type.version
                    and (tag is None or tag["tag"] in wfe.tag_list)
                    and status.get("status", wfe.close_status) == wfe.close_status)

        with LOCK:
            response.swf_backend._process_timeouts()
            domain = response.swf_backend._get_domain(domain_name)  # UnknownResourceFault
            found = [wfe for wfe in domain.workflow_executions if selected(wfe)]
        return sorted(found, key=lambda wfe: getattr(wfe, when), reverse=not params.get("reverseOrder"))

    def list_executions(closed):
        return lambda self: json.dumps(
            {"executionInfos": [wfe.to_list_dict() for wfe in matching_executions(self, closed)]})

    def count_executions(closed):  # moto lacks both Count* calls
        return lambda self: json.dumps({"count": len(matching_executions(self, closed)), "truncated": False})

    SWFResponse.list_open_workflow_executions = list_executions(closed=False)
    SWFResponse.list_closed_workflow_executions = list_executions(closed=True)
    SWFResponse.count_open_workflow_executions = count_executions(closed=False)
    SWFResponse.count_closed_workflow_executions = count_executions(closed=True)

    # moto counts started tasks, and those of closed executions, as pending; SWF counts only the
    # tasks in the list waiting for a poller.
    def count_pending(kind):
        def count_pending_tasks(self):
            params = self._params
            domain_name, task_list = params.get("domain"), (params.get("taskList") or {}).get("name")
            self._check_string(domain_name)
            self._check_string(task_list)
            with LOCK:
                self.swf_backend._process_timeouts()
                domain = self.swf_backend._get_domain(domain_name)
                tasks = getattr(domain, f"{kind}_task_lists").get(task_list, [])
                count = sum(task.state == "SCHEDULED" and task.workflow_execution.open for task in tasks)
            return json.dumps({"count": count, "truncated": False})
        return count_pending_tasks

    SWFResponse.count_pending_activity_tasks = count_pending("activity")
    SWFResponse.count_pending_decision_tasks = count_pending("decision")


def patch_types():
    import json

    from moto.swf.exceptions import SWFClientError
    from moto.swf.responses import SWFResponse

    class SWFTypeNotDeprecatedFault(SWFClientError):
        def __init__(self, _type):
            super().__init__("com.amazonaws.swf.base.model#TypeNotDeprecatedFault",
                             f"{_type.__class__.__name__}=[name={_type.name}, version={_type.version}]")

    def delete_type(kind):  # moto lacks Delete*Type: only a deprecated type may go
        def delete(self):
            params = self._params
            domain_name, wanted = params.get("domain"), params.get(f"{kind}Type") or {}
            name, version = wanted.get("name"), wanted.get("version")
            for value in (domain_name, name, version):
                self._check_string(value)
            with LOCK:
                domain = self.swf_backend._get_domain(domain_name)  # UnknownResourceFault
                _type = domain.get_type(kind, name, version)  # UnknownResourceFault
                if _type.status != "DEPRECATED":
                    raise SWFTypeNotDeprecatedFault(_type)
                del domain.types[kind][name][version]  # gone from List*Types and Describe*Type
            return ""
        return delete

    SWFResponse.delete_activity_type = delete_type("activity")
    SWFResponse.delete_workflow_type = delete_type("workflow")

    list_types = SWFResponse._list_types

    def list_types_named(self, kind):  # moto ignores the name filter
        name = self._params.get("name")
        infos = json.loads(list_types(self, kind))["typeInfos"]
        return json.dumps({"typeInfos": [info for info in infos if name in (None, info[f"{kind}Type"]["name"])]})

    SWFResponse._list_types = list_types_named


def patch_tags():
    import json

    from moto.swf.exceptions import SWFUnknownResourceFault
    from moto.swf.responses import SWFResponse

    # moto tags any ARN, even of no domain, and needs a value in every tag (a KeyError, so a 500,
    # without); SWF refuses an unknown ARN with UnknownResourceFault, and a tag's value is optional.
    def known_arn(response):
        arn = response._params.get("resourceArn")
        response._check_string(arn)
        if not any(domain.to_short_dict()["arn"] == arn for domain in response.swf_backend.domains):
            raise SWFUnknownResourceFault("resource", arn)
        return arn

    def moto_tags(tags):
        return [{"Key": tag["key"], "Value": tag.get("value")} for tag in tags]

    def list_tags_for_resource(self):
        tags = self.swf_backend.tagger.list_tags_for_resource(known_arn(self))["Tags"]
        return json.dumps({"tags": [{"key": t["Key"], **({} if t["Value"] is None else {"value": t["Value"]})}
                                    for t in tags]})

    def tag_resource(self):
        with LOCK:
            self.swf_backend.tagger.tag_resource(known_arn(self), moto_tags(self._params.get("tags", [])))
        return ""

    def untag_resource(self):
        with LOCK:
            self.swf_backend.tagger.untag_resource_using_names(known_arn(self), self._params.get("tagKeys", []))
        return ""

    def register_domain(self):
        params = self._params
        name, retention = params.get("name"), params.get("workflowExecutionRetentionPeriodInDays")
        description = params.get("description")
        self._check_string(name)
        self._check_string(retention)
        self._check_none_or_string(description)
        with LOCK:
            self.swf_backend.register_domain(name, retention, description=description,
                                             tags=moto_tags(params.get("tags", [])))
        return ""

    SWFResponse.list_tags_for_resource = list_tags_for_resource
    SWFResponse.tag_resource = tag_resource
    SWFResponse.untag_resource = untag_resource
    SWFResponse.register_domain = register_domain


def patch_pagination():
    import json

    from moto.moto_api._internal import mock_random
    from moto.swf.exceptions import SWFValidationException
    from moto.swf.responses import SWFResponse

    # moto ignores maximumPageSize and nextPageToken. Here the full answer is computed once and
    # its remaining items kept under a token; a call with that token gets the next page of them
    # (for PollForDecisionTask: the same task's next events, as SWF does, not a new task).
    pages = {}

    def paginated(handler, items_key):
        def page(self):
            params = self._params
            token = params.get("nextPageToken")
            if token is None:
                answer = json.loads(handler(self))
            elif token in pages:
                answer = pages[token]
            else:
                raise SWFValidationException(f"Invalid nextPageToken: {token}")
            size = params.get("maximumPageSize") or 1000  # 0 or absent: SWF's default, 1000
            items = answer.get(items_key, [])
            if len(items) > size:
                token = mock_random.uuid4().hex
                pages[token] = {**answer, items_key: items[size:]}
                answer = {**answer, items_key: items[:size], "nextPageToken": token}
            return json.dumps(answer)
        return page

    for operation, items_key in [
        ("get_workflow_execution_history", "events"), ("poll_for_decision_task", "events"),
        ("list_activity_types", "typeInfos"), ("list_workflow_types", "typeInfos"),
        ("list_domains", "domainInfos"), ("list_open_workflow_executions", "executionInfos"),
        ("list_closed_workflow_executions", "executionInfos"),
    ]:
        setattr(SWFResponse, operation, paginated(getattr(SWFResponse, operation), items_key))


def wait_until_answering(url, seconds=20.0):
    import time

    deadline = time.monotonic() + seconds
    while True:
        try:
            urllib.request.urlopen(url + "/moto-api/data.json", timeout=2).read()
            return
        except urllib.error.HTTPError:
            return  # any HTTP answer will do
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def create_identities(url):
    """An IAM user with a key, and an assumed role with a session token; both may call swf:*."""
    import boto3

    anyone = dict(endpoint_url=url, region_name="us-east-1", aws_access_key_id="AKIDSETUP",
                  aws_secret_access_key="setup")  # accepted: authentication is still off
    iam = boto3.client("iam", **anyone)
    iam.create_user(UserName="swfpp-e2e")
    iam.put_user_policy(UserName="swfpp-e2e", PolicyName="allow-swf", PolicyDocument=ALLOW_SWF)
    key = iam.create_access_key(UserName="swfpp-e2e")["AccessKey"]
    trust = ('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole",'
             '"Principal":{"AWS":"arn:aws:iam::%s:user/swfpp-e2e"}}]}' % ACCOUNT)
    role = iam.create_role(RoleName="swfpp-e2e-role", AssumeRolePolicyDocument=trust)["Role"]
    iam.put_role_policy(RoleName="swfpp-e2e-role", PolicyName="allow-swf", PolicyDocument=ALLOW_SWF)
    sts = boto3.client("sts", endpoint_url=url, region_name="us-east-1", aws_access_key_id=key["AccessKeyId"],
                       aws_secret_access_key=key["SecretAccessKey"])
    session = sts.assume_role(RoleArn=role["Arn"], RoleSessionName="swfpp-e2e")["Credentials"]
    return {
        "AWS_ACCESS_KEY_ID": key["AccessKeyId"],
        "AWS_SECRET_ACCESS_KEY": key["SecretAccessKey"],
        "SESSION_ACCESS_KEY_ID": session["AccessKeyId"],
        "SESSION_SECRET_ACCESS_KEY": session["SecretAccessKey"],
        "SESSION_TOKEN": session["SessionToken"],
    }


def write_credentials(path, values):
    for name, value in values.items():  # KEY=VALUE must need no quoting, for sh and for C++
        if any(c in value for c in "\n'\"\\ $`"):
            raise ValueError(f"{name} has a character the credentials file cannot carry")
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as f:
        f.writelines(f"{name}={value}\n" for name, value in values.items())


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=0, help="TCP port on 127.0.0.1 (0: any free port)")
    parser.add_argument("--credentials-file", help="where to write the endpoint and the keys (mode 0600)")
    parser.add_argument("--watch-stdin", action="store_true", help="stop when stdin reaches end of file")
    args = parser.parse_args()

    try:
        from moto import settings
        from moto.core.authorization import ActionAuthenticatorMixin
        from moto.moto_server.threaded_moto_server import ThreadedMotoServer
        import boto3  # noqa: F401  (moto depends on it; checked here for a clear message)
    except ImportError as e:
        print(f"moto_swf_server: moto's server is not installed for {sys.executable} ({e}); "
              "install it with: pip install 'moto[server]'", file=sys.stderr)
        return MOTO_MISSING

    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # no line per request on stderr
    patch_moto_swf()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=args.port, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    url = f"http://{host}:{port}"
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    try:
        wait_until_answering(url)
        identities = create_identities(url)
        settings.INITIAL_NO_AUTH_ACTION_COUNT = 0  # from now on every request is authenticated
        ActionAuthenticatorMixin.request_count = 0
        if args.credentials_file:
            write_credentials(args.credentials_file, {"SWFPP_ENDPOINT": url, **identities})
        print(f"endpoint {url}", flush=True)
        if args.watch_stdin:
            def watch():
                while sys.stdin.buffer.read(4096):
                    pass
                stop.set()
            threading.Thread(target=watch, daemon=True).start()
        while not stop.wait(0.5):
            pass
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
