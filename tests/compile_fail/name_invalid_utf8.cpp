// A byte that is not UTF-8 at all (0xff) is rejected like any byte above '~'.
// expect: netcount: a name must be printable ASCII, and this one has a byte above '~' (UTF-8?)
// expect: name_problem::not_ascii
#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
using layer = nc::max_pool<nc::kernel<2>, nc::name<"pool\xff">>;
#else
using layer = nc::max_pool<nc::kernel<2>, nc::name<"pool~">>; // '~' is the last printable character
#endif

struct net : nc::network<nc::input<8, 8, 3>, layer> {};
static_assert(nc::output_shape<net> == nc::shape{4, 4, 3});
