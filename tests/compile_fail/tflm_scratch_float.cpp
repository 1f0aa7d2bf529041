// tflm_arena's CMSIS-NN kernel scratch is that of its int8 kernels: asked for with another
// element type, it is rejected, naming the type.
// expect: netcount: tflm_arena: kernel_scratch::cmsis_nn_dsp is the scratch of CMSIS-NN's int8 (s8) convolutions, so T must be std::int8_t
// expect: kernel_scratch_needs_int8<float>
#include <cstdint>

#include <netcount/netcount.hpp>
namespace nc = netcount;

using net = nc::network<nc::input<8, 8, 3>, nc::conv<8, nc::kernel<3>, nc::pad<1>>>;
#ifdef NETCOUNT_COMPILE_FAIL
static_assert(nc::tflm_arena<net, float, nc::kernel_scratch::cmsis_nn_dsp>.head_bytes > 0);
#else
static_assert(nc::tflm_arena<net, std::int8_t, nc::kernel_scratch::cmsis_nn_dsp>.head_bytes > 0);
#endif
