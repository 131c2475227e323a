#!/usr/bin/env python3
"""botocore as the oracle for every SWF operation (tests/test_botocore_operations.cpp).

Usage: botocore_operations_oracle.py CASES. CASES holds one JSON object per line; the answers
go to stdout, one JSON line per case, in order. No network: only botocore's validator,
serializer and parser run. Exits 77 when botocore cannot be imported.

Case kinds (all but coverage name their operation in "op"):
  request   {"params": P, "body": H}
            -> {"report": S, "equal": bool, "diff": S, "target": S, "content_type": S}
            P are the parameters as JSON (timestamps as epoch seconds), H swfpp's body.
            "report" is botocore's validation report ("" when valid); a case without "body"
            is only validated, and only a valid request is serialized.
  response  {"body": H, "seconds": S, "millis": S}
            -> {"seconds_equal": bool, "millis_equal": bool, "diff": S}
            botocore parses H; its timestamps are written as whole epoch seconds, rounded
            down, and compared with "seconds" (swfpp's serialize_json of its own parse), then
            as epoch milliseconds and compared with "millis".
  error     {"status": int, "body": H} -> {"code": S, "message": S, "first_error": S}
            "first_error" names the operation's first modelled error in botocore's model.
  coverage  (the last case) -> {"uncovered": [S, ...]}
            each member of botocore's input and output shapes, per operation, that no valid
            request's parameters and no parsed response held ("Op input: Shape.member"), and
            each operation of botocore's model that no case named.
H is a hex string of UTF-8 bytes, S a string. A case botocore raises on answers
{"crash": S}.
"""

import calendar
import datetime
import json
import sys


def epoch(value, millis):
    seconds = calendar.timegm(value.utctimetuple())
    return seconds * 1000 + value.microsecond // 1000 if millis else seconds


def plain(value, millis):
    """botocore's parsed value as JSON data: datetimes become epoch numbers."""
    if isinstance(value, dict):
        return {k: plain(v, millis) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v, millis) for v in value]
    if isinstance(value, datetime.datetime):
        return epoch(value, millis)
    return value


def reachable_members(shape):
    """Every "Shape.member" that can occur under `shape`."""
    found, visited, stack = set(), set(), [shape]
    while stack:
        s = stack.pop()
        if s.name in visited:
            continue
        visited.add(s.name)
        if s.type_name == 'structure':
            for name, member in s.members.items():
                found.add(f'{s.name}.{name}')
                stack.append(member)
        elif s.type_name == 'list':
            stack.append(s.member)
        elif s.type_name == 'map':
            stack.extend([s.key, s.value])
    return found


def present_members(shape, value, found):
    """Adds every "Shape.member" that `value` holds."""
    if shape.type_name == 'structure' and isinstance(value, dict):
        for name, v in value.items():
            if name in shape.members:
                found.add(f'{shape.name}.{name}')
                present_members(shape.members[name], v, found)
    elif shape.type_name == 'list' and isinstance(value, list):
        for v in value:
            present_members(shape.member, v, found)


def first_difference(a, b, path='$'):
    """Where two JSON values first differ, or '' when they are equal."""
    if isinstance(a, dict) and isinstance(b, dict):
        for key in list(a) + [k for k in b if k not in a]:
            if key not in a:
                return f'{path}.{key}: absent in botocore, {json.dumps(b[key])[:80]} in swfpp'
            if key not in b:
                return f'{path}.{key}: {json.dumps(a[key])[:80]} in botocore, absent in swfpp'
            found = first_difference(a[key], b[key], f'{path}.{key}')
            if found:
                return found
        return ''
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return f'{path}: {len(a)} elements in botocore, {len(b)} in swfpp'
        for i, (x, y) in enumerate(zip(a, b)):
            found = first_difference(x, y, f'{path}[{i}]')
            if found:
                return found
        return ''
    if a == b and type(a) is type(b):
        return ''
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool) \
            and not isinstance(b, bool) and a == b:
        return ''
    return f'{path}: {json.dumps(a)} in botocore, {json.dumps(b)} in swfpp'


class Oracle:
    def __init__(self):
        import botocore.parsers
        import botocore.serialize
        import botocore.session
        import botocore.validate

        self.model = botocore.session.get_session().get_service_model('swf')
        self.serializer = botocore.serialize.create_serializer('json')
        self.validator = botocore.validate.ParamValidator()
        self.parser = botocore.parsers.create_parser('json')
        self.seen = {}  # (operation, 'input' or 'output') -> the "Shape.member"s seen

    def request(self, op, case):
        params = case['params']
        report = self.validator.validate(params, op.input_shape)
        answer = {'report': report.generate_report() if report.has_errors() else ''}
        if answer['report'] or 'body' not in case:
            return answer
        present_members(op.input_shape, params, self.seen.setdefault((op.name, 'input'), set()))
        request = self.serializer.serialize_to_request(params, op)
        diff = first_difference(json.loads(request['body']), json.loads(bytes.fromhex(case['body'])))
        answer.update({
            'equal': not diff,
            'diff': diff,
            'target': request['headers'].get('X-Amz-Target', ''),
            'content_type': request['headers'].get('Content-Type', ''),
        })
        return answer

    def parse(self, op, status, body):
        from botocore.awsrequest import HeadersDict

        response = {'status_code': status, 'headers': HeadersDict(), 'body': bytes.fromhex(body)}
        parsed = self.parser.parse(response, op.output_shape)
        parsed.pop('ResponseMetadata', None)
        return parsed

    def response(self, op, case):
        parsed = self.parse(op, 200, case['body'])
        if op.output_shape is not None:
            present_members(op.output_shape, parsed, self.seen.setdefault((op.name, 'output'), set()))
        seconds = first_difference(plain(parsed, False), json.loads(case['seconds']))
        millis = first_difference(plain(parsed, True), json.loads(case['millis']))
        return {
            'seconds_equal': not seconds,
            'millis_equal': not millis,
            'diff': seconds or millis,
        }

    def error(self, op, case):
        error = self.parse(op, case['status'], case['body']).get('Error', {})
        return {
            'code': str(error.get('Code', '')),
            'message': str(error.get('Message', '')),
            'first_error': op.error_shapes[0].name if op.error_shapes else '',
        }

    def coverage(self):
        uncovered = []
        for name in self.model.operation_names:
            op = self.model.operation_model(name)
            if not any(key[0] == name for key in self.seen):
                uncovered.append(f'{name}: no request botocore accepted, no response')
                continue
            for direction, shape in (('input', op.input_shape), ('output', op.output_shape)):
                if shape is not None:
                    missing = reachable_members(shape) - self.seen.get((name, direction), set())
                    uncovered += [f'{name} {direction}: {m}' for m in sorted(missing)]
        return {'uncovered': uncovered}


def main():
    try:
        oracle = Oracle()
    except ImportError as e:
        print(f'botocore cannot be imported: {e}', file=sys.stderr)
        sys.exit(77)
    handlers = {'request': oracle.request, 'response': oracle.response, 'error': oracle.error}
    with open(sys.argv[1], encoding='utf-8') as cases:
        for line in cases:
            if not line.strip():
                continue
            case = json.loads(line)
            try:
                if case['kind'] == 'coverage':
                    answer = oracle.coverage()
                else:
                    answer = handlers[case['kind']](oracle.model.operation_model(case['op']), case)
            except Exception as e:  # report, do not die: the caller names the case
                answer = {'crash': f'{type(e).__name__}: {e}'}
            sys.stdout.write(json.dumps(answer) + '\n')
    sys.stdout.flush()


if __name__ == '__main__':
    main()
