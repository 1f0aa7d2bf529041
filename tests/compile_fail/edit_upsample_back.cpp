// replace and resize edit layers: naming the interpolation an upsample_back block makes is
// rejected (it is the block's own entry, not a layer that could be replaced).
// expect: netcount: replace and resize edit layers; this name is the interpolation of an upsample_back block
#include <netcount/edit.hpp>
#include <netcount/netcount.hpp>
namespace nc = netcount;

struct net : nc::network<nc::input<8, 8, 2>,
                         nc::upsample_back<nc::name<"u">, nc::max_pool<nc::kernel<2>>, nc::conv<2, nc::kernel<1>>>> {};

#ifdef NETCOUNT_COMPILE_FAIL
static_assert(nc::weights<nc::replace<net, "u", nc::relu>> > 0);
#else
static_assert(nc::weights<nc::resize<net, "u/conv1", 3>> == 6);
#endif
