#!/usr/bin/env python3
"""A stand-in for SWF on 127.0.0.1 for tools/run-consumer-checks.sh: answers 200 `{}` to a
signed RequestCancelWorkflowExecution, 400 to anything else. Prints its URL on the first line of
stdout once listening (port 0: a free one), then serves until killed."""
import http.server
import json
import sys

TARGET = "SimpleWorkflowService.RequestCancelWorkflowExecution"


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        problems = []
        if self.headers.get("X-Amz-Target") != TARGET:
            problems.append(f"X-Amz-Target is {self.headers.get('X-Amz-Target')!r}, not {TARGET!r}")
        if not self.headers.get("Authorization", "").startswith("AWS4-HMAC-SHA256"):
            problems.append("no AWS4-HMAC-SHA256 Authorization header")
        try:
            json.loads(body or b"null")
        except ValueError:
            problems.append("body is not JSON")
        if problems:
            sys.stderr.write("loopback_swf: " + "; ".join(problems) + "\n")
            reply = json.dumps({"__type": "com.amazon.coral.validate#ValidationException",
                                "message": "; ".join(problems)}).encode()
            status = 400
        else:
            reply, status = b"{}", 200
        self.send_response(status)
        self.send_header("Content-Type", "application/x-amz-json-1.0")
        self.send_header("Content-Length", str(len(reply)))
        self.send_header("x-amzn-RequestId", "00000000-0000-0000-0000-000000000000")
        self.end_headers()
        self.wfile.write(reply)

    def log_message(self, fmt, *args):  # quiet: the check prints its own line
        pass


def main():
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler)
    print(f"http://127.0.0.1:{server.server_address[1]}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
