#!/usr/bin/env python3
"""botocore's retry modes (standard and legacy) as a test oracle for swfpp's retries (tests/test_retry_botocore.cpp).

Reads a script from the file named by argv[1] and prints one line per call on stdout. No network:
each attempt's answer is injected at botocore's `before-send` event, sleeps are recorded instead
of slept, and the back-off jitter is fixed at 0.5, so the delays are exact.

Script lines:
  case MAX_ATTEMPTS MODE     a fresh client (fresh retry quota) with retries
                             {'mode': MODE, 'total_max_attempts': MAX_ATTEMPTS} (0: the mode's default)
  call STEP STEP ...         one RequestCancelWorkflowExecution call; its attempts take the steps
                             in order (then 200 "{}"); steps it does not reach are dropped
STEP is one of the names in STEPS below.

Output, one line per call:
  RESULT attempts=N requests=A|A|... sleeps=S,S,... max_reached=F quota_reached=F quota=Q
where RESULT is "ok", "err:CODE" or "err:transport", A is the amz-sdk-request header of each
attempt, F is 0, 1 or "-" (botocore reports no metadata with a transport exception or a
success) and Q the tokens left in the client's retry quota ("-" in legacy mode, which has none). Exits 77 (meson's SKIP) without
botocore. Credentials are fakes.
"""
import sys

try:
    import time

    import botocore.endpoint
    import botocore.retryhandler
    import botocore.exceptions as bx
    import botocore.session
    from botocore.awsrequest import AWSResponse
    from botocore.config import Config
    from botocore.retries import quota as quota_module
    from botocore.retries import standard
except ImportError:
    sys.exit(77)

URL = 'https://swf.us-east-1.amazonaws.com/'


def reply(status, body):
    return ('reply', status, body)


def raise_(factory):
    return ('raise', factory)


STEPS = {
    'ok': reply(200, b'{}'),
    'reset': raise_(lambda: bx.ConnectionClosedError(endpoint_url=URL)),
    'connect': raise_(lambda: bx.EndpointConnectionError(endpoint_url=URL)),
    'timeout': raise_(lambda: bx.ReadTimeoutError(endpoint_url=URL)),
    'connect_timeout': raise_(lambda: bx.ConnectTimeoutError(endpoint_url=URL)),
    'tls': raise_(lambda: bx.SSLError(endpoint_url=URL, error='handshake failed')),
    'other': raise_(lambda: bx.HTTPClientError(error='boom')),
    's500': reply(500, b'{"__type":"InternalFailure","message":"internal"}'),
    's502': reply(502, b''),
    's503': reply(503, b'<html><body>Service Unavailable</body></html>'),
    's504': reply(504, b''),
    's429': reply(429, b'{"__type":"TooManyRequestsException","message":"m"}'),
    's509': reply(509, b''),
    'throttle': reply(400, b'{"__type":"ThrottlingException","message":"slow down"}'),
    'slowdown': reply(400, b'{"__type":"SlowDown","message":"m"}'),
    'limit': reply(400, b'{"__type":"LimitExceededException","message":"m"}'),
    'reqtimeout': reply(400, b'{"__type":"RequestTimeoutException","message":"m"}'),
    'prior': reply(400, b'{"__type":"PriorRequestNotComplete","message":"m"}'),
    'unknown': reply(400, b'{"__type":"UnknownResourceFault","message":"m"}'),
    'notpermitted': reply(400, b'{"__type":"OperationNotPermittedFault","message":"m"}'),
    'limitfault': reply(400, b'{"__type":"LimitExceededFault","message":"m"}'),
    'access': reply(400, b'{"__type":"AccessDeniedException","message":"m"}'),
}


class Raw:
    def __init__(self, body):
        self.body = body

    def stream(self, **kwargs):
        yield self.body


def main():
    # Fixed jitter, recorded sleeps, and a handle on each client's quota.
    original_backoff_init = standard.ExponentialBackoff.__init__

    def backoff_init(self, *args, **kwargs):
        kwargs['random'] = lambda: 0.5
        original_backoff_init(self, *args, **kwargs)

    standard.ExponentialBackoff.__init__ = backoff_init
    botocore.retryhandler.random = type('fixed_random', (), {'random': staticmethod(lambda: 0.5)})
    quotas = []
    original_quota_init = quota_module.RetryQuota.__init__

    def quota_init(self, *args, **kwargs):
        original_quota_init(self, *args, **kwargs)
        quotas.append(self)

    quota_module.RetryQuota.__init__ = quota_init
    sleeps = []
    botocore.endpoint.time = type('fake_time', (), {'sleep': staticmethod(sleeps.append), 'time': time.time})

    session = botocore.session.get_session()
    client = None
    pending = []
    requests = []

    def before_send(request, **kwargs):
        requests.append(request.headers.get('amz-sdk-request', b'').decode())
        step = STEPS[pending.pop(0)] if pending else STEPS['ok']
        if step[0] == 'raise':
            raise step[1]()
        return AWSResponse(request.url, step[1], {}, Raw(step[2]))

    out = []
    for line in open(sys.argv[1]):
        words = line.split()
        if not words:
            continue
        if words[0] == 'case':
            quotas.clear()
            retries = {'mode': words[2]}
            if int(words[1]) > 0:
                retries['total_max_attempts'] = int(words[1])
            client = session.create_client(
                'swf', region_name='us-east-1', aws_access_key_id='AKID', aws_secret_access_key='not-a-secret',
                config=Config(retries=retries))
            client.meta.events.register('before-send', before_send)
            continue
        pending[:] = words[1:]
        requests.clear()
        sleeps.clear()
        max_reached = quota_reached = '-'
        try:
            client.request_cancel_workflow_execution(domain='d', workflowId='w')
            result = 'ok'
        except bx.ClientError as e:
            result = 'err:' + e.response['Error']['Code']
            meta = e.response.get('ResponseMetadata', {})
            max_reached = '1' if meta.get('MaxAttemptsReached') else '0'
            quota_reached = '1' if meta.get('RetryQuotaReached') else '0'
        except (bx.HTTPClientError, bx.ConnectionError):
            result = 'err:transport'
        out.append('%s attempts=%d requests=%s sleeps=%s max_reached=%s quota_reached=%s quota=%s' % (
            result, len(requests), '|'.join(requests), ','.join('%.3f' % s for s in sleeps), max_reached,
            quota_reached, quotas[-1].available_capacity if quotas else '-'))
    sys.stdout.write(''.join(line + '\n' for line in out))


if __name__ == '__main__':
    main()
