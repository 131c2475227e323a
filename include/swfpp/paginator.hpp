// swfpp — paginators: every page, or every item, of an operation the service pages through
// (the operations with a nested `pagination` description, after botocore's paginators).
//
//     auto pages = swfpp::paginate<swfpp::list_domains>(client, input, options);
//     for (auto& page : pages) {                      // swfpp::result<list_domains_output>&
//         if (!page) { report(page.error()); break; }  // an error is the last element
//         for (const auto& domain : page->domain_infos) use(domain);
//     }
//     auto events = swfpp::paginate_items<swfpp::get_workflow_execution_history>(client, input);
//     for (auto& event : events)                      // swfpp::item_result<history_event>&
//         if (event) use(*event); else report(event.error());
//     std::optional<swfpp::pagination_token> rest = events.resume_token();  // none: all seen
//
// The client is anything with `result<Op::output> call<Op>(const Op::input&)`, as basic_client;
// it must outlive the paginator. A paginator is an input range: each request is made when the
// iteration reaches it, and a second loop continues after the element the first one stopped at
// (the element an iterator points at counts as handed out, for resume_token() too). One thread
// at a time uses a paginator; several may share the client, as basic_client allows.
#ifndef SWFPP_PAGINATOR_HPP
#define SWFPP_PAGINATOR_HPP

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>

#include "swfpp/detail/config.hpp"
#include "swfpp/error.hpp"
#include "swfpp/result.hpp"
#include "swfpp/shape.hpp"

SWFPP_NAMESPACE_BEGIN

// can_call<Client, Op>: Client has `result<Op::output> call<Op>(const Op::input&)`.
template <class Client, class Op, class = void>
struct can_call : std::false_type {};
template <class Client, class Op>
struct can_call<Client, Op,
                std::void_t<decltype(std::declval<Client&>().template call<Op>(
                    std::declval<const typename Op::input&>()))>>
    : std::is_same<decltype(std::declval<Client&>().template call<Op>(std::declval<const typename Op::input&>())),
                   result<typename Op::output>> {};

// Where a walk through the pages stopped, to continue it later (botocore's resume token, as
// plain values the caller can store any way it likes).
struct pagination_token {
    std::optional<std::string> page_token;  // the page to request again; none: the first page
    std::size_t items_to_skip = 0;          // items at the front of that page already returned
};

struct pagination_options {
    std::optional<std::int32_t> page_size;           // the limit (maximumPageSize) sent with each request
    std::optional<std::size_t> max_items;            // return no more items than this (the CLI's --max-items)
    std::optional<pagination_token> starting_token;  // continue where an earlier walk stopped
};

namespace detail {

// The requests and bookkeeping shared by both paginators. The current page is handed out as a
// whole (paginator) or item by item (item_paginator); `position_` counts what was handed out.
template <class Op, class Client>
class page_walk {
    static_assert(has_pagination<Op>::value,
                  "swfpp: this operation has no pages to walk (no nested `pagination` description, as botocore "
                  "has no paginator for it): call it once, with client.call<Op>(input)");
    static_assert(can_call<Client, Op>::value,
                  "swfpp: the client must provide `swfpp::result<Op::output> call<Op>(const Op::input&)`, as "
                  "basic_client does");
    using keys = typename Op::pagination;

public:
    using output_type = typename Op::output;
    using items_type = std::decay_t<decltype(std::declval<output_type&>().*keys::result_key)>;

    page_walk(Client& client, typename Op::input input, pagination_options options)
        : client_(&client), input_(std::move(input)), items_left_(options.max_items) {
        if (options.page_size) input_.*keys::limit_key = *options.page_size;
        if (options.starting_token) {
            input_.*keys::input_token = std::move(options.starting_token->page_token);
            position_ = options.starting_token->items_to_skip;
        }
    }

    bool on_page() const noexcept { return stage_ == stage::on_page; }
    result<output_type>& page() noexcept { return page_; }

