// Names are printable ASCII: "convé" in UTF-8 ("conv\xc3\xa9") is rejected.
// expect: netcount: a name must be printable ASCII, and this one has a byte above '~' (UTF-8?)
// expect: name_problem::not_ascii
#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
using layer = nc::fc<10, nc::name<"conv\xc3\xa9">>;
#else
using layer = nc::fc<10, nc::name<"conv_e">>;
#endif

struct net : nc::network<nc::input<1, 1, 4>, layer> {};
static_assert(nc::weights<net> == 4 * 10);
