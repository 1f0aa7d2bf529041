// A type derived from two networks is no one network to count.
// expect: netcount: this type derives from more than one network<...>
// expect: several_networks<both>
#include <netcount/netcount.hpp>
namespace nc = netcount;

struct a : nc::network<nc::input<4, 4, 3>, nc::conv<2, nc::kernel<1>>> {};
struct b : nc::network<nc::input<4, 4, 3>, nc::conv<3, nc::kernel<1>>> {};
#ifdef NETCOUNT_COMPILE_FAIL
struct both : a, b {};
#else
struct both : a {};
#endif
static_assert(nc::weights<both> >= 0);