    // Moves to the next page: requests the first one, or the one the current page names; or
    // hands out the repeated-token error. False, and done, when there is nothing more.
    bool advance() {
        if (stage_ == stage::done) return false;
        if (stage_ == stage::not_started) return fetch();
        if (page_ && after_ == after_page::fetch_next) {
            std::swap(input_.*keys::input_token, next_token_);
            position_ = 0;
            return fetch();
        }
        if (page_ && after_ == after_page::report_repeated_token) {
            page_ = repeated_token_error();
            return true;
        }
        stage_ = stage::done;
        return false;
    }

    // The first `count` items of the current page have been handed out (nothing, for an error).
    void handed_out(std::size_t count) noexcept {
        if (page_) position_ = page_start_ + count;
    }
    void handed_out_page() noexcept {
        if (page_) position_ = page_end_;
    }

    std::optional<pagination_token> resume_token() const {
        if (stage_ != stage::not_started && page_ && position_ == page_end_) {
            if (after_ == after_page::stop_last_page) return std::nullopt;
            if (after_ == after_page::fetch_next || after_ == after_page::stop_max_items)
                return pagination_token{next_token_, 0};
        }
        return pagination_token{input_.*keys::input_token, position_};
    }

private:
    enum class stage { not_started, on_page, done };
    // What follows the current page, in botocore's order of checks.
    enum class after_page { fetch_next, stop_cut, stop_last_page, stop_max_items, report_repeated_token };

    bool fetch() {
        page_ = client_->template call<Op>(input_);
        stage_ = stage::on_page;
        if (!page_) return true;  // position_ still names where this page starts
        output_type& output = *page_;
        items_type& items = output.*keys::result_key;
        using difference = typename items_type::difference_type;
        page_start_ = position_;
        items.erase(items.begin(), items.begin() + static_cast<difference>(std::min(position_, items.size())));
        bool cut = false;
        if (items_left_) {
            cut = items.size() > *items_left_;
            if (cut) items.erase(items.begin() + static_cast<difference>(*items_left_), items.end());
            *items_left_ -= items.size();
        }
        page_end_ = page_start_ + items.size();

        const auto& next = output.*keys::output_token;
        if (cut)
            after_ = after_page::stop_cut;
        else if (!next || next->empty())  // botocore reads an empty token as none
            after_ = after_page::stop_last_page;
        else if (items_left_ == std::size_t{0})
            after_ = after_page::stop_max_items;
        else if (next == input_.*keys::input_token)
            after_ = after_page::report_repeated_token;
        else
            after_ = after_page::fetch_next;
        if (after_ == after_page::fetch_next || after_ == after_page::stop_max_items)
            next_token_ = *next;  // kept apart from the page, which the caller may change
        return true;
    }

    // botocore raises PaginationError "The same next token was received twice".
    static error repeated_token_error() {
        error e;
        e.kind = errc::malformed_response;
        e.message.assign("Malformed response: ")
            .append(Op::name)
            .append(" returned the next page token it was sent, so the next page would repeat this one; "
                    "pagination stopped");
        return e;
    }

    Client* client_;
    typename Op::input input_;  // the request; its token names the current page
    result<output_type> page_;
    std::optional<std::string> next_token_;
    std::optional<std::size_t> items_left_;
    std::size_t position_ = 0;    // items of the current page handed out or skipped, from its front
    std::size_t page_start_ = 0;  // items skipped at the front of the current page
    std::size_t page_end_ = 0;    // page_start_ + the items the current page kept
    stage stage_ = stage::not_started;
    after_page after_ = after_page::fetch_next;
};

// The iterator of both paginators: it steps the paginator itself (single pass); past the last
// element it equals end().
template <class Paginator>
class walk_iterator {
public:
    explicit walk_iterator(Paginator* owner = nullptr) noexcept : owner_(owner) {}
    decltype(auto) operator*() const { return owner_->current(); }
    walk_iterator& operator++() {
        if (!owner_->step()) owner_ = nullptr;
        return *this;
    }
    friend bool operator==(const walk_iterator& a, const walk_iterator& b) noexcept { return a.owner_ == b.owner_; }
    friend bool operator!=(const walk_iterator& a, const walk_iterator& b) noexcept { return !(a == b); }

private:
    Paginator* owner_;
};

}  // namespace detail

