// max_unpool<"pool"> with a name two entries have is rejected as from<>'s is, even when only one
// of them comes before it.
// expect: more than one entry or named block of the network has this name
// expect: 'p', 'o', 'o', 'l'
#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
using unpooled = nc::network<nc::input<8, 8, 3>, nc::max_pool<nc::kernel<2>, nc::name<"pool">>, nc::max_unpool<"pool">,
                             nc::conv<3, nc::kernel<1>, nc::name<"pool">>>;
#else
using unpooled = nc::network<nc::input<8, 8, 3>, nc::max_pool<nc::kernel<2>, nc::name<"pool">>, nc::max_unpool<"pool">,
                             nc::conv<3, nc::kernel<1>, nc::name<"head">>>;
#endif
static_assert(nc::output_shape<unpooled> == nc::shape{8, 8, 3});
