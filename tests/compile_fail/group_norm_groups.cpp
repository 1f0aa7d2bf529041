// group_norm<Groups> needs channels that Groups divides (PyTorch's GroupNorm(5, 48): "num_channels
// must be divisible by num_groups").
// expect: netcount: input channels are not divisible by groups
// expect: channels_not_divisible_by_groups, 1,
// expect: {7, 5, 48}
// expect: 'g', 'r', 'o', 'u', 'p', '_', 'n', 'o', 'r', 'm', '1'
#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
constexpr std::size_t groups = 5;
#else
constexpr std::size_t groups = 4;
#endif

struct net : nc::network<nc::input<7, 5, 48>, nc::silu, nc::group_norm<groups>> {};
static_assert(nc::parameters<net> == 96);
