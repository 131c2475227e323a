// The signer's cache of derived signing keys: keyed by (date, region, service, credentials),
// derived once per key even under concurrent signing. Uses a crypto double that counts
// derivations, so it needs no real crypto.
#include <doctest/doctest.h>

#include <swfpp/sigv4.hpp>

#include "support/retry_doubles.hpp"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace {

// swfpp_test::fake_crypto's deterministic stand-in for SHA-256 and HMAC, counting derivations:
// the last HMAC of every key derivation is over the literal "aws4_request", which no string to
// sign can equal.
struct counting_crypto {
    std::atomic<int>* derivations = nullptr;

    swfpp::sha256_digest sha256(std::string_view bytes) const noexcept { return swfpp_test::fake_crypto::mix({}, bytes); }

    swfpp::sha256_digest hmac_sha256(std::string_view key, std::string_view bytes) const noexcept {
        if (bytes == "aws4_request") derivations->fetch_add(1, std::memory_order_relaxed);
        return swfpp_test::fake_crypto::mix(key, bytes);
    }
};

using signer_type = swfpp::sigv4_signer<counting_crypto>;
using clock_type = std::chrono::system_clock;

const clock_type::time_point day1 = clock_type::time_point(std::chrono::seconds(1440938160));  // 2015-08-30T12:36Z

swfpp::http_request swf_request() {
    swfpp::http_request r;
    r.method = "POST";
    r.scheme = "https";
    r.host = "swf.us-east-1.amazonaws.com";
    r.target = "/";
    r.headers = {{"Host", "swf.us-east-1.amazonaws.com"},
                 {"Content-Type", "application/x-amz-json-1.0"},
                 {"X-Amz-Target", "SimpleWorkflowService.CountOpenWorkflowExecutions"}};
    r.body = R"({"domain":"d"})";
    return r;
}

struct fixture {
    std::atomic<int> derivations{0};
    signer_type signer{counting_crypto{&derivations}};

    std::string sign(const signer_type& s, const swfpp::credentials& c, std::string_view region,
                     std::string_view service, clock_type::time_point t) {
        swfpp::http_request r = swf_request();
        const swfpp::result<void> res = s.sign(r, {c, region, service, t});
        REQUIRE(res.ok());
        return swfpp::find_header(r.headers, "Authorization")->value;
    }
    std::string sign(const swfpp::credentials& c, std::string_view region, std::string_view service,
                     clock_type::time_point t) {
        return sign(signer, c, region, service, t);
    }
    // The same request signed by a new signer: what the cached key must reproduce.
    std::string sign_uncached(const swfpp::credentials& c, std::string_view region, std::string_view service,
                              clock_type::time_point t) {
        std::atomic<int> unused{0};
        const signer_type fresh{counting_crypto{&unused}};
        return sign(fresh, c, region, service, t);
    }
};

const swfpp::credentials creds_a{"AKIDA", "secret-a", ""};

}  // namespace

TEST_CASE_FIXTURE(fixture, "signing twice with the same date, region, service and credentials derives the key once") {
    const std::string first = sign(creds_a, "us-east-1", "swf", day1);
    const std::string second = sign(creds_a, "us-east-1", "swf", day1);
    CHECK(derivations == 1);
    CHECK(first == second);
}

TEST_CASE_FIXTURE(fixture, "a later time on the same UTC day reuses the key; the next day derives a new one") {
    sign(creds_a, "us-east-1", "swf", day1);
    const auto later_same_day = day1 + std::chrono::hours(11);  // 23:36Z
    CHECK(sign(creds_a, "us-east-1", "swf", later_same_day) == sign_uncached(creds_a, "us-east-1", "swf", later_same_day));
    CHECK(derivations == 1);
    const auto next_day = day1 + std::chrono::hours(12);  // 00:36Z the day after
    CHECK(sign(creds_a, "us-east-1", "swf", next_day) == sign_uncached(creds_a, "us-east-1", "swf", next_day));
    CHECK(derivations == 2);
}

TEST_CASE_FIXTURE(fixture, "a new region, service, secret or access key id derives a new key and signs as a fresh signer") {
    sign(creds_a, "us-east-1", "swf", day1);
    REQUIRE(derivations == 1);
    SUBCASE("region") {
        CHECK(sign(creds_a, "eu-west-1", "swf", day1) == sign_uncached(creds_a, "eu-west-1", "swf", day1));
    }
    SUBCASE("service") {
        CHECK(sign(creds_a, "us-east-1", "states", day1) == sign_uncached(creds_a, "us-east-1", "states", day1));
    }
    SUBCASE("secret, same access key id") {
        const swfpp::credentials rotated{"AKIDA", "secret-b", ""};
        CHECK(sign(rotated, "us-east-1", "swf", day1) == sign_uncached(rotated, "us-east-1", "swf", day1));
    }
    SUBCASE("access key id, same secret") {
        const swfpp::credentials other{"AKIDB", "secret-a", ""};
        CHECK(sign(other, "us-east-1", "swf", day1) == sign_uncached(other, "us-east-1", "swf", day1));
    }
    CHECK(derivations == 2);
}

