#!/usr/bin/env python3
"""Checks swfpp's operation descriptions against botocore's SWF service model.

Reads the lines tests/test_model_parity.cpp prints, from the file named by its argument:
  OPERATION Name                      one per operation swfpp declares
  MEMBER PATH KIND REQUIRED MIN EXTRA one per declared member, depth first; PATH is
                                      Operation.in|out.member[.member|[]...], KIND one of string
                                      enum boolean integer long timestamp structure list,
                                      REQUIRED 0|1, MIN a number or "-", EXTRA "-", an enum's
                                      values (A,B,C) or a list's element (KIND:MIN[:VALUES])
  ERRORS Operation A,B,C              the operation's modelled errors, in model order
  PAGINATOR Operation IN OUT LIMIT RESULT   (or PAGINATOR Operation none)
  FAULT Name                          one per swf_fault value
Prints one line per disagreement (nothing when all agree): an operation, member, error, fault
or paginator missing on either side, a different kind, required-ness, min or enum value list,
members out of model order. Exits 77 when botocore cannot be imported.
"""
import sys

try:
    import botocore.session
except ImportError:
    print("botocore is not installed")
    sys.exit(77)


def kind_of(shape):
    return "enum" if shape.type_name == "string" and shape.enum else shape.type_name


def min_of(shape):
    low = shape.metadata.get("min")
    # A string of min length 0 has no constraint to check.
    return "-" if low is None or (low == 0 and shape.type_name == "string") else str(low)


def extra_of(shape):
    if kind_of(shape) == "enum":
        return ",".join(shape.enum)
    if shape.type_name == "list":
        element = shape.member
        text = f"{kind_of(element)}:{min_of(element)}"
        return text + (":" + ",".join(element.enum) if kind_of(element) == "enum" else "")
    return "-"


def main():
    session = botocore.session.get_session()
    model = session.get_service_model("swf")
    paginators = session.get_paginator_model("swf")._paginator_config
    members, order = {}, {}

    def walk(shape, prefix):
        order[prefix] = list(shape.members)
        for name, member in shape.members.items():
            path = f"{prefix}.{name}"
            members[path] = (kind_of(member), name in shape.required_members, min_of(member), extra_of(member))
            if member.type_name == "structure":
                walk(member, path)
            elif member.type_name == "list" and member.member.type_name == "structure":
                walk(member.member, path + "[]")

    for op_name in model.operation_names:
        op = model.operation_model(op_name)
        for direction, shape in (("in", op.input_shape), ("out", op.output_shape)):
            if shape is None:
                order[f"{op_name}.{direction}"] = []
            else:
                walk(shape, f"{op_name}.{direction}")

    declared, operations, faults = {}, set(), set()
    problems = []
    with open(sys.argv[1], encoding="utf-8") as f:
        lines = f.read().splitlines()
    for line in lines:
        fields = line.split()
        what = fields[0]
        if what == "OPERATION":
            operations.add(fields[1])
        elif what == "FAULT":
            faults.add(fields[1])
        elif what == "ERRORS":
            want = [e.name for e in model.operation_model(fields[1]).error_shapes]
            got = fields[2].split(",") if len(fields) > 2 else []
            if got != want:
                problems.append(f"{fields[1]}: errors {got}, the model says {want}")
        elif what == "PAGINATOR":
            config = paginators.get(fields[1])
            want = ["none"] if config is None else [config["input_token"], config["output_token"],
                                                     config["limit_key"], config["result_key"]]
            if fields[2:] != want:
                problems.append(f"{fields[1]}: paginator {fields[2:]}, botocore's is {want}")
        elif what == "MEMBER":
            path, kind, required, low, extra = fields[1:]
            parent, name = path.rsplit(".", 1)
            declared.setdefault(parent, []).append(name)
            if path not in members:
                problems.append(f"{path}: not in the model")
                continue
            want = members[path]
            got = (kind, required == "1", low, extra)
            for label, g, w in zip(("kind", "required", "min", "values"), got, want):
                if g != w:
                    problems.append(f"{path}: {label} is {g}, the model says {w}")
        else:
            problems.append(f"unexpected line: {line.strip()}")

    for op_name in model.operation_names:
        if op_name not in operations:
            problems.append(f"{op_name}: the model has it, swfpp does not")
    for op_name in sorted(operations - set(model.operation_names)):
        problems.append(f"{op_name}: not in the model")
    model_faults = {name for name in model.shape_names if model.shape_for(name).metadata.get("exception")}
    for name in sorted(model_faults ^ faults):
        problems.append(f"{name}: fault {'missing from swf_fault' if name in model_faults else 'not in the model'}")
    # Every member the model has, in model order, for every shape swfpp walked.
    for parent, names in declared.items():
        if names != order.get(parent, []):
            problems.append(f"{parent}: members {names}, the model has {order.get(parent)}")
    for parent, names in order.items():
        op_name = parent.split(".")[0]
        if op_name in operations and names and parent not in declared:
            problems.append(f"{parent}: the model has members {names}, swfpp declares none")
    for p in problems:
        print(p)


if __name__ == "__main__":
    main()
