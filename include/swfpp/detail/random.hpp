// swfpp — per-thread randomness for retry jitter and invocation ids, and a UUID v4 formatter.
#ifndef SWFPP_DETAIL_RANDOM_HPP
#define SWFPP_DETAIL_RANDOM_HPP

#include <array>
#include <cstddef>
#include <cstdint>

#include "swfpp/detail/config.hpp"
#include "swfpp/detail/hex.hpp"

SWFPP_NAMESPACE_BEGIN
namespace detail {

// xoshiro256** (Blackman and Vigna, public domain): a small, fast generator with 256 bits of
// state, meeting the UniformRandomBitGenerator requirements. mt19937_64 costs several times as
// much per draw on average (its state refresh), and a call draws twice for its invocation id.
class xoshiro256 {
public:
    using result_type = std::uint64_t;
    static constexpr result_type min() noexcept { return 0; }
    static constexpr result_type max() noexcept { return ~result_type{0}; }

    // Seeds the state from splitmix64 over `seed`, as the authors recommend.
    SWFPP_DECL explicit xoshiro256(const std::array<std::uint64_t, 4>& seed) noexcept;

    SWFPP_DECL result_type operator()() noexcept;

private:
    static constexpr std::uint64_t rotl(std::uint64_t x, int k) noexcept { return (x << k) | (x >> (64 - k)); }
    std::uint64_t s_[4];
};

// 256 bits to seed a generator with: the operating system's random bytes (getrandom() or
// /dev/urandom; std::random_device where there is no POSIX, so that only that case pays for
// <random>), mixed with the clocks, a per-thread address and a process-wide count, so that no
// two threads start alike even where the system has nothing to give.
SWFPP_DECL std::array<std::uint64_t, 4> random_seed();

// This thread's generator, seeded once from random_seed(). Per thread, so concurrent calls
// share no state and take no lock. Jitter and invocation ids need to be unpredictable enough
// not to collide, not secret: both are sent in clear.
SWFPP_DECL xoshiro256& thread_engine();

// 53 random bits as a double in [0, 1) (std::generate_canonical may return 1.0: LWG 2524).
constexpr double unit_interval(std::uint64_t bits) noexcept {
    return static_cast<double>(bits >> 11) * (1.0 / 9007199254740992.0);
}

// A version 4 (random) UUID from 128 bits, lowercase and hyphenated as Python's
// str(uuid.uuid4()), which is what botocore sends as amz-sdk-invocation-id.
constexpr std::array<char, 36> format_uuid_v4(std::uint64_t high, std::uint64_t low) noexcept {
    high = (high & ~std::uint64_t{0xf000}) | 0x4000;                         // version 4
    low = (low & ~(std::uint64_t{0xc} << 60)) | (std::uint64_t{0x8} << 60);  // variant 10xx
    std::array<char, 36> out{};
    std::size_t pos = 0;
    for (int i = 0; i < 16; ++i) {  // byte by byte, big-endian, hyphens before bytes 4, 6, 8, 10
        if (i == 4 || i == 6 || i == 8 || i == 10) out[pos++] = '-';
        const std::uint64_t word = i < 8 ? high : low;
        const std::size_t byte = (word >> (56 - 8 * (i % 8))) & 0xff;
        out[pos++] = hex_pairs[2 * byte];
        out[pos++] = hex_pairs[2 * byte + 1];
    }
    return out;
}

SWFPP_DECL std::array<char, 36> random_uuid_v4();

}  // namespace detail
SWFPP_NAMESPACE_END

#if defined(SWFPP_HEADER_ONLY)
#include "swfpp/detail/impl/random.ipp"
#endif

#endif
