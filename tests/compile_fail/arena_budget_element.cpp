// A budget on the arena with CMSIS-NN's int8 kernel scratch and 4-byte elements is rejected,
// with the settings.
// expect: netcount: budget: arena_scratch = kernel_scratch::cmsis_nn_dsp is the scratch of CMSIS-NN's int8 convolutions, so arena_element_bytes must be 1
// expect: invalid_arena_budget<4
#include <netcount/netcount.hpp>
namespace nc = netcount;

using net = nc::network<nc::input<8, 8, 3>, nc::conv<8, nc::kernel<3>, nc::pad<1>>>;
#ifdef NETCOUNT_COMPILE_FAIL
constexpr std::size_t element = 4;
#else
constexpr std::size_t element = 1;
#endif
static_assert(nc::within_budget<net, nc::budget{.arena_bytes = 1 << 20,
                                                .arena_element_bytes = element,
                                                .arena_scratch = nc::kernel_scratch::cmsis_nn_dsp}>);
