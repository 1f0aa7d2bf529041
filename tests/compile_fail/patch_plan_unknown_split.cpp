// patch_plan<Net, "split", ...> with a name no layer has is rejected as layer<Net, "name"> is,
// spelling out the name.
// expect: netcount: no layer has this name
// expect: 'b', 'l', 'o', 'c', 'k', '9'
#include <netcount/netcount.hpp>
namespace nc = netcount;

using net = nc::network<nc::input<8, 8, 1>, nc::conv<2, nc::kernel<3>, nc::pad<1>, nc::name<"block1">>, nc::fc<4>>;
#ifdef NETCOUNT_COMPILE_FAIL
static_assert(nc::patch_plan<net, "block9", 2, 2>.connections > 0);
#else
static_assert(nc::patch_plan<net, "block1", 2, 2>.connections > 0);
#endif
