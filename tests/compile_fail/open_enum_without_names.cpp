// Must not compile: an open_enum over an enumeration with no wire names says what to declare.
// expect: open_enum<E> needs `constexpr std::array<std::string_view, N> enum_names(E) noexcept`
#include <swfpp/value_types.hpp>

enum class colour { red, green };

int main() {
    swfpp::open_enum<colour> c = colour::red;
    return c.is_known() ? 0 : 1;
}
