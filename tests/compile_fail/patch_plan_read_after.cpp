// patch_plan whose split is inside a residual block: the block's input, a tensor of the patch
// stage, is read by the add after the split, and the patch stage holds it one patch at a time.
// The error names that tensor.
// expect: netcount: patch_plan: this tensor of the patch stage is read after the split
// expect: 'c', 'o', 'n', 'v', '1'
#include <netcount/netcount.hpp>
namespace nc = netcount;

using net = nc::network<nc::input<8, 8, 2>, nc::conv<2, nc::kernel<1>>,
                        nc::residual<nc::conv<2, nc::kernel<3>, nc::pad<1>, nc::name<"inner">>>, nc::relu>;
#ifdef NETCOUNT_COMPILE_FAIL
static_assert(nc::patch_plan<net, "residual1/inner", 2, 2>.connections > 0);
#else
static_assert(nc::patch_plan<net, "residual1", 2, 2>.connections > 0); // the add: whole blocks
#endif
