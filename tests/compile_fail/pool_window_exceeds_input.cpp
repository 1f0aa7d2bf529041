// AlexNet with a 224 x 224 input, as the paper states it, shrinks to a 5 x 5 map before the
// last pooling; with one pooling too many, the 3 x 3 window no longer fits a 1 x 1 map.
// expect: netcount: the window is larger than the padded input
// expect: window_exceeds_input, 4,
// expect: {1, 1, 16}
// expect: 'm', 'a', 'x', '_', 'p', 'o', 'o', 'l', '3'
#include <netcount/netcount.hpp>
namespace nc = netcount;

using pool = nc::max_pool<nc::kernel<3>, nc::stride<2>>;
#ifdef NETCOUNT_COMPILE_FAIL
constexpr std::size_t size = 7; // 7 -> 3 -> 1 -> (3 x 3 window on 1 x 1)
#else
constexpr std::size_t size = 15; // 15 -> 7 -> 3 -> 1
#endif

struct net : nc::network<nc::input<size, size, 3>, nc::conv<16, nc::kernel<1>>, pool, pool, nc::relu, pool> {};
static_assert(nc::weights<net> > 0);
