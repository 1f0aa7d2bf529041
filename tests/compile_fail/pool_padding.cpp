// A pool's padding may be at most half its kernel, as in PyTorch (MaxPool2d(3, padding=2):
// "pad should be at most half of kernel size"): more would let a window lie wholly in the
// padding.
// expect: netcount: a pool's padding must be at most half its kernel size
// expect: pool_padding_too_large, 1,
// expect: {8, 8, 4}
// expect: 'p', 'o', 'o', 'l', '1'
#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
using padding = nc::pad<2>;
#else
using padding = nc::pad<1>; // 1 <= 3 / 2
#endif

struct net
    : nc::network<nc::input<8, 8, 4>, nc::relu, nc::max_pool<nc::kernel<3>, nc::stride<2>, padding, nc::name<"pool1">>,
                  nc::conv<4, nc::kernel<1>>> {};
static_assert(nc::weights<net> > 0);
