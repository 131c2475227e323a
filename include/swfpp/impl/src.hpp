// swfpp — the bodies of every non-template function, for the one source file that compiles them
// in separate-compilation mode (src/swfpp.cpp). Include it from exactly one translation unit.
#ifndef SWFPP_IMPL_SRC_HPP
#define SWFPP_IMPL_SRC_HPP

#include "swfpp/detail/config.hpp"

#if !defined(SWFPP_SEPARATE_COMPILATION)
#error "swfpp/impl/src.hpp is for separate-compilation mode: define SWFPP_SEPARATE_COMPILATION"
#endif

// One line per header with bodies: its .ipp, in include-order of the headers.
#include "swfpp/detail/impl/json_reader.ipp"
#include "swfpp/detail/impl/hex.ipp"
#include "swfpp/detail/impl/append.ipp"
#include "swfpp/detail/impl/byte_scan.ipp"
#include "swfpp/detail/impl/decimal.ipp"
#include "swfpp/detail/impl/json_writer.ipp"
#include "swfpp/detail/impl/random.ipp"
#include "swfpp/detail/impl/sigv4_canonical.ipp"
#include "swfpp/impl/error.ipp"
#include "swfpp/impl/http.ipp"
#include "swfpp/impl/sigv4.ipp"
#include "swfpp/impl/value_types.ipp"
#include "swfpp/impl/validate.ipp"
#include "swfpp/impl/endpoint.ipp"
#include "swfpp/impl/retry.ipp"
#include "swfpp/impl/response.ipp"

#endif
