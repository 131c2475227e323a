#!/usr/bin/env python3
"""Sign requests with botocore's SigV4Auth at a frozen time; the oracle of
tests/test_sigv4_botocore.cpp.

Usage: botocore_sign.py REQUESTS.json [--explain]

REQUESTS.json holds a list of objects:
  {"url": "https://host[:port]/target", "method": "POST",
   "headers": [["Name", "value"], ...],   # in order; repeated names allowed
   "body": "text",                        # sent as its UTF-8 bytes
   "access_key": "...", "secret_key": "...", "token": "" | "...",
   "region": "us-east-1", "service": "swf",
   "time_us": 1440938160000000}          # microseconds since the Unix epoch, UTC

For each request, one line on stdout, fields separated by a tab:
  Authorization, X-Amz-Date, X-Amz-Security-Token (empty when absent)
--explain also writes botocore's canonical request and string to sign to stderr.
Credentials are never printed. Exits 77 (the "skipped" code of meson and automake) when
botocore cannot be imported.
"""

import datetime
import json
import sys
from unittest import mock

try:
    import botocore
    import botocore.auth
    from botocore.awsrequest import AWSRequest
    from botocore.credentials import Credentials
except ImportError as e:  # pragma: no cover - depends on the machine
    print(f"botocore not available: {e}", file=sys.stderr)
    sys.exit(77)


def sign(spec, explain):
    request = AWSRequest(method=spec["method"], url=spec["url"], data=spec["body"].encode("utf-8"))
    for name, value in spec["headers"]:
        request.headers[name] = value  # HTTPHeaders appends: repeated names stay repeated
    credentials = Credentials(spec["access_key"], spec["secret_key"], spec["token"] or None)
    signer = botocore.auth.SigV4Auth(credentials, spec["service"], spec["region"])
    if explain:  # record what add_auth computes (recomputing afterwards would see Authorization)
        canonical_request, string_to_sign = signer.canonical_request, signer.string_to_sign

        def record_creq(req):
            text = canonical_request(req)
            print(f"--- canonical request\n{text}", file=sys.stderr)
            return text

        def record_sts(req, creq):
            text = string_to_sign(req, creq)
            print(f"--- string to sign\n{text}", file=sys.stderr)
            return text

        signer.canonical_request, signer.string_to_sign = record_creq, record_sts
    now = datetime.datetime(1970, 1, 1) + datetime.timedelta(microseconds=spec["time_us"])
    # add_auth reads the clock through this module-level helper (botocore >= 1.31).
    with mock.patch.object(botocore.auth, "get_current_datetime", return_value=now):
        signer.add_auth(request)
    return "\t".join((request.headers["Authorization"], request.headers["X-Amz-Date"],
                      request.headers.get("X-Amz-Security-Token") or ""))


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    if not hasattr(botocore.auth, "get_current_datetime"):
        print(f"botocore {botocore.__version__} is too old to freeze its clock", file=sys.stderr)
        return 77
    with open(argv[1], encoding="utf-8") as f:
        specs = json.load(f)
    explain = "--explain" in argv[2:]
    for spec in specs:
        print(sign(spec, explain))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
