// What swfpp is for: cancelling a workflow execution gracefully while work is in flight.
//
// Against a real SWF endpoint (tools/run-demo.sh starts moto's, with signature checks on), one
// program plays the three parties in turn, as they would interleave in production:
//   - the user registers a domain, a workflow type and an activity type, and starts an execution;
//   - the decider schedules an activity; the worker polls it and starts working, heartbeating;
//   - the user asks for the execution's cancellation (RequestCancelWorkflowExecution);
//   - the decider sees WorkflowExecutionCancelRequested and asks for the activity's cancellation
//     (RequestCancelActivityTask); the worker's next heartbeat says cancelRequested, so it stops
//     and answers RespondActivityTaskCanceled; the decider sees ActivityTaskCanceled and closes
//     the execution with CancelWorkflowExecution.
// Then it shows the execution CLOSED / CANCELED and prints its history as a timeline.
//
// Configuration as the AWS CLI reads it: AWS_ENDPOINT_URL_SWF (or AWS_ENDPOINT_URL),
// AWS_REGION (or AWS_DEFAULT_REGION, default us-east-1), AWS_ACCESS_KEY_ID,
// AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN. Secrets are never printed.
#include <swfpp/crypto/openssl.hpp>
#include <swfpp/swfpp.hpp>
#include <swfpp/transport/curl.hpp>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>
#include <vector>

