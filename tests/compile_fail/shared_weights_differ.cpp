// A reuse whose input gives a layer other weights than its definition's (other input channels)
// is rejected, naming the layer of the reuse.
// expect: netcount: the layer applies shared weights to an input that gives it other weights than its definition's
// expect: 'h', 'e', 'a', 'd', '@', '2', '/', 'c', 'o', 'n', 'v', '1'
#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
using net = nc::network<nc::input<8, 8, 4>, nc::shared<"head", nc::conv<6, nc::kernel<1>>>, nc::shared<"head">>;
#else
using net = nc::network<nc::input<8, 8, 4>, nc::shared<"head", nc::conv<4, nc::kernel<1>>>, nc::shared<"head">>;
#endif
static_assert(nc::parameters<net> > 0);
