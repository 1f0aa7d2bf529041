// A zero dilation is rejected.
// expect: netcount: dilations must be positive
// expect: zero_dilation, 0,
// expect: 'c', 'o', 'n', 'v', '1'
#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
constexpr std::size_t d = 0;
#else
constexpr std::size_t d = 2;
#endif

struct net : nc::network<nc::input<32, 32, 3>, nc::conv<8, nc::kernel<3>, nc::dilation<1, d>>> {};
static_assert(nc::connections<net> > 0);
