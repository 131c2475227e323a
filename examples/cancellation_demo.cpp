// What swfpp is for: cancelling a running workflow execution gracefully.
//
// Against a real SWF endpoint (tools/run-demo.sh starts moto's, with signature checks on), it
// registers a domain and a workflow type, starts an execution, asks SWF to cancel it with
// RequestCancelWorkflowExecution, then plays the decider: polls the decision task, sees the
// WorkflowExecutionCancelRequested event, answers with a CancelWorkflowExecution decision, and
// shows the execution closed as CANCELED, with its history as a timeline.
//
// Configuration as the AWS CLI reads it: AWS_ENDPOINT_URL_SWF (or AWS_ENDPOINT_URL),
// AWS_REGION (or AWS_DEFAULT_REGION, default us-east-1), AWS_ACCESS_KEY_ID,
// AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN. Secrets are never printed.
#include <swfpp/crypto/openssl.hpp>
#include <swfpp/swfpp.hpp>
#include <swfpp/transport/curl.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>
#include <vector>

namespace {

using client_type = swfpp::basic_client<swfpp::curl_transport, swfpp::openssl_sigv4_signer>;

const char* const domain = "swfpp-demo";
const char* const task_list = "order-deciders";

std::string env(const char* name, const char* fallback = "") {
    const char* v = std::getenv(name);
    return v && *v ? v : fallback;
}

void step(int n, const std::string& what) { std::printf("%d. %-46s ", n, what.c_str()); }

// Prints the outcome of a call; on failure also the typed error, and says whether to go on.
template <class R>
bool report(const R& r, const std::string& success, swfpp::swf_fault acceptable = swfpp::swf_fault::none) {
    if (r.ok()) {
        std::printf("%s\n", success.c_str());
        return true;
    }
    const auto& e = r.error();
    if (acceptable != swfpp::swf_fault::none && e.is(acceptable)) {
        std::printf("already there (%s)\n", e.code.c_str());
        return true;
    }
    if (e.kind == swfpp::errc::service_error)
        std::printf("failed: %s (HTTP %d): %s\n", e.code.c_str(), e.http_status, e.message.c_str());
    else
        std::printf("failed: %s\n", e.message.c_str());
    return false;
}

std::string clock_time(swfpp::timestamp t) {
    const auto ms = t.time_since_epoch().count();
    const std::time_t seconds = static_cast<std::time_t>(ms >= 0 ? ms / 1000 : (ms - 999) / 1000);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%02d:%02d:%02d.%03d", utc.tm_hour, utc.tm_min, utc.tm_sec,
                  static_cast<int>(((ms % 1000) + 1000) % 1000));
    return buf;
}

// One line of detail per event type the demo meets; raw JSON for the others.
std::string detail(const swfpp::history_event& e) {
    if (const auto& a = e.workflow_execution_started_event_attributes)
        return a->workflow_type.name + " v" + a->workflow_type.version + ", task list \"" + a->task_list.name +
               "\", input " + a->input.value_or("(none)");
    if (const auto& a = e.decision_task_scheduled_event_attributes) return "for task list \"" + a->task_list.name + "\"";
    if (const auto& a = e.decision_task_started_event_attributes)
        return "by \"" + a->identity.value_or("?") + "\" (scheduled #" + std::to_string(a->scheduled_event_id) + ")";
    if (const auto& a = e.decision_task_completed_event_attributes)
        return "decision task #" + std::to_string(a->started_event_id) + " answered";
    if (const auto& a = e.workflow_execution_cancel_requested_event_attributes)
        return a->external_workflow_execution ? "by execution " + a->external_workflow_execution->workflow_id
                                              : std::string("by RequestCancelWorkflowExecution");
    if (const auto& a = e.workflow_execution_canceled_event_attributes)
        return "details \"" + a->details.value_or("") + "\"";
    if (const auto& a = e.cancel_workflow_execution_failed_event_attributes)
        return "cause " + std::string(a->cause.str());
    if (const auto& a = e.workflow_execution_completed_event_attributes) return "result " + a->result.value_or("(none)");
    if (const auto* raw = e.raw_attributes()) return raw->text;
    return {};
}

void print_timeline(const std::vector<swfpp::history_event>& events) {
    for (const auto& e : events)
        std::printf("  %s  #%-2lld %-34s %s\n", clock_time(e.event_timestamp).c_str(),
                    static_cast<long long>(e.event_id), std::string(e.event_type.str()).c_str(), detail(e).c_str());
}

}  // namespace

