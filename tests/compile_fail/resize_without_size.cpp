// resize changes a layer's filters or outputs: a layer that has none is rejected.
// expect: netcount: resize changes a conv, transposed_conv, fc or linear layer
#include <netcount/edit.hpp>
#include <netcount/netcount.hpp>
namespace nc = netcount;

struct net : nc::network<nc::input<4, 4, 2>, nc::conv<2, nc::kernel<1>>, nc::relu> {};

#ifdef NETCOUNT_COMPILE_FAIL
static_assert(nc::weights<nc::resize<net, "relu1", 3>> > 0);
#else
static_assert(nc::weights<nc::resize<net, "conv1", 3>> == 6);
#endif
