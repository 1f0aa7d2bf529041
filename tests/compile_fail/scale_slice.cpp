// scale_width does not guess what a slice's fixed channels become: it is an error naming the
// slice, unless the user says it with an explicit specialisation (the twin).
// expect: netcount: scale_width cannot scale slice<Begin, End>, whose channels are fixed
#include <netcount/netcount.hpp>
#include <netcount/scale.hpp>
namespace nc = netcount;

#ifndef NETCOUNT_COMPILE_FAIL
template<>
struct nc::scaled_width<nc::slice<0, 12>, 1, 2, 1> {
    using type = nc::slice<0, 6>;
};
#endif

struct net : nc::network<nc::input<8, 8, 4>, nc::conv<16, nc::kernel<1>>, nc::slice<0, 12>, nc::fc<10>> {};
static_assert(nc::layers<nc::scale_width<net, 1, 2>>[1].output.channels == 6);
