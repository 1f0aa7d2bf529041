// Several inputs of which the first has no name: the later ones are rejected as inputs not
// among the first elements of a network whose inputs are named.
// expect: netcount: an input<...> comes after a layer, inside a block, or after an unnamed first input
#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
using two = nc::network<nc::input<16, 16, 3>, nc::input<16, 16, 1, nc::name<"mask">>, nc::conv<8, nc::kernel<3>>>;
#else
using two = nc::network<nc::input<16, 16, 3, nc::name<"image">>, nc::input<16, 16, 1, nc::name<"mask">>,
                        nc::conv<8, nc::kernel<3>, nc::pad<1>>, nc::concat<nc::identity, nc::from<"image">>>;
#endif
static_assert(nc::parameters<two> > 0);
