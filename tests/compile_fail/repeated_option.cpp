// An option given twice is rejected rather than one of them silently winning.
// expect: netcount: an option is given more than once
// expect: repeated_option, 0,
// expect: 'c', 'o', 'n', 'v', '1'
#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
using layer = nc::conv<8, nc::kernel<3>, nc::stride<2>, nc::kernel<5>>;
#else
using layer = nc::conv<8, nc::kernel<3>, nc::stride<2>>;
#endif

struct net : nc::network<nc::input<32, 32, 4>, layer> {};
static_assert(nc::weights<net> > 0);
