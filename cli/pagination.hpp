// swf — botocore's paginators as the AWS CLI drives them (awscli/customizations/paginate.py,
// botocore/paginate.py): when a command paginates, how --starting-token and --page-size enter
// the first request, how --max-items cuts the result and leaves a NextToken to resume from, and
// how the pages merge into what is printed.
//
// Pure functions over values; no I/O.
#ifndef SWF_CLI_PAGINATION_HPP
#define SWF_CLI_PAGINATION_HPP

#include <simdjson.h>
#include <swfpp/detail/utf8.hpp>
#include <swfpp/shape.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "cli.hpp"
#include "config.hpp"
#include "json_value.hpp"
#include "text.hpp"

namespace swf_cli {

// A paginator as botocore's paginators-1.json states it, by wire names.
struct paginator {
    std::string_view input_token;   // "nextPageToken"
    std::string_view output_token;  // "nextPageToken"
    std::string_view limit_key;     // "maximumPageSize"
    std::string_view result_key;    // "events"
    std::vector<std::string_view> non_aggregate_keys;
};

// The paginator of an operation that has one, from its `pagination` description. Its
// non-aggregate keys are the output's other members: for SWF's seven paginators that is exactly
// botocore's list (only PollForDecisionTask has any).
template <class Op>
paginator paginator_of() {
    using pagination = typename Op::pagination;
    using output = typename Op::output;
    paginator p;
    p.input_token = swfpp::member_name<typename Op::input>(pagination::input_token);
    p.output_token = swfpp::member_name<output>(pagination::output_token);
    p.limit_key = swfpp::member_name<typename Op::input>(pagination::limit_key);
    p.result_key = swfpp::member_name<output>(pagination::result_key);
    swfpp::for_each_member<output>([&](const auto& m) {
        if (m.name != p.result_key && m.name != p.output_token) p.non_aggregate_keys.push_back(m.name);
    });
    return p;
}

struct paging_plan {
    bool paginate = false;
    std::optional<outcome> failed;
};

// Whether the AWS CLI would paginate this invocation: not with --no-paginate, and not when the
// command line gives --next-page-token or --maximum-page-size (they turn pagination off); the
// paging options then are an error, those among them that are set and not 0 or "".
inline paging_plan plan_paging(const invocation& inv) {
    paging_plan p;
    p.paginate = inv.cmd->paginated && inv.globals.paginate;
    for (const auto& v : inv.values)
        if (v.first == "nextPageToken" || v.first == "maximumPageSize") p.paginate = false;
    if (p.paginate || !inv.cmd->paginated) return p;
    std::string used;
    const auto add = [&](bool set, std::string_view option) {
        if (set) used.append(used.empty() ? "" : ", ").append(option);
    };
    add(inv.starting_token && !inv.starting_token->empty(), "--starting-token");
    add(inv.page_size && *inv.page_size != 0, "--page-size");
    add(inv.max_items && *inv.max_items != 0, "--max-items");
    if (!used.empty())
        p.failed = failure(exit_general_error,
                           "Error during pagination: Cannot specify --no-paginate along with pagination arguments: " + used);
    return p;
}

// What awscli prints on stderr when --max-items is not positive, and goes on.
inline constexpr std::string_view non_positive_max_items_warning =
    "warning: Non-positive values for --max-items may result in undefined behavior.\n";

// A --starting-token read back: the token members for the first request and how many items of
// the first page to skip (boto_truncate_amount as decoded: an integer, or anything else).
struct starting_token {
    json_value request_token = json_value::object();
    json_value skip;
};

struct starting_token_or_failure {
    std::optional<starting_token> value;
    outcome failed;  // meaningful when !value
};

// botocore's PageIterator._parse_starting_token: base64 of a JSON object (its own tokens), or
// else the older "token___index" form, or else the service's token as it is.
inline starting_token_or_failure decode_starting_token(const std::string& token, const paginator& p) {
    starting_token_or_failure r;
    starting_token start;
    const auto decoded = base64_decode(token);
    simdjson::dom::parser parser;
    simdjson::dom::element root;
    if (decoded && swfpp::detail::find_invalid_utf8(*decoded) == swfpp::detail::utf8_valid &&
        !parser.parse(simdjson::padded_string(*decoded)).get(root) && !root.is_array()) {
        json_value v = from_simdjson(root);
        if (!v.is(json_value::kind::object)) {  // Python calls .pop() on it
            std::string type(python_type(v));
            r.failed = failure(exit_general_error, "'" + type.substr(8, type.size() - 10) + "' object has no attribute 'pop'");
            return r;
        }
        for (auto& m : v.members) {
            if (m.name == "boto_truncate_amount")
                start.skip = std::move(m.value);
            else if (m.name != "boto_encoded_keys")  // marks bytes in tokens; SWF's tokens are text
                start.request_token.set(m.name, std::move(m.value));
        }
        make_plain_dicts(start.request_token);
        r.value = std::move(start);
        return r;
    }
    std::string service_token = token;
    start.skip = json_value::integer("0");
    const auto separator = token.find("___");
    if (separator != std::string::npos) {
        const std::string rest = token.substr(separator + 3);
        const auto index = parse_python_int(rest);
        if (rest.find("___") != std::string::npos) {
            r.failed = failure(exit_general_error, "Bad starting token: " + token);
            return r;
        }
        if (index) {
            service_token = token.substr(0, separator);
            start.skip = json_value::integer(index->str());
        }
    }
    start.request_token.set(p.input_token,
                            service_token == "None" ? json_value() : json_value::string(std::move(service_token)));
    r.value = std::move(start);
    return r;
}

// The first request's parameters as botocore's paginator makes them: the starting token's
// members set (or removed, when null or "None"), then the page size as the limit key.
inline void inject_paging_parameters(json_value& params, const paginator& p, const std::optional<starting_token>& start,
                                     std::optional<std::int64_t> page_size) {
    if (start)
        for (const auto& m : start->request_token.members) {
            if (!m.value.is(json_value::kind::null) && !(m.value.is(json_value::kind::string) && m.value.text == "None"))
                params.set(m.name, m.value);
            else
                params.erase(m.name);
        }
    if (page_size) params.set(p.limit_key, json_value::integer(std::to_string(*page_size)));
}

namespace detail {
// Python's sequence[start:stop] bounds for a sequence of `size` items.
inline std::size_t python_slice_bound(std::int64_t index, std::size_t size) {
    const auto n = static_cast<std::int64_t>(size);
    if (index < 0) index = std::max<std::int64_t>(0, n + index);
    return static_cast<std::size_t>(std::min(index, n));
}

// botocore.utils.merge_dicts: nested objects merge, anything else is replaced.
inline void merge_dicts(json_value& into, const json_value& from) {
    for (const auto& m : from.members) {
        json_value* existing = nullptr;
        for (auto& e : into.members)
            if (e.name == m.name) existing = &e.value;
        if (existing && existing->is(json_value::kind::object) && m.value.is(json_value::kind::object))
            merge_dicts(*existing, m.value);
        else
            into.set(m.name, m.value);
    }
}
}  // namespace detail

// botocore's build_full_result: the result key's lists of every page concatenated (absent when
// no page had it), then the non-aggregate keys as the first page had them, null when it had not.
inline json_value merge_pages(const std::vector<json_value>& pages, const paginator& p) {
    json_value complete = json_value::object();
    for (const auto& page : pages) {
        const json_value* items = page.find(p.result_key);
        if (items == nullptr) continue;
        json_value* existing = nullptr;
        for (auto& m : complete.members)
            if (m.name == p.result_key) existing = &m.value;
        if (existing == nullptr)
            complete.set(p.result_key, *items);
        else if (items->is(json_value::kind::array))
            existing->items.insert(existing->items.end(), items->items.begin(), items->items.end());
    }
    json_value non_aggregate = json_value::object();
    for (std::string_view key : p.non_aggregate_keys) {
        const json_value* v = pages.empty() ? nullptr : pages.front().find(key);
        non_aggregate.set(key, v ? *v : json_value());
    }
    detail::merge_dicts(complete, non_aggregate);
    return complete;
}

// The pages of one paginated command, taken one by one as botocore's PageIterator takes them
// for the AWS CLI: it says which token to ask for next, cuts the result at --max-items, and
// keeps the NextToken that resumes after the cut.
class page_collector {
public:
    page_collector(paginator p, std::optional<std::int64_t> max_items, std::optional<starting_token> start)
        : paginator_(std::move(p)), max_items_(max_items), start_(std::move(start)) {
        if (start_) {
            request_token_ = start_->request_token;
        } else {
            request_token_.set(paginator_.input_token, json_value());
        }
    }

