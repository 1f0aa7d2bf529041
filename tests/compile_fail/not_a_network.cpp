// Queries take networks.
// expect: netcount: expected a network<input<Height, Width, Channels>, layers...> or a type derived from one
#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
using net = nc::conv<8, nc::kernel<3>>;
#else
using net = nc::network<nc::input<8, 8, 3>, nc::conv<8, nc::kernel<3>>>;
#endif
static_assert(nc::weights<net> > 0);
