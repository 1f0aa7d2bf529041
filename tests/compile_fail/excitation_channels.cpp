// A squeeze_excitation whose input does not have its Channels channels is rejected at its
// merge, which the diagnostic names ("squeeze_excitation1", entry 5 after its five layers) with
// the input's shape.
// expect: netcount: the input of a squeeze_excitation does not have its Channels channels
// expect: excitation_channels_mismatch, 5,
// expect: {14, 14, 24}
// expect: 's', 'q', 'u', 'e', 'e', 'z', 'e', '_', 'e', 'x', 'c', 'i', 't', 'a', 't', 'i', 'o', 'n', '1'
#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
using se = nc::squeeze_excitation<32, 8>; // on 24 channels
#else
using se = nc::squeeze_excitation<24, 8>;
#endif

struct net : nc::network<nc::input<14, 14, 24>, se> {};
static_assert(nc::parameters<net> > 0);
