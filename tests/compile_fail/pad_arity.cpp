// pad takes one, two or four values.
// expect: netcount: pad takes <all>, <height, width> or <top, bottom, left, right>
// expect: pad_arity<1, 2, 3>
#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
using padding = nc::pad<1, 2, 3>;
#else
using padding = nc::pad<1, 2, 3, 3>;
#endif

struct net : nc::network<nc::input<8, 8, 3>, nc::conv<4, nc::kernel<3>, padding>> {};
static_assert(nc::output_shape<net>.channels == 4);
