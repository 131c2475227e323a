#!/usr/bin/env python3
"""Resolve SWF endpoints with botocore's own EndpointProvider; the oracle of
tests/test_endpoint_botocore.cpp.

Usage: botocore_endpoint.py CASES.json

CASES.json: {"regions": ["us-east-1", ...], "endpoints": ["https://example.com", ...]}.
Every given region and every region listed in botocore's partitions.json is resolved with each
of the four (UseFIPS, UseDualStack) combinations; every endpoint URL with each combination,
with region "us-east-1" and with no region. Before the rule set, the checks botocore makes when
a client is created run too: validate_region_name and is_valid_uri.

Prints one JSON array on stdout, one object per case:
  {"region": str|null, "endpoint": str|null, "fips": bool, "dualstack": bool,
   and one of "url": str, "error": str (the rule set's message),
   "invalid": "region"|"endpoint" (rejected before the rule set)}
Exits 77 (the "skipped" code of meson and automake) when botocore cannot be imported.
"""

import json
import sys

try:
    import botocore.loaders
    from botocore.endpoint_provider import EndpointProvider
    from botocore.exceptions import EndpointResolutionError, InvalidRegionError
    from botocore.utils import is_valid_uri, validate_region_name
except ImportError as e:  # pragma: no cover - depends on the machine
    print(f"botocore not available: {e}", file=sys.stderr)
    sys.exit(77)

FLAGS = [(False, False), (True, False), (False, True), (True, True)]


def resolve(provider, region, endpoint, fips, dualstack):
    case = {"region": region, "endpoint": endpoint, "fips": fips, "dualstack": dualstack}
    if region is not None:
        try:
            validate_region_name(region)
        except InvalidRegionError:
            case["invalid"] = "region"
            return case
    if endpoint is not None and not is_valid_uri(endpoint):
        case["invalid"] = "endpoint"
        return case
    params = {"UseFIPS": fips, "UseDualStack": dualstack}
    if region is not None:
        params["Region"] = region
    if endpoint is not None:
        params["Endpoint"] = endpoint
    try:
        case["url"] = provider.resolve_endpoint(**params).url
    except EndpointResolutionError as e:
        case["error"] = e.kwargs["msg"]
    return case


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        spec = json.load(f)
    loader = botocore.loaders.create_loader()
    partitions = loader.load_data("partitions")
    provider = EndpointProvider(loader.load_service_model("swf", "endpoint-rule-set-1"), partitions)

    regions = list(spec["regions"])
    for partition in partitions["partitions"]:
        regions.extend(r for r in partition["regions"] if r not in regions)
    cases = []
    for region in regions:
        for fips, dualstack in FLAGS:
            cases.append(resolve(provider, region, None, fips, dualstack))
    for endpoint in spec["endpoints"]:
        for region in ("us-east-1", None):
            for fips, dualstack in FLAGS:
                cases.append(resolve(provider, region, endpoint, fips, dualstack))
    json.dump(cases, sys.stdout)
    print()


if __name__ == "__main__":
    main()
