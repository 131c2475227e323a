// swfpp — the constants that identify Amazon SWF on the wire (from its service model).
#ifndef SWFPP_SERVICE_HPP
#define SWFPP_SERVICE_HPP

#include <string_view>

#include "swfpp/detail/config.hpp"

SWFPP_NAMESPACE_BEGIN

struct swf_service {
    static constexpr std::string_view target_prefix = "SimpleWorkflowService";  // X-Amz-Target
    static constexpr std::string_view signing_name = "swf";                     // SigV4 service
    static constexpr std::string_view content_type = "application/x-amz-json-1.0";
};

SWFPP_NAMESPACE_END

#endif
