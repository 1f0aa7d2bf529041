// A layer after a rois<...> block that reads its output is rejected: the block's tensors hold
// one region each, and the layer would count one region where torchvision runs the batch of 4
// (relu1 would count 5 activations; torch's ReLU on the 4 x 5 x 1 x 1 batch gives 20).
// expect: netcount: this layer reads across a rois<...> block's boundary
// expect: 'r', 'e', 'l', 'u', '1'
#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
using after_rois = nc::network<nc::input<16, 16, 3>, nc::conv<8, nc::kernel<3>>,
                               nc::rois<4, 3, 3, nc::conv<5, nc::kernel<3>>>, nc::relu>;
#else
// The twin: the relu inside the block, where it runs on each region.
using after_rois = nc::network<nc::input<16, 16, 3>, nc::conv<8, nc::kernel<3>>,
                               nc::rois<4, 3, 3, nc::conv<5, nc::kernel<3>>, nc::relu>>;
static_assert(nc::layers<after_rois>[3].activations == 4 * 5); // 4 regions of 1 x 1 x 5
#endif
static_assert(nc::parameters<after_rois> > 0);
