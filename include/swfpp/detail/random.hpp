// swfpp — per-thread randomness for retry jitter and invocation ids, and a UUID v4 formatter.
#ifndef SWFPP_DETAIL_RANDOM_HPP
#define SWFPP_DETAIL_RANDOM_HPP

#include <array>
#include <cstdint>
#include <random>

#include "swfpp/detail/config.hpp"

SWFPP_NAMESPACE_BEGIN
namespace detail {

// This thread's generator, seeded once from std::random_device with 256 bits. Per thread, so
// concurrent calls share no state and take no lock. Jitter and invocation ids need to be
// unpredictable enough not to collide, not secret: both are sent in clear.
inline std::mt19937_64& thread_engine() {
    thread_local std::mt19937_64 engine = [] {
        std::random_device device;
        std::seed_seq seed{device(), device(), device(), device(), device(), device(), device(), device()};
        return std::mt19937_64(seed);
    }();
    return engine;
}

// 53 random bits as a double in [0, 1) (std::generate_canonical may return 1.0: LWG 2524).
constexpr double unit_interval(std::uint64_t bits) noexcept {
    return static_cast<double>(bits >> 11) * (1.0 / 9007199254740992.0);
}

// A version 4 (random) UUID from 128 bits, lowercase and hyphenated as Python's
// str(uuid.uuid4()), which is what botocore sends as amz-sdk-invocation-id.
constexpr std::array<char, 36> format_uuid_v4(std::uint64_t high, std::uint64_t low) noexcept {
    high = (high & ~std::uint64_t{0xf000}) | 0x4000;                         // version 4
    low = (low & ~(std::uint64_t{0xc} << 60)) | (std::uint64_t{0x8} << 60);  // variant 10xx
    constexpr char digits[] = "0123456789abcdef";
    std::array<char, 36> out{};
    std::size_t pos = 0;
    for (int i = 0; i < 32; ++i) {
        if (i == 8 || i == 12 || i == 16 || i == 20) out[pos++] = '-';
        const std::uint64_t word = i < 16 ? high : low;
        out[pos++] = digits[(word >> (60 - 4 * (i % 16))) & 0xf];
    }
    return out;
}

inline std::array<char, 36> random_uuid_v4() {
    std::mt19937_64& engine = thread_engine();
    const std::uint64_t high = engine();
    return format_uuid_v4(high, engine());
}

}  // namespace detail
SWFPP_NAMESPACE_END

#endif
