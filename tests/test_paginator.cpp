// Paginators over a scripted client double (pages as values) and over basic_client with a
// scripted transport (pages as JSON): what is requested, what comes out, and where to resume.
#include <doctest/doctest.h>

#include <swfpp/client.hpp>
#include <swfpp/operations/get_workflow_execution_history.hpp>
#include <swfpp/operations/poll_for_decision_task.hpp>
#include <swfpp/paginator.hpp>

#include <chrono>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace {

using history = swfpp::get_workflow_execution_history;
using ids = std::vector<std::int64_t>;

// Answers each call<Op> with the next scripted result and records every input it was sent.
template <class Op>
struct scripted_client {
    std::vector<typename Op::input> sent;
    std::deque<swfpp::result<typename Op::output>> replies;

    template <class Called>
    swfpp::result<typename Called::output> call(const typename Called::input& input) {
        static_assert(std::is_same_v<Called, Op>, "the double answers one operation");
        sent.push_back(input);
        if (replies.empty()) {
            FAIL_CHECK("a request beyond the scripted pages");
            return swfpp::make_transport_error(swfpp::transport_errc::other, "not scripted");
        }
        auto reply = std::move(replies.front());
        replies.pop_front();
        return reply;
    }

    std::vector<std::optional<std::string>> sent_tokens() const {
        std::vector<std::optional<std::string>> tokens;
        for (const auto& input : sent) tokens.push_back(input.next_page_token);
        return tokens;
    }
};

history::output page(const ids& event_ids, std::optional<std::string> next = std::nullopt) {
    history::output out;
    for (auto id : event_ids) {
        swfpp::history_event event;
        event.event_id = id;
        out.events.push_back(std::move(event));
    }
    out.next_page_token = std::move(next);
    return out;
}

swfpp::error throttled() {
    swfpp::error e;
    e.kind = swfpp::errc::service_error;
    e.code = "ThrottlingException";
    e.http_status = 400;
    return e;
}

history::input history_request() {
    history::input in;
    in.domain = "orders";
    in.execution.workflow_id = "order-42";
    in.execution.run_id = "run-1";
    return in;
}

scripted_client<history> client_with(std::vector<swfpp::result<history::output>> pages) {
    scripted_client<history> client;
    for (auto& p : pages) client.replies.push_back(std::move(p));
    return client;
}

// The ids of every item; every element must be an item.
template <class Items>
ids item_ids(Items& items) {
    ids out;
    for (auto& event : items) {
        REQUIRE(event.ok());
        out.push_back(event->event_id);
    }
    return out;
}

using tokens = std::vector<std::optional<std::string>>;

}  // namespace

TEST_CASE("pages come one per request, each request carrying the token the previous page returned") {
    auto client = client_with({page({1, 2}, "t1"), page({3}, "t2"), page({4})});
    auto pages = swfpp::paginate<history>(client, history_request());
    std::vector<ids> seen;
    for (auto& p : pages) {
        REQUIRE(p.ok());
        ids in_page;
        for (const auto& event : p->events) in_page.push_back(event.event_id);
        seen.push_back(in_page);
    }
    CHECK(seen == std::vector<ids>{{1, 2}, {3}, {4}});
    CHECK(client.sent_tokens() == tokens{std::nullopt, "t1", "t2"});
    for (const auto& input : client.sent) {
        CHECK(input.domain == "orders");
        CHECK(input.execution.workflow_id == "order-42");
        CHECK_FALSE(input.maximum_page_size.has_value());
    }
    CHECK_FALSE(pages.resume_token().has_value());
}

TEST_CASE("items run across pages in order and stop after the last page") {
    auto client = client_with({page({1, 2}, "t1"), page({3}, "t2"), page({4})});
    auto events = swfpp::paginate_items<history>(client, history_request());
    CHECK(item_ids(events) == ids{1, 2, 3, 4});
    CHECK(client.sent.size() == 3);
    CHECK_FALSE(events.resume_token().has_value());
}

