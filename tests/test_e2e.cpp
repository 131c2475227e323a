// End to end against an SWF implementation nobody here wrote: moto's server, started by
// tools/moto_swf_server.py on a free loopback port, with IAM authentication on, so every
// request swfpp signs is checked by moto's own SigV4 verification. The client is the one users
// get: basic_client<curl_transport, openssl_sigv4_signer> over real HTTP.
//
// The launcher runs for the whole program and is stopped at the end (its stdin is a pipe from
// this process, so it also stops if this process dies). Without python3 or moto the program
// prints the reason and exits 77, which meson reports as SKIP.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <swfpp/crypto/openssl.hpp>
#include <swfpp/swfpp.hpp>
#include <swfpp/transport/curl.hpp>

#include "support/local_swf.hpp"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

namespace {

using namespace std::chrono_literals;
using client_type = swfpp::basic_client<swfpp::curl_transport, swfpp::openssl_sigv4_signer>;

using swfpp_test::local_swf;

local_swf* swf = nullptr;

// ---- Helpers ---------------------------------------------------------------------------------

client_type client_with(swfpp::credentials creds) {
    swfpp::client_config config;
    config.region = "us-east-1";
    config.endpoint_url = swf->endpoint;
    config.credentials = std::move(creds);
    return client_type(config);
}

template <class R>
std::string why(const R& r) {
    if (r.ok()) return {};
    return "code=" + r.error().code + " message=" + r.error().message;
}

// A domain with one workflow type whose defaults let executions start with no options.
void register_domain_and_type(client_type& c, const std::string& domain, const std::string& task_list = "deciders") {
    const auto d = c.call<swfpp::register_domain>({domain, "swfpp e2e", "1", std::nullopt});
    REQUIRE_MESSAGE(d.ok(), why(d));
    swfpp::register_workflow_type_input type;
    type.domain = domain;
    type.name = "fulfil";
    type.version = "1";
    type.default_task_start_to_close_timeout = "300";
    type.default_execution_start_to_close_timeout = "3600";
    type.default_task_list = swfpp::task_list{task_list};
    type.default_child_policy = swfpp::child_policy::terminate;
    const auto t = c.call<swfpp::register_workflow_type>(type);
    REQUIRE_MESSAGE(t.ok(), why(t));
}

std::string start(client_type& c, const std::string& domain, const std::string& workflow_id,
                  std::optional<std::string> input = std::nullopt) {
    swfpp::start_workflow_execution_input in;
    in.domain = domain;
    in.workflow_id = workflow_id;
    in.workflow_type = {"fulfil", "1"};
    in.input = std::move(input);
    const auto r = c.call<swfpp::start_workflow_execution>(in);
    REQUIRE_MESSAGE(r.ok(), why(r));
    REQUIRE(r->run_id.has_value());
    return *r->run_id;
}

swfpp::poll_for_decision_task_output poll(client_type& c, const std::string& domain,
                                          const std::string& task_list = "deciders") {
    swfpp::poll_for_decision_task_input in;
    in.domain = domain;
    in.task_list = {task_list};
    in.identity = "swfpp-e2e-decider";
    auto r = c.call<swfpp::poll_for_decision_task>(in);
    REQUIRE_MESSAGE(r.ok(), why(r));
    return std::move(*r);
}

void decide(client_type& c, const std::string& token, swfpp::decision d) {
    swfpp::respond_decision_task_completed_input in;
    in.task_token = token;
    in.decisions = std::vector<swfpp::decision>{std::move(d)};
    const auto r = c.call<swfpp::respond_decision_task_completed>(in);
    REQUIRE_MESSAGE(r.ok(), why(r));
}

swfpp::describe_workflow_execution_output describe(client_type& c, const std::string& domain,
                                                   const std::string& workflow_id, const std::string& run_id) {
    auto r = c.call<swfpp::describe_workflow_execution>({domain, {workflow_id, run_id}});
    REQUIRE_MESSAGE(r.ok(), why(r));
    return std::move(*r);
}

std::vector<swfpp::history_event> history(client_type& c, const std::string& domain, const std::string& workflow_id,
                                          const std::string& run_id, bool reverse = false) {
    swfpp::get_workflow_execution_history_input in{domain, {workflow_id, run_id}, std::nullopt, std::nullopt,
                                                   std::nullopt};
    if (reverse) in.reverse_order = true;
    auto r = c.call<swfpp::get_workflow_execution_history>(in);
    REQUIRE_MESSAGE(r.ok(), why(r));
    return std::move(r->events);
}

std::vector<std::string> types_of(const std::vector<swfpp::history_event>& events) {
    std::vector<std::string> out;
    for (const auto& e : events) out.emplace_back(e.event_type.str());
    return out;
}

template <class R>
bool is_unknown_resource(const R& r) {
    return !r.ok() && r.error().is(swfpp::swf_fault::unknown_resource);
}

std::size_t count_of(const std::vector<swfpp::history_event>& events, swfpp::event_type type) {
    std::size_t n = 0;
    for (const auto& e : events) n += e.event_type == type ? 1 : 0;
    return n;
}

}  // namespace