namespace {

using client_type = swfpp::basic_client<swfpp::curl_transport, swfpp::openssl_sigv4_signer>;

const char* const domain = "swfpp-demo";
const char* const decider_list = "order-deciders";
const char* const worker_list = "order-workers";

std::string env(const char* name, const char* fallback = "") {
    const char* v = std::getenv(name);
    return v && *v ? v : fallback;
}

void step(const char* who, const std::string& what) { std::printf("%-8s %-40s ", who, what.c_str()); }

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

// A poll may end without a task (SWF holds it up to 60 s): poll again a few times.
template <class Op>
swfpp::result<typename Op::output> poll(client_type& swf, const typename Op::input& in) {
    auto task = swf.call<Op>(in);
    for (int attempt = 0; task && !task->has_task() && attempt < 5; ++attempt) task = swf.call<Op>(in);
    return task;
}

// ---- The decider: what to do next, from the execution's history --------------------------------

std::vector<swfpp::decision> decide(const std::vector<swfpp::history_event>& history) {
    using swfpp::event_type;
    bool cancel_requested = false, activity_scheduled = false, activity_closed = false,
         activity_cancel_requested = false;
    std::string activity_id, result;
    for (const auto& e : history) {
        if (e.event_type == event_type::workflow_execution_cancel_requested) cancel_requested = true;
        if (const auto& a = e.activity_task_scheduled_event_attributes) {
            activity_scheduled = true;
            activity_id = a->activity_id;
        }
        if (e.event_type == event_type::activity_task_cancel_requested) activity_cancel_requested = true;
        if (const auto& a = e.activity_task_completed_event_attributes) result = a->result.value_or("");
        activity_closed = activity_closed || e.event_type == event_type::activity_task_completed ||
                          e.event_type == event_type::activity_task_failed ||
                          e.event_type == event_type::activity_task_timed_out ||
                          e.event_type == event_type::activity_task_canceled;
    }
    const bool activity_running = activity_scheduled && !activity_closed;
    if (cancel_requested && activity_running)  // stop the work first, then close
        return activity_cancel_requested ? std::vector<swfpp::decision>{}
                                         : std::vector{swfpp::decision::request_cancel_activity_task({activity_id})};
    if (cancel_requested) return {swfpp::decision::cancel_workflow_execution({"customer changed their mind"})};
    if (!activity_scheduled) {
        swfpp::schedule_activity_task_decision_attributes ship;
        ship.activity_type = {"ship-order", "1"};
        ship.activity_id = "ship-1";
        ship.input = R"({"order":42,"boxes":3})";
        return {swfpp::decision::schedule_activity_task(ship)};
    }
    if (activity_closed)  // completed (this sketch does not retry a failed one)
        return {swfpp::decision::complete_workflow_execution({result})};
    return {};
}

// Polls a decision task, shows what is new since the previous one, and answers it.
bool run_decider(client_type& swf) {
    swfpp::poll_for_decision_task_input in;
    in.domain = domain;
    in.task_list = {decider_list};
    in.identity = "demo-decider";
    step("decider", "PollForDecisionTask");
    const auto task = poll<swfpp::poll_for_decision_task>(swf, in);
    if (!task || !task->has_task()) {
        report(task, "no task");
        return false;
    }
    std::string news;  // the events since the previous decision task, except the decider's own
    for (const auto& e : task->events)
        if (e.event_id > task->previous_started_event_id.value_or(0) &&
            e.event_type != swfpp::event_type::decision_task_scheduled &&
            e.event_type != swfpp::event_type::decision_task_started &&
            e.event_type != swfpp::event_type::decision_task_completed)
            news += (news.empty() ? "sees " : ", ") + std::string(e.event_type.str());
    std::printf("%s\n", news.c_str());

    swfpp::respond_decision_task_completed_input answer;
    answer.task_token = task->task_token;
    answer.decisions = decide(task->events);
    std::string decided;
    for (const auto& d : *answer.decisions) {
        decided += std::string(d.decision_type.str());
        if (const auto& a = d.schedule_activity_task_decision_attributes) decided += " " + a->activity_id;
        if (const auto& a = d.request_cancel_activity_task_decision_attributes) decided += " " + a->activity_id;
    }
    step("decider", "RespondDecisionTaskCompleted");
    return report(swf.respond_decision_task_completed(answer), decided.empty() ? "no decision" : decided);
}

// ---- The timeline -------------------------------------------------------------------------------

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
    const auto id = [](std::int64_t n) { return "#" + std::to_string(n); };
    if (const auto& a = e.workflow_execution_started_event_attributes)
        return a->workflow_type.name + " v" + a->workflow_type.version + ", input " + a->input.value_or("(none)");
    if (const auto& a = e.decision_task_scheduled_event_attributes) return "on \"" + a->task_list.name + "\"";
    if (const auto& a = e.decision_task_started_event_attributes) return "by " + a->identity.value_or("?");
    if (const auto& a = e.decision_task_completed_event_attributes) return "task " + id(a->started_event_id);
    if (const auto& a = e.activity_task_scheduled_event_attributes)
        return a->activity_id + " (" + a->activity_type.name + ") on \"" + a->task_list.name + "\"";
    if (const auto& a = e.activity_task_started_event_attributes)
        return "by " + a->identity.value_or("?") + ", activity " + id(a->scheduled_event_id);
    if (e.workflow_execution_cancel_requested_event_attributes) return "by RequestCancelWorkflowExecution";
    if (const auto& a = e.activity_task_cancel_requested_event_attributes)
        return a->activity_id + ", decided in " + id(a->decision_task_completed_event_id);
    if (const auto& a = e.activity_task_canceled_event_attributes)
        return "activity " + id(a->scheduled_event_id) + ", details \"" + a->details.value_or("") + "\"";
    if (const auto& a = e.workflow_execution_canceled_event_attributes)
        return "details \"" + a->details.value_or("") + "\"";
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
    std::printf("swfpp %s: cancelling a workflow execution gracefully, with an activity running\n",
                SWFPP_VERSION_STRING);
    std::printf("SWF at %s://%s:%u (%s), every request signed with AWS SigV4\n\n", ep.scheme.c_str(), ep.host.c_str(),
                static_cast<unsigned>(ep.port), config.region.c_str());

    // ---- The user: registrations and the execution ----
    step("user", std::string("RegisterDomain ") + domain);
    if (!report(swf.register_domain({domain, "swfpp demo", "1", std::nullopt}), "registered",
                swfpp::swf_fault::domain_already_exists))
        return 1;

    step("user", "RegisterWorkflowType order-fulfilment v1");
    swfpp::register_workflow_type_input workflow;
    workflow.domain = domain;
    workflow.name = "order-fulfilment";
    workflow.version = "1";
    workflow.default_task_list = swfpp::task_list{decider_list};
    workflow.default_task_start_to_close_timeout = "300";
    workflow.default_execution_start_to_close_timeout = "3600";
    workflow.default_child_policy = swfpp::child_policy::terminate;
    if (!report(swf.register_workflow_type(workflow), "registered", swfpp::swf_fault::type_already_exists)) return 1;

