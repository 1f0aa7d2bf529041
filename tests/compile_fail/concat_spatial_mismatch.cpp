// A concat whose paths differ in height or width is rejected at the merge ("concat1", entry 3
// after its paths' convs), and the diagnostic gives every path's shape (invalid_merge's
// path_shapes<...>), the third's too, not only the first that differs.
// expect: netcount: the paths of a concat differ in height or width
// expect: spatial_mismatch, 3,
// expect: path_shapes<
// expect: {8, 8, 4}
// expect: {6, 6, 4}
// expect: {8, 8, 2}
// expect: 'c', 'o', 'n', 'c', 'a', 't', '1'
#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
using second = nc::conv<4, nc::kernel<3>>; // 8 x 8 becomes 6 x 6
#else
using second = nc::conv<4, nc::kernel<3>, nc::same>;
#endif

struct net
    : nc::network<nc::input<8, 8, 3>, nc::concat<nc::conv<4, nc::kernel<1>>, second, nc::conv<2, nc::kernel<1>>>> {};
static_assert(nc::weights<net> > 0);
