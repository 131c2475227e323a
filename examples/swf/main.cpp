// swf — a command-line client for Amazon SWF that mirrors "aws swf <command>" (AWS CLI v2):
// options, environment variables, error texts and exit codes. The I/O half: it reads argv and
// the environment, runs swfpp's client (libcurl transport, OpenSSL SigV4) and writes what the
// pure functions in cli.hpp, config.hpp and report.hpp decided.
#include <swfpp/crypto/openssl.hpp>
#include <swfpp/swfpp.hpp>
#include <swfpp/transport/curl.hpp>

#include <openssl/crypto.h>

#include <array>
#include <chrono>
#include <cstdint>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cli.hpp"
#include "config.hpp"
#include "json_input.hpp"
#include "json_output.hpp"
#include "json_value.hpp"
#include "pagination.hpp"
#include "report.hpp"

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

// One operation, in the AWS CLI's order of checks: the options' values, configuration (region,
// endpoint, retry settings), then parameter validation, then credentials, then the call with
// its retries, page after page for a paginated command.
template <class Op>
swf_cli::outcome run(const swf_cli::invocation& inv, const swf_cli::environment& env) {
    auto made = swf_cli::make_input<typename Op::input>(inv.values, inv.cli_input_json);
    if (!made.value && !made.by_botocore) return made.failed;
    const auto paging = swf_cli::plan_paging(inv);
    if (paging.failed) return *paging.failed;

    auto resolved = swf_cli::resolve_settings(inv.globals, env);
    if (!resolved.value) return resolved.failed;
    const swf_cli::settings& s = *resolved.value;

    if (!made.value) return made.failed;
    typename Op::input input = std::move(*made.value);
    if constexpr (swf_cli::paginator_of<Op>::exists)
        if (paging.paginate && inv.page_size) input.maximum_page_size = static_cast<std::int32_t>(*inv.page_size);
    if (auto valid = swfpp::validate(input); !valid) return swf_cli::validation_failure(valid.error());

    auto creds = swf_cli::resolve_credentials(env);
    if (!creds.value) return creds.failed;

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
            return swf_cli::call_failure(prepared.error(), Op::name, url);
        // call() adds the unsigned per-attempt headers after signing; so does the dry run, so
        // that it shows the first attempt as it would be sent (with a fresh invocation id).
        const std::array<char, 36> id = swfpp::detail::random_uuid_v4();
        swfpp::set_sdk_attempt_headers(request, std::string_view(id.data(), id.size()), 1,
                                       client.retry_policy().max_attempts());
        swf_cli::outcome o;
        o.out = swf_cli::format_dry_run(request);
        return o;
    }

    simdjson::dom::parser parser;
    std::vector<swf_cli::json_value> pages;
    for (;;) {
        body.clear();
        auto called = client.call<Op>(input);
        if (!called) return swf_cli::call_failure(called.error(), Op::name, url);
        pages.push_back(swf_cli::read_output<typename Op::output>(parser, body, &local_utc_offset));
        if constexpr (swf_cli::paginator_of<Op>::exists) {
            if (paging.paginate && called->next_page_token) {
                if (input.next_page_token == called->next_page_token)
                    return swf_cli::same_token_twice(*called->next_page_token);
                input.next_page_token = std::move(called->next_page_token);
                continue;
            }
        }
        break;
    }
    swf_cli::outcome o;
    if constexpr (swf_cli::paginator_of<Op>::exists)
        if (paging.paginate) {
            o.out = swf_cli::format_json_output(swf_cli::merge_pages(pages, swf_cli::paginator_of<Op>::get()));
            return o;
        }
    o.out = swf_cli::format_json_output(pages.front());
    return o;
}

template <class Op>
swf_cli::command row() {
    return swf_cli::command_for<Op>(&run<Op>, swf_cli::paginator_of<Op>::exists);
}

// One row per command; its name and options come from the operation's description.
const std::vector<swf_cli::command>& command_table() {
    static const std::vector<swf_cli::command> table = {
        row<swfpp::request_cancel_workflow_execution>(), row<swfpp::register_domain>(),
        row<swfpp::register_workflow_type>(),           row<swfpp::start_workflow_execution>(),
        row<swfpp::describe_workflow_execution>(),      row<swfpp::get_workflow_execution_history>(),
        row<swfpp::poll_for_decision_task>(),           row<swfpp::respond_decision_task_completed>(),
    };
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
