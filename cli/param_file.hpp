// swf — option values read from files, as AWS CLI v1 reads them (awscli/paramfile.py):
// `file://path` is replaced by the file's text and `fileb://path` by its bytes. The path may
// start with ~ and hold $VARIABLES. Remote (http://, https://) values are taken literally, as
// in AWS CLI v2.
//
// Pure: reading files and the environment goes through `file_access`, which main() supplies.
#ifndef SWF_CLI_PARAM_FILE_HPP
#define SWF_CLI_PARAM_FILE_HPP

#include <swfpp/detail/utf8.hpp>

#include <algorithm>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "config.hpp"
#include "text.hpp"

namespace swf_cli {

// What reading a whole file gave: its bytes, or the errno and strerror() text of the failure.
struct file_contents {
    std::optional<std::string> bytes;
    int error_number = 0;
    std::string error_text;
};

struct file_access {
    std::function<std::optional<std::string>(std::string_view name)> getenv;
    // The home directory of a user by name, of the current user for "".
    std::function<std::optional<std::string>(std::string_view user)> home_directory;
    std::function<file_contents(const std::string& path)> read;
};

namespace detail {

// os.path.expanduser: "~" or "~user" up to the first '/'; left alone when the user is unknown.
inline std::string expand_user(const std::string& path, const file_access& files) {
    if (path.empty() || path.front() != '~') return path;
    const std::size_t slash = std::min(path.find('/', 1), path.size());
    const std::string user = path.substr(1, slash - 1);
    std::optional<std::string> home;
    if (user.empty()) home = files.getenv("HOME");
    if (!home) home = files.home_directory(user);
    if (!home) return path;
    while (!home->empty() && home->back() == '/') home->pop_back();
    const std::string expanded = *home + path.substr(slash);
    return expanded.empty() ? "/" : expanded;
}

// os.path.expandvars: $name and ${name} (name: ASCII letters, digits, '_') replaced by the
// variable's value; unset variables are left as written.
inline std::string expand_variables(const std::string& path, const file_access& files) {
    const auto is_word = [](char c) { return is_ascii_upper(c) || is_ascii_lower(c) || is_ascii_digit(c) || c == '_'; };
    std::string out;
    for (std::size_t i = 0; i < path.size();) {
        if (path[i] != '$' || i + 1 >= path.size()) {
            out.push_back(path[i++]);
            continue;
        }
        std::size_t end = i + 1;
        std::string name;
        if (path[end] == '{') {
            const auto close = path.find('}', end);
            if (close == std::string::npos) {
                out.push_back(path[i++]);
                continue;
            }
            name = path.substr(end + 1, close - end - 1);
            end = close + 1;
        } else {
            while (end < path.size() && is_word(path[end])) ++end;
            name = path.substr(i + 1, end - i - 1);
            if (name.empty()) {
                out.push_back(path[i++]);
                continue;
            }
        }
        const auto value = files.getenv(name);
        out += value ? *value : path.substr(i, end - i);
        i = end;
    }
    return out;
}

// Python's text mode: universal newlines, "\r\n" and "\r" read as "\n".
inline std::string universal_newlines(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\r') {
            out.push_back(text[i]);
            continue;
        }
        out.push_back('\n');
        if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    }
    return out;
}

}  // namespace detail

// The contents a file:// or fileb:// value stands for.
struct param_file {
    std::string contents;
    bool binary = false;  // fileb://: a Python bytes object rather than a str
};

struct param_file_or_failure {
    std::optional<param_file> value;  // nullopt: not a file value, or `failed`
    std::optional<outcome> failed;
};

// The file a value names, if it starts with file:// or fileb://, read as awscli's get_file
// reads it: text as UTF-8 (the locale's encoding on any current system); errors in its words.
inline param_file_or_failure load_param_file(std::string_view option, const std::string& value, const file_access& files) {
    param_file_or_failure r;
    const bool binary = value.rfind("fileb://", 0) == 0;
    if (!binary && value.rfind("file://", 0) != 0) return r;
    const std::string path =
        detail::expand_variables(detail::expand_user(value.substr(binary ? 8 : 7), files), files);
    const auto fail = [&](std::string_view message) {
        r.failed = failure(exit_param_error,
                           "Error parsing parameter '" + std::string(option) + "': " + std::string(message));
        return r;
    };
    file_contents read = files.read(path);
    if (!read.bytes)
        return fail("Unable to load paramfile " + value + ": [Errno " + std::to_string(read.error_number) + "] " +
                    read.error_text + ": " + python_repr(path));
    if (!binary && swfpp::detail::find_invalid_utf8(*read.bytes) != swfpp::detail::utf8_valid)
        return fail("Unable to load paramfile (" + path +
                    "), text contents could not be decoded.  If this is a binary file, please use the fileb:// "
                    "prefix instead of the file:// prefix.");
    r.value = param_file{binary ? std::move(*read.bytes) : detail::universal_newlines(*read.bytes), binary};
    return r;
}

}  // namespace swf_cli

#endif
