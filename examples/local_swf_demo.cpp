// The README's main job without any AWS account: a hand-written Transport that plays the SWF
// service in memory, driven through basic_client with real SigV4 signing (OpenSSL).
//
// It shows the whole contract of one operation: a signed request on the wire, a successful
// cancellation, the typed UnknownResourceFault, and a validation error that sends nothing.
#include <swfpp/crypto/openssl.hpp>
#include <swfpp/swfpp.hpp>

#include <simdjson.h>

#include <chrono>
#include <cstdio>
#include <map>
#include <string>

namespace {

// A Transport is any type with `swfpp::result<void> send(const http_request&, http_response&)`.
// This one answers RequestCancelWorkflowExecution the way SWF does, for a few open executions.
class in_memory_swf {
public:
    in_memory_swf() { open_runs_["orders/order-42"] = "22Gu8DfaAbcRun"; }

    swfpp::result<void> send(const swfpp::http_request& request, swfpp::http_response& response) {
        ++requests_;
        response.clear();
        response.headers.push_back({"x-amzn-RequestId", "demo-" + std::to_string(requests_)});
        if (swfpp::find_header(request.headers, "Authorization") == nullptr) {
            reply(response, 400, "MissingAuthenticationTokenException", "Missing Authentication Token");
            return {};
        }
        simdjson::dom::parser parser;
        simdjson::dom::element body;
        std::string_view domain, workflow_id, run_id;
        if (parser.parse(request.body).get(body) || body["domain"].get(domain) ||
            body["workflowId"].get(workflow_id)) {
            reply(response, 400, "SerializationException", "Malformed request body");
            return {};
        }
        const bool has_run_id = !body["runId"].get(run_id);
        const auto open = open_runs_.find(std::string(domain) + "/" + std::string(workflow_id));
        if (open == open_runs_.end() || (has_run_id && open->second != run_id)) {
            reply(response, 400, "com.amazonaws.swf.base.model#UnknownResourceFault",
                  "Unknown execution: WorkflowExecution=[workflowId=" + std::string(workflow_id) + "]");
            return {};
        }
        cancel_requested_[open->first] = true;
        response.status = 200;
        response.body = "{}";
        return {};
    }

private:
    static void reply(swfpp::http_response& r, int status, const std::string& type, const std::string& message) {
        r.status = status;
        r.body = R"({"__type":")" + type + R"(","message":")" + message + "\"}";
    }

    std::map<std::string, std::string> open_runs_;
    std::map<std::string, bool> cancel_requested_;
    int requests_ = 0;
};

using demo_client = swfpp::basic_client<in_memory_swf, swfpp::openssl_sigv4_signer>;

void show(const char* what, const swfpp::result<swfpp::request_cancel_workflow_execution_output>& r) {
    if (r.ok()) {
        std::printf("%-44s -> cancel requested\n", what);
        return;
    }
    const auto& e = r.error();
    if (e.is(swfpp::swf_fault::unknown_resource))
        std::printf("%-44s -> UnknownResourceFault: %s (request id %s)\n", what, e.message.c_str(), e.request_id.c_str());
    else if (e.kind == swfpp::errc::validation_failed)
        std::printf("%-44s -> not sent, invalid %s: %s\n", what, e.member.c_str(), e.message.c_str());
    else
        std::printf("%-44s -> %s: %s\n", what, e.code.c_str(), e.message.c_str());
}

}  // namespace

int main() {
    swfpp::client_config config;
    config.region = "us-east-1";
    config.credentials = {"AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", ""};
    demo_client client(config);

    std::printf("swfpp %s demo: RequestCancelWorkflowExecution against an in-memory SWF\n\n", SWFPP_VERSION_STRING);

    swfpp::http_request preview;
    if (client.prepare<swfpp::request_cancel_workflow_execution>({"orders", "order-42", std::nullopt}, preview)) {
        std::printf("The signed request swfpp builds:\n  %s %s HTTP/1.1\n", preview.method.c_str(), preview.target.c_str());
        for (const auto& h : preview.headers) std::printf("  %s: %s\n", h.name.c_str(), h.value.c_str());
        std::printf("  Content-Length: %zu\n\n  %s\n\n", preview.body.size(), preview.body.c_str());
    }

    show("cancel orders/order-42 (current run)", client.request_cancel_workflow_execution({"orders", "order-42", std::nullopt}));
    show("cancel orders/order-42 run 22Gu8DfaAbcRun", client.request_cancel_workflow_execution({"orders", "order-42", "22Gu8DfaAbcRun"}));
    show("cancel orders/order-42 run wrong-run", client.request_cancel_workflow_execution({"orders", "order-42", "wrong-run"}));
    show("cancel orders/no-such-order", client.request_cancel_workflow_execution({"orders", "no-such-order", std::nullopt}));
    show("cancel with an empty workflowId", client.request_cancel_workflow_execution({"orders", "", std::nullopt}));
    return 0;
}
