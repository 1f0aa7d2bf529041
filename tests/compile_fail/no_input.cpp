// A network must start with its input.
// expect: netcount: a network starts with input<Height, Width, Channels>
#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
struct net : nc::network<nc::conv<8, nc::kernel<3>>, nc::relu> {};
#else
struct net : nc::network<nc::input<32, 32, 3>, nc::conv<8, nc::kernel<3>>, nc::relu> {};
#endif
static_assert(nc::weights<net> > 0);
