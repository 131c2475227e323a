// The compiled part of swfpp in separate-compilation mode: every non-template function's body,
// and the only translation unit that includes <simdjson.h>. Build it once, with
// SWFPP_SEPARATE_COMPILATION defined here and in every translation unit that uses swfpp.
#include "swfpp/impl/src.hpp"
