#!/usr/bin/env python3
"""Checks swfpp's shape descriptions against botocore's SWF service model.

Reads on stdin one line per declared member, depth first, as tests/test_model_parity.cpp
prints them:  PATH KIND REQUIRED MIN  where PATH is Operation.in|out.member[.member|[]...],
KIND one of string enum boolean integer long timestamp structure list, REQUIRED 0|1 and MIN a
number or "-". Prints one line per disagreement (nothing when all agree): a member botocore
does not know, a different kind, required-ness or min constraint, or members out of model
order. Members the model has and swfpp leaves out (not yet modelled) are not errors.
Exits 77 when botocore cannot be imported.
"""
import sys

try:
    import botocore.session
except ImportError:
    print("botocore is not installed")
    sys.exit(77)


def main():
    model = botocore.session.get_session().get_service_model("swf")
    members, order = {}, {}

    def walk(shape, prefix):
        order[prefix] = list(shape.members)
        for name, member in shape.members.items():
            path = f"{prefix}.{name}"
            kind = "enum" if member.type_name == "string" and member.enum else member.type_name
            low = member.metadata.get("min")
            # A string of min length 0 has no constraint to check.
            members[path] = (kind, name in shape.required_members, "-" if low in (None, 0) and kind == "string" else
                             ("-" if low is None else str(low)))
            if kind == "structure":
                walk(member, path)
            elif kind == "list" and member.member.type_name == "structure":
                walk(member.member, path + "[]")

    declared = {}
    problems = []
    for line in sys.stdin:
        path, kind, required, low = line.split()
        operation, direction = path.split(".")[:2]
        root = f"{operation}.{direction}"
        if root not in order:
            op = model.operation_model(operation)
            shape = op.input_shape if direction == "in" else op.output_shape
            if shape is None:
                problems.append(f"{path}: {operation} has no {direction}put shape")
                continue
            walk(shape, root)
        parent, name = path.rsplit(".", 1)
        declared.setdefault(parent, []).append(name)
        if path not in members:
            problems.append(f"{path}: not in the model")
            continue
        want = members[path]
        got = (kind, required == "1", low)
        for what, g, w in zip(("kind", "required", "min"), got, want):
            if g != w:
                problems.append(f"{path}: {what} is {g}, the model says {w}")
    for parent, names in declared.items():
        in_model_order = [n for n in order.get(parent, []) if n in names]
        if [n for n in names if n in in_model_order] != in_model_order:
            problems.append(f"{parent}: members {names} are not in model order {in_model_order}")
    for p in problems:
        print(p)


if __name__ == "__main__":
    main()
