#!/usr/bin/env python3
"""botocore as a test oracle for swfpp's RequestCancelWorkflowExecution.

Reads JSON-lines cases on stdin and writes one JSON-lines answer per case on stdout, in order.
No network: only botocore's own serializer, validator, response parser and ClientError run.

Every string crosses the process boundary as hex of its UTF-8 bytes, so control characters,
invalid UTF-8 in response bodies and lone surrogates in botocore's answers survive intact
(Python strings are encoded with 'surrogatepass').

Case kinds (every answer echoes "id"; a case botocore raises on answers {"crash": H}):
  serialize  {"params": P, "swfpp_body": H}
             -> {"equal": bool, "botocore_body": H, "swfpp_body": H,
                 "method": H, "url_path": H, "headers": {name: H}}
             `equal`: both bodies json.loads to the same members in the same order.
  validate   {"params": P}  -> {"report": H}   ("" when botocore finds nothing wrong)
  response   {"status": int, "headers": [[H, H], ...], "body": H}
             -> {"raised": bool, "code": H, "message": H, "message_is_str": bool,
                 "request_id": H or null, "cli": H, "modeled": H}
             `raised`: the client would raise ClientError (status >= 300, as botocore's
             client decides); `cli` is str(ClientError(parsed, operation)); `modeled` names
             the client.exceptions class botocore raises for the code ("" for ClientError).
where P is {"domain": H, "workflowId": H, optional "runId": H} and H is a hex string.
"""

import json
import sys

OPERATION = 'RequestCancelWorkflowExecution'


def unhex(h):
    return bytes.fromhex(h).decode('utf-8')


def tohex(s):
    if isinstance(s, bytes):
        return s.hex()
    return s.encode('utf-8', 'surrogatepass').hex()


def decode_params(p):
    # Model order, as swfpp writes members: botocore serializes and reports in params order.
    params = {}
    for name in ('domain', 'workflowId', 'runId'):
        if name in p:
            params[name] = unhex(p[name])
    return params


class Oracle:
    def __init__(self):
        import botocore.errorfactory
        import botocore.parsers
        import botocore.serialize
        import botocore.session
        import botocore.validate

        model = botocore.session.get_session().get_service_model('swf')
        self.operation = model.operation_model(OPERATION)
        self.serializer = botocore.serialize.create_serializer('json')
        self.validator = botocore.validate.ParamValidator()
        self.parser = botocore.parsers.create_parser('json')
        self.exceptions = botocore.errorfactory.ClientExceptionsFactory().create_client_exceptions(model)

    def serialize(self, case):
        request = self.serializer.serialize_to_request(decode_params(case['params']), self.operation)
        ours = bytes.fromhex(case['swfpp_body'])

        def members(body):  # ordered pairs, so key order and duplicate keys count too
            return json.loads(body.decode('utf-8'), object_pairs_hook=list)

        try:
            equal = members(request['body']) == members(ours)
        except ValueError:  # swfpp's body is not even JSON (or not UTF-8)
            equal = False
        return {
            'equal': equal,
            'botocore_body': tohex(request['body']),
            'swfpp_body': case['swfpp_body'],
            'method': tohex(request['method']),
            'url_path': tohex(request['url_path']),
            'headers': {k: tohex(v) for k, v in request['headers'].items()},
        }

    def validate(self, case):
        report = self.validator.validate(decode_params(case['params']), self.operation.input_shape)
        return {'report': tohex(report.generate_report() if report.has_errors() else '')}

    def response(self, case):
        from botocore.awsrequest import HeadersDict
        from botocore.exceptions import ClientError
        from urllib3 import HTTPHeaderDict

        # What botocore's endpoint hands the parser: urllib3's headers (repeats joined with
        # ", ") wrapped in botocore's case-insensitive HeadersDict, and the body as bytes.
        raw = HTTPHeaderDict()
        for name, value in case['headers']:
            raw.add(bytes.fromhex(name).decode('latin-1'), bytes.fromhex(value).decode('latin-1'))
        response = {
            'status_code': case['status'],
            'headers': HeadersDict(raw),
            'body': bytes.fromhex(case['body']),
        }
        parsed = self.parser.parse(response, self.operation.output_shape)
        error = parsed.get('Error', {})
        message = error.get('Message', 'Unknown')
        request_id = parsed.get('ResponseMetadata', {}).get('RequestId')
        code = error.get('Code', 'Unknown')
        modeled = self.exceptions.from_code(code)
        return {
            'raised': case['status'] >= 300,
            'code': tohex(str(code)),
            'message': tohex(str(message)),
            'message_is_str': isinstance(message, str),
            'request_id': None if request_id is None else tohex(request_id),
            'cli': tohex(str(ClientError(parsed, OPERATION))),
            'modeled': tohex('' if modeled is ClientError else modeled.__name__),
        }


def main():
    oracle = Oracle()
    handlers = {'serialize': oracle.serialize, 'validate': oracle.validate, 'response': oracle.response}
    for line in sys.stdin:
        if not line.strip():
            continue
        case = json.loads(line)
        try:
            answer = handlers[case['kind']](case)
        except Exception as e:  # report, do not die: the caller shows which case and why
            answer = {'crash': tohex(f'{type(e).__name__}: {e}')}
        answer['id'] = case['id']
        sys.stdout.write(json.dumps(answer) + '\n')
    sys.stdout.flush()


if __name__ == '__main__':
    main()
