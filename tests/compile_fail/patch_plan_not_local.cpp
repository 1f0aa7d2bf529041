// patch_plan whose patch stage holds an upsampling (or a global pool, an fc, a flatten, ...):
// its output positions do not each read a window of its input, so it cannot run patch by
// patch. The error names it.
// expect: netcount: patch_plan: this entry before the split does not compute each output position from a window of its input
// expect: 'u', 'p', 's', 'a', 'm', 'p', 'l', 'e', '1'
#include <netcount/netcount.hpp>
namespace nc = netcount;

using net = nc::network<nc::input<4, 4, 2>, nc::conv<2, nc::kernel<3>, nc::pad<1>, nc::name<"first">>, nc::upsample<2>,
                        nc::conv<2, nc::kernel<3>, nc::pad<1>, nc::name<"last">>>;
#ifdef NETCOUNT_COMPILE_FAIL
static_assert(nc::patch_plan<net, "last", 2, 2>.connections > 0);
#else
static_assert(nc::patch_plan<net, "first", 2, 2>.connections > 0); // the upsampling after it
#endif
