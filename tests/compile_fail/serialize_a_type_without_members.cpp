// Must not compile: only types that describe their members can be serialized.
// expect: this type is not a shape
#include <swfpp/serialize.hpp>

#include <string>

struct undescribed {
    std::string name;
};

int main() {
    std::string out;
    swfpp::serialize_json(undescribed{"x"}, out);
}
