// Input channels that the groups do not divide are rejected.
// expect: netcount: input channels are not divisible by groups
// expect: channels_not_divisible_by_groups, 4,
// expect: {27, 27, 96}
// expect: 'c', 'o', 'n', 'v', '2'
#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
constexpr std::size_t towers = 5;
#else
constexpr std::size_t towers = 2;
#endif

struct net : nc::network<nc::input<227, 227, 3>, nc::conv<96, nc::kernel<11>, nc::stride<4>, nc::name<"conv1">>,
                         nc::relu, nc::lrn<5>, nc::max_pool<nc::kernel<3>, nc::stride<2>>,
                         nc::conv<260, nc::kernel<5>, nc::same, nc::groups<towers>, nc::name<"conv2">>> {};
static_assert(nc::weights<net> > 0);
