// swfpp benchmarks: each stage of a call on its own, the full call through basic_client with a
// no-op transport, the OpenSSL baseline for SigV4, 1 and 2 threads on one client, and cost by
// body size. Every benchmark reports heap allocations per call as counters:
//   allocs   every allocation that reached malloc, whoever made it (swfpp, libstdc++, OpenSSL...)
//   new      the share made through operator new
//   openssl  the share made by OpenSSL itself (CRYPTO_malloc)
//   bytes    bytes requested per call
// Counts are taken after one warm-up call, so they are steady-state figures.
//
// Probe mode runs one scenario N times with nothing else around it, for load-independent
// figures under valgrind (bench/callgrind.py):
//   swfpp_bench --probe=call/success --probe-iterations=2000 [--probe-args=LENGTH,RUNID]
//   swfpp_bench --list-probes
#include "alloc_counter.hpp"
#include "baseline.hpp"
#include "fixtures.hpp"

#include <benchmark/benchmark.h>

#if defined(__has_include)
#if __has_include(<valgrind/callgrind.h>)
#include <valgrind/callgrind.h>
#define SWFPP_BENCH_CALLGRIND 1
#endif
#endif
#ifndef SWFPP_BENCH_CALLGRIND
#define CALLGRIND_TOGGLE_COLLECT
#endif

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace {

namespace sb = swfpp_bench;

[[noreturn]] void fail(const char* what) {
    std::fprintf(stderr, "swfpp_bench: %s\n", what);
    std::abort();
}

swfpp::endpoint bench_endpoint() {
    auto ep = swfpp::endpoint_for_region(sb::region);
    if (!ep) fail("endpoint_for_region failed");
    return *ep;
}

// ---- Scenarios: one call of each thing measured ----------------------------------------------
// Each is constructed once per benchmark thread (setup, not timed) and then called repeatedly.

struct validate_serialize {
    sb::input in;
    std::string body;
    explicit validate_serialize(const sb::params& p) : in(sb::make_input(p)) {}
    void operator()() {
        if (!swfpp::validate(in)) fail("validate failed");
        body.clear();
        swfpp::serialize_json(in, body);
        benchmark::DoNotOptimize(body.data());
    }
};

struct build_request {
    sb::input in;
    swfpp::endpoint ep = bench_endpoint();
    swfpp::http_request req;
    explicit build_request(const sb::params& p) : in(sb::make_input(p)) {}
    void operator()() {
        if (!swfpp::build_request<sb::op>(in, ep, req)) fail("build_request failed");
        benchmark::DoNotOptimize(req.body.data());
    }
};

// A built request and what signing it needs, at the fixed time, with the secret's fingerprint
// computed once, as basic_client does.
struct signing_fixture {
    swfpp::credentials creds = sb::bench_credentials();
    swfpp::sha256_digest fingerprint = swfpp::openssl_crypto().sha256(creds.secret_access_key);
    swfpp::signing_params sp{creds, sb::region, "swf", sb::fixed_time(), &fingerprint};
    swfpp::http_request req;
    explicit signing_fixture(const sb::params& p) {
        if (!swfpp::build_request<sb::op>(sb::make_input(p), bench_endpoint(), req)) fail("build_request failed");
    }
};

// Re-signs the same request: the signer's own work with a cached key (the header strings it
// writes keep their capacity across calls).
struct sign_warm : signing_fixture {
    swfpp::openssl_sigv4_signer signer;
    using signing_fixture::signing_fixture;
    void operator()() {
        if (!signer.sign(req, sp)) fail("sign failed");
        benchmark::DoNotOptimize(req.headers.data());
    }
};

// A new signer per call: derives the signing key (4 more HMACs) and fills a cache entry.
struct sign_cold : signing_fixture {
    using signing_fixture::signing_fixture;
    void operator()() {
        swfpp::openssl_sigv4_signer signer;
        if (!signer.sign(req, sp)) fail("sign failed");
        benchmark::DoNotOptimize(req.headers.data());
    }
};

// A crypto policy that hashes nothing: sigv4_signer<null_crypto> is the signer's own cost
// (validation, canonical request, key cache, headers) without SHA-256/HMAC.
struct null_crypto {
    swfpp::sha256_digest sha256(std::string_view bytes) const noexcept {
        swfpp::sha256_digest d{};
        d[0] = static_cast<std::uint8_t>(bytes.size());
        return d;
    }
    swfpp::sha256_digest hmac_sha256(std::string_view key, std::string_view bytes) const noexcept {
        swfpp::sha256_digest d{};
        d[0] = static_cast<std::uint8_t>(key.size() ^ bytes.size());
        return d;
    }
};

struct sign_warm_null_crypto : signing_fixture {
    swfpp::sigv4_signer<null_crypto> signer;
    using signing_fixture::signing_fixture;
    void operator()() {
        if (!signer.sign(req, sp)) fail("sign failed");
        benchmark::DoNotOptimize(req.headers.data());
    }
};

// The same over openssl_evp_crypto, the provider-backed policy (for FIPS-only deployments).
struct sign_warm_evp_crypto : signing_fixture {
    swfpp::sigv4_signer<swfpp::openssl_evp_crypto> signer;
    using signing_fixture::signing_fixture;
    void operator()() {
        if (!signer.sign(req, sp)) fail("sign failed");
        benchmark::DoNotOptimize(req.headers.data());
    }
};

// basic_client::prepare: validate + serialize + build + sign (warm key), as a call does it.
struct prepare {
    sb::client client{sb::bench_config(), sb::noop_transport{&sb::success_response()}};
    sb::input in;
    swfpp::http_request req;
    explicit prepare(const sb::params& p) : in(sb::make_input(p)) {}
    void operator()() {
        if (!client.prepare<sb::op>(in, req)) fail("prepare failed");
        benchmark::DoNotOptimize(req.headers.data());
    }
};

// What the no-op transport itself costs inside a call (clear + fill the response): not swfpp's.
struct transport_only {
    sb::noop_transport transport;
    swfpp::http_request req;
    swfpp::http_response resp;
    explicit transport_only(const sb::params&) : transport{&sb::success_response()} {}
    void operator()() {
        resp.clear();
        if (!transport.send(req, resp)) fail("send failed");
        benchmark::DoNotOptimize(resp.body.data());
    }
};

template <bool Error>
struct parse {
    swfpp::http_response resp;
    explicit parse(const sb::params&) {
        const sb::canned_response& c = Error ? sb::error_response() : sb::success_response();
        resp.status = c.status;
        for (const swfpp::http_header& h : c.headers) resp.headers.push_back(h);
        resp.body = c.body;
    }
    void operator()() {
        auto r = swfpp::parse_response<sb::op>(resp);
        if (r.ok() == Error) fail("unexpected parse result");
        benchmark::DoNotOptimize(r);
    }
};

// The full call: basic_client<noop_transport, openssl_sigv4_signer> with the system clock,
// through call_into with one result reused from call to call (the steady-state API).
template <bool Error>
struct call {
    sb::client client;
    sb::input in;
    swfpp::result<sb::op::output> r{sb::op::output{}};
    explicit call(const sb::params& p)
        : client(sb::bench_config(), sb::noop_transport{Error ? &sb::error_response() : &sb::success_response()}),
          in(sb::make_input(p)) {
        client.call_into<sb::op>(in, r);
        if (Error && (r.ok() || !r.error().is(swfpp::swf_fault::unknown_resource)))
            fail("the error call did not return UnknownResourceFault");
        if (!Error && !r.ok()) fail("the success call failed");
    }
    void operator()() {
        if (client.call_into<sb::op>(in, r) == Error) fail("unexpected call result");
        benchmark::DoNotOptimize(r);
    }
};

// The same through the value-returning member, client.request_cancel_workflow_execution(in):
// a failed call returns a new error, whose strings are new allocations.
template <bool Error>
struct call_by_value {
    sb::client client;
    sb::input in;
    explicit call_by_value(const sb::params& p)
        : client(sb::bench_config(), sb::noop_transport{Error ? &sb::error_response() : &sb::success_response()}),
          in(sb::make_input(p)) {}
    void operator()() {
        auto r = client.request_cancel_workflow_execution(in);
        if (r.ok() == Error) fail("unexpected call result");
        benchmark::DoNotOptimize(r);
    }
};

// The full success call with sigv4_signer<null_crypto>: everything but the hashing.
struct call_null_crypto {
    swfpp::basic_client<sb::noop_transport, swfpp::sigv4_signer<null_crypto>> client;
    sb::input in;
    explicit call_null_crypto(const sb::params& p)
        : client(sb::bench_config(), sb::noop_transport{&sb::success_response()}), in(sb::make_input(p)) {}
    void operator()() {
        auto r = client.request_cancel_workflow_execution(in);
        if (!r.ok()) fail("unexpected call result");
        benchmark::DoNotOptimize(r);
    }
};

// The full success call on one client shared by every benchmark thread.
struct call_shared {
    static sb::client& shared() {
        static sb::client c(sb::bench_config(), sb::noop_transport{&sb::success_response()});
        return c;
    }
    sb::input in;
    explicit call_shared(const sb::params& p) : in(sb::make_input(p)) {}
    void operator()() {
        auto r = shared().request_cancel_workflow_execution(in);
        if (!r.ok()) fail("unexpected call result");
        benchmark::DoNotOptimize(r);
    }
};

// The bytes one signing hashes, taken from swfpp itself, for the OpenSSL baselines.
sb::sigv4_bytes bytes_to_sign(const sb::params& p) {
    signing_fixture f(p);
    swfpp::prepare_for_signing(f.req, f.sp);
    swfpp::sigv4_signing_input si;
    const swfpp::openssl_crypto crypto;
    swfpp::make_signing_input(f.req, f.sp, crypto, si);
    sb::sigv4_bytes b;
    b.body = f.req.body;
    b.canonical_request = si.canonical_request;
    b.string_to_sign = si.string_to_sign;
    b.secret = f.creds.secret_access_key;
    b.date = si.amz_date.substr(0, 8);
    b.region = sb::region;
    b.service = "swf";
    b.signing_key = swfpp::derive_signing_key(b.secret, b.date, b.region, b.service, crypto);
    return b;
}

template <sb::digest (*Fn)(const sb::sigv4_bytes&) noexcept>
struct baseline {
    sb::sigv4_bytes b;
    explicit baseline(const sb::params& p) : b(bytes_to_sign(p)) {}
    void operator()() {
        const sb::digest d = Fn(b);
        benchmark::DoNotOptimize(d);
    }
};

// The same three computations as baseline_*_warm, through swfpp's openssl_crypto policy.
struct crypto_policy_warm {
    sb::sigv4_bytes b;
    swfpp::openssl_crypto crypto;
    explicit crypto_policy_warm(const sb::params& p) : b(bytes_to_sign(p)) {}
    void operator()() {
        const auto body = crypto.sha256(b.body);
        const auto request = crypto.sha256(b.canonical_request);
        const auto sig = crypto.hmac_sha256(
            std::string_view(reinterpret_cast<const char*>(b.signing_key.data()), b.signing_key.size()),
            b.string_to_sign);
        benchmark::DoNotOptimize(body);
        benchmark::DoNotOptimize(request);
        benchmark::DoNotOptimize(sig);
    }
};

// ---- Running them ------------------------------------------------------------------------------

void report_allocs(benchmark::State& state, const sb::alloc_counts& d) {
    using C = benchmark::Counter;
    state.counters["allocs"] = C(static_cast<double>(d.heap), C::kAvgIterations);
    state.counters["new"] = C(static_cast<double>(d.cxx_new), C::kAvgIterations);
    state.counters["openssl"] = C(static_cast<double>(d.openssl), C::kAvgIterations);
    state.counters["bytes"] = C(static_cast<double>(d.bytes), C::kAvgIterations);
}

template <class S>
void run_benchmark(benchmark::State& state, sb::params p) {
    S scenario(p);
    scenario();  // warm: thread_local buffers, parser capacity, key cache
    const sb::alloc_counts before = sb::thread_alloc_counts();
    for (auto _ : state) scenario();
    report_allocs(state, sb::thread_alloc_counts() - before);
    state.SetItemsProcessed(state.iterations());
}

template <class S>
void run_probe(const sb::params& p, std::uint64_t iterations) {
    S scenario(p);
    for (int i = 0; i < 100; ++i) scenario();  // warm, outside the measured region
    const sb::alloc_counts before = sb::thread_alloc_counts();
    CALLGRIND_TOGGLE_COLLECT;
    swfpp_bench_measuring = 1;
    for (std::uint64_t i = 0; i < iterations; ++i) scenario();
    swfpp_bench_measuring = 0;
    CALLGRIND_TOGGLE_COLLECT;
    const sb::alloc_counts d = sb::thread_alloc_counts() - before;
    const auto per = [&](std::uint64_t v) { return static_cast<double>(v) / static_cast<double>(iterations); };
    std::printf("iterations %llu\nallocs/call %.2f\nnew/call %.2f\nopenssl/call %.2f\nbytes/call %.1f\n",
                static_cast<unsigned long long>(iterations), per(d.heap), per(d.cxx_new), per(d.openssl),
                per(d.bytes));
}

struct scenario_entry {
    const char* name;
    void (*bench)(benchmark::State&, sb::params);
    void (*probe)(const sb::params&, std::uint64_t);
};

template <class S>
constexpr scenario_entry entry(const char* name) {
    return {name, &run_benchmark<S>, &run_probe<S>};
}

// Names are "group/what"; bench/compare.py and bench/callgrind.py refer to them.
const scenario_entry scenarios[] = {
    entry<validate_serialize>("stage/validate_serialize"),
    entry<build_request>("stage/build_request"),
    entry<sign_warm>("stage/sign_warm"),
    entry<sign_cold>("stage/sign_cold"),
    entry<sign_warm_evp_crypto>("stage/sign_warm_evp_crypto"),
    entry<sign_warm_null_crypto>("stage/sign_warm_null_crypto"),
    entry<prepare>("stage/prepare"),
    entry<parse<false>>("stage/parse_success"),
    entry<parse<true>>("stage/parse_error"),
    entry<transport_only>("stage/noop_transport"),
    entry<call<false>>("call/success"),
    entry<call<true>>("call/error"),
    entry<call_by_value<false>>("call/success_by_value"),
    entry<call_by_value<true>>("call/error_by_value"),
    entry<call_null_crypto>("call/success_null_crypto"),
    entry<baseline<sb::baseline_lowlevel_warm>>("baseline/openssl_lowlevel_warm"),
    entry<baseline<sb::baseline_lowlevel_cold>>("baseline/openssl_lowlevel_cold"),
    entry<baseline<sb::baseline_evp_warm>>("baseline/openssl_evp_warm"),
    entry<baseline<sb::baseline_evp_cold>>("baseline/openssl_evp_cold"),
    entry<baseline<sb::baseline_hmac_oneshot>>("baseline/openssl_HMAC_oneshot"),
    entry<crypto_policy_warm>("baseline/swfpp_openssl_crypto_warm"),
};

const scenario_entry shared_entry = entry<call_shared>("threads/call_success_shared_client");
const scenario_entry size_entry = entry<call<false>>("size/call_success");

void register_benchmarks() {
    for (const scenario_entry& s : scenarios) benchmark::RegisterBenchmark(s.name, s.bench, sb::params{});
    // 1 and 2 threads on one client. Real time: items_per_second is the throughput of the whole
    // process; CPU time per call (cpu * threads) shows contention even on a loaded machine.
    benchmark::RegisterBenchmark(shared_entry.name, shared_entry.bench, sb::params{})
        ->Threads(1)
        ->Threads(2)
        ->UseRealTime();
    for (int len : {1, 16, 64, 256})
        for (bool run_id : {false, true}) {
            const std::string name = std::string(size_entry.name) + "/len:" + std::to_string(len) +
                                     "/runId:" + (run_id ? "1" : "0");
            benchmark::RegisterBenchmark(name.c_str(), size_entry.bench, sb::params{len, run_id});
        }
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

int probe_main(std::string_view name, std::uint64_t iterations, const sb::params& p) {
    std::vector<scenario_entry> all(std::begin(scenarios), std::end(scenarios));
    all.push_back(shared_entry);
    all.push_back(size_entry);
    for (const scenario_entry& s : all)
        if (name == s.name) {
            std::printf("probe %s\n", s.name);
            s.probe(p, iterations);
            return 0;
        }
    std::fprintf(stderr, "swfpp_bench: no scenario named '%.*s' (--list-probes)\n", static_cast<int>(name.size()),
                 name.data());
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    const bool openssl_counted = sb::install_openssl_alloc_counter();

    std::string_view probe;
    std::uint64_t probe_iterations = 1000;
    sb::params probe_params;
    for (int i = 1; i < argc; ++i) {
        const std::string_view a = argv[i];
        if (a == "--list-probes") {
            for (const scenario_entry& s : scenarios) std::printf("%s\n", s.name);
            std::printf("%s\n%s (--probe-args=LENGTH,RUNID)\n", shared_entry.name, size_entry.name);
            return 0;
        }
        if (starts_with(a, "--probe=")) probe = a.substr(8);
        if (starts_with(a, "--probe-iterations=")) probe_iterations = std::strtoull(argv[i] + 19, nullptr, 10);
        if (starts_with(a, "--probe-args=")) {
            char* end = nullptr;
            probe_params.length = static_cast<int>(std::strtol(argv[i] + 13, &end, 10));
            probe_params.run_id = end != nullptr && *end == ',' && std::strtol(end + 1, nullptr, 10) != 0;
        }
    }
    if (!probe.empty()) return probe_main(probe, probe_iterations, probe_params);

    register_benchmarks();
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    benchmark::AddCustomContext("alloc_counting",
                                std::string(sb::malloc_is_counted() ? "malloc interposed" : "operator new only") +
                                    (openssl_counted ? ", OpenSSL via CRYPTO_set_mem_functions" : ""));
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
