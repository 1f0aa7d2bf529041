// max_unpool<"pool"> that names a pool after it is rejected as from<>'s is: the pool's indices
// do not exist yet.
// expect: this name is computed after the from<> reads it
// expect: 'l', 'a', 't', 'e', 'r'
#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
using unpooled = nc::network<nc::input<8, 8, 3>, nc::max_pool<nc::kernel<2>, nc::name<"first">>,
                             nc::max_unpool<"later">, nc::max_pool<nc::kernel<2>, nc::name<"later">>>;
#else
using unpooled = nc::network<nc::input<8, 8, 3>, nc::max_pool<nc::kernel<2>, nc::name<"first">>,
                             nc::max_unpool<"first">, nc::max_pool<nc::kernel<2>, nc::name<"later">>>;
#endif
static_assert(nc::output_shape<unpooled> == nc::shape{4, 4, 3});
