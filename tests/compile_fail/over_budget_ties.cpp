// An over-budget error names the layer with the most of the figure and says when others tie
// with it: four 1 x 1 convs of 8 to 8 channels have 64 weights each (8 * 8), 256 in all.
// expect: netcount: the network has more weights than its budget allows
// expect: 'a', ',', ' ', 'a', 'n', 'd', ' ', '3', ' ', 'm', 'o', 'r', 'e', ' ', 'w', 'i', 't', 'h', ' ', '6', '4'
#include <netcount/netcount.hpp>
namespace nc = netcount;

using four = nc::network<nc::input<8, 8, 8>, nc::conv<8, nc::kernel<1>, nc::no_bias, nc::name<"a">>,
                         nc::conv<8, nc::kernel<1>, nc::no_bias, nc::name<"b">>,
                         nc::conv<8, nc::kernel<1>, nc::no_bias, nc::name<"c">>,
                         nc::conv<8, nc::kernel<1>, nc::no_bias, nc::name<"d">>>;
#ifdef NETCOUNT_COMPILE_FAIL
static_assert(nc::within_budget<four, nc::budget{.weights = 100}>);
#else
static_assert(nc::within_budget<four, nc::budget{.weights = 256}>);
#endif
