// swf — configuration from the environment and the global options, resolved as AWS CLI v2
// resolves it, with its error texts. Pure: the environment arrives as a map.
#ifndef SWF_CLI_CONFIG_HPP
#define SWF_CLI_CONFIG_HPP

#include <swfpp/credentials.hpp>
#include <swfpp/endpoint.hpp>
#include <swfpp/retry.hpp>

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "text.hpp"

namespace swf_cli {

// AWS CLI v2's return codes (awscli/constants.py).
enum exit_code : int {
    exit_success = 0,
    exit_param_error = 252,    // PARAM_VALIDATION_ERROR_RC: bad command line or parameters
    exit_config_error = 253,   // CONFIGURATION_ERROR_RC: credentials, region, endpoint, retries
    exit_client_error = 254,   // CLIENT_ERROR_RC: the service answered with an error
    exit_general_error = 255,  // GENERAL_ERROR_RC: everything else
};

// What one run prints and returns. The functions that decide produce this; main() writes it.
struct outcome {
    int code = exit_success;
    std::string out;  // stdout
    std::string err;  // stderr
};

// The AWS CLI's handlers print an error as "\n<message>\n" on stderr.
inline outcome failure(int code, std::string_view message) {
    outcome o;
    o.code = code;
    o.err.reserve(message.size() + 2);
    o.err.append("\n").append(message).append("\n");
    return o;
}

// Every variable swf reads; main() copies these, and only these, out of the real environment.
inline constexpr std::string_view environment_variable_names[] = {
    "AWS_ACCESS_KEY_ID",    "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
    "AWS_REGION",           "AWS_DEFAULT_REGION",    "AWS_ENDPOINT_URL_SWF",
    "AWS_ENDPOINT_URL",     "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS",
    "AWS_MAX_ATTEMPTS",     "AWS_RETRY_MODE",        "AWS_USE_FIPS_ENDPOINT",
    "AWS_USE_DUALSTACK_ENDPOINT",
};

// The process environment as values, so tests can supply their own.
struct environment {
    std::map<std::string, std::string, std::less<>> vars;

    // An empty value counts as unset: `AWS_REGION= swf ...` is how a shell user clears one.
    std::optional<std::string_view> get(std::string_view name) const {
        const auto it = vars.find(name);
        if (it == vars.end() || it->second.empty()) return std::nullopt;
        return std::string_view(it->second);
    }
};

// Options that apply to every command (before or after the command name, as in the AWS CLI).
struct global_options {
    std::optional<std::string> region;
    std::optional<std::string> endpoint_url;
    std::optional<std::int64_t> connect_timeout_s;  // --cli-connect-timeout
    std::optional<std::int64_t> read_timeout_s;     // --cli-read-timeout
    bool dry_run = false;
    bool paginate = true;  // --no-paginate: one call, its page as it is
};

// Everything but the credentials, resolved and checked.
struct settings {
    std::string region;
    std::string endpoint_url;  // empty: the regional endpoint
    bool use_fips = false;       // AWS_USE_FIPS_ENDPOINT=true
    bool use_dualstack = false;  // AWS_USE_DUALSTACK_ENDPOINT=true
    // AWS_MAX_ATTEMPTS; 0 when unset, which means the retry mode's default (3 standard, 5 legacy).
    std::uint64_t max_attempts = 0;
    // AWS_RETRY_MODE; standard is AWS CLI v2's default. "adaptive" is standard plus a client-side
    // rate limiter that swfpp does not have, so it runs as standard.
    swfpp::retry_mode mode = swfpp::retry_mode::standard;
    // The AWS CLI's defaults: 60 s each. 0 means no limit.
    std::chrono::seconds connect_timeout{60};
    std::chrono::seconds read_timeout{60};
    bool dry_run = false;

