// Reference TU (bench/compile_time.sh): {fmt} used header-only, formatting one string.
// Debian: libfmt-dev (installed by tools/bench-install-deps.sh, never by swfpp).
#define FMT_HEADER_ONLY
#include <fmt/format.h>

#include <string>

std::string format_once(const std::string& domain, int attempt) {
    return fmt::format("cancel {} (attempt {})", domain, attempt);
}
