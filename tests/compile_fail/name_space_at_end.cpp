// A space at either end of a name is rejected: Markdown trims it and the text table reads it as
// padding, so the reports could not give the name back.
// expect: netcount: a name must not begin or end with a space
// expect: name_problem::space_at_either_end
#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
using layer = nc::conv<4, nc::kernel<1>, nc::name<"conv1 ">>;
#else
using layer = nc::conv<4, nc::kernel<1>, nc::name<"conv 1">>;
#endif

struct net : nc::network<nc::input<2, 2, 2>, layer> {};
static_assert(nc::weights<net> == 2 * 4);
