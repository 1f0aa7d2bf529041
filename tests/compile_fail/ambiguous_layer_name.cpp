// Two layers of the same name make layer<Net, "name"> ambiguous: rejected, not a guess.
// expect: netcount: more than one layer has this name
// expect: 'b', 'l', 'o', 'c', 'k'
#include <netcount/netcount.hpp>
namespace nc = netcount;

struct net : nc::network<nc::input<8, 8, 3>, nc::conv<8, nc::kernel<3>, nc::name<"block">>,
                         nc::conv<8, nc::kernel<3>, nc::name<"block">>> {};

#ifdef NETCOUNT_COMPILE_FAIL
static_assert(nc::layer<net, "block">.weights > 0);
#else
static_assert(nc::layers<net>[1].name == "block");
#endif
