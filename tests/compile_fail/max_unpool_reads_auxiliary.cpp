// max_unpool<"pool"> on the main path that names a pool inside an auxiliary head is rejected as
// from<>'s is: heads do not run in inference.
// expect: this name is in an auxiliary head, which inference does not run
// expect: 'a', 'u', 'x', '/', 'p'
#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
using unpooled =
    nc::network<nc::input<8, 8, 3>, nc::max_pool<nc::kernel<2>, nc::name<"p">>,
                nc::auxiliary<nc::name<"aux">, nc::max_pool<nc::kernel<1>, nc::name<"p">>>, nc::max_unpool<"aux/p">>;
#else
using unpooled =
    nc::network<nc::input<8, 8, 3>, nc::max_pool<nc::kernel<2>, nc::name<"p">>,
                nc::auxiliary<nc::name<"aux">, nc::max_pool<nc::kernel<1>, nc::name<"p">>>, nc::max_unpool<"p">>;
#endif
static_assert(nc::output_shape<unpooled> == nc::shape{8, 8, 3});
