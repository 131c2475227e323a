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
#include "swfpp/operations/request_cancel_workflow_execution.hpp"
#include "swfpp/operations/register_domain.hpp"
#include "swfpp/operations/register_workflow_type.hpp"
#include "swfpp/operations/start_workflow_execution.hpp"
#include "swfpp/operations/describe_workflow_execution.hpp"
#include "swfpp/operations/get_workflow_execution_history.hpp"
#include "swfpp/operations/poll_for_decision_task.hpp"
#include "swfpp/operations/respond_decision_task_completed.hpp"
#include "swfpp/retry.hpp"
#include "swfpp/client.hpp"

#endif
