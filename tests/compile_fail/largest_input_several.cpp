// largest_input of a network of several inputs is rejected: which input's side it searches
// would be a guess.
// expect: netcount: largest_input, largest_height and largest_width search the input of a network of one
#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
using net = nc::network<nc::input<16, 16, 3, nc::name<"image">>, nc::input<16, 16, 1, nc::name<"mask">>,
                        nc::concat<nc::identity, nc::from<"image">>, nc::conv<8, nc::kernel<3>>>;
#else
using net = nc::network<nc::input<16, 16, 3, nc::name<"image">>, nc::conv<8, nc::kernel<3>>>;
#endif
static_assert(nc::largest_input<net, nc::budget{.connections = 1'000'000}, 4, 64> >= 16);