int main() {
    swfpp::client_config config;
    config.region = env("AWS_REGION", env("AWS_DEFAULT_REGION", "us-east-1").c_str());
    config.endpoint_url = env("AWS_ENDPOINT_URL_SWF", env("AWS_ENDPOINT_URL").c_str());
    config.credentials = {env("AWS_ACCESS_KEY_ID"), env("AWS_SECRET_ACCESS_KEY"), env("AWS_SESSION_TOKEN")};
    if (config.credentials.access_key_id.empty() || config.credentials.secret_access_key.empty()) {
        std::fprintf(stderr,
                     "cancellation_demo: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_ENDPOINT_URL_SWF for a "
                     "local SWF), or run tools/run-demo.sh, which starts one\n");
        return 2;
    }
    client_type swf(config);
    const auto& ep = swf.resolved_endpoint();
    std::printf("swfpp %s: cancelling a workflow execution gracefully\n", SWFPP_VERSION_STRING);
    std::printf("SWF at %s://%s:%u (%s), every request signed with AWS SigV4\n\n", ep.scheme.c_str(), ep.host.c_str(),
                static_cast<unsigned>(ep.port), config.region.c_str());

    step(1, std::string("RegisterDomain ") + domain);
    if (!report(swf.call<swfpp::register_domain>({domain, "swfpp demo", "1", std::nullopt}), "registered",
                swfpp::swf_fault::domain_already_exists))
        return 1;

    step(2, "RegisterWorkflowType order-fulfilment v1");
    swfpp::register_workflow_type_input type;
    type.domain = domain;
    type.name = "order-fulfilment";
    type.version = "1";
    type.default_task_list = swfpp::task_list{task_list};
    type.default_task_start_to_close_timeout = "300";
    type.default_execution_start_to_close_timeout = "3600";
    type.default_child_policy = swfpp::child_policy::terminate;
    if (!report(swf.call<swfpp::register_workflow_type>(type), "registered", swfpp::swf_fault::type_already_exists))
        return 1;

    step(3, "StartWorkflowExecution order-42");
    swfpp::start_workflow_execution_input start;
    start.domain = domain;
    start.workflow_id = "order-42";
    start.workflow_type = {"order-fulfilment", "1"};
    start.input = R"({"order":42,"items":3})";
    const auto started = swf.call<swfpp::start_workflow_execution>(start);
    if (!report(started, "running, runId " + (started ? started->run_id.value_or("?") : std::string()))) return 1;
    const std::string run_id = started->run_id.value_or("");

    step(4, "RequestCancelWorkflowExecution order-42");
    if (!report(swf.request_cancel_workflow_execution({domain, "order-42", std::nullopt}),
                "cancellation requested; the decider decides"))
        return 1;

    step(5, "PollForDecisionTask (acting as the decider)");
    swfpp::poll_for_decision_task_input poll;
    poll.domain = domain;
    poll.task_list = {task_list};
    poll.identity = "demo-decider";
    auto task = swf.call<swfpp::poll_for_decision_task>(poll);
    for (int attempt = 0; task && !task->has_task() && attempt < 5; ++attempt)  // a long poll may end empty
        task = swf.call<swfpp::poll_for_decision_task>(poll);
    if (!report(task, task && task->has_task() ? "got a task with " + std::to_string(task->events.size()) + " events"
                                                : std::string("no task")) ||
        !task->has_task())
        return 1;
    bool cancel_requested = false;
    for (const auto& e : task->events)
        cancel_requested = cancel_requested || e.event_type == swfpp::event_type::workflow_execution_cancel_requested;
    std::printf("   the history shows %s\n", cancel_requested ? "WorkflowExecutionCancelRequested: time to stop"
                                                            : "no cancellation request");

    const auto answer = cancel_requested ? swfpp::decision::cancel_workflow_execution("customer changed their mind")
                                         : swfpp::decision::complete_workflow_execution("nothing to cancel");
    step(6, "RespondDecisionTaskCompleted");
    swfpp::respond_decision_task_completed_input respond;
    respond.task_token = task->task_token;
    respond.decisions = std::vector<swfpp::decision>{answer};
    if (!report(swf.call<swfpp::respond_decision_task_completed>(respond),
                std::string(answer.decision_type.str()) + " decision recorded"))
        return 1;

    step(7, "DescribeWorkflowExecution order-42");
    const auto described = swf.call<swfpp::describe_workflow_execution>({domain, {"order-42", run_id}});
    if (!described) {
        report(described, "");
        return 1;
    }
    const auto& info = described->execution_info;
    std::printf("%s / %s, cancelRequested %s\n", std::string(info.execution_status.str()).c_str(),
                info.close_status ? std::string(info.close_status->str()).c_str() : "-",
                info.cancel_requested.value_or(false) ? "true" : "false");

    step(8, "RequestCancelWorkflowExecution again");
    const auto again = swf.request_cancel_workflow_execution({domain, "order-42", run_id});
    if (again.ok())
        std::printf("accepted (unexpected: the execution is closed)\n");
    else if (again.error().is(swfpp::swf_fault::unknown_resource))
        std::printf("UnknownResourceFault, as SWF says of a closed execution\n");
    else
        report(again, "");

    const auto history = swf.call<swfpp::get_workflow_execution_history>(
        {domain, {"order-42", run_id}, std::nullopt, std::nullopt, std::nullopt});
    if (!history) {
        report(history, "");
        return 1;
    }
    std::printf("\nHistory of order-42 (UTC):\n");
    print_timeline(history->events);

    const bool canceled = info.close_status && *info.close_status == swfpp::close_status::canceled;
    std::printf("\n%s\n", canceled ? "The execution closed as CANCELED." : "The execution did not close as CANCELED.");
    return canceled ? 0 : 1;
}
