#!/usr/bin/env python3
"""Writes the seed corpora under fuzz/corpus/<target>/ (committed; rerun after changing how a
target reads its input). Each seed is one meaningful input, named after what it is.

fuzz_response reads plain text ("<status>\\n<name>: <value>\\n...\\n\\n<body>"). The other
targets read their input through libFuzzer's FuzzedDataProvider; `Provider` below lays out
bytes so that the target's calls, in the target's order, get the values written here.
"""
import pathlib
import shutil

CORPUS = pathlib.Path(__file__).resolve().parent / "corpus"


class Provider:
    """Mirror of FuzzedDataProvider (LLVM 14): strings from the front, integers from the back."""

    def __init__(self):
        self.front = bytearray()
        self.back = bytearray()  # in consumption order; reversed onto the end of the input

    def string(self, value):  # ConsumeRandomLengthString: '\\' doubled, "\\ " ends the string
        self.front += value.replace(b"\\", b"\\\\") + b"\\ "
        return self

    def integer(self, value, lo, hi):  # ConsumeIntegralInRange: big-endian bytes, from the end
        span, offset, chunks = hi - lo, 0, []
        while offset < 64 and (span >> offset) > 0:
            chunks.append(0)
            offset += 8
        rest = value - lo
        for i in range(len(chunks) - 1, -1, -1):
            chunks[i] = rest & 0xFF
            rest >>= 8
        self.back += bytes(chunks)
        return self

    def boolean(self, value):
        return self.integer(1 if value else 0, 0, 255)

    def build(self, remaining=b""):
        return bytes(self.front) + remaining + bytes(reversed(self.back))


def response_seeds():
    deep = b"[" * 1100 + b"]" * 1100
    rich = (b'{"text":"caf\xc3\xa9","flag":true,"big":-9223372036854775808,"small":255,"number":1e308,'
            b'"maybe":null,"list":["a","b"],"objects":[{"name":"x","count":2147483647}],"nested":{"name":"n"}}')
    history = (b'{"events":[{"eventId":1,"eventType":"WorkflowExecutionStarted","eventTimestamp":1732550400.123,'
               b'"workflowExecutionStartedEventAttributes":{"childPolicy":"TERMINATE","taskList":{"name":"t"},'
               b'"workflowType":{"name":"w","version":"1"},"tagList":["a"]}},'
               b'{"eventId":2,"eventType":"ActivityTaskScheduled","eventTimestamp":1,'
               b'"activityTaskScheduledEventAttributes":{"activityType":{"name":"a","version":"1"},"activityId":"x",'
               b'"taskList":{"name":"t"},"decisionTaskCompletedEventId":1}},'
               b'{"eventId":3,"eventType":"ActivityTaskTimedOut","eventTimestamp":2,'
               b'"activityTaskTimedOutEventAttributes":{"timeoutType":"HEARTBEAT","scheduledEventId":2,"startedEventId":0}},'
               b'{"eventId":4,"eventType":"StartChildWorkflowExecutionFailed","eventTimestamp":3,'
               b'"startChildWorkflowExecutionFailedEventAttributes":{"workflowType":{"name":"w","version":"1"},'
               b'"cause":"NEW_CAUSE","workflowId":"c","initiatedEventId":0,"decisionTaskCompletedEventId":1}},'
               b'{"eventId":5,"eventType":"SomethingNew","eventTimestamp":4,"somethingNewEventAttributes":{"k":[1]}}],'
               b'"nextPageToken":"p"}')
    activity_task = (b'{"taskToken":"t","activityId":"a","startedEventId":7,'
                     b'"workflowExecution":{"workflowId":"w","runId":"r"},"activityType":{"name":"n","version":"1"}}')
    type_detail = (b'{"typeInfo":{"workflowType":{"name":"w","version":"1"},"status":"DEPRECATED",'
                   b'"creationDate":1.5,"deprecationDate":2},"configuration":{"defaultChildPolicy":"ABANDON"}}')
    return {
        "ok_history_typed_events": b"200\n\n" + history,
        "ok_activity_task": b"200\n\n" + activity_task,
        "ok_workflow_type_detail": b"200\n\n" + type_detail,
        "ok_empty_object": b"200\nContent-Type: application/x-amz-json-1.0\nx-amzn-RequestId: r-1\n\n{}",
        "ok_no_body": b"200\n\n",
        "ok_rich_members": b"200\n\n" + rich,
        "ok_out_of_range": b'200\n\n{"small":256,"big":1e400,"list":[1]}',
        "ok_deep_nesting": b"200\n\n" + deep,
        "ok_not_json": b"200\n\nnot json",
        "unknown_resource": b'400\nx-amzn-RequestId: r-2\n\n{"__type":"com.amazonaws.swf.base.model#'
                            b'UnknownResourceFault","message":"Unknown execution: WorkflowId=w"}',
        "error_type_header": b"400\nX-Amzn-ErrorType: OperationNotPermittedFault:http://internal.example/\n\n"
                             b'{"message":"denied"}',
        "code_and_upper_message": b'400\n\n{"code":"Throttling","Message":"Rate exceeded"}',
        "null_type_object_message": b'400\n\n{"__type":null,"message":{"a":[1,2.5,true,null]}}',
        "repeated_keys": b'400\n\n{"__type":"A","__type":"B","message":"m","message":false}',
        "html_503": b"503\n\n<html><body>Service Unavailable</body></html>",
        "empty_500": b"500\n\n",
        "invalid_utf8_body": b"404\n\nnot json \xff\xfe\xc3",
        "truncated_json": b'413\n\n{"message":"trunc',
        "nul_in_strings": b'400\n\n{"__type":"A\\u0000B","message":"x\\u0000y"}',
    }