    // The attempt limit for swfpp::aws_retry: 0 for the mode's default. Huge values are capped;
    // the standard mode's retry quota ends a call long before.
    int attempt_limit() const noexcept {
        constexpr std::uint64_t most = 1000;
        return static_cast<int>(max_attempts < most ? max_attempts : most);
    }
};

struct settings_or_failure {
    std::optional<settings> value;
    outcome failed;  // meaningful when !value
};

// The AWS CLI's first sentences; its advice to run "aws configure" would not help, since swf
// reads no configuration files, so the second sentences name what swf does read.
inline constexpr std::string_view no_region_message =
    "You must specify a region. You can also configure your region by setting AWS_REGION or AWS_DEFAULT_REGION.";
inline constexpr std::string_view no_credentials_message =
    "Unable to locate credentials. You can configure credentials by setting AWS_ACCESS_KEY_ID and "
    "AWS_SECRET_ACCESS_KEY.";

// Region: --region, else AWS_REGION, else AWS_DEFAULT_REGION. Endpoint: --endpoint-url, else
// AWS_ENDPOINT_URL_SWF, else AWS_ENDPOINT_URL (the two variables are skipped when
// AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true, as in botocore). Then AWS_MAX_ATTEMPTS and
// AWS_RETRY_MODE, whose texts are botocore's. Every failure is exit code 253.
inline settings_or_failure resolve_settings(const global_options& globals, const environment& env) {
    settings_or_failure r;
    settings s;
    const auto first_set = [](std::initializer_list<std::optional<std::string_view>> sources) {
        for (const auto& v : sources)
            if (v && !v->empty()) return std::string(*v);
        return std::string();
    };
    std::optional<std::string_view> cli_region, cli_endpoint;
    if (globals.region) cli_region = *globals.region;
    if (globals.endpoint_url) cli_endpoint = *globals.endpoint_url;

    s.region = first_set({cli_region, env.get("AWS_REGION"), env.get("AWS_DEFAULT_REGION")});
    if (s.region.empty()) {
        r.failed = failure(exit_config_error, no_region_message);
        return r;
    }
    if (auto valid = swfpp::validate_region(s.region); !valid) {
        r.failed = failure(exit_config_error, valid.error().message);
        return r;
    }

    const auto ignore = env.get("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS");
    const bool ignore_env_endpoints = ignore && (*ignore == "true" || *ignore == "True" || *ignore == "TRUE");
    s.endpoint_url = ignore_env_endpoints ? first_set({cli_endpoint})
                                          : first_set({cli_endpoint, env.get("AWS_ENDPOINT_URL_SWF"),
                                                       env.get("AWS_ENDPOINT_URL")});
    // botocore's ensure_boolean: "true" in any case is true, anything else false.
    const auto env_true = [&](std::string_view name) {
        const auto v = env.get(name);
        return v && v->size() == 4 && (((*v)[0] | 0x20) == 't') && (((*v)[1] | 0x20) == 'r') &&
               (((*v)[2] | 0x20) == 'u') && (((*v)[3] | 0x20) == 'e');
    };
    s.use_fips = env_true("AWS_USE_FIPS_ENDPOINT");
    s.use_dualstack = env_true("AWS_USE_DUALSTACK_ENDPOINT");
    if (auto resolved = swfpp::resolve_endpoint({s.region, s.use_fips, s.use_dualstack, s.endpoint_url}); !resolved) {
        r.failed = failure(exit_config_error, resolved.error().message);
        return r;
    }

    // botocore converts the variable with int(); an unset variable means "the mode's default".
    if (const auto text = env.get("AWS_MAX_ATTEMPTS")) {
        const auto n = parse_python_int(*text);
        if (!n) {
            r.failed = failure(exit_config_error, "invalid literal for int() with base 10: " + python_repr(*text));
            return r;
        }
        if (!n->positive()) {
            r.failed = failure(exit_config_error, "Value provided to \"max_attempts\": " + n->str() +
                                                      " must be an integer greater than or equal to 1.");
            return r;
        }
        s.max_attempts = n->magnitude();
    }
    if (const auto mode = env.get("AWS_RETRY_MODE")) {
        if (*mode == "standard" || *mode == "adaptive") {
            s.mode = swfpp::retry_mode::standard;
        } else if (*mode == "legacy") {
            s.mode = swfpp::retry_mode::legacy;
        } else {
            r.failed = failure(exit_config_error, "Invalid value provided to \"mode\": \"" + std::string(*mode) +
                                                      "\" must be one of: ('legacy', 'standard', 'adaptive')");
            return r;
        }
    }

    if (globals.connect_timeout_s) s.connect_timeout = std::chrono::seconds(*globals.connect_timeout_s);
    if (globals.read_timeout_s) s.read_timeout = std::chrono::seconds(*globals.read_timeout_s);
    s.dry_run = globals.dry_run;
    r.value = std::move(s);
    return r;
}

struct credentials_or_failure {
    std::optional<swfpp::credentials> value;
    outcome failed;
};

// botocore's environment provider: no access key id means "no credentials here"; an access key
// id without its secret is a partial-credentials error. Both are exit code 253 (AWS CLI v2
// exits 255 for the partial case; a half-configured environment is a configuration error).
// The messages never include a value.
inline credentials_or_failure resolve_credentials(const environment& env) {
    credentials_or_failure r;
    const auto akid = env.get("AWS_ACCESS_KEY_ID");
    if (!akid) {
        r.failed = failure(exit_config_error, no_credentials_message);
        return r;
    }
    const auto secret = env.get("AWS_SECRET_ACCESS_KEY");
    if (!secret) {
        r.failed = failure(exit_config_error, "Partial credentials found in env, missing: AWS_SECRET_ACCESS_KEY");
        return r;
    }
    swfpp::credentials c;
    c.access_key_id = std::string(*akid);
    c.secret_access_key = std::string(*secret);
    if (const auto token = env.get("AWS_SESSION_TOKEN")) c.session_token = std::string(*token);
    r.value = std::move(c);
    return r;
}

}  // namespace swf_cli

#endif
