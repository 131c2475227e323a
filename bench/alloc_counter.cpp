// See alloc_counter.hpp. Only the benchmark executable links this file: replacing operator new
// and interposing malloc is a whole-program decision.
#include "alloc_counter.hpp"

#include <openssl/crypto.h>

#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <new>

namespace {

// Trivially initialised: static TLS in the executable, so the hooks below never allocate to
// find their counters.
thread_local swfpp_bench::alloc_counts tls_counts;

}  // namespace

volatile int swfpp_bench_measuring = 0;

namespace swfpp_bench {

alloc_counts thread_alloc_counts() noexcept { return tls_counts; }

}  // namespace swfpp_bench

// ---- malloc interposition (glibc) ----------------------------------------------------------
// A definition of malloc in the executable takes precedence over libc's for every shared
// library too (ELF symbol interposition), OpenSSL included. The real allocator stays glibc's,
// reached through its exported __libc_* entry points, so pointers from either path can be freed
// by either path.
#if defined(__GLIBC__)
extern "C" {
void* __libc_malloc(std::size_t size);
void* __libc_calloc(std::size_t count, std::size_t size);
void* __libc_realloc(void* p, std::size_t size);
void* __libc_memalign(std::size_t alignment, std::size_t size);
void __libc_free(void* p);

void* malloc(std::size_t size) noexcept {
    ++tls_counts.heap;
    tls_counts.bytes += size;
    return __libc_malloc(size);
}

void* calloc(std::size_t count, std::size_t size) noexcept {
    ++tls_counts.heap;
    tls_counts.bytes += count * size;
    return __libc_calloc(count, size);
}

void* realloc(void* p, std::size_t size) noexcept {
    ++tls_counts.heap;
    tls_counts.bytes += size;
    return __libc_realloc(p, size);
}

void free(void* p) noexcept { __libc_free(p); }

void* memalign(std::size_t alignment, std::size_t size) noexcept {
    ++tls_counts.heap;
    tls_counts.bytes += size;
    return __libc_memalign(alignment, size);
}

void* aligned_alloc(std::size_t alignment, std::size_t size) noexcept { return memalign(alignment, size); }

int posix_memalign(void** out, std::size_t alignment, std::size_t size) noexcept {
    if (alignment % sizeof(void*) != 0 || (alignment & (alignment - 1)) != 0) return EINVAL;
    void* p = memalign(alignment, size);
    if (p == nullptr) return ENOMEM;
    *out = p;
    return 0;
}
}  // extern "C"

bool swfpp_bench::malloc_is_counted() noexcept { return true; }
#else
bool swfpp_bench::malloc_is_counted() noexcept { return false; }
#endif

// ---- OpenSSL's allocations -------------------------------------------------------------------
namespace {

void* counting_crypto_malloc(std::size_t size, const char*, int) {
    ++tls_counts.openssl;
#if !defined(__GLIBC__)
    ++tls_counts.heap;
    tls_counts.bytes += size;
#endif
    return std::malloc(size);
}

void* counting_crypto_realloc(void* p, std::size_t size, const char*, int) {
    ++tls_counts.openssl;
#if !defined(__GLIBC__)
    ++tls_counts.heap;
    tls_counts.bytes += size;
#endif
    return std::realloc(p, size);
}

void counting_crypto_free(void* p, const char*, int) { std::free(p); }

}  // namespace

bool swfpp_bench::install_openssl_alloc_counter() noexcept {
    return CRYPTO_set_mem_functions(counting_crypto_malloc, counting_crypto_realloc, counting_crypto_free) == 1;
}

// ---- operator new/delete ---------------------------------------------------------------------
namespace {

void* counted_new(std::size_t size) {
    ++tls_counts.cxx_new;
#if !defined(__GLIBC__)
    ++tls_counts.heap;
    tls_counts.bytes += size;
#endif
    if (size == 0) size = 1;
    for (;;) {
        if (void* p = std::malloc(size)) return p;
        std::new_handler handler = std::get_new_handler();
        if (handler == nullptr) {
#if defined(__cpp_exceptions) || defined(__EXCEPTIONS)
            throw std::bad_alloc();
#else
            std::abort();
#endif
        }
        handler();
    }
}

void* counted_new_aligned(std::size_t size, std::align_val_t alignment) {
    ++tls_counts.cxx_new;
    std::size_t a = static_cast<std::size_t>(alignment);
    if (a < sizeof(void*)) a = sizeof(void*);
    void* p = nullptr;
    if (posix_memalign(&p, a, size == 0 ? 1 : size) != 0) {
#if defined(__cpp_exceptions) || defined(__EXCEPTIONS)
        throw std::bad_alloc();
#else
        std::abort();
#endif
    }
    return p;
}

}  // namespace

void* operator new(std::size_t size) { return counted_new(size); }
void* operator new[](std::size_t size) { return counted_new(size); }
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
    ++tls_counts.cxx_new;
    return std::malloc(size == 0 ? 1 : size);
}
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept {
    ++tls_counts.cxx_new;
    return std::malloc(size == 0 ? 1 : size);
}
void* operator new(std::size_t size, std::align_val_t a) { return counted_new_aligned(size, a); }
void* operator new[](std::size_t size, std::align_val_t a) { return counted_new_aligned(size, a); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete(void* p, std::size_t, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept { std::free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }
