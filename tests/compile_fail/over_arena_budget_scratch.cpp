// Over an arena budget whose top buffer is a kernel's scratch: tests/static/tflm.cpp's network
// with CMSIS-NN's scratch needs 1,424 bytes, the 5 x 5 depthwise conv's 400 bytes at 1,024 on
// top; the error says it is that layer's scratch.
// expect: netcount: the network's TFLite Micro tensor arena (tflm_arena's head_bytes) is larger than its budget allows
// expect: 1424
// expect: 1200
// expect: 'd', 'e', 'p', 't', 'h', 'w', 'i', 's', 'e', '_', 'c', 'o', 'n', 'v', '2', ' ', '(', 'k', 'e', 'r', 'n', 'e', 'l', ' ', 's', 'c', 'r', 'a', 't', 'c', 'h', ')'
#include <netcount/netcount.hpp>
namespace nc = netcount;

using scratchy = nc::network<nc::input<8, 8, 3>, nc::conv<8, nc::kernel<3>, nc::pad<1>>,
                             nc::depthwise_conv<nc::kernel<3>, nc::pad<1>>,
                             nc::depthwise_conv<nc::kernel<5>, nc::pad<2>>, nc::conv<4, nc::kernel<1>>>;
#ifdef NETCOUNT_COMPILE_FAIL
constexpr std::uint64_t limit = 1'200;
#else
constexpr std::uint64_t limit = 1'424;
#endif
static_assert(
    nc::within_budget<scratchy, nc::budget{.arena_bytes = limit, .arena_scratch = nc::kernel_scratch::cmsis_nn_dsp}>);
