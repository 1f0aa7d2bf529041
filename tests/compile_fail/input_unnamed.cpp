// A network of several inputs names each of them: an unnamed one among them is rejected.
// expect: netcount: a network of several inputs names each of them
#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
using two = nc::network<nc::input<16, 16, 3, nc::name<"image">>, nc::input<16, 16, 1>, nc::conv<8, nc::kernel<3>>,
                        nc::concat<nc::identity, nc::from<"image">>>;
#else
using two = nc::network<nc::input<16, 16, 3, nc::name<"image">>, nc::input<16, 16, 1, nc::name<"mask">>,
                        nc::conv<8, nc::kernel<3>, nc::pad<1>>, nc::concat<nc::identity, nc::from<"image">>>;
#endif
static_assert(nc::parameters<two> > 0);
