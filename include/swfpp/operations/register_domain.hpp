// swfpp — RegisterDomain: create a domain, the namespace of workflow types and executions.
#ifndef SWFPP_OPERATIONS_REGISTER_DOMAIN_HPP
#define SWFPP_OPERATIONS_REGISTER_DOMAIN_HPP

#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "swfpp/detail/config.hpp"
#include "swfpp/shape.hpp"
#include "swfpp/types/common.hpp"

SWFPP_NAMESPACE_BEGIN

struct register_domain_input {
    std::string name;
    std::optional<std::string> description;
    std::string workflow_execution_retention_period_in_days;  // a decimal string, e.g. "1"
    std::optional<std::vector<resource_tag>> tags;

    static constexpr auto members() {
        using self = register_domain_input;
        return std::make_tuple(member("name", &self::name).min(1), member("description", &self::description),
                               member("workflowExecutionRetentionPeriodInDays",
                                      &self::workflow_execution_retention_period_in_days)
                                   .min(1),
                               member("tags", &self::tags));
    }
};

struct register_domain_output {
    static constexpr auto members() { return std::tuple<>(); }
};

// Faults: DomainAlreadyExistsFault, LimitExceededFault, OperationNotPermittedFault, TooManyTagsFault.
struct register_domain {
    static constexpr std::string_view name = "RegisterDomain";
    using input = register_domain_input;
    using output = register_domain_output;
};

SWFPP_NAMESPACE_END

#endif
