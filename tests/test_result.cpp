#include <doctest/doctest.h>

#include <swfpp/result.hpp>

#include <string>
#include <system_error>

TEST_CASE("result holds a value and reports ok") {
    swfpp::result<int> r = 42;
    REQUIRE(r.ok());
    CHECK(*r == 42);
    CHECK(r.value() == 42);
}

TEST_CASE("result holds an error and reports not ok") {
    swfpp::result<int> r = swfpp::make_validation_error("domain", "Invalid length for parameter domain");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().kind == swfpp::errc::validation_failed);
    CHECK(r.error().member == "domain");
}

TEST_CASE("errc converts to std::error_code in the swfpp category") {
    std::error_code ec = swfpp::errc::service_error;
    CHECK(std::string(ec.category().name()) == "swfpp");
    CHECK(ec.message() == "service returned an error");
}

TEST_CASE("service error codes map to the modelled SWF faults") {
    CHECK(swfpp::fault_from_code("UnknownResourceFault") == swfpp::swf_fault::unknown_resource);
    CHECK(swfpp::fault_from_code("OperationNotPermittedFault") == swfpp::swf_fault::operation_not_permitted);
    CHECK(swfpp::fault_from_code("ThrottlingException") == swfpp::swf_fault::none);
    CHECK(swfpp::to_string(swfpp::swf_fault::unknown_resource) == "UnknownResourceFault");
}

#if SWFPP_EXCEPTIONS
TEST_CASE("value() on an error throws error_exception carrying the error") {
    swfpp::result<int> r = swfpp::make_configuration_error("Missing Region");
    CHECK_THROWS_AS(r.value(), swfpp::error_exception);
}
#endif
