// swfpp — configuration: version, ABI namespace and feature switches.
#ifndef SWFPP_DETAIL_CONFIG_HPP
#define SWFPP_DETAIL_CONFIG_HPP

#define SWFPP_VERSION_MAJOR 0
#define SWFPP_VERSION_MINOR 1
#define SWFPP_VERSION_PATCH 0
#define SWFPP_VERSION_STRING "0.1.0"

// Every entity lives in a versioned inline namespace so two copies of swfpp of different
// versions linked into one program cannot silently violate the one-definition rule.
#define SWFPP_ABI_NAMESPACE v0_1
#define SWFPP_NAMESPACE_BEGIN \
    namespace swfpp {         \
    inline namespace SWFPP_ABI_NAMESPACE {
#define SWFPP_NAMESPACE_END \
    }                       \
    }

#endif
