// An input read only in an auxiliary head is unread: inference does not run the head
// (docs/reference.md, "Several inputs"), so the input is rejected as one nothing reads.
// expect: netcount: nothing reads this input of the network
// expect: 'm', 'a', 's', 'k'
#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
using head_only =
    nc::network<nc::input<16, 16, 3, nc::name<"image">>, nc::input<16, 16, 1, nc::name<"mask">>, nc::from<"image">,
                nc::conv<8, nc::kernel<3>>, nc::auxiliary<nc::from<"mask">, nc::conv<2, nc::kernel<1>>>, nc::relu>;
#else
// The passing twin: the network reads the mask too, beside the head.
using head_only = nc::network<nc::input<16, 16, 3, nc::name<"image">>, nc::input<16, 16, 1, nc::name<"mask">>,
                              nc::concat<nc::from<"image">, nc::from<"mask">>, nc::conv<8, nc::kernel<3>>,
                              nc::auxiliary<nc::from<"mask">, nc::conv<2, nc::kernel<1>>>, nc::relu>;
#endif
static_assert(nc::parameters<head_only> > 0);
