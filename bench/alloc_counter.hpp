// Heap allocation counters for the benchmarks: every allocation made by this thread, whoever
// made it. alloc_counter.cpp replaces the global operator new/delete (C++ code: swfpp,
// libstdc++, simdjson), interposes malloc/calloc/realloc/aligned allocation (everything else,
// OpenSSL included), and installs CRYPTO_set_mem_functions so OpenSSL's own share is known.
//
// Counters are thread_local (no contention when several benchmark threads share a client), so
// a delta taken around a loop counts exactly what that loop allocated on its thread.
#ifndef SWFPP_BENCH_ALLOC_COUNTER_HPP
#define SWFPP_BENCH_ALLOC_COUNTER_HPP

#include <cstdint>

// Set by the probe around its measured loop, so a debugger can stop on the allocations of
// steady-state calls only (bench/README.md, "Where the allocations come from").
extern "C" volatile int swfpp_bench_measuring;

namespace swfpp_bench {

struct alloc_counts {
    std::uint64_t heap = 0;     // every allocation that reached malloc (includes the two below)
    std::uint64_t cxx_new = 0;  // through operator new (std::string, std::vector, simdjson)
    std::uint64_t openssl = 0;  // through OpenSSL's CRYPTO_malloc/CRYPTO_realloc
    std::uint64_t bytes = 0;    // bytes requested by all of them

    alloc_counts operator-(const alloc_counts& o) const noexcept {
        return {heap - o.heap, cxx_new - o.cxx_new, openssl - o.openssl, bytes - o.bytes};
    }
};

// This thread's running totals.
alloc_counts thread_alloc_counts() noexcept;

// Routes OpenSSL's allocations through the counting functions. Call first thing in main(),
// before OpenSSL allocates anything; returns false if it was too late.
bool install_openssl_alloc_counter() noexcept;

// True when the malloc interposition is live (it is on glibc; false elsewhere, where `heap`
// then only counts operator new).
bool malloc_is_counted() noexcept;

}  // namespace swfpp_bench

#endif
