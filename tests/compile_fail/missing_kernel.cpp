// A conv or pool without a kernel is rejected.
// expect: netcount: this layer needs a kernel<...> option
// expect: missing_kernel, 1,
// expect: 'm', 'a', 'x', '_', 'p', 'o', 'o', 'l', '1'
#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
using pool = nc::max_pool<nc::stride<2>>;
#else
using pool = nc::max_pool<nc::kernel<2>, nc::stride<2>>;
#endif

struct net : nc::network<nc::input<32, 32, 4>, nc::relu, pool> {};
static_assert(nc::output_shape<net>.channels == 4);
