// A multiply whose paths differ along an axis where neither is 1 (6 channels against 4) is
// rejected at the merge, which the diagnostic names ("gate", entry 1 after gate/conv1) with its
// first path's shape (the identity's: the block's input), and every path's shape in
// invalid_merge's path_shapes<...>: the scale's 4 channels too.
// expect: netcount: the paths of a multiply differ in height, width or channels where neither is 1
// expect: broadcast_mismatch, 1,
// expect: {4, 4, 6}
// expect: path_shapes<
// expect: {4, 4, 4}
// expect: 'g', 'a', 't', 'e'
#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
using scale = nc::conv<4, nc::kernel<1>>; // 4 channels against the input's 6
#else
using scale = nc::conv<1, nc::kernel<1>>; // 1 channel broadcasts over 6
#endif

struct net : nc::network<nc::input<4, 4, 6>, nc::multiply<nc::name<"gate">, nc::identity, scale>> {};
static_assert(nc::weights<net> > 0);
