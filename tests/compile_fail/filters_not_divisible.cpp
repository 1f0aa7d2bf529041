// Filters that the groups do not divide are rejected.
// expect: netcount: filters are not divisible by groups
// expect: filters_not_divisible_by_groups, 0,
// expect: 'c', 'o', 'n', 'v', '1'
#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
constexpr std::size_t filters = 6;
#else
constexpr std::size_t filters = 8;
#endif

struct net : nc::network<nc::input<32, 32, 4>, nc::conv<filters, nc::kernel<3>, nc::groups<4>>> {};
static_assert(nc::weights<net> > 0);
