// A definition that applies itself is rejected (its elements would hold it again).
// expect: netcount: shared<...>: a definition cannot apply itself
// expect: 'h', 'e', 'a', 'd'
#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
using net = nc::network<nc::input<8, 8, 4>, nc::shared<"head", nc::conv<4, nc::kernel<1>>, nc::shared<"head">>>;
#else
using net = nc::network<nc::input<8, 8, 4>, nc::shared<"head", nc::conv<4, nc::kernel<1>>>, nc::shared<"head">>;
#endif
static_assert(nc::parameters<net> > 0);
