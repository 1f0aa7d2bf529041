// Zero groups are rejected.
// expect: netcount: groups must be positive
// expect: zero_groups, 0,
// expect: 'c', 'o', 'n', 'v', '1'
#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
constexpr std::size_t g = 0;
#else
constexpr std::size_t g = 1;
#endif

struct net : nc::network<nc::input<32, 32, 4>, nc::conv<8, nc::kernel<3>, nc::groups<g>>> {};
static_assert(nc::connections<net> > 0);
