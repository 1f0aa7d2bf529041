// A shared name defined twice is rejected, whether or not the definitions are alike.
// expect: netcount: shared<..., Elements...>: this name is defined more than once
// expect: 'h', 'e', 'a', 'd'
#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
using net = nc::network<nc::input<8, 8, 4>, nc::shared<"head", nc::conv<4, nc::kernel<1>>>,
                        nc::shared<"head", nc::conv<4, nc::kernel<1>>>, nc::shared<"head">>;
#else
using net = nc::network<nc::input<8, 8, 4>, nc::shared<"head", nc::conv<4, nc::kernel<1>>>,
                        nc::shared<"head2", nc::conv<4, nc::kernel<1>>>, nc::shared<"head">>;
#endif
static_assert(nc::parameters<net> > 0);
