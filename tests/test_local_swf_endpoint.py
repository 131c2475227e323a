#!/usr/bin/env python3
"""The local SWF endpoint (tools/moto_swf_server.py) driven by boto3, the reference client: every
operation or behaviour patched into moto, with its error cases, and the graceful cancellation of
an execution whose activity is running.

Exit 0: passed; 1: failed (the reason on stderr); 77: skipped, when moto (or boto3) is missing
and CI is not "true" (with CI=true a missing moto is a failure)."""

import importlib.util
import json
import os
import selectors
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path

SKIP = 77
SERVER = Path(__file__).resolve().parent.parent / "tools" / "moto_swf_server.py"
DOMAIN, OTHER = "swfpp-local", "swfpp-local-other"
ORDER, SHIP = {"name": "order", "version": "1"}, {"name": "ship", "version": "1"}


class Failure(Exception):
    pass


def check(ok, what):
    if not ok:
        raise Failure(what)


def equal(got, want, what):
    check(got == want, f"{what}: got {got!r}, want {want!r}")


class Endpoint:
    """tools/moto_swf_server.py as a child; stops when its stdin closes."""

    def __init__(self, directory):
        self.credentials_file = os.path.join(directory, "credentials.env")
        self.process = subprocess.Popen(
            [sys.executable, str(SERVER), "--port", "0", "--credentials-file", self.credentials_file,
             "--watch-stdin"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)

    def wait_for_url(self, seconds=60):
        """The endpoint's URL, or None once the server has exited without one."""
        with selectors.DefaultSelector() as selector:
            selector.register(self.process.stdout, selectors.EVENT_READ)
            if not selector.select(seconds):
                raise Failure(f"{SERVER.name} printed no endpoint line within {seconds} s")
        line = self.process.stdout.readline()
        if line.startswith("endpoint "):
            return line.split()[1]
        self.process.wait(timeout=30)
        return None

    def credentials(self):
        with open(self.credentials_file) as f:
            return dict(line.rstrip("\n").split("=", 1) for line in f if "=" in line)

    def stop(self):
        self.process.stdin.close()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def clients(url, creds):
    """Two SWF clients, one per identity the server made: the IAM user's key, and the role's
    session (a key with a token); and a dict whose "body" is the last response's raw JSON."""
    import boto3
    from botocore.config import Config

    config = Config(retries={"total_max_attempts": 1}, connect_timeout=5, read_timeout=30)
    last = {}

    def keep_body(http_response, **_):
        try:
            last["body"] = json.loads(http_response.content or b"{}")
        except ValueError:  # not JSON (a 500 page, say)
            last["body"] = None

    made = []
    for key, secret, token in [("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", None),
                               ("SESSION_ACCESS_KEY_ID", "SESSION_SECRET_ACCESS_KEY", "SESSION_TOKEN")]:
        client = boto3.client("swf", endpoint_url=url, region_name="us-east-1", config=config,
                              aws_access_key_id=creds[key], aws_secret_access_key=creds[secret],
                              aws_session_token=creds[token] if token else None)
        client.meta.events.register("after-call.swf", keep_body)
        made.append(client)
    return made[0], made[1], last


class Checks:
    def __init__(self, swf, worker, last):
        self.swf, self.worker, self.last = swf, worker, last
        self.window = {"oldestDate": time.time() - 3600}

    def fault(self, code, call, **kwargs):
        """Calls and expects the SWF fault `code`, with the __type SWF gives it; returns the message."""
        from botocore.exceptions import ClientError

        name = call.__name__
        try:
            call(**kwargs)
        except ClientError as e:
            error, status = e.response["Error"], e.response["ResponseMetadata"]["HTTPStatusCode"]
            message = (error.get("Message") or "").splitlines()[:1]  # a 500's page: its first line
            equal((error["Code"], status), (code, 400), f"{name} error code and status {message}")
            namespace = "com.amazon.coral.validate" if code == "ValidationException" else "com.amazonaws.swf.base.model"
            equal((self.last["body"] or {}).get("__type"), f"{namespace}#{code}", f"{name} error __type")
            return error["Message"]
        raise Failure(f"{name} succeeded where {code} was expected")

    def history(self, run_id, workflow_id):
        return self.swf.get_workflow_execution_history(
            domain=DOMAIN, execution={"workflowId": workflow_id, "runId": run_id})["events"]

    def start(self, workflow_id, task_list, tags):
        return self.swf.start_workflow_execution(domain=DOMAIN, workflowId=workflow_id, workflowType=ORDER,
                                                 taskList={"name": task_list}, tagList=tags)["runId"]

    def pending(self, kind, task_list):
        call = self.swf.count_pending_decision_tasks if kind == "decision" else self.swf.count_pending_activity_tasks
        return call(domain=DOMAIN, taskList={"name": task_list})["count"]

    def decide(self, task_list, *decisions):
        """Polls a decision task (which must be there) and answers it; returns the polled task."""
        task = self.swf.poll_for_decision_task(domain=DOMAIN, taskList={"name": task_list}, identity="decider")
        check(task.get("taskToken"), f"no decision task on {task_list}")
        self.swf.respond_decision_task_completed(taskToken=task["taskToken"], decisions=list(decisions))
        return task

    # --- domains, tags, pagination of ListDomains ---------------------------------------------
    def domains_and_tags(self):
        swf = self.swf
        swf.register_domain(name=DOMAIN, workflowExecutionRetentionPeriodInDays="1",
                            tags=[{"key": "team", "value": "core"}, {"key": "flag"}])  # a tag without value
        swf.register_domain(name=OTHER, workflowExecutionRetentionPeriodInDays="2", description="second")
        other = swf.describe_domain(name=OTHER)
        equal(other["configuration"], {"workflowExecutionRetentionPeriodInDays": "2"}, "DescribeDomain configuration")
        equal((other["domainInfo"]["status"], other["domainInfo"]["description"]), ("REGISTERED", "second"),
              "DescribeDomain domainInfo")
        arn = swf.describe_domain(name=DOMAIN)["domainInfo"]["arn"]

        def tags():  # as sent: a tag without value has no "value" member, not a null one
            swf.list_tags_for_resource(resourceArn=arn)
            return sorted(self.last["body"]["tags"], key=lambda t: t["key"])

        equal(tags(), [{"key": "flag"}, {"key": "team", "value": "core"}], "tags after RegisterDomain")
        swf.tag_resource(resourceArn=arn, tags=[{"key": "env", "value": "test"}, {"key": "bare"}])
        swf.untag_resource(resourceArn=arn, tagKeys=["team", "flag"])
        equal(tags(), [{"key": "bare"}, {"key": "env", "value": "test"}], "tags after TagResource and UntagResource")
        missing = arn + "-missing"
        self.fault("UnknownResourceFault", swf.list_tags_for_resource, resourceArn=missing)
        self.fault("UnknownResourceFault", swf.tag_resource, resourceArn=missing, tags=[{"key": "k", "value": "v"}])
        self.fault("UnknownResourceFault", swf.untag_resource, resourceArn=missing, tagKeys=["k"])

        first = swf.list_domains(registrationStatus="REGISTERED", maximumPageSize=1)
        equal(len(first["domainInfos"]), 1, "ListDomains page of 1")
        check("nextPageToken" in first, "ListDomains with 2 domains and maximumPageSize 1 gave no nextPageToken")
        rest = swf.list_domains(registrationStatus="REGISTERED", maximumPageSize=1,
                                nextPageToken=first["nextPageToken"])
        equal([d["name"] for d in first["domainInfos"] + rest["domainInfos"]], [DOMAIN, OTHER], "ListDomains pages")
        check("nextPageToken" not in rest, "the last ListDomains page has a nextPageToken")
        self.fault("ValidationException", swf.list_domains, registrationStatus="REGISTERED", nextPageToken="bogus")

    # --- types: name filter, pagination, Delete*Type --------------------------------------------
    def types(self):
        swf = self.swf
        swf.register_workflow_type(domain=DOMAIN, **ORDER, defaultTaskList={"name": "deciders"},
                                   defaultTaskStartToCloseTimeout="30", defaultExecutionStartToCloseTimeout="600",
                                   defaultChildPolicy="TERMINATE")
        swf.register_activity_type(domain=DOMAIN, **SHIP, defaultTaskList={"name": "workers"},
                                   defaultTaskHeartbeatTimeout="60", defaultTaskScheduleToStartTimeout="300",
                                   defaultTaskScheduleToCloseTimeout="600", defaultTaskStartToCloseTimeout="300")
        swf.register_activity_type(domain=DOMAIN, name="pack", version="1")
        for kind in ("activity", "workflow"):
            self.delete_type(kind)

        named = swf.list_activity_types(domain=DOMAIN, registrationStatus="REGISTERED", name="ship")["typeInfos"]
        equal([t["activityType"] for t in named], [SHIP], "ListActivityTypes name=ship")
        named = swf.list_workflow_types(domain=DOMAIN, registrationStatus="REGISTERED", name="nothing")["typeInfos"]
        equal(named, [], "ListWorkflowTypes name=nothing")
        pages = list(swf.get_paginator("list_activity_types").paginate(
            domain=DOMAIN, registrationStatus="REGISTERED", PaginationConfig={"PageSize": 1}))
        equal([[t["activityType"]["name"] for t in p["typeInfos"]] for p in pages], [["pack"], ["ship"]],
              "ListActivityTypes pages of 1")

    def delete_type(self, kind):
        swf = self.swf
        key, old = f"{kind}Type", {"name": "old", "version": "1"}
        register, deprecate, delete, describe, listing = (
            getattr(swf, f"{verb}_{kind}_type" if verb != "list" else f"list_{kind}_types")
            for verb in ("register", "deprecate", "delete", "describe", "list"))
        register(domain=DOMAIN, **old)
        message = self.fault("TypeNotDeprecatedFault", delete, domain=DOMAIN, **{key: old})
        check("name=old" in message, f"Delete{kind.capitalize()}Type fault message names no type: {message!r}")
        deprecate(domain=DOMAIN, **{key: old})
        delete(domain=DOMAIN, **{key: old})
        self.fault("UnknownResourceFault", describe, domain=DOMAIN, **{key: old})
        for status in ("REGISTERED", "DEPRECATED"):
            names = [t[key]["name"] for t in listing(domain=DOMAIN, registrationStatus=status)["typeInfos"]]
            check("old" not in names, f"a deleted {kind} type is still listed as {status}")
        self.fault("UnknownResourceFault", delete, domain=DOMAIN, **{key: old})
        self.fault("UnknownResourceFault", delete, domain="no-such-domain", **{key: old})

    # --- an activity canceled before any worker took it; signals; termination ----------------
    def cancel_unstarted_activity(self):
        swf = self.swf
        run_id = self.start("order-43", "side-deciders", ["side"])
        equal(self.pending("decision", "side-deciders"), 1, "pending decision tasks once started")
        task = swf.poll_for_decision_task(domain=DOMAIN, taskList={"name": "side-deciders"})
        equal(self.pending("decision", "side-deciders"), 0, "pending decision tasks once polled")
        swf.respond_decision_task_completed(taskToken=task["taskToken"], decisions=[{
            "decisionType": "ScheduleActivityTask", "scheduleActivityTaskDecisionAttributes": {
                "activityId": "ship-2", "activityType": SHIP, "taskList": {"name": "side-workers"}}}])
        equal(self.pending("activity", "side-workers"), 1, "pending activity tasks once scheduled")

        before = len(self.history(run_id, "order-43"))
        swf.signal_workflow_execution(domain=DOMAIN, workflowId="order-43", signalName="hurry")  # no input
        swf.signal_workflow_execution(domain=DOMAIN, workflowId="order-43", signalName="hurry", input="now")
        added = [e["eventType"] for e in self.history(run_id, "order-43")[before:]]
        equal(added, ["WorkflowExecutionSignaled", "DecisionTaskScheduled", "WorkflowExecutionSignaled"],
              "events from two signals (one decision task scheduled)")
        equal(self.pending("decision", "side-deciders"), 1, "pending decision tasks after two signals")

        self.decide("side-deciders", {"decisionType": "RequestCancelActivityTask",
                                      "requestCancelActivityTaskDecisionAttributes": {"activityId": "ghost"}})
        events = self.history(run_id, "order-43")
        equal([e["eventType"] for e in events[-3:]],
              ["DecisionTaskCompleted", "RequestCancelActivityTaskFailed", "DecisionTaskScheduled"],
              "events after canceling an unknown activity")
        equal(events[-2]["requestCancelActivityTaskFailedEventAttributes"],
              {"activityId": "ghost", "cause": "ACTIVITY_ID_UNKNOWN",
               "decisionTaskCompletedEventId": events[-3]["eventId"]},
              "RequestCancelActivityTaskFailed")

        self.decide("side-deciders", {"decisionType": "RequestCancelActivityTask",
                                      "requestCancelActivityTaskDecisionAttributes": {"activityId": "ship-2"}})
        events = self.history(run_id, "order-43")
        scheduled = next(e for e in events if e["eventType"] == "ActivityTaskScheduled")
        equal([e["eventType"] for e in events[-4:]],
              ["DecisionTaskCompleted", "ActivityTaskCancelRequested", "ActivityTaskCanceled", "DecisionTaskScheduled"],
              "events after canceling an activity no worker took")
        equal(events[-3]["activityTaskCancelRequestedEventAttributes"],
              {"decisionTaskCompletedEventId": events[-4]["eventId"], "activityId": "ship-2"},
              "ActivityTaskCancelRequested")
        equal(events[-2]["activityTaskCanceledEventAttributes"],
              {"scheduledEventId": scheduled["eventId"], "startedEventId": 0,
               "latestCancelRequestedEventId": events[-3]["eventId"]}, "ActivityTaskCanceled of an unstarted task")
        equal(self.pending("activity", "side-workers"), 0, "pending activity tasks once canceled")

        swf.terminate_workflow_execution(domain=DOMAIN, workflowId="order-43", reason="done with it")
        info = swf.describe_workflow_execution(domain=DOMAIN, execution={"workflowId": "order-43", "runId": run_id})
        info = info["executionInfo"]
        equal((info["executionStatus"], info.get("closeStatus")), ("CLOSED", "TERMINATED"), "terminated execution")
        check("closeTimestamp" in info, "a terminated execution has no closeTimestamp")
        self.fault("UnknownResourceFault", swf.signal_workflow_execution, domain=DOMAIN, workflowId="order-43",
                   signalName="late")

    # --- graceful cancellation with the activity running -----------------------------------
    def graceful_cancellation(self, run_id):
        swf, worker = self.swf, self.worker
        execution = {"workflowId": "order-42", "runId": run_id}
        self.decide("flow-deciders", {
            "decisionType": "ScheduleActivityTask", "scheduleActivityTaskDecisionAttributes": {
                "activityId": "ship-1", "activityType": SHIP, "taskList": {"name": "flow-workers"},
                "input": "boxes 1-3", "startToCloseTimeout": "120"}})
        scheduled = self.history(run_id, "order-42")[-1]
        equal(scheduled["eventType"], "ActivityTaskScheduled", "event after a ScheduleActivityTask decision")
        attributes = scheduled["activityTaskScheduledEventAttributes"]
        equal({k: attributes.get(k) for k in ("heartbeatTimeout", "scheduleToStartTimeout", "scheduleToCloseTimeout",
                                              "startToCloseTimeout")},
              {"heartbeatTimeout": "60", "scheduleToStartTimeout": "300", "scheduleToCloseTimeout": "600",
               "startToCloseTimeout": "120"}, "ActivityTaskScheduled timeouts (the type's defaults filling gaps)")
        equal(self.pending("activity", "flow-workers"), 1, "pending activity tasks once scheduled")

        task = worker.poll_for_activity_task(domain=DOMAIN, taskList={"name": "flow-workers"}, identity="worker")
        equal((task.get("activityId"), task.get("input")), ("ship-1", "boxes 1-3"), "polled activity task")
        token = task["taskToken"]
        equal(self.pending("activity", "flow-workers"), 0, "pending activity tasks once a worker has it")
        equal(worker.record_activity_task_heartbeat(taskToken=token, details="box 1")["cancelRequested"], False,
              "heartbeat cancelRequested before any cancellation")

        swf.request_cancel_workflow_execution(domain=DOMAIN, workflowId="order-42")
        equal(self.pending("decision", "flow-deciders"), 1, "pending decision tasks after the cancel request")
        pages = list(swf.get_paginator("poll_for_decision_task").paginate(
            domain=DOMAIN, taskList={"name": "flow-deciders"}, identity="decider", PaginationConfig={"PageSize": 2}))
        check(len(pages) > 1, "PollForDecisionTask with maximumPageSize 2 gave a single page")
        equal({p["taskToken"] for p in pages}, {pages[0]["taskToken"]}, "taskToken across PollForDecisionTask pages")
        polled = [e for p in pages for e in p["events"]]
        equal([e["eventId"] for e in polled], list(range(1, pages[0]["startedEventId"] + 1)),
              "event ids across PollForDecisionTask pages")
        check("WorkflowExecutionCancelRequested" in [e["eventType"] for e in polled],
              "the decider was not shown WorkflowExecutionCancelRequested")
        swf.respond_decision_task_completed(taskToken=pages[0]["taskToken"], decisions=[{
            "decisionType": "RequestCancelActivityTask",
            "requestCancelActivityTaskDecisionAttributes": {"activityId": "ship-1"}}])
        events = self.history(run_id, "order-42")
        equal([e["eventType"] for e in events[-2:]], ["DecisionTaskCompleted", "ActivityTaskCancelRequested"],
              "events after a RequestCancelActivityTask decision")
        cancel_requested = events[-1]
        equal(cancel_requested["activityTaskCancelRequestedEventAttributes"],
              {"decisionTaskCompletedEventId": events[-2]["eventId"], "activityId": "ship-1"},
              "ActivityTaskCancelRequested")
        equal(self.pending("decision", "flow-deciders"), 0, "pending decision tasks after the cancel decision")
        equal(worker.record_activity_task_heartbeat(taskToken=token)["cancelRequested"], True,
              "heartbeat cancelRequested after RequestCancelActivityTask")

        worker.respond_activity_task_canceled(taskToken=token, details="stopped after box 1")
        self.fault("UnknownResourceFault", worker.respond_activity_task_canceled, taskToken=token)
        self.fault("UnknownResourceFault", worker.record_activity_task_heartbeat, taskToken=token)
        self.fault("UnknownResourceFault", worker.respond_activity_task_completed, taskToken=token)
        equal(self.pending("decision", "flow-deciders"), 1, "pending decision tasks after RespondActivityTaskCanceled")

        task = self.decide("flow-deciders", {"decisionType": "CancelWorkflowExecution",
                                             "cancelWorkflowExecutionDecisionAttributes": {"details": "customer"}})
        by_type = {e["eventType"]: e for e in task["events"]}
        check("ActivityTaskCanceled" in by_type, "the decider was not shown ActivityTaskCanceled")
        equal(by_type["ActivityTaskCanceled"]["activityTaskCanceledEventAttributes"],
              {"details": "stopped after box 1", "scheduledEventId": scheduled["eventId"],
               "startedEventId": by_type["ActivityTaskStarted"]["eventId"],
               "latestCancelRequestedEventId": cancel_requested["eventId"]}, "ActivityTaskCanceled")

        described = swf.describe_workflow_execution(domain=DOMAIN, execution=execution)
        info = described["executionInfo"]
        equal((info["executionStatus"], info.get("closeStatus"), info["cancelRequested"]), ("CLOSED", "CANCELED", True),
              "execution after the CancelWorkflowExecution decision")
        check("closeTimestamp" in info, "a canceled execution has no closeTimestamp")
        equal(described["openCounts"]["openActivityTasks"], 0, "open activity tasks once canceled")

        full = self.history(run_id, "order-42")
        equal(full[-1]["eventType"], "WorkflowExecutionCanceled", "last event")
        pages = list(swf.get_paginator("get_workflow_execution_history").paginate(
            domain=DOMAIN, execution=execution, PaginationConfig={"PageSize": 4}))
        equal([len(p["events"]) for p in pages][:-1], [4] * (len(pages) - 1), "GetWorkflowExecutionHistory page sizes")
        equal([e for p in pages for e in p["events"]], full, "GetWorkflowExecutionHistory pages")

    # --- Count*/List* workflow executions ------------------------------------------------------
    def visibility(self):
        swf, window = self.swf, self.window
        count_open, count_closed = swf.count_open_workflow_executions, swf.count_closed_workflow_executions

        def ids(call, **kwargs):
            return [e["execution"]["workflowId"] for e in call(domain=DOMAIN, **kwargs)["executionInfos"]]

        def count(call, **kwargs):
            answer = call(domain=DOMAIN, **kwargs)
            equal(answer["truncated"], False, f"{call.__name__} truncated")
            return answer["count"]

        opened = dict(startTimeFilter=window)
        equal(ids(swf.list_open_workflow_executions, **opened), ["order-41", "order-40"], "open, latest first")
        equal(ids(swf.list_open_workflow_executions, **opened, reverseOrder=True), ["order-40", "order-41"],
              "open, reverseOrder")
        for filters, want in [({}, 2), ({"tagFilter": {"tag": "blue"}}, 1),
                              ({"executionFilter": {"workflowId": "order-41"}}, 1),
                              ({"typeFilter": {"name": "order"}}, 2), ({"typeFilter": {**ORDER, "version": "9"}}, 0)]:
            equal(count(count_open, **opened, **filters), want, f"CountOpenWorkflowExecutions {filters}")
            equal(len(ids(swf.list_open_workflow_executions, **opened, **filters)), want,
                  f"ListOpenWorkflowExecutions {filters}")
        equal(count(count_open, startTimeFilter={"oldestDate": time.time() + 3600}), 0, "open, starting in the future")
        equal(count(count_open, startTimeFilter={**window, "latestDate": window["oldestDate"] + 1}), 0,
              "open, started before the test")
        pages = list(swf.get_paginator("list_open_workflow_executions").paginate(
            domain=DOMAIN, **opened, PaginationConfig={"PageSize": 1}))
        equal([[e["execution"]["workflowId"] for e in p["executionInfos"]] for p in pages],
              [["order-41"], ["order-40"]], "ListOpenWorkflowExecutions pages of 1")

        equal(ids(swf.list_closed_workflow_executions, startTimeFilter=window), ["order-43", "order-42"],
              "closed, by start time, latest first")
        equal(ids(swf.list_closed_workflow_executions, closeTimeFilter=window), ["order-42", "order-43"],
              "closed, by close time, latest first")
        equal(ids(swf.list_closed_workflow_executions, closeTimeFilter=window, reverseOrder=True),
              ["order-43", "order-42"], "closed, by close time, reverseOrder")
        for filters, want in [({}, 2), ({"closeStatusFilter": {"status": "CANCELED"}}, 1),
                              ({"closeStatusFilter": {"status": "TERMINATED"}}, 1),
                              ({"closeStatusFilter": {"status": "COMPLETED"}}, 0), ({"tagFilter": {"tag": "main"}}, 1),
                              ({"executionFilter": {"workflowId": "order-43"}}, 1), ({"typeFilter": ORDER}, 2)]:
            equal(count(count_closed, closeTimeFilter=window, **filters), want,
                  f"CountClosedWorkflowExecutions {filters}")
            equal(len(ids(swf.list_closed_workflow_executions, closeTimeFilter=window, **filters)), want,
                  f"ListClosedWorkflowExecutions {filters}")
        equal(ids(swf.list_closed_workflow_executions, startTimeFilter=window,
                  closeStatusFilter={"status": "CANCELED"}), ["order-42"], "closed and CANCELED")

        for call in (count_open, count_closed, swf.list_open_workflow_executions, swf.list_closed_workflow_executions):
            self.fault("UnknownResourceFault", call, domain="no-such-domain", startTimeFilter=window)
            self.fault("ValidationException", call, domain=DOMAIN, startTimeFilter=window,
                       tagFilter={"tag": "blue"}, executionFilter={"workflowId": "order-40"})
        for call in (count_closed, swf.list_closed_workflow_executions):
            self.fault("ValidationException", call, domain=DOMAIN, startTimeFilter=window, closeTimeFilter=window)
            self.fault("ValidationException", call, domain=DOMAIN)
            self.fault("ValidationException", call, domain=DOMAIN, closeTimeFilter=window,
                       closeStatusFilter={"status": "CANCELED"}, tagFilter={"tag": "main"})

        swf.deprecate_domain(name=OTHER)  # a deprecated domain can still be searched
        equal(count_open(domain=OTHER, startTimeFilter=window)["count"], 0, "CountOpen in a deprecated domain")
        equal(swf.list_closed_workflow_executions(domain=OTHER, closeTimeFilter=window)["executionInfos"], [],
              "ListClosed in a deprecated domain")

    def run(self):
        self.domains_and_tags()
        self.types()
        run_id = self.start("order-42", "flow-deciders", ["main"])
        equal(self.pending("decision", "flow-deciders"), 1, "pending decision tasks once order-42 started")
        self.cancel_unstarted_activity()  # starts and closes order-43 while order-42 waits
        self.graceful_cancellation(run_id)  # so order-42, started first, closes last
        self.start("order-40", "idle-deciders", ["blue"])
        self.start("order-41", "idle-deciders", ["green"])
        self.visibility()


def main():
    missing = [name for name in ("moto", "boto3") if importlib.util.find_spec(name) is None]
    ci = os.environ.get("CI") == "true"

    def moto_is_missing(why):
        if ci:
            print(f"FAIL: {why}, and CI=true requires it", file=sys.stderr)
            return 1
        print(f"SKIP: {why}", file=sys.stderr)
        return SKIP

    if missing:
        return moto_is_missing(f"{' and '.join(missing)} not installed for {sys.executable}")
    began = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="swfpp-local-swf-") as directory:
        endpoint, url = Endpoint(directory), None
        try:
            url = endpoint.wait_for_url()
            if url is not None:
                swf, worker, last = clients(url, endpoint.credentials())
                Checks(swf, worker, last).run()
        except Failure as e:
            failure = str(e)
        except Exception as e:  # an unexpected answer (a 500, say) or a broken step
            traceback.print_exc()
            failure = f"{type(e).__name__}: {str(e).splitlines()[0]}"
        else:
            failure = None
        finally:
            endpoint.stop()  # before the verdict, so that the server's stderr comes first
    if failure is None and url is None:
        if endpoint.process.returncode == 3:
            return moto_is_missing(f"{SERVER.name} found no moto server")
        failure = f"{SERVER.name} exited with {endpoint.process.returncode} without an endpoint"
    if failure:
        print(f"FAIL: {failure}", file=sys.stderr)
        return 1
    print(f"PASS: local SWF endpoint, every patched operation and the graceful cancellation "
          f"({time.monotonic() - began:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
