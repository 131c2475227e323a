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

// Separate-compilation mode (as in Asio and Beast): define SWFPP_SEPARATE_COMPILATION in every
// translation unit and compile src/swfpp.cpp once (the `swfpp-compiled` / `swfpp::compiled`
// library); the headers then only declare their non-template functions and never include
// <simdjson.h>. Without it (the default) everything is inline in the headers.
#if defined(SWFPP_SEPARATE_COMPILATION)
#define SWFPP_DECL
#else
#define SWFPP_HEADER_ONLY 1
#define SWFPP_DECL inline
#endif

#endif
