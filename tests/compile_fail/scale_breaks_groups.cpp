// A layer the scaling breaks is the usual compile error, naming the layer: 12 filters in 4
// groups become 6 at half width, which 4 groups do not divide (the twin scales by 2/3: 8).
// expect: netcount: filters are not divisible by groups
// expect: 'c', 'o', 'n', 'v', '1'
#include <netcount/netcount.hpp>
#include <netcount/scale.hpp>
namespace nc = netcount;

struct net : nc::network<nc::input<8, 8, 4>, nc::conv<12, nc::kernel<1>, nc::groups<4>>, nc::relu, nc::fc<10>> {};
#ifdef NETCOUNT_COMPILE_FAIL
using scaled = nc::scale_width<net, 1, 2>;
#else
using scaled = nc::scale_width<net, 2, 3>;
#endif
static_assert(nc::weights<scaled> > 0);
