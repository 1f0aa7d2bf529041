// An option a layer does not take names the option and the layer, and is the only error:
// max_pool keeps its kernel, so it does not also say that the kernel is missing (issue 10).
// expect: netcount: the layer does not take groups<...>
// expect: option_not_taken<netcount::max_pool<netcount::kernel<3
// expect: , netcount::groups<2>
// absent: needs a kernel
#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
using pool = nc::max_pool<nc::kernel<3>, nc::groups<2>>;
#else
using pool = nc::max_pool<nc::kernel<3>>;
#endif

struct net : nc::network<nc::input<9, 9, 4>, pool> {};
static_assert(nc::output_shape<net> == nc::shape{3, 3, 4});
