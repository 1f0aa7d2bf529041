// A kind defined outside the library keeps the rule too: its `kind` is the stem of generated
// names ("space to depth" + ordinal would be fine; a newline is not).
// expect: netcount: a name must not contain a control character (names are printable ASCII)
// expect: name_problem::control_character
#include <netcount/netcount.hpp>
namespace nc = netcount;

struct space_to_depth {
#ifdef NETCOUNT_COMPILE_FAIL
    static constexpr std::string_view kind = "space\nto depth";
#else
    static constexpr std::string_view kind = "space to depth";
#endif
    static constexpr nc::layer_result apply(const nc::shape& in) noexcept {
        return {.output = {in.height / 2, in.width / 2, in.channels * 4}};
    }
};

struct net : nc::network<nc::input<8, 8, 3>, space_to_depth> {};
static_assert(nc::output_shape<net> == nc::shape{4, 4, 12});
