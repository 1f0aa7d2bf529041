// A kind defined outside the library may give its layers a name; it keeps the rule of every
// name, with the same message as name<"...">.
// expect: netcount: a name must not contain '/', which separates the levels of a block path
// expect: rejected_name<netcount::name_problem::slash, 'h', 'e', 'a', 'd', '/', '2'>
#include <netcount/netcount.hpp>
namespace nc = netcount;

struct head {
    static constexpr std::string_view kind = "head";
#ifdef NETCOUNT_COMPILE_FAIL
    static constexpr std::string_view name = "head/2";
#else
    static constexpr std::string_view name = "head_2";
#endif
    static constexpr nc::layer_result apply(const nc::shape& in) noexcept { return {.output = {1, 1, in.channels}}; }
};

struct net : nc::network<nc::input<8, 8, 3>, head> {};
static_assert(nc::output_shape<net> == nc::shape{1, 1, 3});
