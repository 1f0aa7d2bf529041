// shared<"name"> that no shared<"name", Elements...> of the network defines is rejected,
// spelling out the name.
// expect: netcount: shared<...>: no shared<..., Elements...> of the network defines this name
// expect: 'h', 'e', 'd'
#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
using net = nc::network<nc::input<8, 8, 4>, nc::shared<"head", nc::conv<4, nc::kernel<1>>>, nc::shared<"hed">>;
#else
using net = nc::network<nc::input<8, 8, 4>, nc::shared<"head", nc::conv<4, nc::kernel<1>>>, nc::shared<"head">>;
#endif
static_assert(nc::parameters<net> > 0);
