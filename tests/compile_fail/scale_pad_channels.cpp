// scale_width does not guess what pad_channels' fixed count becomes: it is an error naming it,
// unless the user says it with an explicit specialisation (the twin).
// expect: netcount: scale_width cannot scale pad_channels<C>, whose channels are fixed
#include <netcount/netcount.hpp>
#include <netcount/scale.hpp>
namespace nc = netcount;

#ifndef NETCOUNT_COMPILE_FAIL
template<>
struct nc::scaled_width<nc::pad_channels<24>, 1, 2, 1> {
    using type = nc::pad_channels<12>;
};
#endif

struct net : nc::network<nc::input<8, 8, 4>, nc::conv<16, nc::kernel<1>>, nc::pad_channels<24>, nc::fc<10>> {};
static_assert(nc::layers<nc::scale_width<net, 1, 2>>[1].output.channels == 12);
