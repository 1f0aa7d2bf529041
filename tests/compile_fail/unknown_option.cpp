// An option a layer does not take (ceil_mode on a conv) is rejected by the layer itself.
// expect: netcount: conv's options are kernel, stride, valid, same, pad, dilation, groups, no_bias and name
// expect: ceil_mode
#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
using layer = nc::conv<8, nc::kernel<3>, nc::ceil_mode>;
#else
using layer = nc::conv<8, nc::kernel<3>, nc::valid>;
#endif

struct net : nc::network<nc::input<32, 32, 4>, layer> {};
static_assert(nc::weights<net> > 0);