TEST_CASE("page_size is sent as the limit on every request; without it the input's own limit stays") {
    auto client = client_with({page({1}, "t1"), page({2})});
    swfpp::pagination_options options;
    options.page_size = 2;
    auto input = history_request();
    input.maximum_page_size = 7;
    auto events = swfpp::paginate_items<history>(client, input, options);
    CHECK(item_ids(events) == ids{1, 2});
    REQUIRE(client.sent.size() == 2);
    CHECK(client.sent[0].maximum_page_size == 2);
    CHECK(client.sent[1].maximum_page_size == 2);

    auto unchanged = client_with({page({1}, "t1"), page({2})});
    auto pages = swfpp::paginate<history>(unchanged, input);
    for (auto& p : pages) CHECK(p.ok());
    REQUIRE(unchanged.sent.size() == 2);
    CHECK(unchanged.sent[0].maximum_page_size == 7);
    CHECK(unchanged.sent[1].maximum_page_size == 7);
}

TEST_CASE("max_items cuts a page short and its resume token continues from the next item") {
    swfpp::pagination_options options;
    options.max_items = 4;
    auto client = client_with({page({1, 2, 3}, "t1"), page({4, 5, 6}, "t2")});
    auto events = swfpp::paginate_items<history>(client, history_request(), options);
    CHECK(item_ids(events) == ids{1, 2, 3, 4});
    CHECK(client.sent.size() == 2);  // the third page is never requested
    const auto token = events.resume_token();
    REQUIRE(token.has_value());
    CHECK(token->page_token == "t1");
    CHECK(token->items_to_skip == 1);

    // The second page is requested again and its first item skipped.
    swfpp::pagination_options rest;
    rest.starting_token = token;
    auto again = client_with({page({4, 5, 6}, "t2"), page({7})});
    auto more = swfpp::paginate_items<history>(again, history_request(), rest);
    CHECK(item_ids(more) == ids{5, 6, 7});
    CHECK(again.sent_tokens() == tokens{"t1", "t2"});
    CHECK_FALSE(more.resume_token().has_value());
}

TEST_CASE("max_items within the first page: the page is cut, and the resume token names that first page") {
    swfpp::pagination_options options;
    options.max_items = 2;
    auto client = client_with({page({1, 2, 3}, "t1")});
    auto pages = swfpp::paginate<history>(client, history_request(), options);
    std::vector<ids> seen;
    for (auto& p : pages) {
        REQUIRE(p.ok());
        ids in_page;
        for (const auto& event : p->events) in_page.push_back(event.event_id);
        seen.push_back(in_page);
    }
    CHECK(seen == std::vector<ids>{{1, 2}});
    CHECK(client.sent.size() == 1);
    const auto token = pages.resume_token();
    REQUIRE(token.has_value());
    CHECK_FALSE(token->page_token.has_value());  // the first page has no token
    CHECK(token->items_to_skip == 2);
}

TEST_CASE("max_items ending exactly at a page's end resumes at the next page's token") {
    swfpp::pagination_options options;
    options.max_items = 2;
    auto client = client_with({page({1, 2}, "t1")});
    auto events = swfpp::paginate_items<history>(client, history_request(), options);
    CHECK(item_ids(events) == ids{1, 2});
    CHECK(client.sent.size() == 1);
    const auto token = events.resume_token();
    REQUIRE(token.has_value());
    CHECK(token->page_token == "t1");
    CHECK(token->items_to_skip == 0);
}

TEST_CASE("a saved token starts at its page and skips the items already returned, in pages and items alike") {
    swfpp::pagination_options options;
    options.starting_token = swfpp::pagination_token{"t1", 1};

    auto client = client_with({page({3, 4, 5}, "t2"), page({6})});
    auto pages = swfpp::paginate<history>(client, history_request(), options);
    std::vector<ids> seen;
    for (auto& p : pages) {
        REQUIRE(p.ok());
        ids in_page;
        for (const auto& event : p->events) in_page.push_back(event.event_id);
        seen.push_back(in_page);
    }
    CHECK(seen == std::vector<ids>{{4, 5}, {6}});
    CHECK(client.sent_tokens() == tokens{"t1", "t2"});

    auto item_client = client_with({page({3, 4, 5}, "t2"), page({6})});
    auto events = swfpp::paginate_items<history>(item_client, history_request(), options);
    CHECK(item_ids(events) == ids{4, 5, 6});
    CHECK(item_client.sent_tokens() == tokens{"t1", "t2"});
}

