// Two inputs of the same name are rejected: from<"..."> would not know which it reads.
// expect: netcount: two inputs of this network have the same name
#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
using two = nc::network<nc::input<16, 16, 3, nc::name<"view">>, nc::input<16, 16, 3, nc::name<"view">>,
                        nc::conv<8, nc::kernel<3>>>;
#else
using two = nc::network<nc::input<16, 16, 3, nc::name<"view">>, nc::input<16, 16, 3, nc::name<"view2">>,
                        nc::concat<nc::identity, nc::from<"view">>, nc::conv<8, nc::kernel<3>>>;
#endif
static_assert(nc::parameters<two> > 0);
