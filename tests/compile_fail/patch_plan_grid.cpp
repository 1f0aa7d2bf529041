// patch_plan with more patches than the split's output has rows is rejected, with the grid
// and the output's height and width: 5 x 1 patches of a 4 x 4 map. (0 patches likewise.)
// expect: netcount: patch_plan: PatchesH and PatchesW must be from 1 to the split's output height and width
// expect: invalid_patch_grid<5, 1, 4, 4>
#include <netcount/netcount.hpp>
namespace nc = netcount;

using net = nc::network<nc::input<8, 8, 1>, nc::conv<2, nc::kernel<2>, nc::stride<2>, nc::name<"split">>, nc::fc<4>>;
#ifdef NETCOUNT_COMPILE_FAIL
static_assert(nc::patch_plan<net, "split", 5, 1>.connections > 0);
#else
static_assert(nc::patch_plan<net, "split", 4, 1>.connections > 0);
#endif