TEST_CASE("a starting token's skip counts in the resume token when max_items cuts the same page") {
    swfpp::pagination_options options;
    options.starting_token = swfpp::pagination_token{"t1", 1};
    options.max_items = 2;
    auto client = client_with({page({3, 4, 5, 6}, "t2")});
    auto events = swfpp::paginate_items<history>(client, history_request(), options);
    CHECK(item_ids(events) == ids{4, 5});
    const auto token = events.resume_token();
    REQUIRE(token.has_value());
    CHECK(token->page_token == "t1");
    CHECK(token->items_to_skip == 3);
}

TEST_CASE("an error on page 2 comes after page 1's items, ends the walk, and the resume token retries page 2") {
    auto client = client_with({page({1, 2}, "t1"), throttled(), page({3})});
    auto events = swfpp::paginate_items<history>(client, history_request());
    ids before_error;
    std::vector<std::string> errors;
    for (auto& event : events) {
        if (event)
            before_error.push_back(event->event_id);
        else
            errors.push_back(event.error().code);
    }
    CHECK(before_error == ids{1, 2});
    CHECK(errors == std::vector<std::string>{"ThrottlingException"});
    CHECK(client.sent.size() == 2);  // nothing after the error
    const auto token = events.resume_token();
    REQUIRE(token.has_value());
    CHECK(token->page_token == "t1");
    CHECK(token->items_to_skip == 0);

    auto page_client = client_with({page({1, 2}, "t1"), throttled()});
    auto pages = swfpp::paginate<history>(page_client, history_request());
    std::vector<bool> ok;
    for (auto& p : pages) ok.push_back(p.ok());
    CHECK(ok == std::vector<bool>{true, false});
    CHECK(page_client.sent.size() == 2);
    const auto page_token = pages.resume_token();
    REQUIRE(page_token.has_value());
    CHECK(page_token->page_token == "t1");
    CHECK(page_token->items_to_skip == 0);
}

TEST_CASE("an error on the first page is the only element and the resume token starts over") {
    auto client = client_with({throttled()});
    swfpp::pagination_options options;
    options.starting_token = swfpp::pagination_token{"t4", 3};
    auto events = swfpp::paginate_items<history>(client, history_request(), options);
    int elements = 0;
    for (auto& event : events) {
        ++elements;
        CHECK_FALSE(event.ok());
    }
    CHECK(elements == 1);
    const auto token = events.resume_token();
    REQUIRE(token.has_value());
    CHECK(token->page_token == "t4");
    CHECK(token->items_to_skip == 3);
}

TEST_CASE("a page that returns the token it was sent ends the walk with malformed_response, never looping") {
    auto client = client_with({page({1}, "t1"), page({2}, "t1"), page({3}, "t1")});
    auto events = swfpp::paginate_items<history>(client, history_request());
    ids seen;
    std::vector<swfpp::error> errors;
    for (auto& event : events) {
        if (event)
            seen.push_back(event->event_id);
        else
            errors.push_back(event.error());
    }
    CHECK(seen == ids{1, 2});  // the repeating page is handed out before the error, as botocore does
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].kind == swfpp::errc::malformed_response);
    CHECK(errors[0].message ==
          "Malformed response: GetWorkflowExecutionHistory returned the next page token it was sent, so the "
          "next page would repeat this one; pagination stopped");
    CHECK(client.sent_tokens() == tokens{std::nullopt, "t1"});

    // Resuming does not repeat the page either: it is requested again with all its items skipped.
    const auto token = events.resume_token();
    REQUIRE(token.has_value());
    CHECK(token->page_token == "t1");
    CHECK(token->items_to_skip == 1);
}

TEST_CASE("a starting token answered with the same token is caught on the first page") {
    swfpp::pagination_options options;
    options.starting_token = swfpp::pagination_token{"t1", 0};
    auto client = client_with({page({5}, "t1")});
    auto pages = swfpp::paginate<history>(client, history_request(), options);
    std::vector<bool> ok;
    for (auto& p : pages) ok.push_back(p.ok());
    CHECK(ok == std::vector<bool>{true, false});
    CHECK(client.sent.size() == 1);
}

TEST_CASE("an empty first page is one empty page, and no items") {
    auto client = client_with({page({})});
    auto pages = swfpp::paginate<history>(client, history_request());
    int count = 0;
    for (auto& p : pages) {
        REQUIRE(p.ok());
        CHECK(p->events.empty());
        ++count;
    }
    CHECK(count == 1);
    CHECK_FALSE(pages.resume_token().has_value());

    auto item_client = client_with({page({})});
    auto events = swfpp::paginate_items<history>(item_client, history_request());
    CHECK(item_ids(events).empty());
    CHECK(item_client.sent.size() == 1);
    CHECK_FALSE(events.resume_token().has_value());
}

