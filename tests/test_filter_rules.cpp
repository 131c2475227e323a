// The rules SWF states only in prose and swfpp checks before sending: the List/Count calls
// over executions take exactly one time filter (closed executions) and at most one of the other
// filters. botocore sends such inputs and lets the service refuse them; swfpp refuses them
// itself, with nothing sent. Also: a list's element minimum (UntagResource's tag keys).
#include <doctest/doctest.h>

#include <swfpp/operations/count_closed_workflow_executions.hpp>
#include <swfpp/operations/count_open_workflow_executions.hpp>
#include <swfpp/operations/list_closed_workflow_executions.hpp>
#include <swfpp/operations/list_open_workflow_executions.hpp>
#include <swfpp/operations/untag_resource.hpp>
#include <swfpp/request.hpp>
#include <swfpp/validate.hpp>

#include <string>

namespace {

swfpp::execution_time_filter since_epoch() { return {swfpp::timestamp{}, std::nullopt}; }

swfpp::list_closed_workflow_executions_input closed_with_start_filter() {
    swfpp::list_closed_workflow_executions_input in;
    in.domain = "d";
    in.start_time_filter = since_epoch();
    return in;
}

}  // namespace

TEST_CASE("closed executions: one time filter is valid, either one") {
    auto in = closed_with_start_filter();
    CHECK(swfpp::validate(in).ok());
    in.start_time_filter.reset();
    in.close_time_filter = since_epoch();
    CHECK(swfpp::validate(in).ok());
}

TEST_CASE("closed executions: no time filter is refused, naming both") {
    swfpp::list_closed_workflow_executions_input in;
    in.domain = "d";
    const auto r = swfpp::validate(in);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().kind == swfpp::errc::validation_failed);
    CHECK(r.error().member == "startTimeFilter");
    CHECK(r.error().message ==
          "Invalid parameter combination in input: exactly one of startTimeFilter, closeTimeFilter must be set, not 0");
}

TEST_CASE("closed executions: both time filters are refused") {
    auto in = closed_with_start_filter();
    in.close_time_filter = since_epoch();
    const auto r = swfpp::validate(in);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message ==
          "Invalid parameter combination in input: exactly one of startTimeFilter, closeTimeFilter must be set, not 2");
}

TEST_CASE("closed executions: one of execution, close status, type and tag filters is valid; two are refused") {
    auto in = closed_with_start_filter();
    in.tag_filter = swfpp::tag_filter{"urgent"};
    CHECK(swfpp::validate(in).ok());
    in.close_status_filter = swfpp::close_status_filter{swfpp::close_status::canceled};
    const auto r = swfpp::validate(in);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message == "Invalid parameter combination in input: at most one of executionFilter, "
                               "closeStatusFilter, typeFilter, tagFilter must be set, not 2");
}

TEST_CASE("open executions: the start time filter is required, and at most one other filter") {
    swfpp::list_open_workflow_executions_input in;
    in.domain = "d";
    in.start_time_filter = since_epoch();
    CHECK(swfpp::validate(in).ok());
    in.execution_filter = swfpp::workflow_execution_filter{"order-1"};
    CHECK(swfpp::validate(in).ok());
    in.type_filter = swfpp::workflow_type_filter{"t", std::nullopt};
    const auto r = swfpp::validate(in);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message ==
          "Invalid parameter combination in input: at most one of executionFilter, typeFilter, tagFilter must be set, "
          "not 2");
}

TEST_CASE("the Count calls carry the same rules as the List calls") {
    swfpp::count_closed_workflow_executions_input closed;
    closed.domain = "d";
    CHECK_FALSE(swfpp::validate(closed).ok());
    closed.close_time_filter = since_epoch();
    CHECK(swfpp::validate(closed).ok());

    swfpp::count_open_workflow_executions_input open;
    open.domain = "d";
    open.start_time_filter = since_epoch();
    open.tag_filter = swfpp::tag_filter{"a"};
    open.execution_filter = swfpp::workflow_execution_filter{"w"};
    CHECK_FALSE(swfpp::validate(open).ok());
}

TEST_CASE("a refused filter combination sends nothing: build_request fails before writing a request") {
    auto in = closed_with_start_filter();
    in.close_time_filter = since_epoch();
    const auto ep = swfpp::endpoint_for_region("us-east-1");
    REQUIRE(ep.ok());
    swfpp::http_request req;
    const auto built = swfpp::build_request<swfpp::list_closed_workflow_executions>(in, *ep, req);
    REQUIRE_FALSE(built.ok());
    CHECK(built.error().kind == swfpp::errc::validation_failed);
}

TEST_CASE("a list element's minimum length is checked per element, in botocore's words") {
    swfpp::untag_resource_input in{"arn:aws:swf:us-east-1:123456789012:/domain/d", {"", "x"}};
    const auto r = swfpp::validate(in);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().member == "tagKeys[0]");
    CHECK(r.error().message == "Invalid length for parameter tagKeys[0], value: 0, valid min length: 1");
    in.tag_keys = {"a", "x"};
    CHECK(swfpp::validate(in).ok());
}
