// The budget's deployment limits: .arena_bytes (TFLite Micro's arena head, in bytes for an
// element of .arena_element_bytes, with .arena_scratch), and .peak_schedule, the schedule
// .peak_activations is checked under. Every figure by hand here or in tests/static/tflm.cpp and
// tests/static/in_place_depthwise.cpp.
#include <cstdint>

#include <netcount/netcount.hpp>
#include <netcount/zoo/mobilenet.hpp>

namespace nc = netcount;

// tests/static/tflm.cpp's fc chain: 432 bytes of arena in int8. In float every tensor is four
// times larger (1,024, then three of 576) and placed alike: the input at 0, fc3 at 0, fc2 at
// 576, fc1 past the input and fc2 at 1,152: 1,728.
using fc_chain = nc::network<nc::input<1, 1, 256>, nc::fc<144>, nc::fc<144>, nc::fc<144>>;
static_assert(nc::within_budget<fc_chain, nc::budget{.arena_bytes = 432}>);
static_assert(nc::fits<fc_chain, nc::budget{.arena_bytes = 432}> &&
              !nc::fits<fc_chain, nc::budget{.arena_bytes = 431}>);
static_assert(nc::tflm_arena<fc_chain, float>.head_bytes == 1'728);
static_assert(nc::fits<fc_chain, nc::budget{.arena_bytes = 1'728, .arena_element_bytes = 4}>);
static_assert(!nc::fits<fc_chain, nc::budget{.arena_bytes = 1'727, .arena_element_bytes = 4}>);

// With CMSIS-NN's scratch: tests/static/tflm.cpp's network needs 1,424 bytes, 1,024 without.
using scratchy = nc::network<nc::input<8, 8, 3>, nc::conv<8, nc::kernel<3>, nc::pad<1>>,
                             nc::depthwise_conv<nc::kernel<3>, nc::pad<1>>,
                             nc::depthwise_conv<nc::kernel<5>, nc::pad<2>>, nc::conv<4, nc::kernel<1>>>;
static_assert(nc::fits<scratchy, nc::budget{.arena_bytes = 1'024}>);
static_assert(!nc::fits<scratchy, nc::budget{.arena_bytes = 1'423, .arena_scratch = nc::kernel_scratch::cmsis_nn_dsp}>);
static_assert(
    nc::within_budget<scratchy, nc::budget{.arena_bytes = 1'424, .arena_scratch = nc::kernel_scratch::cmsis_nn_dsp}>);

// The peak under a schedule: MobileNetV2 in int8 peaks at 1,404,928 bytes with in-place
// depthwise, 1,505,280 without (tests/static/in_place_depthwise.cpp).
constexpr nc::schedule in_place{.in_place_depthwise = true};
constexpr nc::budget mcu_1372k{.peak_activations = 1'404'928, .peak_schedule = in_place};
static_assert(nc::within_budget<nc::zoo::mobilenet_v2, mcu_1372k>);
static_assert(!nc::fits<nc::zoo::mobilenet_v2, nc::budget{.peak_activations = 1'404'928}>);
static_assert(!nc::fits<nc::zoo::mobilenet_v2, nc::budget{.peak_activations = 1'404'927, .peak_schedule = in_place}>);

// A search under a schedule: an S x S x 8 input and a 3 x 3 depthwise conv (same padding) peak at
// 8 S^2 in + 8 S^2 out = 16 S^2, in place at 8 S^2 + one S x S channel = 9 S^2. Within 90,000:
// S = 100 in place (9 x 10,000), 75 otherwise (16 x 5,625 = 90,000).
struct depthwise_only : nc::network<nc::input<32, 32, 8>, nc::depthwise_conv<nc::kernel<3>, nc::same>> {};
static_assert(nc::largest_input<depthwise_only, nc::budget{.peak_activations = 90'000, .peak_schedule = in_place}> ==
              100);
static_assert(nc::largest_input<depthwise_only, nc::budget{.peak_activations = 90'000}> == 75);

// The arena in a search: the same network in int8 (the input, then the output, both 8 S^2 bytes
// live at step 1, each rounded up to 16): S = 16 gives 2 x 2,048 = 4,096, S = 17 2 x 2,320 =
// 4,640 (2,312 rounded up).
static_assert(nc::largest_input<depthwise_only, nc::budget{.arena_bytes = 4'096}> == 16);
static_assert(nc::tflm_arena<nc::with_input<depthwise_only, 17, 17>>.head_bytes == 4'640);