TEST_CASE("items skip empty pages that still name a next page") {
    auto client = client_with({page({}, "t1"), page({}, "t2"), page({1})});
    auto events = swfpp::paginate_items<history>(client, history_request());
    CHECK(item_ids(events) == ids{1});
    CHECK(client.sent_tokens() == tokens{std::nullopt, "t1", "t2"});
}

TEST_CASE("an empty next token ends the walk, as botocore reads it as none") {
    auto client = client_with({page({1}, "")});
    auto events = swfpp::paginate_items<history>(client, history_request());
    CHECK(item_ids(events) == ids{1});
    CHECK(client.sent.size() == 1);
    CHECK_FALSE(events.resume_token().has_value());
}

TEST_CASE("a second loop continues after the item the first loop stopped at, and so does the resume token") {
    auto client = client_with({page({1, 2, 3}, "t1"), page({4})});
    auto events = swfpp::paginate_items<history>(client, history_request());
    ids first;
    for (auto& event : events) {
        first.push_back(event->event_id);
        if (event->event_id == 2) break;
    }
    CHECK(first == ids{1, 2});
    const auto token = events.resume_token();
    REQUIRE(token.has_value());
    CHECK_FALSE(token->page_token.has_value());
    CHECK(token->items_to_skip == 2);
    CHECK(item_ids(events) == ids{3, 4});
    CHECK(client.sent.size() == 2);
}

TEST_CASE("the caller may move everything out of a page without disturbing the walk") {
    auto client = client_with({page({1, 2}, "t1"), page({3})});
    auto pages = swfpp::paginate<history>(client, history_request());
    std::vector<swfpp::history_event> kept;
    for (auto& p : pages) {
        REQUIRE(p.ok());
        for (auto& event : p->events) kept.push_back(std::move(event));
        p->events.clear();
        p->next_page_token.reset();
    }
    REQUIRE(kept.size() == 3);
    CHECK(kept[2].event_id == 3);
    CHECK(client.sent_tokens() == tokens{std::nullopt, "t1"});
}

// ---- Through basic_client: the requests on the wire and the JSON pages parsed ----------------

namespace {

// Answers each request with the next scripted response and keeps every request body.
struct paging_transport {
    std::shared_ptr<std::deque<swfpp::http_response>> replies = std::make_shared<std::deque<swfpp::http_response>>();
    std::shared_ptr<std::vector<std::string>> bodies = std::make_shared<std::vector<std::string>>();

    swfpp::result<void> send(const swfpp::http_request& request, swfpp::http_response& response) {
        bodies->push_back(request.body);
        if (replies->empty()) return swfpp::make_transport_error(swfpp::transport_errc::other, "not scripted");
        response = std::move(replies->front());
        replies->pop_front();
        return {};
    }
};

struct unsigned_signer {
    swfpp::result<void> sign(swfpp::http_request&, const swfpp::signing_params&) const { return {}; }
};

struct fixed_clock {
    std::chrono::system_clock::time_point now() const {
        return std::chrono::system_clock::time_point(std::chrono::seconds(1440938160));
    }
    void sleep_for(std::chrono::nanoseconds) const {}
};

using wire_client = swfpp::basic_client<paging_transport, unsigned_signer, fixed_clock>;

wire_client make_client(const paging_transport& transport) {
    swfpp::client_config config;
    config.region = "us-east-1";
    config.credentials = {"AKIDEXAMPLE", "secret", ""};
    return wire_client(config, transport);
}

swfpp::http_response ok_json(std::string body) {
    swfpp::http_response r;
    r.status = 200;
    r.body = std::move(body);
    return r;
}

}  // namespace