// ---- The cancellation flow ---------------------------------------------------------------------

TEST_CASE("the whole flow: start, request cancel, the decider cancels, the execution closes as CANCELED") {
    auto c = client_with(swf->user);
    register_domain_and_type(c, "e2e-flow");
    const auto run_id = start(c, "e2e-flow", "order-42", R"({"order":42})");

    const auto cancel = c.request_cancel_workflow_execution({"e2e-flow", "order-42", std::nullopt});
    REQUIRE_MESSAGE(cancel.ok(), why(cancel));
    auto before = describe(c, "e2e-flow", "order-42", run_id);
    CHECK(before.execution_info.execution_status == swfpp::execution_status::open);
    CHECK(before.execution_info.cancel_requested == true);
    CHECK(before.open_counts.open_decision_tasks == 1);  // the request joined the pending task

    const auto task = poll(c, "e2e-flow");
    REQUIRE(task.has_task());
    CHECK(task.workflow_execution.run_id == run_id);
    CHECK(task.workflow_type.name == "fulfil");
    CHECK(types_of(task.events) == std::vector<std::string>{"WorkflowExecutionStarted", "DecisionTaskScheduled",
                                                            "WorkflowExecutionCancelRequested", "DecisionTaskStarted"});
    CHECK(task.events[0].workflow_execution_started_event_attributes->input == R"({"order":42})");
    CHECK(task.started_event_id == task.events.back().event_id);

    decide(c, task.task_token, swfpp::decision::cancel_workflow_execution({"cancelled on request"}));

    const auto after = describe(c, "e2e-flow", "order-42", run_id);
    CHECK(after.execution_info.execution_status == swfpp::execution_status::closed);
    REQUIRE(after.execution_info.close_status.has_value());
    CHECK(*after.execution_info.close_status == swfpp::close_status::canceled);
    REQUIRE(after.execution_info.close_timestamp.has_value());
    CHECK(*after.execution_info.close_timestamp >= after.execution_info.start_timestamp);
    CHECK(after.execution_info.start_timestamp.time_since_epoch() > 1577836800000ms);  // a real time, after 2020

    const auto events = history(c, "e2e-flow", "order-42", run_id);
    REQUIRE(events.size() == 6);
    CHECK(events[4].event_type == swfpp::event_type::decision_task_completed);
    REQUIRE(events[5].workflow_execution_canceled_event_attributes.has_value());
    CHECK(events[5].workflow_execution_canceled_event_attributes->details == "cancelled on request");
    CHECK(events[5].workflow_execution_canceled_event_attributes->decision_task_completed_event_id ==
          events[4].event_id);
    for (std::size_t i = 1; i < events.size(); ++i) CHECK(events[i].event_timestamp >= events[i - 1].event_timestamp);

    const auto reversed = history(c, "e2e-flow", "order-42", run_id, true);
    CHECK(reversed.front().event_type == swfpp::event_type::workflow_execution_canceled);
}

TEST_CASE("a cancel request while the decider holds a task reaches it in the next task") {
    auto c = client_with(swf->user);
    register_domain_and_type(c, "e2e-busy");
    const auto run_id = start(c, "e2e-busy", "order-7");
    const auto first = poll(c, "e2e-busy");
    REQUIRE(first.has_task());

    REQUIRE(c.request_cancel_workflow_execution({"e2e-busy", "order-7", run_id}).ok());
    // Closing now would ignore the new event: SWF refuses with UNHANDLED_DECISION.
    decide(c, first.task_token, swfpp::decision::cancel_workflow_execution());
    auto events = history(c, "e2e-busy", "order-7", run_id);
    REQUIRE(events.back().cancel_workflow_execution_failed_event_attributes.has_value());
    CHECK(events.back().cancel_workflow_execution_failed_event_attributes->cause ==
          swfpp::cancel_workflow_execution_failed_cause::unhandled_decision);

    const auto second = poll(c, "e2e-busy");
    REQUIRE(second.has_task());
    CHECK(count_of(second.events, swfpp::event_type::workflow_execution_cancel_requested) == 1);
    decide(c, second.task_token, swfpp::decision::cancel_workflow_execution());
    CHECK(*describe(c, "e2e-busy", "order-7", run_id).execution_info.close_status == swfpp::close_status::canceled);
}

// ---- RequestCancelWorkflowExecution's contract --------------------------------------------------

