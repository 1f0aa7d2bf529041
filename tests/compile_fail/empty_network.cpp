// Not even an input: rejected with the same message.
// expect: netcount: a network starts with input<Height, Width, Channels>
#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
struct net : nc::network<> {};
#else
struct net : nc::network<nc::input<1, 1, 1>> {};
#endif
static_assert(nc::weights<net> == 0);
