// swfpp — AWS credentials and the parameters of one signing.
#ifndef SWFPP_CREDENTIALS_HPP
#define SWFPP_CREDENTIALS_HPP

#include <array>
#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "swfpp/detail/config.hpp"

SWFPP_NAMESPACE_BEGIN

// Static AWS credentials. `session_token` is empty for long-term keys. swfpp never prints,
// logs or puts into an error message the secret or the token.
struct credentials {
    std::string access_key_id;
    std::string secret_access_key;
    std::string session_token;
};

// Everything a signer needs besides the request itself. All of it is passed in: the core never
// reads a clock, the environment or a credentials file.
using sha256_digest = std::array<std::uint8_t, 32>;

struct signing_params {
    const credentials& creds;
    std::string_view region;   // e.g. "us-east-1"
    std::string_view service;  // SigV4 signing name; "swf" for SWF
    std::chrono::system_clock::time_point time;
    // Optional: SHA-256 of creds.secret_access_key, computed once by a caller that signs with
    // the same credentials many times (basic_client does), so that the signer's key cache
    // need not hash the secret on every signing. Must be that digest when set.
    const sha256_digest* secret_fingerprint = nullptr;
};

SWFPP_NAMESPACE_END

#endif