TEST_CASE("cancel with a runId reaches that run; a wrong runId is an UnknownResourceFault") {
    auto c = client_with(swf->user);
    register_domain_and_type(c, "e2e-runid");
    const auto run_id = start(c, "e2e-runid", "order-1");

    const auto wrong = c.request_cancel_workflow_execution({"e2e-runid", "order-1", std::string("not-a-run")});
    REQUIRE_FALSE(wrong.ok());
    CHECK(wrong.error().is(swfpp::swf_fault::unknown_resource));
    CHECK(wrong.error().http_status == 400);
    CHECK(wrong.error().code == "UnknownResourceFault");
    CHECK_FALSE(describe(c, "e2e-runid", "order-1", run_id).execution_info.cancel_requested.value_or(false));

    const auto right = c.request_cancel_workflow_execution({"e2e-runid", "order-1", run_id});
    REQUIRE_MESSAGE(right.ok(), why(right));
    CHECK(describe(c, "e2e-runid", "order-1", run_id).execution_info.cancel_requested == true);
    CHECK(count_of(history(c, "e2e-runid", "order-1", run_id), swfpp::event_type::workflow_execution_cancel_requested) ==
          1);
}

TEST_CASE("an unknown domain is an UnknownResourceFault") {
    auto c = client_with(swf->user);
    const auto r = c.request_cancel_workflow_execution({"e2e-no-such-domain", "order-1", std::nullopt});
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().kind == swfpp::errc::service_error);
    CHECK(r.error().is(swfpp::swf_fault::unknown_resource));
    CHECK(r.error().message.find("e2e-no-such-domain") != std::string::npos);
}

TEST_CASE("an unknown workflowId, and an execution already closed, are UnknownResourceFault") {
    auto c = client_with(swf->user);
    register_domain_and_type(c, "e2e-closed");
    CHECK(is_unknown_resource(c.request_cancel_workflow_execution({"e2e-closed", "never-started", std::nullopt})));

    const auto run_id = start(c, "e2e-closed", "order-done");
    const auto task = poll(c, "e2e-closed");
    REQUIRE(task.has_task());
    decide(c, task.task_token, swfpp::decision::complete_workflow_execution({"shipped"}));
    const auto closed = describe(c, "e2e-closed", "order-done", run_id);
    CHECK(*closed.execution_info.close_status == swfpp::close_status::completed);
    CHECK(history(c, "e2e-closed", "order-done", run_id).back().workflow_execution_completed_event_attributes->result ==
          "shipped");

    const auto without_run = c.request_cancel_workflow_execution({"e2e-closed", "order-done", std::nullopt});
    REQUIRE_FALSE(without_run.ok());
    CHECK(without_run.error().is(swfpp::swf_fault::unknown_resource));
    const auto with_run = c.request_cancel_workflow_execution({"e2e-closed", "order-done", run_id});
    REQUIRE_FALSE(with_run.ok());
    CHECK(with_run.error().is(swfpp::swf_fault::unknown_resource));
}

// ---- Authentication --------------------------------------------------------------------------------

TEST_CASE("a wrong secret is rejected by moto's signature check, as a typed service error without the secret") {
    auto creds = swf->user;
    creds.secret_access_key = "wrong-secret-0123456789abcdefghijklmnop";
    auto c = client_with(creds);
    const auto r = c.request_cancel_workflow_execution({"e2e-flow", "order-42", std::nullopt});
    REQUIRE_FALSE(r.ok());
    const auto& e = r.error();
    CHECK(e.kind == swfpp::errc::service_error);
    CHECK(e.http_status == 403);
    CHECK(e.fault == swfpp::swf_fault::none);
    // moto answers in XML; like botocore, swfpp keeps a non-JSON body as the message, the status as code.
    CHECK(e.code == "403");
    CHECK(e.message.find("<Code>SignatureDoesNotMatch</Code>") != std::string::npos);
    CHECK(e.message.find(creds.secret_access_key) == std::string::npos);
}

TEST_CASE("an access key moto does not know is rejected as an invalid client token") {
    auto creds = swf->user;
    creds.access_key_id = "AKIAXXXXXXXXXXXXXXXX";
    auto c = client_with(creds);
    const auto r = c.request_cancel_workflow_execution({"e2e-flow", "order-42", std::nullopt});
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().http_status == 403);
    CHECK(r.error().message.find("<Code>InvalidClientTokenId</Code>") != std::string::npos);
}

TEST_CASE("temporary credentials: the session token is signed and checked by moto") {
    auto c = client_with(swf->session);
    register_domain_and_type(c, "e2e-session");
    const auto run_id = start(c, "e2e-session", "order-s");
    const auto r = c.request_cancel_workflow_execution({"e2e-session", "order-s", run_id});
    REQUIRE_MESSAGE(r.ok(), why(r));

    auto wrong_token = swf->session;
    wrong_token.session_token = "not-the-token";
    auto bad = client_with(wrong_token);
    const auto refused = bad.request_cancel_workflow_execution({"e2e-session", "order-s", run_id});
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().http_status == 403);
    CHECK(refused.error().message.find("InvalidClientTokenId") != std::string::npos);
    CHECK(refused.error().message.find(swf->session.session_token) == std::string::npos);

    auto no_token = swf->session;
    no_token.session_token.clear();
    auto bare = client_with(no_token);
    const auto unsigned_token = bare.request_cancel_workflow_execution({"e2e-session", "order-s", run_id});
    REQUIRE_FALSE(unsigned_token.ok());
    CHECK(unsigned_token.error().http_status == 403);
}

