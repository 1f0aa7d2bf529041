// An option a layer does not take (ceil_mode on a conv) is rejected, naming the option; the
// layer and the option are option_not_taken's template arguments.
// expect: netcount: the layer does not take ceil_mode
// expect: option_not_taken<netcount::conv<8, netcount::kernel<3
// expect: netcount::ceil_mode>, netcount::ceil_mode>
#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
using layer = nc::conv<8, nc::kernel<3>, nc::ceil_mode>;
#else
using layer = nc::conv<8, nc::kernel<3>, nc::valid>;
#endif

struct net : nc::network<nc::input<32, 32, 4>, layer> {};
static_assert(nc::weights<net> > 0);
