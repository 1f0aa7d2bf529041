// An add whose paths do not broadcast (8 channels against 16) is rejected at the merge, which the diagnostic
// names ("block1", entry 2 after block1/conv1 and block1/relu1) with its first path's shape, and
// every path's shape in invalid_merge's path_shapes<...>: the main path's 16 channels, the
// shortcut's 8.
// expect: netcount: the paths of an add differ in height, width or channels where neither is 1
// expect: shape_mismatch, 2,
// expect: {8, 8, 16}
// expect: path_shapes<
// expect: {8, 8, 8}
// expect: 'b', 'l', 'o', 'c', 'k', '1'
#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
using shortcut = nc::identity; // 8 channels against the main path's 16
#else
using shortcut = nc::conv<16, nc::kernel<1>, nc::no_bias>;
#endif

struct net : nc::network<
                 nc::input<8, 8, 8>,
                 nc::add<nc::name<"block1">, nc::sequence<nc::conv<16, nc::kernel<3>, nc::same>, nc::relu>, shortcut>> {
};
static_assert(nc::weights<net> > 0);
