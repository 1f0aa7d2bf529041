// replace and resize edit layers: naming a max_unpool is rejected (it unpools by its pool's
// indices; it is no layer that could be replaced).
// expect: netcount: replace and resize edit layers; this name is a max_unpool
#include <netcount/edit.hpp>
#include <netcount/netcount.hpp>
namespace nc = netcount;

using unpooled = nc::network<nc::input<8, 8, 3>, nc::max_pool<nc::kernel<2>, nc::name<"pool">>,
                             nc::conv<3, nc::kernel<1>>, nc::max_unpool<"pool">>;

#ifdef NETCOUNT_COMPILE_FAIL
static_assert(nc::weights<nc::replace<unpooled, "max_unpool1", nc::upsample<2>>> > 0);
#else
static_assert(nc::weights<nc::resize<unpooled, "conv1", 3>> == 9);
#endif
