// widest searches a layer's filters or outputs: a layer that has none (an activation) is
// rejected once, at the name, before any candidate is counted (it once gave 19 errors and
// 95 KB on clang, one per candidate). The twin searches the conv.
// expect: netcount: widest searches the filters or outputs of a conv, transposed_conv, fc or linear layer
// expect: 'r', 'e', 'l', 'u', '1'
#include <netcount/netcount.hpp>
#include <netcount/search.hpp>
namespace nc = netcount;

// conv1: 3 * 3 * 3 * N weights; fc1: (6 * 6 * N) * 10. Under 10,000: 387 * N <= 10,000, N = 25.
struct net : nc::network<nc::input<8, 8, 3>, nc::conv<16, nc::kernel<3>, nc::no_bias>, nc::relu, nc::flatten,
                         nc::fc<10, nc::no_bias>> {};

#ifdef NETCOUNT_COMPILE_FAIL
static_assert(nc::widest<net, "relu1", nc::budget{.weights = 10'000}> > 0);
#else
static_assert(nc::widest<net, "conv1", nc::budget{.weights = 10'000}> == 25);
#endif
