// swfpp — bodies of swfpp/detail/random.hpp.
#ifndef SWFPP_DETAIL_IMPL_RANDOM_IPP
#define SWFPP_DETAIL_IMPL_RANDOM_IPP

#include "swfpp/detail/random.hpp"

#include <atomic>
#include <chrono>
#include <cstdint>
#if defined(__unix__) || defined(__APPLE__)
#include <cerrno>
#include <fcntl.h>
#include <unistd.h>
#if defined(__linux__) && __has_include(<sys/random.h>)
#include <sys/random.h>
#endif
#else
#include <random>  // std::random_device, where there is no POSIX source to read
#endif

SWFPP_NAMESPACE_BEGIN
namespace detail {

xoshiro256::xoshiro256(const std::array<std::uint64_t, 4>& seed) noexcept {
    for (std::size_t i = 0; i < 4; ++i) {
        std::uint64_t z = seed[i] + 0x9e3779b97f4a7c15ull * (i + 1);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        s_[i] = z ^ (z >> 31);
    }
    if ((s_[0] | s_[1] | s_[2] | s_[3]) == 0) s_[0] = 1;  // the one state it must not be in
}

xoshiro256::result_type xoshiro256::operator()() noexcept {
    const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
}

std::array<std::uint64_t, 4> random_seed() {
    std::array<std::uint64_t, 4> seed{};
#if defined(__unix__) || defined(__APPLE__)
    // A source that fails or falls short leaves zeros, which the mixing below still covers.
    unsigned char* const bytes = reinterpret_cast<unsigned char*>(seed.data());
    std::size_t filled = 0;
#if defined(__linux__) && __has_include(<sys/random.h>)
    // getrandom() needs no file descriptor, and works where /dev is not mounted (chroots);
    // it fails with ENOSYS only on kernels before 3.17, which then have /dev/urandom.
    while (filled < sizeof seed) {
        const ssize_t n = getrandom(bytes + filled, sizeof seed - filled, 0);
        if (n > 0)
            filled += static_cast<std::size_t>(n);
        else if (n == 0 || errno != EINTR)
            break;
    }
#endif
    if (filled < sizeof seed) {
        if (const int fd = ::open("/dev/urandom", O_RDONLY | O_CLOEXEC); fd >= 0) {
            while (filled < sizeof seed) {
                const ssize_t n = ::read(fd, bytes + filled, sizeof seed - filled);
                if (n > 0)
                    filled += static_cast<std::size_t>(n);
                else if (n == 0 || errno != EINTR)
                    break;
            }
            ::close(fd);
        }
    }
#else
    std::random_device device;
    for (std::uint64_t& word : seed) word = (std::uint64_t{device()} << 32) ^ device();
#endif
    // XOR keeps the system's bytes as random as they were, and makes zeros differ by thread.
    static std::atomic<std::uint64_t> seeds{0};
    seed[0] ^= static_cast<std::uint64_t>(std::chrono::system_clock::now().time_since_epoch().count());
    seed[1] ^= static_cast<std::uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count());
    seed[2] ^= static_cast<std::uint64_t>(reinterpret_cast<std::uintptr_t>(&seed));
    seed[3] ^= seeds.fetch_add(1, std::memory_order_relaxed);
    return seed;
}

xoshiro256& thread_engine() {
    thread_local xoshiro256 engine(random_seed());
    return engine;
}

std::array<char, 36> random_uuid_v4() {
    xoshiro256& engine = thread_engine();
    const std::uint64_t high = engine();
    return format_uuid_v4(high, engine());
}

}  // namespace detail
SWFPP_NAMESPACE_END

#endif
