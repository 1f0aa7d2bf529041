// linear takes no_bias and name only: a kernel is named as an option it does not take, and is
// the only error.
// expect: netcount: the layer does not take kernel<...>
// expect: option_not_taken<netcount::linear<
// expect: , netcount::kernel<1
#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
using pointwise = nc::linear<16, nc::kernel<1>, nc::no_bias>;
#else
using pointwise = nc::linear<16, nc::no_bias>;
#endif

struct net : nc::network<nc::input<7, 5, 48>, pointwise> {};
static_assert(nc::weights<net> == 48 * 16);
