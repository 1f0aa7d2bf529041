// Inside a rois<...> block only its roi_align reads a tensor from outside it: a from<> that
// continues the chain from the backbone would mix one region's tensor with the whole map.
// expect: netcount: this layer reads across a rois<...> block's boundary
// expect: 'b', 'o', 'x', '/', 'r', 'e', 'l', 'u', '1'
#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
using inward = nc::network<nc::input<16, 16, 3>, nc::conv<8, nc::kernel<3>, nc::name<"c1">>,
                           nc::rois<4, 3, 3, nc::name<"box">, nc::conv<5, nc::kernel<3>>, nc::from<"c1">, nc::relu>>;
#else
// The twin: from<> reads a tensor of the same block.
using inward =
    nc::network<nc::input<16, 16, 3>, nc::conv<8, nc::kernel<3>, nc::name<"c1">>,
                nc::rois<4, 3, 3, nc::name<"box">, nc::conv<5, nc::kernel<3>>, nc::from<"box/roi_align1">, nc::relu>>;
static_assert(nc::layer<inward, "box/relu1">.activations == 4 * 3 * 3 * 8); // the regions as RoIAlign gives them
#endif
static_assert(nc::parameters<inward> > 0);