    struct step {
        std::optional<std::string> next_token;  // the next request's; nullopt: the result is complete
        std::optional<outcome> failed;
    };

    // Takes the next page (botocore's parsed response).
    step add(json_value page) {
        step s;
        // The first page starts where the starting token's page was cut.
        std::int64_t skipped = 0;
        if (pages_.empty() && start_) {
            const json_value& skip = start_->skip;
            const auto n = skip.is(json_value::kind::integer) ? parse_python_int(skip.text) : std::nullopt;
            if (n) skipped = n->clamped();
            if (skip.is(json_value::kind::boolean)) skipped = skip.boolean ? 1 : 0;
            json_value* items = find_items(page);
            if (items != nullptr && items->is(json_value::kind::array)) {
                if (!n && !skip.is(json_value::kind::boolean) && !skip.is(json_value::kind::null)) {
                    s.failed = failure(exit_general_error, "slice indices must be integers or None or have an __index__ method");
                    return s;
                }
                const std::size_t from = detail::python_slice_bound(skipped, items->items.size());
                items->items.erase(items->items.begin(), items->items.begin() + static_cast<std::ptrdiff_t>(from));
            }
        }
        const json_value* items = find_items(page);
        const auto count = static_cast<std::int64_t>(items && items->is(json_value::kind::array) ? items->items.size() : 0);
        if (max_items_ && total_ + count - *max_items_ > 0) {
            const std::int64_t keep = count - (total_ + count - *max_items_);
            json_value kept = json_value::array();
            if (items != nullptr && items->is(json_value::kind::array))
                kept.items.assign(items->items.begin(),
                                  items->items.begin() + static_cast<std::ptrdiff_t>(detail::python_slice_bound(keep, items->items.size())));
            page.set(paginator_.result_key, std::move(kept));
            json_value resume = request_token_;
            resume.set("boto_truncate_amount", json_value::integer(std::to_string(keep + skipped)));
            pages_.push_back(std::move(page));
            s.failed = set_resume_token(std::move(resume));
            return s;
        }
        total_ += count;
        const json_value* token = page.find(paginator_.output_token);
        json_value next = json_value::object();
        const bool has_next = token != nullptr && token->is(json_value::kind::string) && !token->text.empty();
        next.set(paginator_.input_token, has_next ? *token : json_value());
        pages_.push_back(std::move(page));
        if (!has_next) return s;
        if (max_items_ && total_ == *max_items_) {
            s.failed = set_resume_token(std::move(next));
            return s;
        }
        if (previous_token_ && python_dumps_equal(*previous_token_, next)) {
            s.failed = failure(exit_general_error,
                               "Error during pagination: The same next token was received twice: " + python_repr(next));
            return s;
        }
        s.next_token = next.find(paginator_.input_token)->text;
        request_token_ = next;
        previous_token_ = std::move(next);
        return s;
    }

