// swfpp — umbrella header: the sans-I/O core, the SigV4 signer and the client.
// Optional adapters (swfpp/crypto/openssl.hpp, swfpp/transport/curl.hpp) are included separately.
#ifndef SWFPP_SWFPP_HPP
#define SWFPP_SWFPP_HPP

#include "swfpp/detail/config.hpp"
#include "swfpp/error.hpp"
#include "swfpp/http.hpp"
#include "swfpp/result.hpp"

#endif
