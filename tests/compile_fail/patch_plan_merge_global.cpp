// patch_plan whose split comes after a merge that needs what the patch does not hold: MobileNetV3's
// squeeze-and-excitation multiplies each map by a scale pooled over the whole map, so its global
// pool cannot run patch by patch, and the error names it.
// expect: netcount: patch_plan: this entry before the split does not compute each output position from a window of its input
// expect: 'b', 'n', 'e', 'c', 'k', '1', '/', 's', 'q', 'u', 'e', 'e', 'z', 'e', '_', 'e', 'x', 'c', 'i', 't', 'a', 't', 'i', 'o', 'n', '1', '/', 'g', 'l', 'o', 'b', 'a', 'l', '_', 'a', 'v', 'g', '_', 'p', 'o', 'o', 'l', '1'
#include <netcount/netcount.hpp>
#include <netcount/zoo/mobilenet_v3.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
static_assert(nc::patch_plan<nc::zoo::mobilenet_v3_small, "bneck1/batch_norm2", 4, 4>.connections > 0);
#else
// Up to the block's depthwise conv and its relu, before the squeeze-and-excitation.
static_assert(nc::patch_plan<nc::zoo::mobilenet_v3_small, "bneck1/relu1", 4, 4>.connections > 0);
#endif
