// tflm_arena plans a network of one input; one of several is rejected with a message.
// expect: netcount: tflm_arena plans a network of one input
#include <netcount/netcount.hpp>
#include <netcount/tflm.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
using net = nc::network<nc::input<16, 16, 3, nc::name<"image">>, nc::input<16, 16, 1, nc::name<"mask">>,
                        nc::concat<nc::identity, nc::from<"image">>, nc::conv<8, nc::kernel<3>>>;
#else
using net = nc::network<nc::input<16, 16, 3, nc::name<"image">>, nc::conv<8, nc::kernel<3>>>;
#endif
static_assert(nc::tflm_arena<net>.head_bytes > 0);