TEST_CASE("GetWorkflowExecutionHistory through basic_client: nextPageToken and maximumPageSize on the wire") {
    paging_transport transport;
    transport.replies->push_back(ok_json(
        R"({"events":[{"eventId":1,"eventTimestamp":1.5,"eventType":"WorkflowExecutionStarted"},)"
        R"({"eventId":2,"eventTimestamp":2,"eventType":"DecisionTaskScheduled"}],"nextPageToken":"AAAA/t1"})"));
    transport.replies->push_back(
        ok_json(R"({"events":[{"eventId":3,"eventTimestamp":3,"eventType":"DecisionTaskStarted"}]})"));
    auto client = make_client(transport);
    swfpp::pagination_options options;
    options.page_size = 2;
    auto events = swfpp::paginate_items<history>(client, history_request(), options);
    CHECK(item_ids(events) == ids{1, 2, 3});
    REQUIRE(transport.bodies->size() == 2);
    CHECK((*transport.bodies)[0] ==
          R"({"domain":"orders","execution":{"workflowId":"order-42","runId":"run-1"},"maximumPageSize":2})");
    CHECK((*transport.bodies)[1] ==
          R"({"domain":"orders","execution":{"workflowId":"order-42","runId":"run-1"},)"
          R"("nextPageToken":"AAAA/t1","maximumPageSize":2})");
}

TEST_CASE("PollForDecisionTask through basic_client: the task comes with page 1, its events from every page") {
    using poll = swfpp::poll_for_decision_task;
    paging_transport transport;
    transport.replies->push_back(ok_json(
        R"({"taskToken":"task-1","startedEventId":3,"workflowExecution":{"workflowId":"w","runId":"r"},)"
        R"("workflowType":{"name":"t","version":"1"},)"
        R"("events":[{"eventId":1,"eventTimestamp":1,"eventType":"WorkflowExecutionStarted"}],"nextPageToken":"p2"})"));
    transport.replies->push_back(ok_json(
        R"({"taskToken":"task-1","startedEventId":3,"workflowExecution":{"workflowId":"w","runId":"r"},)"
        R"("workflowType":{"name":"t","version":"1"},)"
        R"("events":[{"eventId":2,"eventTimestamp":2,"eventType":"DecisionTaskScheduled"},)"
        R"({"eventId":3,"eventTimestamp":3,"eventType":"DecisionTaskStarted"}]})"));
    auto client = make_client(transport);
    poll::input input;
    input.domain = "orders";
    input.task_list.name = "deciders";
    input.identity = "decider-1";

    auto pages = swfpp::paginate<poll>(client, input);
    std::vector<std::string> task_tokens;
    ids seen;
    for (auto& p : pages) {
        REQUIRE(p.ok());
        task_tokens.push_back(p->task_token);
        for (const auto& event : p->events) seen.push_back(event.event_id);
    }
    CHECK(task_tokens == std::vector<std::string>{"task-1", "task-1"});
    CHECK(seen == ids{1, 2, 3});
    REQUIRE(transport.bodies->size() == 2);
    CHECK((*transport.bodies)[0] == R"({"domain":"orders","taskList":{"name":"deciders"},"identity":"decider-1"})");
    CHECK((*transport.bodies)[1] ==
          R"({"domain":"orders","taskList":{"name":"deciders"},"identity":"decider-1","nextPageToken":"p2"})");
    CHECK_FALSE(pages.resume_token().has_value());
}

TEST_CASE("PollForDecisionTask with no task is one empty page, and a service error surfaces as an item") {
    using poll = swfpp::poll_for_decision_task;
    paging_transport transport;
    transport.replies->push_back(ok_json(R"({"startedEventId":0,"previousStartedEventId":0})"));
    swfpp::http_response fault;
    fault.status = 400;
    fault.body = R"({"__type":"com.amazonaws.swf.base.model#UnknownResourceFault","message":"Unknown domain: nope"})";
    transport.replies->push_back(fault);
    auto client = make_client(transport);
    poll::input input;
    input.domain = "orders";
    input.task_list.name = "deciders";

    auto pages = swfpp::paginate<poll>(client, input);
    int count = 0;
    for (auto& p : pages) {
        REQUIRE(p.ok());
        CHECK_FALSE(p->has_task());
        ++count;
    }
    CHECK(count == 1);

    input.domain = "nope";
    auto events = swfpp::paginate_items<poll>(client, input);
    std::vector<swfpp::swf_fault> faults;
    for (auto& event : events) {
        REQUIRE_FALSE(event.ok());
        faults.push_back(event.error().fault);
    }
    CHECK(faults == std::vector<swfpp::swf_fault>{swfpp::swf_fault::unknown_resource});
}