// ---- Text through the whole stack ------------------------------------------------------------------

TEST_CASE("UTF-8 and escape-heavy identifiers round-trip through the server") {
    auto c = client_with(swf->user);
    const std::string domain = "e2e-\xC3\xBC\xC3\xB1\xC3\xAF \"q\" \\ \xF0\x9F\x98\x80";
    const std::string workflow_id = std::string("wf/\xE2\x98\x83\t\n\"\\ \x01\x1F end \xE4\xB8\xAD\xE6\x96\x87") +
                                    "\xE2\x80\xA8" + "'<>&%2F?#";
    const std::string input = "{\"note\":\"caf\xC3\xA9 \\u0000 \xF0\x9F\x8E\x89\"}";
    register_domain_and_type(c, domain, "deciders-\xC3\xA9");
    const auto run_id = start(c, domain, workflow_id, input);

    const auto cancel = c.request_cancel_workflow_execution({domain, workflow_id, std::nullopt});
    REQUIRE_MESSAGE(cancel.ok(), why(cancel));
    const auto info = describe(c, domain, workflow_id, run_id);
    CHECK(info.execution_info.execution.workflow_id == workflow_id);
    CHECK(info.execution_configuration.task_list.name == "deciders-\xC3\xA9");

    const auto task = poll(c, domain, "deciders-\xC3\xA9");
    REQUIRE(task.has_task());
    CHECK(task.workflow_execution.workflow_id == workflow_id);
    CHECK(task.events.front().workflow_execution_started_event_attributes->input == input);
    decide(c, task.task_token, swfpp::decision::cancel_workflow_execution({"\xC3\xA0 bient\xC3\xB4t \"\\\n"}));
    const auto events = history(c, domain, workflow_id, run_id);
    CHECK(events.back().workflow_execution_canceled_event_attributes->details == "\xC3\xA0 bient\xC3\xB4t \"\\\n");

    const auto unknown = c.request_cancel_workflow_execution({domain, workflow_id + "\xE2\x82\xAC", std::nullopt});
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error().is(swfpp::swf_fault::unknown_resource));
    CHECK(unknown.error().message.find("\xE2\x82\xAC") != std::string::npos);  // moto echoes the id
}

// ---- Concurrency -------------------------------------------------------------------------------------

TEST_CASE("concurrent cancels from several threads sharing one client all succeed and are all recorded") {
    auto c = client_with(swf->user);
    register_domain_and_type(c, "e2e-threads");
    constexpr int threads = 4, per_thread = 3;
    std::vector<std::string> runs;
    for (int i = 0; i < threads * per_thread; ++i) runs.push_back(start(c, "e2e-threads", "order-" + std::to_string(i)));
    const auto shared_run = start(c, "e2e-threads", "order-shared");

    std::atomic<int> failures{0};
    std::vector<std::string> errors(threads);
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t)
        pool.emplace_back([&, t] {
            for (int k = 0; k < per_thread; ++k) {
                const int i = t * per_thread + k;
                const auto mine = c.request_cancel_workflow_execution({"e2e-threads", "order-" + std::to_string(i), runs[i]});
                const auto shared = c.request_cancel_workflow_execution({"e2e-threads", "order-shared", std::nullopt});
                if (!mine.ok() || !shared.ok()) {
                    ++failures;
                    errors[t] = why(mine) + why(shared);
                }
            }
        });
    for (auto& th : pool) th.join();
    for (const auto& e : errors) CHECK_MESSAGE(e.empty(), e);
    REQUIRE(failures == 0);

    for (int i = 0; i < threads * per_thread; ++i) {
        const auto d = describe(c, "e2e-threads", "order-" + std::to_string(i), runs[i]);
        CHECK(d.execution_info.cancel_requested == true);
        CHECK(d.open_counts.open_decision_tasks == 1);
    }
    const auto shared_events = history(c, "e2e-threads", "order-shared", shared_run);
    CHECK(count_of(shared_events, swfpp::event_type::workflow_execution_cancel_requested) == threads * per_thread);
    CHECK(count_of(shared_events, swfpp::event_type::decision_task_scheduled) == 1);
}

int main(int argc, char** argv) {
    return swfpp_test::with_local_swf("e2e", swf, [&] { return doctest::Context(argc, argv).run(); });
}
