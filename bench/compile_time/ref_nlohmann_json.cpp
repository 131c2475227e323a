// Reference TU (bench/compile_time.sh): nlohmann/json parsing one string and reading a member.
// Debian: nlohmann-json3-dev (installed by tools/bench-install-deps.sh, never by swfpp).
#include <nlohmann/json.hpp>

#include <string>

int parse_once(const std::string& text) {
    const auto j = nlohmann::json::parse(text);
    return j.at("count").get<int>();
}
