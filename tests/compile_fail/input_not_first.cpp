// An input<...> after a layer is rejected: a network starts with all its inputs.
// expect: netcount: an input<...> comes after a layer, inside a block, or after an unnamed first input
#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
using late = nc::network<nc::input<16, 16, 3, nc::name<"image">>, nc::conv<8, nc::kernel<3>>,
                         nc::input<16, 16, 1, nc::name<"mask">>, nc::concat<nc::identity, nc::from<"mask">>>;
#else
using late =
    nc::network<nc::input<16, 16, 3, nc::name<"image">>, nc::input<16, 16, 1, nc::name<"mask">>, nc::from<"image">,
                nc::conv<8, nc::kernel<3>, nc::pad<1>>, nc::concat<nc::identity, nc::from<"mask">>>;
#endif
static_assert(nc::parameters<late> > 0);
