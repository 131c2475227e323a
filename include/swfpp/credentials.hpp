// swfpp — AWS credentials and the parameters of one signing.
#ifndef SWFPP_CREDENTIALS_HPP
#define SWFPP_CREDENTIALS_HPP

#include <chrono>
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
struct signing_params {
    const credentials& creds;
    std::string_view region;   // e.g. "us-east-1"
    std::string_view service;  // SigV4 signing name; "swf" for SWF
    std::chrono::system_clock::time_point time;
};

SWFPP_NAMESPACE_END

#endif
