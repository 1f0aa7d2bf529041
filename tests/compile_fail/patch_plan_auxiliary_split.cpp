// patch_plan whose split is in an auxiliary head (training only) is rejected, naming it.
// expect: netcount: patch_plan: the split is in an auxiliary head, which does not run in inference
// expect: 'h', 'e', 'a', 'd', '/', 'w', 'i', 'd', 'e'
#include <netcount/netcount.hpp>
namespace nc = netcount;

using net = nc::network<nc::input<4, 4, 2>, nc::conv<2, nc::kernel<1>, nc::name<"trunk">>,
                        nc::auxiliary<nc::name<"head">, nc::conv<8, nc::kernel<1>, nc::name<"wide">>>, nc::relu>;
#ifdef NETCOUNT_COMPILE_FAIL
static_assert(nc::patch_plan<net, "head/wide", 2, 2>.connections > 0);
#else
static_assert(nc::patch_plan<net, "trunk", 2, 2>.connections > 0);
#endif