// Page by page: each element is the operation's result, a page (its items cut to max_items) or
// the error that ended the walk.
template <class Op, class Client>
class paginator {
public:
    using iterator = detail::walk_iterator<paginator>;

    paginator(Client& client, typename Op::input input, pagination_options options = {})
        : walk_(client, std::move(input), std::move(options)) {}

    // Moves to the next element: the first page on the first call.
    iterator begin() { return iterator(step() ? this : nullptr); }
    iterator end() noexcept { return iterator(); }

    // Where to start another paginator to get what this one has not handed out yet; none once
    // the last page has been handed out. Save it and pass it as options.starting_token.
    std::optional<pagination_token> resume_token() const { return walk_.resume_token(); }

private:
    friend iterator;
    result<typename Op::output>& current() noexcept { return walk_.page(); }
    bool step() {
        if (!walk_.advance()) return false;
        walk_.handed_out_page();
        return true;
    }

    detail::page_walk<Op, Client> walk_;
};

// An element of item_paginator: an item of the current page (valid until the iteration moves
// on; it may be moved from), or the error that ended the walk. Used as result<Item> is.
template <class Item>
class item_result {
public:
    bool ok() const noexcept { return item_ != nullptr; }
    explicit operator bool() const noexcept { return ok(); }
    Item& operator*() const noexcept { return *item_; }
    Item* operator->() const noexcept { return item_; }
    const swfpp::error& error() const noexcept { return *error_; }  // precondition: !ok()

private:
    template <class, class>
    friend class item_paginator;

    Item* item_ = nullptr;
    const swfpp::error* error_ = nullptr;
};

// Item by item: each element is one item of the pages' result key (e.g. a history_event), or
// the error that ended the walk, after the items of the pages before it.
template <class Op, class Client>
class item_paginator {
    using walk_type = detail::page_walk<Op, Client>;

public:
    using item_type = typename walk_type::items_type::value_type;
    using iterator = detail::walk_iterator<item_paginator>;

    item_paginator(Client& client, typename Op::input input, pagination_options options = {})
        : walk_(client, std::move(input), std::move(options)) {}

    // Moves to the next element: the first item on the first call.
    iterator begin() { return iterator(step() ? this : nullptr); }
    iterator end() noexcept { return iterator(); }

    // Where to start another paginator to get the items this one has not handed out yet; none
    // once the last one has been. Save it and pass it as options.starting_token.
    std::optional<pagination_token> resume_token() const { return walk_.resume_token(); }

private:
    friend iterator;
    static constexpr auto result_key = Op::pagination::result_key;

    // Pointed at afresh on each access, so a moved paginator never refers to its old self.
    item_result<item_type>& current() noexcept {
        auto& page = walk_.page();
        current_.item_ = page ? &((*page).*result_key)[handed_out_ - 1] : nullptr;
        current_.error_ = page ? nullptr : &page.error();
        return current_;
    }

    bool step() {
        for (;;) {
            if (walk_.on_page()) {
                auto& page = walk_.page();
                const std::size_t available = page ? ((*page).*result_key).size() : 1;  // an error is one element
                if (handed_out_ < available) {
                    walk_.handed_out(++handed_out_);
                    return true;
                }
            }
            if (!walk_.advance()) return false;
            handed_out_ = 0;
        }
    }

    walk_type walk_;
    std::size_t handed_out_ = 0;  // of the current page's items (or its error)
    item_result<item_type> current_;
};

// A paginator over Op's pages for `client`, which must outlive it.
template <class Op, class Client>
paginator<Op, Client> paginate(Client& client, typename Op::input input, pagination_options options = {}) {
    return paginator<Op, Client>(client, std::move(input), std::move(options));
}

// A paginator over the items of Op's pages for `client`, which must outlive it.
template <class Op, class Client>
item_paginator<Op, Client> paginate_items(Client& client, typename Op::input input, pagination_options options = {}) {
    return item_paginator<Op, Client>(client, std::move(input), std::move(options));
}

SWFPP_NAMESPACE_END

#endif
