// swf — a command-line client for Amazon SWF that mirrors "aws swf <command>" (AWS CLI v2):
// options, environment variables, error texts and exit codes. The I/O half: it reads argv, the
// environment and parameter files, runs swfpp's client (libcurl transport, OpenSSL SigV4) and
// writes what the pure functions in the other headers decided.
#include <swfpp/crypto/openssl.hpp>
#include <swfpp/swfpp.hpp>
#include <swfpp/transport/curl.hpp>

#include <fcntl.h>
#include <openssl/crypto.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "cli.hpp"
#include "commands.hpp"
#include "config.hpp"
#include "json_input.hpp"
#include "json_output.hpp"
#include "json_value.hpp"
#include "pagination.hpp"
#include "param_file.hpp"
#include "report.hpp"
#include "skeleton.hpp"

namespace {

// curl_transport that also keeps the body of the last 2xx response, which the output is printed
// from: botocore's parser keeps exactly the members the response had (swfpp's typed output
// cannot tell a required member that was absent from one that was sent with its default).
// One call at a time, so the pointer needs no lock.
struct recording_transport {
    swfpp::curl_transport inner;
    std::string* last_body;

    swfpp::result<void> send(const swfpp::http_request& req, swfpp::http_response& resp) {
        auto sent = inner.send(req, resp);
        if (sent && resp.status >= 200 && resp.status <= 299) *last_body = resp.body;
        return sent;
    }
};

// aws_retry: the retry mode (standard or legacy) and attempt limit are run-time settings.
using swf_client = swfpp::basic_client<recording_transport, swfpp::openssl_sigv4_signer, swfpp::system_clock_source,
                                       swfpp::aws_retry>;

// The AWS CLI's two timeouts onto curl's. The connect timeout maps directly. libcurl (as
// curl_transport exposes it) has no per-read timeout, so the read timeout bounds the whole
// exchange, connect included; for SWF's small requests and responses that is the same wait.
swfpp::curl_transport_options transport_options(const swf_cli::settings& s) {
    swfpp::curl_transport_options options;
    options.connect_timeout = s.connect_timeout;
    options.total_timeout = s.read_timeout;  // 0: no limit, for both the AWS CLI and libcurl
    return options;
}

// The local time zone's offset at a Unix time, as dateutil's tzlocal() (via time.localtime)
// gives it to botocore's timestamps.
long local_utc_offset(std::int64_t unix_seconds) {
    const auto t = static_cast<std::time_t>(unix_seconds);
    std::tm local{};
    if (::localtime_r(&t, &local) == nullptr) return 0;
    return local.tm_gmtoff;
}

// Files and the environment for file:// and fileb:// values.
swf_cli::file_contents read_file(const std::string& path) {
    swf_cli::file_contents r;
    const auto fail = [&](int error) {
        r.error_number = error;
        r.error_text = std::strerror(error);
        return r;
    };
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return fail(errno);
    struct stat info {};
    if (::fstat(fd, &info) == 0 && S_ISDIR(info.st_mode)) {  // Python's open() refuses directories
        ::close(fd);
        return fail(EISDIR);
    }
    std::string bytes;
    char buffer[65536];
    for (ssize_t n; (n = ::read(fd, buffer, sizeof buffer)) != 0;) {
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            const int error = errno;
            ::close(fd);
            return fail(error);
        }
        bytes.append(buffer, static_cast<std::size_t>(n));
    }
    ::close(fd);
    r.bytes = std::move(bytes);
    return r;
}

const swf_cli::file_access& system_files() {
    static const swf_cli::file_access files{
        [](std::string_view name) -> std::optional<std::string> {
            const char* value = std::getenv(std::string(name).c_str());
            if (value == nullptr) return std::nullopt;
            return std::string(value);
        },
        [](std::string_view user) -> std::optional<std::string> {
            const passwd* entry = user.empty() ? ::getpwuid(::getuid()) : ::getpwnam(std::string(user).c_str());
            if (entry == nullptr || entry->pw_dir == nullptr) return std::nullopt;
            return std::string(entry->pw_dir);
        },
        &read_file,
    };
    return files;
}

