// from<"name"> that reads a block it is inside of (its output is not computed yet) is rejected,
// as is one that reads a later entry.
// expect: netcount: from<...>: this name is computed after the from<> reads it
// expect: 's', 't', 'a', 'g', 'e'
#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
using inside =
    nc::network<nc::input<16, 16, 3>, nc::sequence<nc::name<"stage">, nc::conv<8, nc::kernel<1>>, nc::from<"stage">>>;
#else
using inside = nc::network<nc::input<16, 16, 3>,
                           nc::sequence<nc::name<"stage">, nc::conv<8, nc::kernel<1>>, nc::from<"stage/conv1">>>;
#endif
static_assert(nc::parameters<inside> > 0);
