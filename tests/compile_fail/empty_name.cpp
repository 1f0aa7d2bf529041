// An empty name is rejected where it is written, rather than read as "no name".
// expect: netcount: a name must not be empty
// expect: name_problem::empty
#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
using layer = nc::conv<8, nc::kernel<3>, nc::name<"">>;
#else
using layer = nc::conv<8, nc::kernel<3>, nc::name<"c">>;
#endif

struct net : nc::network<nc::input<8, 8, 3>, layer> {};
static_assert(nc::weights<net> > 0);
