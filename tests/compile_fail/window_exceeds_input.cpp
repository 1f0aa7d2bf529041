// A kernel larger than its (padded) input is rejected; the diagnostic shows the input shape.
// expect: netcount: the window is larger than the padded input
// expect: window_exceeds_input, 2,
// expect: {4, 4, 8}
// expect: 'c', 'o', 'n', 'v', '2'
#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
using padding = nc::valid;
#else
using padding = nc::pad<1>; // 4 + 2 = 6 >= 5
#endif

struct net : nc::network<nc::input<8, 8, 3>, nc::conv<8, nc::kernel<5>, nc::pad<0>>, nc::relu,
                         nc::conv<8, nc::kernel<5>, padding>> {};
static_assert(nc::weights<net> > 0);
