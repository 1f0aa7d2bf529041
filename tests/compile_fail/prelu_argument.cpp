// prelu takes per_channel or nothing; anything else names what it takes, and is the only error
// (the layer then counts as prelu<>).
// expect: netcount: prelu takes per_channel or nothing
// expect: prelu_argument<netcount::affine>
// absent: instance_norm
#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
using slopes = nc::prelu<nc::affine>;
#else
using slopes = nc::prelu<nc::per_channel>;
#endif

struct net : nc::network<nc::input<7, 5, 48>, nc::conv<8, nc::kernel<1>>, slopes> {};
static_assert(nc::parameters<net> > 0);
