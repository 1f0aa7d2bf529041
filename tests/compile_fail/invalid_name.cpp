// A name with '/' (the separator of block paths) is rejected.
// expect: netcount: a layer name must be non-empty and must not contain '/'
// expect: invalid_name, 1,
// expect: 'a', '/', 'b'
#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
using layer = nc::conv<8, nc::kernel<3>, nc::name<"a/b">>;
#else
using layer = nc::conv<8, nc::kernel<3>, nc::name<"a_b">>;
#endif

struct net : nc::network<nc::input<32, 32, 4>, nc::relu, layer> {};
static_assert(nc::weights<net> > 0);
