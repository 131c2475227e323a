#!/usr/bin/env python3
"""A local Amazon SWF for swfpp's end-to-end tests and demo: moto's server on 127.0.0.1,
with IAM signature checking on and RequestCancelWorkflowExecution added.

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

What is patched on top of moto 5.2's own SWF models (each noted where it is done):
- RequestCancelWorkflowExecution, which moto lacks, per the AWS API reference.
- DescribeWorkflowExecution reports the real startTimestamp (moto returns a constant).
- WorkflowExecutionCancelRequested is a history event type moto may record.
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


def patch_moto_swf():
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
    lock = threading.Lock()  # moto's models are not safe for concurrent writers

    def request_cancel_workflow_execution(self):
        params = self._params
        domain_name, workflow_id, run_id = params.get("domain"), params.get("workflowId"), params.get("runId")
        self._check_string(domain_name)
        self._check_string(workflow_id)
        self._check_none_or_string(run_id)
        with lock:
            backend = self.swf_backend
            backend._process_timeouts()
            domain = backend._get_domain(domain_name)  # UnknownResourceFault for an unknown domain
            # With runId: that run, if still open; without: the open run with that workflowId.
            # Either way a missing or closed execution is an UnknownResourceFault.
            wfe = domain.get_workflow_execution(workflow_id, run_id=run_id, raise_if_closed=True)
            wfe._add_event("WorkflowExecutionCancelRequested")
            wfe.cancel_requested = True
            # SWF keeps at most one decision task scheduled: a scheduled one will show the decider
            # this event; otherwise (none, or one already started) a new one is scheduled.
            if not any(task.state == "SCHEDULED" for task in wfe.decision_tasks):
                wfe.schedule_decision_task()
        return ""

    SWFResponse.request_cancel_workflow_execution = request_cancel_workflow_execution


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
