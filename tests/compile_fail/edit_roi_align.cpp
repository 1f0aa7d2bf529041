// replace or resize of a rois block's RoIAlign is rejected: the block makes it.
// expect: netcount: replace and resize edit layers; this name is the RoIAlign of a rois<...> block
#include <netcount/edit.hpp>
#include <netcount/netcount.hpp>
namespace nc = netcount;

using net = nc::network<nc::input<16, 16, 8>, nc::rois<4, 7, 7, nc::name<"box">, nc::fc<4, nc::name<"fc">>>>;
#ifdef NETCOUNT_COMPILE_FAIL
static_assert(nc::parameters<nc::replace<net, "box/roi_align1", nc::relu>> > 0);
#else
static_assert(nc::parameters<nc::replace<net, "box/fc", nc::fc<8, nc::name<"fc">>>> == 7 * 7 * 8 * 8 + 8);
#endif