    step("user", "RegisterActivityType ship-order v1");
    swfpp::register_activity_type_input activity;
    activity.domain = domain;
    activity.name = "ship-order";
    activity.version = "1";
    activity.default_task_list = swfpp::task_list{worker_list};
    activity.default_task_heartbeat_timeout = "60";  // a worker silent this long has failed
    activity.default_task_schedule_to_start_timeout = "300";
    activity.default_task_start_to_close_timeout = "600";
    activity.default_task_schedule_to_close_timeout = "900";
    if (!report(swf.register_activity_type(activity), "registered", swfpp::swf_fault::type_already_exists)) return 1;

    step("user", "StartWorkflowExecution order-42");
    swfpp::start_workflow_execution_input start;
    start.domain = domain;
    start.workflow_id = "order-42";
    start.workflow_type = {"order-fulfilment", "1"};
    start.input = R"({"order":42})";
    const auto started = swf.start_workflow_execution(start);
    if (!report(started, "running, runId " + (started ? started->run_id.value_or("?") : std::string()))) return 1;
    const std::string run_id = started->run_id.value_or("");

    // ---- The decider schedules the activity; a worker takes it and starts working ----
    if (!run_decider(swf)) return 1;

    step("worker", "PollForActivityTask");
    swfpp::poll_for_activity_task_input poll_work;
    poll_work.domain = domain;
    poll_work.task_list = {worker_list};
    poll_work.identity = "demo-worker";
    const auto work = poll<swfpp::poll_for_activity_task>(swf, poll_work);
    if (!report(work, work && work->has_task() ? work->activity_id + ", input " + work->input.value_or("")
                                                : std::string("no task")) ||
        !work->has_task())
        return 1;

    // Heartbeats tell SWF the worker is alive, and tell the worker whether to stop.
    const auto heartbeat = [&](const std::string& progress) {
        step("worker", "RecordActivityTaskHeartbeat");
        auto r = swf.record_activity_task_heartbeat({work->task_token, progress});
        report(r, "\"" + progress + "\": cancelRequested " + (r && r->cancel_requested ? "true" : "false"));
        return r;
    };
    const auto first = heartbeat("box 1 of 3 packed");
    if (!first || first->cancel_requested) return 1;

    // ---- Meanwhile the user changes their mind ----
    step("user", "RequestCancelWorkflowExecution order-42");
    if (!report(swf.request_cancel_workflow_execution({domain, "order-42", std::nullopt}),
                "requested; the decider decides"))
        return 1;

    // ---- The decider asks for the activity's cancellation; the worker sees it and stops ----
    if (!run_decider(swf)) return 1;
    const auto second = heartbeat("box 2 of 3 packed");
    if (!second || !second->cancel_requested) return 1;
    step("worker", "RespondActivityTaskCanceled");
    if (!report(swf.respond_activity_task_canceled({work->task_token, "stopped after 2 of 3 boxes"}),
                "stopped; SWF tells the decider"))
        return 1;

    // ---- The decider sees ActivityTaskCanceled and closes the execution ----
    if (!run_decider(swf)) return 1;

    step("user", "DescribeWorkflowExecution order-42");
    const auto described = swf.describe_workflow_execution({domain, {"order-42", run_id}});
    if (!described) {
        report(described, "");
        return 1;
    }
    const auto& info = described->execution_info;
    std::printf("%s / %s\n", std::string(info.execution_status.str()).c_str(),
                info.close_status ? std::string(info.close_status->str()).c_str() : "-");

    const auto history = swf.get_workflow_execution_history({domain, {"order-42", run_id}, std::nullopt,
                                                             std::nullopt, std::nullopt});
    if (!history) {
        report(history, "");
        return 1;
    }
    std::printf("\nHistory of order-42 (UTC):\n");
    print_timeline(history->events);

    const bool canceled = info.close_status && *info.close_status == swfpp::close_status::canceled;
    std::printf("\n%s\n", canceled ? "The execution closed as CANCELED, its activity stopped cleanly."
                                   : "The execution did not close as CANCELED.");
    return canceled ? 0 : 1;
}