def serialize_seeds():
    def case(domain, workflow_id, run_id, run_id_set):
        p = Provider().string(domain).string(workflow_id).string(run_id).boolean(run_id_set)
        return p.build()

    return {
        "plain": case(b"my-domain", b"order-42", b"", False),
        "with_run_id": case(b"my-domain", b"order-42", b"22ZwmPAOm+4rYnnKjRMWyz7r5m9rl", True),
        "empty_run_id": case(b"d", b"w", b"", True),
        "empty_domain": case(b"", b"w", b"", False),
        "invalid_utf8": case(b"\xc3", b"w", b"\xed\xa0\x80", True),
        "escapes_and_controls": case(b'd\x00\x01"\\\x7f\x1f', b"w\n\r\t\b\f/", b"\xe2\x80\xa8\xe2\x80\xa9", True),
        "unicode": case(b"caf\xc3\xa9", b"\xf0\x9f\x98\x80\xe6\x97\xa5", b"\xef\xbf\xbf", True),
    }


def sigv4_seeds():
    known = ["Host", "X-Amz-Date", "X-Amz-Security-Token", "Authorization", "Content-Type", "User-Agent",
             "X-Amz-Target", "Expect", "host", "x-amz-date", "X-Custom", "authorization"]

    def case(method=None, scheme=None, host=b"swf.us-east-1.amazonaws.com", port=0, target=b"/",
             headers=(), akid=None, secret=None, token=None, region=None, service=None,
             seconds=1440938160, body=b""):
        p = Provider()
        p.boolean(method is None)
        if method is not None:
            p.string(method)
        p.boolean(scheme is None)
        if scheme is not None:
            p.string(scheme)
        p.string(host)
        p.integer(port, 0, 65535)
        p.string(target)
        p.integer(len(headers), 0, 12)
        for name, value in headers:
            if name in known:
                p.boolean(True).integer(known.index(name), 0, len(known) - 1)
            else:
                p.boolean(False).string(name.encode())
            p.string(value)
        for value in (akid, secret):
            p.boolean(value is None)
            if value is not None:
                p.string(value)
        p.boolean(token is None)
        if token is not None:
            p.string(token)
        for value in (region, service):
            p.boolean(value is None)
            if value is not None:
                p.string(value)
        p.integer(seconds, -9_000_000_000, 9_000_000_000)
        return p.build(body)

    swf_headers = (("Host", b"swf.us-east-1.amazonaws.com"), ("X-Amz-Target", b"SimpleWorkflowService.ListDomains"),
                   ("Content-Type", b"application/x-amz-json-1.0"), ("User-Agent", b"swfpp/0.1.0"))
    return {
        "swf_request": case(headers=swf_headers, body=b'{"registrationStatus":"REGISTERED"}'),
        "session_token": case(headers=swf_headers, token=b"IQoJb3JpZ2luX2VjEXAMPLETOKEN", body=b"{}"),
        "no_host_header_port": case(port=8443, headers=(("X-Custom", b"  a   b\t c "),), body=b""),
        "query_and_dots": case(method=b"get", target=b"/a/./b/../c%20d//?b=2&a=1&a=%E1%88%B4&empty=&x",
                               headers=(("X-Custom", b"1"), ("x-custom", b"2"))),
        "stale_auth_headers": case(headers=swf_headers + (("Authorization", b"stale"), ("X-Amz-Date", b"old"),
                                                          ("authorization", b"again"))),
        "header_injection": case(headers=(("X-Custom", b"a\r\nX-Evil: 1"), ("Bad Name", b"v"))),
        "control_in_credentials": case(akid=b"AKID\n", secret=b"s", token=b"t\x00", region=b"us/east"),
        "ipv6_host": case(scheme=b"http", host=b"::1", port=80, target=b""),
        "before_epoch": case(seconds=-1, region=b"eu-west-1", service=b"states"),
    }


def endpoint_seeds():
    def case(region, fips=False, dualstack=False, url=None):
        p = Provider().boolean(fips).boolean(dualstack).string(region)
        if url is None:
            p.integer(0, 0, 3)
        else:
            p.integer(1, 0, 3).string(url)
        return p.build()

    seeds = {}
    for region in (b"us-east-1", b"cn-northwest-1", b"us-gov-west-1", b"us-iso-east-1", b"us-isob-east-1",
                   b"eu-isoe-west-1", b"us-isof-south-1", b"eusc-de-east-1", b"aws-us-gov-global", b"local"):
        for fips, dualstack in ((False, False), (True, True), (True, False), (False, True)):
            name = region.decode() + ("_fips" if fips else "") + ("_dualstack" if dualstack else "")
            seeds[name] = case(region, fips, dualstack)
    seeds.update({
        "missing_region": case(b""),
        "bad_region": case(b"evil.example/#"),
        "custom_url": case(b"us-east-1", url=b"http://127.0.0.1:4566/swf"),
        "custom_url_fips": case(b"", fips=True, url=b"https://example.com"),
        "custom_url_ipv6": case(b"", url=b"http://[::1]:8080/a;b=c/%7E"),
        "custom_url_userinfo": case(b"us-east-1", url=b"https://user@example.com"),
        "custom_url_crlf": case(b"us-east-1", url=b"https://example.com\r\nX: y"),
    })
    return seeds


def main():
    for target, seeds in (("fuzz_response", response_seeds()), ("fuzz_serialize", serialize_seeds()),
                          ("fuzz_sigv4", sigv4_seeds()), ("fuzz_endpoint", endpoint_seeds())):
        folder = CORPUS / target
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        for name, data in seeds.items():
            (folder / name).write_bytes(data)
        print(f"{target}: {len(seeds)} seeds")


if __name__ == "__main__":
    main()