// A file:// value of a paging or input option, replaced by the file's contents.
std::optional<swf_cli::outcome> load_option_file(std::string_view option, std::optional<std::string>& value) {
    if (!value) return std::nullopt;
    auto file = swf_cli::load_param_file(option, *value, system_files());
    if (file.failed) return std::move(file.failed);
    if (file.value) value = std::move(file.value->contents);
    return std::nullopt;
}

// One operation, in the AWS CLI's order of checks: the paging options; each option's value;
// --cli-input-json; an input skeleton; configuration (region, endpoint, retry settings); the
// starting token; parameter validation; credentials; then the call with its retries, page after
// page for a paginated command.
template <class Op>
swf_cli::outcome run(const swf_cli::invocation& inv, const swf_cli::environment& env) {
    const auto paging = swf_cli::plan_paging(inv);
    if (paging.failed) return *paging.failed;

    auto params = swf_cli::unpack_options<typename Op::input>(inv.cmd->params, inv.values, system_files());
    if (!params.value) return params.failed;
    std::optional<std::string> input_json = inv.cli_input_json;
    if (auto failed = load_option_file("--cli-input-json", input_json)) return *failed;
    std::optional<std::string> starting_token = inv.starting_token;
    if (auto failed = load_option_file("--starting-token", starting_token)) return *failed;
    // From here on, what awscli printed on the way comes first.
    const std::string warnings(inv.max_items && *inv.max_items <= 0 ? swf_cli::non_positive_max_items_warning : "");
    const auto warned = [&](swf_cli::outcome o) {
        o.err.insert(0, warnings);
        return o;
    };

    if (input_json)
        if (auto failed = swf_cli::merge_cli_input_json(*params.value, *input_json)) return warned(*failed);
    if (inv.skeleton == swf_cli::skeleton_kind::input) {
        swf_cli::outcome o;
        o.out = swf_cli::input_skeleton<typename Op::input>();
        return warned(o);
    }

    auto resolved = swf_cli::resolve_settings(inv.globals, env);
    if (!resolved.value) return warned(resolved.failed);
    const swf_cli::settings& s = *resolved.value;

    // The output skeleton is a stubbed call: validated, neither signed nor paginated.
    if (inv.skeleton == swf_cli::skeleton_kind::output) {
        auto made = swf_cli::validated_input<typename Op::input>(*params.value);
        if (!made.value) return warned(made.failed);
        swf_cli::outcome o;
        o.out = swf_cli::format_json_output(swf_cli::output_skeleton<typename Op::output>());
        return warned(o);
    }

    std::optional<swf_cli::starting_token> start;
    if constexpr (swfpp::has_pagination<Op>::value) {
        if (paging.paginate) {
            if (starting_token) {
                auto decoded = swf_cli::decode_starting_token(*starting_token, swf_cli::paginator_of<Op>());
                if (!decoded.value) return warned(decoded.failed);
                start = std::move(decoded.value);
            }
            swf_cli::inject_paging_parameters(*params.value, swf_cli::paginator_of<Op>(), start, inv.page_size);
        }
    }
    auto made = swf_cli::validated_input<typename Op::input>(*params.value);
    if (!made.value) return warned(made.failed);
    typename Op::input input = std::move(*made.value);
    if (auto valid = swfpp::validate(input); !valid) return warned(swf_cli::validation_failure(valid.error()));

    auto creds = swf_cli::resolve_credentials(env);
    if (!creds.value) return warned(creds.failed);

    swfpp::client_config config;
    config.region = s.region;
    config.endpoint_url = s.endpoint_url;
    config.use_fips = s.use_fips;
    config.use_dualstack = s.use_dualstack;
    config.credentials = std::move(*creds.value);
    config.user_agent_suffix = "swf/" SWFPP_VERSION_STRING;
    std::string body;
    swf_client client(std::move(config), recording_transport{swfpp::curl_transport(transport_options(s)), &body},
                      swfpp::openssl_sigv4_signer(), swfpp::system_clock_source(),
                      swfpp::aws_retry(s.mode, s.attempt_limit()));
    const std::string url = swf_cli::endpoint_url_text(client.resolved_endpoint());

    if (s.dry_run) {
        swfpp::http_request request;
        if (auto prepared = client.prepare<Op>(input, request); !prepared)
            return warned(swf_cli::call_failure(prepared.error(), Op::name, url));
        // call() adds the unsigned per-attempt headers after signing; so does the dry run, so
        // that it shows the first attempt as it would be sent (with a fresh invocation id).
        const std::array<char, 36> id = swfpp::detail::random_uuid_v4();
        swfpp::set_sdk_attempt_headers(request, std::string_view(id.data(), id.size()), 1,
                                       client.retry_policy().max_attempts());
        swf_cli::outcome o;
        o.out = swf_cli::format_dry_run(request);
        return warned(o);
    }

    simdjson::dom::parser parser;
    swf_cli::outcome o;
    if constexpr (swfpp::has_pagination<Op>::value) {
        if (paging.paginate) {
            swf_cli::page_collector pages(swf_cli::paginator_of<Op>(), inv.max_items, std::move(start));
            for (;;) {
                body.clear();
                auto called = client.call<Op>(input);
                if (!called) return warned(swf_cli::call_failure(called.error(), Op::name, url));
                auto step = pages.add(swf_cli::read_output<typename Op::output>(parser, body, &local_utc_offset));
                if (step.failed) return warned(*step.failed);
                if (!step.next_token) break;
                input.*(Op::pagination::input_token) = std::move(*step.next_token);
            }
            o.out = swf_cli::format_json_output(pages.result());
            return warned(o);
        }
    }
    auto called = client.call<Op>(input);
    if (!called) return warned(swf_cli::call_failure(called.error(), Op::name, url));
    o.out = swf_cli::format_json_output(swf_cli::read_output<typename Op::output>(parser, body, &local_utc_offset));
    return warned(o);
}

