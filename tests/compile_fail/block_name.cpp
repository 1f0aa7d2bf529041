// A block takes one name (what the name may hold, name<...> checks: see block_name_slash.cpp).
// expect: netcount: a block takes at most one name<...>
// expect: block_named_twice<
#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
using block = nc::residual<nc::name<"a">, nc::name<"b">, nc::conv<3, nc::kernel<1>>>;
#else
using block = nc::residual<nc::name<"a">, nc::conv<3, nc::kernel<1>>>;
#endif

struct net : nc::network<nc::input<4, 4, 3>, block> {};
static_assert(nc::weights<net> > 0);
