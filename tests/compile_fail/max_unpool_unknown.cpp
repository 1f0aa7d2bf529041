// max_unpool<"pool"> names its pool as from<> names a tensor: a name no entry or named block has
// is rejected as from<>'s is, spelling out the name.
// expect: no entry or named block of the network has this name
// expect: 'p', 'o', 'o', 'l', '9'
#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
using unpooled = nc::network<nc::input<8, 8, 3>, nc::max_pool<nc::kernel<2>, nc::name<"pool1">>,
                             nc::conv<3, nc::kernel<1>>, nc::max_unpool<"pool9">>;
#else
using unpooled = nc::network<nc::input<8, 8, 3>, nc::max_pool<nc::kernel<2>, nc::name<"pool1">>,
                             nc::conv<3, nc::kernel<1>>, nc::max_unpool<"pool1">>;
#endif
static_assert(nc::output_shape<unpooled> == nc::shape{8, 8, 3});
