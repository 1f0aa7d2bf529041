// An option where a layer belongs is rejected, naming the offending type.
// expect: netcount: a network element must be a layer kind
// expect: stride<2
#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
struct net : nc::network<nc::input<8, 8, 3>, nc::conv<8, nc::kernel<3>>, nc::stride<2>> {};
#else
struct net : nc::network<nc::input<8, 8, 3>, nc::conv<8, nc::kernel<3>, nc::stride<2>>> {};
#endif
static_assert(nc::weights<net> > 0);
