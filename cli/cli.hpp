// swf — the command table and the command-line parser. Commands and their options are derived
// from swfpp's operation descriptions, so adding an SWF operation to `swf` is one line in
// commands.hpp. Parsing follows the AWS CLI's argparse rules and error texts, with "swf" for
// "aws".
//
// Pure functions over strings; no I/O.
#ifndef SWF_CLI_CLI_HPP
#define SWF_CLI_CLI_HPP

#include <swfpp/shape.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "config.hpp"
#include "skeleton.hpp"
#include "text.hpp"

namespace swf_cli {

// How an option takes its value: one word, one or more words (argparse nargs='+', for lists),
// or none (a boolean member is a --flag / --no-flag pair).
enum class arity { one, words, flag_on, flag_off };

// One option of a command, derived from one member of the operation's input shape.
struct param_spec {
    std::string option;  // "--workflow-id"
    std::string member;  // "workflowId"
    bool required = false;
    swf_cli::arity arity = arity::one;
};

struct invocation;

// Runs a parsed command. Implemented in main.cpp, where the client and its I/O live.
using command_runner = outcome (*)(const invocation&, const environment&);

struct command {
    std::string name;            // "request-cancel-workflow-execution"
    std::string_view operation;  // "RequestCancelWorkflowExecution"
    std::vector<param_spec> params;  // in the order of awscli's argument table
    command_runner run = nullptr;
    // botocore has a paginator for it: --starting-token, --page-size, --max-items, --no-paginate
    bool paginated = false;
};

// awscli/customizations/argrename.py's rows for SWF: a member named `version` would clash with
// the global --version, so the AWS CLI names its option after the type. A row applies as soon as
// the table has its operation.
struct argument_rename {
    std::string_view operation;
    std::string_view member;
    std::string_view option;
};
inline constexpr argument_rename argument_renames[] = {
    {"RegisterActivityType", "version", "--activity-version"},
    {"RegisterWorkflowType", "version", "--workflow-version"},
};

template <class T>
struct without_optional {
    using type = T;
};
template <class T>
struct without_optional<std::optional<T>> {
    using type = T;
};

// The options of an input shape, as the AWS CLI names them: "--" + xform_name(member); a member
// is required exactly when its type is not std::optional (the rule of swfpp/shape.hpp).
template <class Shape>
std::vector<param_spec> params_of() {
    std::vector<param_spec> params;
    swfpp::for_each_member<Shape>([&](const auto& m) {
        using T = typename std::decay_t<decltype(m)>::value_type;
        using V = typename without_optional<T>::type;
        const std::string name = xform_name(m.name);
        const bool required = !swfpp::is_optional<T>::value;
        if constexpr (std::is_same_v<V, bool>) {
            params.push_back(param_spec{"--" + name, std::string(m.name), false, arity::flag_on});
            params.push_back(param_spec{"--no-" + name, std::string(m.name), false, arity::flag_off});
        } else {
            params.push_back(param_spec{"--" + name, std::string(m.name), required,
                                        swfpp::is_vector<V>::value ? arity::words : arity::one});
        }
    });
    return params;
}

// Renames `operation`'s options as argument_renames says. awscli re-inserts a renamed argument
// into its table, so the option moves to the end.
inline void apply_renames(std::string_view operation, std::vector<param_spec>& params) {
    for (const argument_rename& rename : argument_renames) {
        if (rename.operation != operation) continue;
        const auto renamed = std::stable_partition(params.begin(), params.end(),
                                                   [&](const param_spec& p) { return p.member != rename.member; });
        for (auto p = renamed; p != params.end(); ++p) p->option = rename.option;
    }
}

// A table row for swfpp operation `Op`, run by `run`.
template <class Op>
command command_for(command_runner run) {
    static_assert(swfpp::is_operation<Op>::value, "swf: command_for<Op> needs an swfpp operation description");
    command c{xform_name(Op::name), Op::name, params_of<typename Op::input>(), run, swfpp::has_pagination<Op>::value};
    apply_renames(Op::name, c.params);
    return c;
}

// (member, words) in command-line order; a repeated option's last value wins, as in argparse.
// A flag's word is "true" or "false".
using option_values = std::vector<std::pair<std::string, std::vector<std::string>>>;

// A parsed command line.
struct invocation {
    enum class action { run, usage, command_usage, version };
    action what = action::run;
    const command* cmd = nullptr;
    global_options globals;
    option_values values;
    std::optional<std::string> cli_input_json;
    skeleton_kind skeleton = skeleton_kind::none;  // --generate-cli-skeleton [input|output]
    // Paginated commands only.
    std::optional<std::int64_t> page_size;  // --page-size
    std::optional<std::int64_t> max_items;  // --max-items
    std::optional<std::string> starting_token;
};

inline constexpr std::string_view usage_line = "swf [options] <command> [parameters]";

// The usage block the AWS CLI prints with every command-line error (awscli/argparser.py USAGE).
inline std::string usage_block() {
    std::string s = "usage: ";
    s.append(usage_line).append("\n");
    s.append("To see help text, you can run:\n\n  swf help\n  swf <command> help\n");
    return s;
}

// A command-line error, shaped as AWS CLI v2 prints argparse and unknown-option errors:
// "\n", the usage block, "\n", the message, "\n\n"; exit code 252.
inline outcome command_line_error(std::string_view message) {
    outcome o;
    o.code = exit_param_error;
    o.err = "\n" + usage_block() + "\n";
    o.err.append(message).append("\n\n");
    return o;
}

inline outcome argparse_error(std::string_view message) {
    return command_line_error("swf: error: " + std::string(message));
}

inline std::string command_synopsis(const command& c) {
    std::string s = c.name;
    for (std::size_t i = 0; i < c.params.size(); ++i) {
        const auto& p = c.params[i];
        if (p.arity == arity::flag_off) continue;  // shown with its --flag
        s += ' ';
        if (!p.required) s += '[';
        s += p.option;
        if (p.arity == arity::flag_on) s += " | " + c.params[i + 1].option;
        if (p.arity == arity::one) s += " <value>";
        if (p.arity == arity::words) s += " <value> [<value> ...]";
        if (!p.required) s += ']';
    }
    s += " [--cli-input-json <value>]";
    if (c.paginated) s += " [--starting-token <value>] [--page-size <value>] [--max-items <value>]";
    s += " [--generate-cli-skeleton <value>]";
    return s;
}

// `swf help`, `swf --help`, `swf -h`: printed on stdout, exit code 0.
inline std::string usage_text(const std::vector<command>& table, std::string_view version) {
    std::string s = "usage: ";
    s.append(usage_line).append("\n\n");
    s.append("Calls Amazon SWF as \"aws swf <command>\" (AWS CLI v2) does: the same options, environment\n");
    s.append("variables, messages and exit codes. Built on swfpp ").append(version).append(".\n\n");
    s.append("Commands:\n");
    for (const auto& c : table) s.append("  ").append(command_synopsis(c)).append("\n");
    s.append("  help [<command>]   this text, or one command's (\"swf <command> help\" works too)\n\n");
    s.append(
        "Options (before or after the command; --option=value works too):\n"
        "  --region <value>                 beats AWS_REGION, which beats AWS_DEFAULT_REGION\n"
        "  --endpoint-url <value>           beats AWS_ENDPOINT_URL_SWF, which beats AWS_ENDPOINT_URL\n"
        "  --dry-run                        print the signed HTTP request instead of sending it\n"
        "                                   (the session token shows as <redacted>)\n"
        "  --cli-connect-timeout <seconds>  default 60\n"
        "  --cli-read-timeout <seconds>     default 60, 0 for none; bounds the whole exchange\n"
        "  --no-paginate                    one call, its page printed as it came (paginated commands)\n"
        "  --version                        print versions and exit\n\n"
        "Option values: file://path is replaced by the file's text, fileb://path by its bytes.\n\n"
        "Environment (an empty variable counts as unset; config and credentials files are not read):\n"
        "  AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN   the credentials\n"
        "  AWS_REGION, then AWS_DEFAULT_REGION                           the region\n"
        "  AWS_ENDPOINT_URL_SWF, then AWS_ENDPOINT_URL                   the endpoint, unless\n"
        "                                          AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true\n"
        "  AWS_RETRY_MODE    standard (the default), legacy, or adaptive (runs as standard)\n"
        "  AWS_MAX_ATTEMPTS  attempts per call, retries included (default 3; 5 in legacy mode)\n\n"
        "Exit codes:\n"
        "  0    success; the output is printed as JSON as the AWS CLI prints it (nothing when empty)\n"
        "  252  invalid command line or parameters; nothing was sent\n"
        "  253  missing or invalid credentials, region, endpoint or retry settings; nothing was sent\n"
        "  254  the service answered with an error\n"
        "  255  anything else: connection failure, timeout, malformed response\n");
    return s;
}

// `swf <command> help`.
inline std::string command_usage_text(const command& c) {
    std::string s = "usage: swf " + command_synopsis(c) + "\n";
    s.append("       [--region <value>] [--endpoint-url <value>] [--dry-run]\n");
    s.append("       [--cli-connect-timeout <seconds>] [--cli-read-timeout <seconds>]\n\n");
    s.append("Calls the SWF operation ").append(c.operation).append(" and prints its output as JSON.\n");
    s.append("Structures take JSON or shorthand (name=x,version=1), lists one value per word or a JSON\n");
    s.append("array; --cli-input-json takes the whole input as a JSON object, which options override;\n");
    s.append("--generate-cli-skeleton prints a template for it (or, with \"output\", for the output).\n");
    if (c.paginated)
        s.append("Follows nextPageToken and prints all pages merged, unless --no-paginate is given; with\n"
                 "--max-items N it stops after N items and prints a NextToken for --starting-token.\n");
    s.append("See \"swf help\" for the environment variables and exit codes.\n");
    return s;
}

struct parse_result {
    std::optional<invocation> value;
    outcome failed;  // meaningful when !value
};

namespace detail {

// argparse's test for "this word is an option, not a value": it starts with '-', is not "-",
// is not a negative number and contains no space.
inline bool looks_like_option(std::string_view s) {
    if (s.size() < 2 || s.front() != '-') return false;
    if (s.find(' ') != std::string_view::npos) return false;
    std::string_view rest = s.substr(1);
    const auto dot = rest.find('.');
    const auto all_digits = [](std::string_view d) {
        for (char c : d)
            if (!is_ascii_digit(c)) return false;
        return true;
    };
    const bool negative_number = dot == std::string_view::npos
                                     ? all_digits(rest)
                                     : all_digits(rest.substr(0, dot)) && dot + 1 < rest.size() &&
                                           all_digits(rest.substr(dot + 1));
    return !negative_number;
}

enum class global_kind {
    none, region, endpoint_url, connect_timeout, read_timeout, dry_run, no_paginate, version, help,
    cli_input_json, generate_cli_skeleton,  // options of every command
    starting_token, page_size, max_items,   // options of paginated commands
};

inline global_kind find_global(std::string_view name) {
    if (name == "--region") return global_kind::region;
    if (name == "--endpoint-url") return global_kind::endpoint_url;
    if (name == "--cli-connect-timeout") return global_kind::connect_timeout;
    if (name == "--cli-read-timeout") return global_kind::read_timeout;
    if (name == "--dry-run") return global_kind::dry_run;
    if (name == "--no-paginate") return global_kind::no_paginate;
    if (name == "--version") return global_kind::version;
    if (name == "--help") return global_kind::help;
    return global_kind::none;
}

// The option of every command, or of every paginated command, that `name` is.
inline global_kind find_command_option(std::string_view name, const command& c) {
    if (name == "--cli-input-json") return global_kind::cli_input_json;
    if (name == "--generate-cli-skeleton") return global_kind::generate_cli_skeleton;
    if (!c.paginated) return global_kind::none;
    if (name == "--starting-token") return global_kind::starting_token;
    if (name == "--page-size") return global_kind::page_size;
    if (name == "--max-items") return global_kind::max_items;
    return global_kind::none;
}

// argparse's message for a value that is not one of `choices` (awscli's _check_value layout;
// without its "maybe you meant" suggestions).
inline std::string invalid_choice(std::string_view argument, const std::vector<std::string_view>& choices) {
    std::string s = "argument " + std::string(argument) + ": Invalid choice, valid choices are:\n";
    for (std::size_t i = 0; i < choices.size(); i += 2) {
        s += '\n';
        for (std::size_t j = i; j < choices.size() && j < i + 2; ++j) {
            if (j > i) s += " | ";
            std::string cell(choices[j]);
            if (cell.size() < 40) cell.resize(40, ' ');
            s += cell;
        }
    }
    return s;
}

// argparse type=int, with the AWS CLI's message.
inline std::optional<python_int> int_option(std::string_view name, const std::string& value, outcome& failed) {
    auto n = parse_python_int(value);
    if (!n) failed = argparse_error("argument " + std::string(name) + ": invalid int value: " + python_repr(value));
    return n;
}


}  // namespace detail

// Parses argv[1..]. Errors come back as exit code 252 with the AWS CLI's texts: a missing value
// ("argument --domain: expected one argument"), missing required options ("the following
// arguments are required: --domain, --workflow-id"), then unknown words ("Unknown options:
// --foo, x"). Unlike argparse, option names cannot be abbreviated.
inline parse_result parse_command_line(const std::vector<std::string>& args, const std::vector<command>& table) {
    parse_result r;
    invocation inv;
    std::vector<std::string> unknown;
    bool wants_help = false;

    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& word = args[i];
        if (word == "-h") {
            wants_help = true;
            continue;
        }
        if (word.size() > 2 && word[0] == '-' && word[1] == '-') {
            const auto eq = word.find('=');
            const std::string name = word.substr(0, eq);
            std::optional<std::string> explicit_value;
            if (eq != std::string::npos) explicit_value = word.substr(eq + 1);

            auto global = detail::find_global(name);
            if (global == detail::global_kind::none && inv.cmd != nullptr) global = detail::find_command_option(name, *inv.cmd);
            const param_spec* param = nullptr;
            if (global == detail::global_kind::none && inv.cmd != nullptr)
                for (const auto& p : inv.cmd->params)
                    if (p.option == name) param = &p;
            if (global == detail::global_kind::none && param == nullptr) {
                unknown.push_back(word);
                continue;
            }
            if (global == detail::global_kind::version) {  // argparse's version action exits at once
                inv.what = invocation::action::version;
                r.value = std::move(inv);
                return r;
            }
            const bool is_flag = global == detail::global_kind::dry_run || global == detail::global_kind::help ||
                                 global == detail::global_kind::no_paginate ||
                                 (param != nullptr && (param->arity == arity::flag_on || param->arity == arity::flag_off));
            if (is_flag) {
                if (explicit_value) {
                    r.failed = argparse_error("argument " + name + ": ignored explicit argument " +
                                              python_repr(*explicit_value));
                    return r;
                }
                if (param != nullptr)
                    inv.values.push_back({param->member, {param->arity == arity::flag_on ? "true" : "false"}});
                else if (global == detail::global_kind::dry_run)
                    inv.globals.dry_run = true;
                else if (global == detail::global_kind::no_paginate)
                    inv.globals.paginate = false;
                else
                    wants_help = true;
                continue;
            }
            if (global == detail::global_kind::generate_cli_skeleton) {  // nargs='?', const 'input'
                std::string value = "input";
                if (explicit_value)
                    value = std::move(*explicit_value);
                else if (i + 1 < args.size() && !detail::looks_like_option(args[i + 1]))
                    value = args[++i];
                if (value != "input" && value != "output") {
                    r.failed = argparse_error(detail::invalid_choice(name, {"input", "output"}));
                    return r;
                }
                inv.skeleton = value == "input" ? skeleton_kind::input : skeleton_kind::output;
                continue;
            }
            if (param != nullptr && param->arity == arity::words) {  // nargs='+'
                std::vector<std::string> words;
                if (explicit_value) words.push_back(std::move(*explicit_value));
                while (!explicit_value && i + 1 < args.size() && !detail::looks_like_option(args[i + 1]))
                    words.push_back(args[++i]);
                if (words.empty()) {
                    r.failed = argparse_error("argument " + name + ": expected at least one argument");
                    return r;
                }
                inv.values.emplace_back(param->member, std::move(words));
                continue;
            }
            std::string value;
            if (explicit_value) {
                value = std::move(*explicit_value);
            } else if (i + 1 < args.size() && !detail::looks_like_option(args[i + 1])) {
                value = args[++i];
            } else {
                r.failed = argparse_error("argument " + name + ": expected one argument");
                return r;
            }
            switch (global) {
                case detail::global_kind::region: inv.globals.region = std::move(value); break;
                case detail::global_kind::endpoint_url: inv.globals.endpoint_url = std::move(value); break;
                case detail::global_kind::connect_timeout:
                case detail::global_kind::read_timeout: {
                    // argparse type=int; negative seconds make no sense, so they are refused too.
                    const auto n = parse_python_int(value);
                    constexpr std::uint64_t max_seconds = 100ULL * 365 * 24 * 3600;  // "for ever"
                    if (!n || n->negative) {
                        r.failed = argparse_error("argument " + name + ": invalid int value: " + python_repr(value));
                        return r;
                    }
                    const auto seconds = static_cast<std::int64_t>(std::min(n->magnitude(), max_seconds));
                    if (global == detail::global_kind::connect_timeout)
                        inv.globals.connect_timeout_s = seconds;
                    else
                        inv.globals.read_timeout_s = seconds;
                    break;
                }
                case detail::global_kind::cli_input_json: inv.cli_input_json = std::move(value); break;
                case detail::global_kind::starting_token: inv.starting_token = std::move(value); break;
                case detail::global_kind::page_size: {
                    const auto n = detail::int_option(name, value, r.failed);
                    if (!n) return r;
                    // maximumPageSize is an int32 in swfpp; SWF's limit is 1000.
                    inv.page_size = std::clamp<std::int64_t>(n->clamped(), INT32_MIN, INT32_MAX);
                    break;
                }
                case detail::global_kind::max_items: {
                    const auto n = detail::int_option(name, value, r.failed);
                    if (!n) return r;
                    inv.max_items = n->clamped();
                    break;
                }
                default: inv.values.push_back({param->member, {std::move(value)}}); break;
            }
            continue;
        }
        if (inv.cmd == nullptr) {
            if (word == "help") {
                wants_help = true;
                continue;
            }
            for (const auto& c : table)
                if (c.name == word) inv.cmd = &c;
            if (inv.cmd == nullptr) {
                std::vector<std::string_view> names;
                for (const auto& c : table) names.push_back(c.name);
                r.failed = argparse_error(detail::invalid_choice("command", names));
                return r;
            }
            continue;
        }
        if (word == "help") {
            wants_help = true;
            continue;
        }
        unknown.push_back(word);
    }

