// swfpp — umbrella header: the sans-I/O core, the SigV4 signer and the client.
// Optional adapters are separate headers that only their users pay for:
//   swfpp/crypto/openssl.hpp (link libcrypto), swfpp/transport/curl.hpp (link libcurl).
#ifndef SWFPP_SWFPP_HPP
#define SWFPP_SWFPP_HPP

#include "swfpp/detail/config.hpp"
#include "swfpp/error.hpp"
#include "swfpp/result.hpp"
#include "swfpp/http.hpp"
#include "swfpp/credentials.hpp"
#include "swfpp/value_types.hpp"
#include "swfpp/shape.hpp"
#include "swfpp/validate.hpp"
#include "swfpp/serialize.hpp"
#include "swfpp/endpoint.hpp"
#include "swfpp/service.hpp"
#include "swfpp/request.hpp"
#include "swfpp/response.hpp"
#include "swfpp/sigv4.hpp"
#include "swfpp/types/common.hpp"
#include "swfpp/types/history.hpp"
#include "swfpp/types/decisions.hpp"
#include "swfpp/types/registrations.hpp"
#include "swfpp/types/visibility.hpp"
#include "swfpp/operations.hpp"
#include "swfpp/retry.hpp"
#include "swfpp/client.hpp"
#include "swfpp/paginator.hpp"

#endif