TEST_CASE_FIXTURE(fixture, "a session token alone does not change the key") {
    sign(creds_a, "us-east-1", "swf", day1);
    const swfpp::credentials with_token{"AKIDA", "secret-a", "token"};
    CHECK(sign(with_token, "us-east-1", "swf", day1) == sign_uncached(with_token, "us-east-1", "swf", day1));
    CHECK(derivations == 1);
}

TEST_CASE_FIXTURE(fixture, "alternating between two regions derives each key once") {
    for (int i = 0; i < 10; ++i) {
        sign(creds_a, "us-east-1", "swf", day1);
        sign(creds_a, "eu-west-1", "swf", day1);
    }
    CHECK(derivations == 2);
}

TEST_CASE_FIXTURE(fixture, "more scopes than cache entries evict old keys but every signature stays correct") {
    const char* regions[] = {"us-east-1", "us-east-2", "us-west-1", "us-west-2", "eu-west-1", "eu-central-1"};
    for (int round = 0; round < 3; ++round)
        for (const char* region : regions)
            CHECK(sign(creds_a, region, "swf", day1) == sign_uncached(creds_a, region, "swf", day1));
    CHECK(derivations >= 6);
}

TEST_CASE_FIXTURE(fixture, "a failed validation derives nothing") {
    const swfpp::credentials no_secret{"AKIDA", "", ""};
    swfpp::http_request r = swf_request();
    CHECK_FALSE(signer.sign(r, {no_secret, "us-east-1", "swf", day1}).ok());
    CHECK(derivations == 0);
}

TEST_CASE_FIXTURE(fixture, "concurrent signing from 8 threads on a cold cache derives once and gives identical results") {
    const std::string expected = sign_uncached(creds_a, "us-east-1", "swf", day1);
    constexpr int thread_count = 8;
    constexpr int per_thread = 300;
    std::vector<int> mismatches(thread_count, 0);
    std::vector<int> failures(thread_count, 0);
    std::atomic<bool> go{false};
    std::vector<std::thread> threads;
    for (int t = 0; t < thread_count; ++t)
        threads.emplace_back([&, t] {
            while (!go.load()) std::this_thread::yield();  // start together to race on the cold cache
            for (int i = 0; i < per_thread; ++i) {
                swfpp::http_request r = swf_request();
                if (!signer.sign(r, {creds_a, "us-east-1", "swf", day1}).ok()) {
                    ++failures[static_cast<std::size_t>(t)];
                    continue;
                }
                if (swfpp::find_header(r.headers, "Authorization")->value != expected)
                    ++mismatches[static_cast<std::size_t>(t)];
            }
        });
    go = true;
    for (auto& th : threads) th.join();
    for (int t = 0; t < thread_count; ++t) {
        CHECK(failures[static_cast<std::size_t>(t)] == 0);
        CHECK(mismatches[static_cast<std::size_t>(t)] == 0);
    }
    CHECK(derivations == 1);
}

TEST_CASE_FIXTURE(fixture, "concurrent signing with different scopes gives each thread its own correct signature") {
    const char* regions[] = {"us-east-1", "eu-west-1", "ap-southeast-2", "sa-east-1"};
    std::vector<std::string> expected;
    for (const char* region : regions) expected.push_back(sign_uncached(creds_a, region, "swf", day1));
    std::vector<int> mismatches(4, 0);
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < 4; ++t)
        threads.emplace_back([&, t] {
            for (int i = 0; i < 300; ++i) {
                swfpp::http_request r = swf_request();
                if (!signer.sign(r, {creds_a, regions[t], "swf", day1}).ok() ||
                    swfpp::find_header(r.headers, "Authorization")->value != expected[t])
                    ++mismatches[t];
            }
        });
    for (auto& th : threads) th.join();
    for (int m : mismatches) CHECK(m == 0);
    CHECK(derivations == 4);  // four scopes fit the cache: each derived once
}

TEST_CASE_FIXTURE(fixture, "a copied signer starts with a cold cache and signs identically") {
    const std::string original = sign(creds_a, "us-east-1", "swf", day1);
    const signer_type copy = signer;  // shares the counter through the crypto double
    CHECK(sign(copy, creds_a, "us-east-1", "swf", day1) == original);
    CHECK(derivations == 2);
}

TEST_CASE_FIXTURE(fixture, "a precomputed secret fingerprint signs exactly as the signer's own and shares its cache") {
    const std::string own = sign(creds_a, "us-east-1", "swf", day1);
    CHECK(derivations == 1);
    const swfpp::sha256_digest fingerprint = signer.secret_fingerprint(creds_a);
    swfpp::http_request r = swf_request();
    swfpp::signing_params params{creds_a, "us-east-1", "swf", day1};
    params.secret_fingerprint = &fingerprint;
    REQUIRE(signer.sign(r, params).ok());
    CHECK(swfpp::find_header(r.headers, "Authorization")->value == own);
    CHECK(derivations == 1);
    const swfpp::credentials other_secret{"AKIDA", "secret-b", ""};
    const swfpp::sha256_digest other = signer.secret_fingerprint(other_secret);
    CHECK(other != fingerprint);
    const swfpp::signing_params other_params{other_secret, "us-east-1", "swf", day1, &other};
    r = swf_request();
    REQUIRE(signer.sign(r, other_params).ok());
    CHECK(swfpp::find_header(r.headers, "Authorization")->value == sign_uncached(other_secret, "us-east-1", "swf", day1));
    CHECK(derivations == 2);
}
