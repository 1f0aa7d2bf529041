// pad_channels<C> appends zero channels up to C: it cannot pad 16 channels to 8 (a negative
// pad in torch's F.pad would crop them).
// expect: netcount: pad_channels<C> needs C at least the input's channels
// expect: pad_channels_below_input, 2,
// expect: {16, 16, 16}
// expect: 'a', 'd', 'd', '1', '/', 'p', 'a', 'd', '_', 'c', 'h', 'a', 'n', 'n', 'e', 'l', 's', '1'
#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
constexpr std::size_t width = 8;
#else
constexpr std::size_t width = 16; // pads nothing, and is accepted
#endif

struct net
    : nc::network<nc::input<32, 32, 16>, nc::add<nc::conv<width, nc::kernel<2>, nc::stride<2>, nc::no_bias>,
                                                 nc::sequence<nc::max_pool<nc::kernel<2>>, nc::pad_channels<width>>>> {
};
static_assert(nc::output_shape<net>.height == 16);
