// Must not compile: a member type the machinery does not know is named in the diagnostic.
// expect: unsupported member type in a shape description
#include <swfpp/serialize.hpp>

#include <string>
#include <tuple>

struct has_pointer {
    const char* name = nullptr;
    static constexpr auto members() { return std::make_tuple(swfpp::member("name", &has_pointer::name)); }
};

int main() {
    std::string out;
    swfpp::serialize_json(has_pointer{}, out);
}
