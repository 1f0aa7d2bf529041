// widest names a layer: a block's merge has no filters or outputs of its own, and is rejected
// once, at the name. The twin searches the conv inside the block.
// expect: netcount: widest searches the filters or outputs of a conv, transposed_conv, fc or linear layer
// expect: 'r', 'e', 's', 'i', 'd', 'u', 'a', 'l', '1'
#include <netcount/netcount.hpp>
#include <netcount/search.hpp>
namespace nc = netcount;

// A residual block whose conv keeps 4 channels: the add needs 4, so only N = 4 is valid.
struct net
    : nc::network<nc::input<8, 8, 4>, nc::residual<nc::conv<4, nc::kernel<1>>>, nc::global_avg_pool, nc::fc<10>> {};

#ifdef NETCOUNT_COMPILE_FAIL
static_assert(nc::widest<net, "residual1", nc::budget{}> > 0);
#else
static_assert(nc::widest<net, "residual1/conv1", nc::budget{}, 4> == 4);
#endif
