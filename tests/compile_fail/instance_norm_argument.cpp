// instance_norm takes affine or nothing; anything else names what it takes, and is the only
// error (the layer then counts as instance_norm<>).
// expect: netcount: instance_norm takes affine or nothing
// expect: instance_norm_argument<netcount::per_channel>
#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
using norm = nc::instance_norm<nc::per_channel>;
#else
using norm = nc::instance_norm<nc::affine>;
#endif

struct net : nc::network<nc::input<7, 5, 48>, norm> {};
static_assert(nc::layers<net>.size() == 1);
