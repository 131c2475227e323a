// swfpp — result<T>: a value or an swfpp::error, never an exception unless you ask for one.
#ifndef SWFPP_RESULT_HPP
#define SWFPP_RESULT_HPP

#include <cstdlib>
#include <type_traits>
#include <utility>
#include <variant>

#include "swfpp/detail/config.hpp"
#include "swfpp/error.hpp"

#if defined(__cpp_exceptions) || defined(__EXCEPTIONS)
#define SWFPP_EXCEPTIONS 1
#include <stdexcept>
#else
#define SWFPP_EXCEPTIONS 0
#endif

SWFPP_NAMESPACE_BEGIN

#if SWFPP_EXCEPTIONS
// Thrown by result<T>::value() on an error, only when exceptions are enabled.
class error_exception : public std::runtime_error {
public:
    explicit error_exception(swfpp::error e)
        : std::runtime_error(e.code.empty() ? e.message : e.code + ": " + e.message), error_(std::move(e)) {}
    const swfpp::error& error() const noexcept { return error_; }

private:
    swfpp::error error_;
};
#endif

// Holds either a T or an error. Check with `ok()` / `operator bool` before `*r`, or call
// `value()`, which throws error_exception (or aborts when built with -fno-exceptions) on error.
template <class T>
class [[nodiscard]] result {
public:
    static_assert(!std::is_same_v<T, swfpp::error>, "result<error> is ambiguous; use error directly");

    // A value-initialised T: the starting point of a result reused with basic_client::call_into.
    result() = default;
    result(T value) : state_(std::in_place_index<0>, std::move(value)) {}
    result(swfpp::error e) : state_(std::in_place_index<1>, std::move(e)) {}

    bool ok() const noexcept { return state_.index() == 0; }
    explicit operator bool() const noexcept { return ok(); }

    T& operator*() & noexcept { return *std::get_if<0>(&state_); }
    const T& operator*() const& noexcept { return *std::get_if<0>(&state_); }
    T* operator->() noexcept { return std::get_if<0>(&state_); }
    const T* operator->() const noexcept { return std::get_if<0>(&state_); }

    // Precondition: !ok().
    const swfpp::error& error() const& noexcept { return *std::get_if<1>(&state_); }
    swfpp::error& error() & noexcept { return *std::get_if<1>(&state_); }

    // For a result reused call after call (basic_client::call_into): the held value or error
    // as it is, with its buffers, or a default-constructed one in place of the other
    // alternative. The caller overwrites it.
    T& reuse_value() {
        if (!ok()) state_.template emplace<0>();
        return *std::get_if<0>(&state_);
    }
    swfpp::error& reuse_error() {
        if (ok()) state_.template emplace<1>();
        return *std::get_if<1>(&state_);
    }

    T& value() & {
        check();
        return **this;
    }
    const T& value() const& {
        check();
        return **this;
    }

private:
    void check() const {
        if (ok()) return;
#if SWFPP_EXCEPTIONS
        throw error_exception(error());
#else
        std::abort();
#endif
    }

    std::variant<T, swfpp::error> state_;
};

// Success with no value, or an error.
template <>
class [[nodiscard]] result<void> {
public:
    result() = default;
    result(swfpp::error e) : error_(std::move(e)), failed_(true) {}

    bool ok() const noexcept { return !failed_; }
    explicit operator bool() const noexcept { return ok(); }

    // Precondition: !ok().
    const swfpp::error& error() const& noexcept { return error_; }
    swfpp::error& error() & noexcept { return error_; }

    void value() const {
        if (ok()) return;
#if SWFPP_EXCEPTIONS
        throw error_exception(error_);
#else
        std::abort();
#endif
    }

private:
    swfpp::error error_;
    bool failed_ = false;
};

SWFPP_NAMESPACE_END

#endif
