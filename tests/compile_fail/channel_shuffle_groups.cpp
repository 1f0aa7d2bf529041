// channel_shuffle<Groups> needs channels that Groups divides (PyTorch's ChannelShuffle(5) on 48
// channels: "Number of channels must be divisible by groups").
// expect: netcount: input channels are not divisible by groups
// expect: channels_not_divisible_by_groups, 0,
// expect: {7, 5, 48}
// expect: 'c', 'h', 'a', 'n', 'n', 'e', 'l', '_', 's', 'h', 'u', 'f', 'f', 'l', 'e', '1'
#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
constexpr std::size_t groups = 5;
#else
constexpr std::size_t groups = 3;
#endif

struct net : nc::network<nc::input<7, 5, 48>, nc::channel_shuffle<groups>> {};
static_assert(nc::output_shape<net> == nc::shape{7, 5, 48});
