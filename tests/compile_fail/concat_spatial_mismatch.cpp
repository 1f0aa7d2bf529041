// A concat whose paths differ in height or width is rejected at the merge.
// expect: netcount: the paths of a concat differ in height or width
// expect: spatial_mismatch, 2,
// expect: 'c', 'o', 'n', 'c', 'a', 't', '1'
#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
using second = nc::conv<4, nc::kernel<3>>; // 8 x 8 becomes 6 x 6
#else
using second = nc::conv<4, nc::kernel<3>, nc::same>;
#endif

struct net : nc::network<nc::input<8, 8, 3>, nc::concat<nc::conv<4, nc::kernel<1>>, second>> {};
static_assert(nc::weights<net> > 0);
