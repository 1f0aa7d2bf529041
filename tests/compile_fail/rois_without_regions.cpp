// rois<0, ...> is rejected: a head runs on at least one region.
// expect: netcount: rois<Count, Height, Width, ...> needs Count of at least 1
#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
using net = nc::network<nc::input<16, 16, 8>, nc::rois<0, 7, 7, nc::fc<4>>>;
#else
using net = nc::network<nc::input<16, 16, 8>, nc::rois<1, 7, 7, nc::fc<4>>>;
#endif
static_assert(nc::parameters<net> > 0);
