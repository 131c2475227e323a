#!/usr/bin/env python3
"""botocore peer of the swfpp benchmark: full client calls with no network.

client.request_cancel_workflow_execution(...) on a real botocore SWF client (parameter
validation, serialization, SigV4, event hooks, retry handler, parsing: everything but the
socket). A `before-send` hook hands back the same canned responses as bench/fixtures.hpp, so
botocore never opens a connection. The error call raises UnknownResourceFault, caught.

Prints one JSON object: per-call medians (of batch means) in nanoseconds, wall and process CPU
time, and the load average.
    python3 bench/botocore_bench.py [--batches 25] [--batch-size 40]
"""
import argparse
import json
import os
import statistics
import sys
import time

# Keep in step with bench/fixtures.hpp and bench/js/bench.js.
ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE"
SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
REGION = "us-east-1"
REQUEST_ID = "0e9c4e52-8d3b-4c1e-9a7f-2b6d5e4c3a10"
ERROR_BODY = (b'{"__type":"com.amazonaws.swf.base.model#UnknownResourceFault",'
              b'"message":"Unknown execution: WorkflowExecution=[workflowId=order-42, runId=]"}')
SUCCESS_BODY = b"{}"
INPUT = {"domain": "my-domain", "workflowId": "order-42"}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--batches", type=int, default=25)
    ap.add_argument("--batch-size", type=int, default=40)
    ap.add_argument("--warmup", type=int, default=200)
    opts = ap.parse_args()

    # No shared config or credentials file may change what is measured.
    for var in ("AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE"):
        os.environ[var] = os.devnull
    for var in ("AWS_PROFILE", "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_SWF", "AWS_MAX_ATTEMPTS", "AWS_RETRY_MODE"):
        os.environ.pop(var, None)
    try:
        import botocore
        import botocore.session
        from botocore.awsrequest import AWSResponse
    except ImportError as e:
        print(json.dumps({"skipped": f"botocore is not importable ({e})"}))
        return 0

    class Raw:
        """What AWSResponse reads the body from (urllib3's response in real use)."""

        def __init__(self, body):
            self.body = body

        def stream(self, **_):
            yield self.body

    replies = {
        "success": (200, SUCCESS_BODY),
        "error": (400, ERROR_BODY),
    }
    mode = {"now": "success"}

    def before_send(request, **_):
        status, body = replies[mode["now"]]
        headers = {
            "x-amzn-RequestId": REQUEST_ID,
            "Content-Type": "application/x-amz-json-1.0",
            "Content-Length": str(len(body)),
            "Date": "Sun, 30 Aug 2015 12:36:00 GMT",
        }
        return AWSResponse(request.url, status, headers, Raw(body))

    session = botocore.session.get_session()
    client = session.create_client("swf", region_name=REGION, aws_access_key_id=ACCESS_KEY_ID,
                                   aws_secret_access_key=SECRET_ACCESS_KEY)
    client.meta.events.register("before-send.swf.RequestCancelWorkflowExecution", before_send)
    fault = client.exceptions.UnknownResourceFault

    def call_success():
        client.request_cancel_workflow_execution(**INPUT)

    def call_error():
        try:
            client.request_cancel_workflow_execution(**INPUT)
        except fault:
            return
        raise SystemExit("botocore_bench: the error call did not raise UnknownResourceFault")

    def measure(name, fn):
        mode["now"] = name
        for _ in range(opts.warmup):
            fn()
        means, cpu_means = [], []
        for _ in range(opts.batches):
            t0, c0 = time.perf_counter_ns(), time.process_time_ns()
            for _ in range(opts.batch_size):
                fn()
            means.append((time.perf_counter_ns() - t0) / opts.batch_size)
            cpu_means.append((time.process_time_ns() - c0) / opts.batch_size)
        return {"median_ns": statistics.median(means), "min_ns": min(means),
                "cpu_median_ns": statistics.median(cpu_means), "batches": opts.batches,
                "batch_size": opts.batch_size}

    load_before = os.getloadavg()
    results = {"success": measure("success", call_success), "error": measure("error", call_error)}
    print(json.dumps({
        "client": f"botocore {botocore.__version__}",
        "runtime": f"Python {sys.version.split()[0]}",
        "load_before": load_before,
        "load_after": os.getloadavg(),
        **results,
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