    // What the AWS CLI prints: the merged pages, and the NextToken when --max-items cut them.
    json_value result() const {
        json_value complete = merge_pages(pages_, paginator_);
        if (resume_token_) complete.set("NextToken", json_value::string(*resume_token_));
        return complete;
    }

private:
    json_value* find_items(json_value& page) const {
        for (auto& m : page.members)
            if (m.name == paginator_.result_key) return &m.value;
        return nullptr;
    }
    static bool python_dumps_equal(const json_value& a, const json_value& b) {
        return python_json_dumps(a) == python_json_dumps(b);
    }
    // botocore's resume_token setter: the token must hold exactly the input token (and the
    // truncation) to be encoded.
    std::optional<outcome> set_resume_token(json_value token) {
        std::size_t expected = 1;
        bool keys_match = token.find(paginator_.input_token) != nullptr;
        if (token.find("boto_truncate_amount") != nullptr) ++expected;
        keys_match = keys_match && token.members.size() == expected;
        if (!keys_match) return failure(exit_general_error, "Bad starting token: " + python_repr(token));
        resume_token_ = base64_encode(python_json_dumps(token));
        return std::nullopt;
    }

    paginator paginator_;
    std::optional<std::int64_t> max_items_;
    std::optional<starting_token> start_;
    json_value request_token_ = json_value::object();  // the token members of the current request
    std::optional<json_value> previous_token_;
    std::int64_t total_ = 0;
    std::vector<json_value> pages_;
    std::optional<std::string> resume_token_;
};

}  // namespace swf_cli

#endif
