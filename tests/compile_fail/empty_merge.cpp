// add and concat need a path to merge.
// expect: netcount: add and concat need at least one path
#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
using block = nc::concat<nc::name<"nothing">>;
#else
using block = nc::concat<nc::name<"something">, nc::identity>;
#endif

struct net : nc::network<nc::input<4, 4, 3>, block> {};
static_assert(nc::output_shape<net> == nc::shape{4, 4, 3});