// One row per operation in commands.hpp.
template <class... Ops>
std::vector<swf_cli::command> rows_of(const std::tuple<Ops...>*) {
    return {swf_cli::command_for<Ops>(&run<Ops>)...};
}

const std::vector<swf_cli::command>& command_table() {
    static const std::vector<swf_cli::command> table = rows_of(static_cast<const swf_cli::operations*>(nullptr));
    return table;
}

std::string version_text() {
    std::string s = "swf/" SWFPP_VERSION_STRING " swfpp/" SWFPP_VERSION_STRING;
    if (const curl_version_info_data* curl = curl_version_info(CURLVERSION_NOW)) s.append(" libcurl/").append(curl->version);
    s.append(" OpenSSL/").append(OpenSSL_version(OPENSSL_VERSION_STRING));
    return s + "\n";
}

void write_all(std::FILE* stream, const std::string& text) {
    if (!text.empty()) std::fwrite(text.data(), 1, text.size(), stream);
    std::fflush(stream);
}

}  // namespace

int main(int argc, char** argv) {
    swf_cli::environment env;
    for (std::string_view name : swf_cli::environment_variable_names)
        if (const char* value = std::getenv(std::string(name).c_str())) env.vars.emplace(name, value);

    const std::vector<std::string> args(argv + (argc > 0 ? 1 : 0), argv + argc);
    const auto& table = command_table();
    auto parsed = swf_cli::parse_command_line(args, table);

    swf_cli::outcome o;
    if (!parsed.value) {
        o = std::move(parsed.failed);
    } else {
        const swf_cli::invocation& inv = *parsed.value;
        switch (inv.what) {
            case swf_cli::invocation::action::version: o.out = version_text(); break;
            case swf_cli::invocation::action::usage: o.out = swf_cli::usage_text(table, SWFPP_VERSION_STRING); break;
            case swf_cli::invocation::action::command_usage: o.out = swf_cli::command_usage_text(*inv.cmd); break;
            case swf_cli::invocation::action::run: o = inv.cmd->run(inv, env); break;
        }
    }

    const std::vector<std::string_view> secrets = {
        env.get("AWS_SECRET_ACCESS_KEY").value_or(std::string_view()),
        env.get("AWS_SESSION_TOKEN").value_or(std::string_view()),
    };
    swf_cli::redact(o.out, secrets);
    swf_cli::redact(o.err, secrets);
    write_all(stdout, o.out);
    write_all(stderr, o.err);
    return o.code;
}