    if (wants_help) {
        inv.what = inv.cmd ? invocation::action::command_usage : invocation::action::usage;
        r.value = std::move(inv);
        return r;
    }
    if (inv.cmd == nullptr) {
        r.failed = argparse_error("the following arguments are required: command");
        return r;
    }
    // The JSON may hold the required members (botocore checks them); an input skeleton needs
    // none. awscli looks for the exact word "--generate-cli-skeleton" not followed by "output".
    bool required_waived = inv.cli_input_json.has_value();
    for (std::size_t i = 0; i < args.size(); ++i)
        if (args[i] == "--generate-cli-skeleton" && (i + 1 == args.size() || args[i + 1] != "output"))
            required_waived = true;
    std::string missing;
    for (const auto& p : inv.cmd->params) {
        if (!p.required || required_waived) continue;
        bool given = false;
        for (const auto& v : inv.values) given = given || v.first == p.member;
        if (!given) missing += (missing.empty() ? "" : ", ") + p.option;
    }
    if (!missing.empty()) {
        r.failed = argparse_error("the following arguments are required: " + missing);
        return r;
    }
    if (!unknown.empty()) {
        std::string list;
        for (const auto& u : unknown) list += (list.empty() ? "" : ", ") + u;
        r.failed = command_line_error("Unknown options: " + list);
        return r;
    }
    r.value = std::move(inv);
    return r;
}

}  // namespace swf_cli

#endif
