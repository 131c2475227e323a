// AWS SDK for JavaScript v3 peer of the swfpp benchmark: full client calls with no network.
//
// client.send(new RequestCancelWorkflowExecutionCommand(...)) on a real SWFClient (middleware
// stack, serialization, SigV4, retry strategy, deserialization: everything but the socket). A
// custom requestHandler returns the same canned responses as bench/fixtures.hpp.
//
// Prints one JSON object: per-call medians (of batch means) in nanoseconds, wall and process CPU
// time (all threads: GC and JIT included), and the load average.
//   node bench/js/bench.js [--batches 25] [--batch-size 100]
"use strict";

const os = require("os");

// Keep in step with bench/fixtures.hpp and bench/botocore_bench.py.
const ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE";
const SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
const REGION = "us-east-1";
const REQUEST_ID = "0e9c4e52-8d3b-4c1e-9a7f-2b6d5e4c3a10";
const ERROR_BODY =
  '{"__type":"com.amazonaws.swf.base.model#UnknownResourceFault",' +
  '"message":"Unknown execution: WorkflowExecution=[workflowId=order-42, runId=]"}';
const SUCCESS_BODY = "{}";
const INPUT = { domain: "my-domain", workflowId: "order-42" };

function option(name, fallback) {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

async function main() {
  let sdk;
  try {
    sdk = require("@aws-sdk/client-swf");
  } catch (e) {
    console.log(JSON.stringify({ skipped: `@aws-sdk/client-swf is not installed (npm ci in bench/js): ${e.code || e}` }));
    return;
  }
  const { SWFClient, RequestCancelWorkflowExecutionCommand, UnknownResourceFault } = sdk;
  const version = require("@aws-sdk/client-swf/package.json").version;

  const replies = {
    success: { status: 200, body: Buffer.from(SUCCESS_BODY) },
    error: { status: 400, body: Buffer.from(ERROR_BODY) },
  };
  let mode = "success";

  // The HttpHandler contract: handle(request) -> { response }, the response being an
  // HttpResponse-shaped object (statusCode, headers, body; the SDK checks the shape, not the
  // class). The body is handed over as bytes, which the SDK takes without a stream (a real
  // handler gives it a stream: slower, not faster).
  const requestHandler = {
    metadata: { handlerProtocol: "h1" },
    handle() {
      const { status, body } = replies[mode];
      return Promise.resolve({
        response: {
          statusCode: status,
          headers: {
            "x-amzn-requestid": REQUEST_ID,
            "content-type": "application/x-amz-json-1.0",
            "content-length": String(body.length),
            date: "Sun, 30 Aug 2015 12:36:00 GMT",
          },
          body: new Uint8Array(body),
        },
      });
    },
    updateHttpClientConfig() {},
    httpHandlerConfigs() {
      return {};
    },
  };

  const client = new SWFClient({
    region: REGION,
    credentials: { accessKeyId: ACCESS_KEY_ID, secretAccessKey: SECRET_ACCESS_KEY },
    requestHandler,
  });

  const callSuccess = () => client.send(new RequestCancelWorkflowExecutionCommand(INPUT));
  const callError = async () => {
    try {
      await client.send(new RequestCancelWorkflowExecutionCommand(INPUT));
    } catch (e) {
      if (e instanceof UnknownResourceFault) return;
      throw e;
    }
    throw new Error("the error call did not throw UnknownResourceFault");
  };

  const batches = option("--batches", 25);
  const batchSize = option("--batch-size", 100);
  const warmup = option("--warmup", 500);

  async function measure(name, fn) {
    mode = name;
    for (let i = 0; i < warmup; ++i) await fn();
    const means = [];
    const cpuMeans = [];
    for (let b = 0; b < batches; ++b) {
      const t0 = process.hrtime.bigint();
      const c0 = process.cpuUsage();
      for (let i = 0; i < batchSize; ++i) await fn();
      means.push(Number(process.hrtime.bigint() - t0) / batchSize);
      const c = process.cpuUsage(c0);  // microseconds, every thread of the process (GC, JIT too)
      cpuMeans.push(((c.user + c.system) * 1000) / batchSize);
    }
    const median = (xs) => {
      const sorted = [...xs].sort((x, y) => x - y);
      const mid = sorted.length >> 1;
      return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    };
    return {
      median_ns: median(means),
      min_ns: Math.min(...means),
      cpu_median_ns: median(cpuMeans),
      batches,
      batch_size: batchSize,
    };
  }

  const loadBefore = os.loadavg();
  const success = await measure("success", callSuccess);
  const error = await measure("error", callError);
  console.log(
    JSON.stringify({
      client: `@aws-sdk/client-swf ${version}`,
      runtime: `Node.js ${process.version}`,
      load_before: loadBefore,
      load_after: os.loadavg(),
      success,
      error,
    }),
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
