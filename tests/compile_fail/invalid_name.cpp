// A name with '/' (the separator of block paths) is rejected where it is written, spelled out.
// expect: netcount: a name must not contain '/', which separates the levels of a block path
// expect: rejected_name<netcount::name_problem::slash, 'a', '/', 'b'>
#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
using layer = nc::conv<8, nc::kernel<3>, nc::name<"a/b">>;
#else
using layer = nc::conv<8, nc::kernel<3>, nc::name<"a_b">>;
#endif

struct net : nc::network<nc::input<32, 32, 4>, nc::relu, layer> {};
static_assert(nc::weights<net> > 0);
