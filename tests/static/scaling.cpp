// scale_width and with_input: MobileNet's width and resolution multipliers as type
// transformations.
#include <type_traits>

#include <netcount/netcount.hpp>
#include <netcount/scale.hpp>
#include <netcount/zoo/resnet.hpp>

namespace nc = netcount;

// make_divisible against torchvision's _make_divisible(v, divisor) (torchvision 0.14.1,
// torchvision/models/_utils.py), run on these values:
//   v = 32 * 0.75 = 24, divisor 8 -> 24     v = 16 * 0.35 = 5.6, 8 -> 8 (never below the divisor)
//   v = 96 * 0.35 = 33.6, 8 -> 32           v = 19, 8 -> 24 (16 is below 0.9 * 19: one more step)
//   v = 3 * 0.25 = 0.75, 1 -> 1             v = 5 * 0.5 = 2.5, 1 -> 3 (halves round up)
//   v = 7 * 0.5 = 3.5, 1 -> 4               v = 100 * 0.3 = 30, 8 -> 32
//   v = 27 * 0.5 = 13.5, 8 -> 16
static_assert(nc::detail::make_divisible(32, 3, 4, 8).value == 24);
static_assert(nc::detail::make_divisible(16, 35, 100, 8).value == 8);
static_assert(nc::detail::make_divisible(96, 35, 100, 8).value == 32);
static_assert(nc::detail::make_divisible(19, 1, 1, 8).value == 24);
static_assert(nc::detail::make_divisible(3, 1, 4, 1).value == 1);
static_assert(nc::detail::make_divisible(5, 1, 2, 1).value == 3);
static_assert(nc::detail::make_divisible(7, 1, 2, 1).value == 4);
static_assert(nc::detail::make_divisible(100, 3, 10, 8).value == 32);
static_assert(nc::detail::make_divisible(27, 1, 2, 8).value == 16);

// Every conv, transposed_conv and fc but the last layer with weights, in every kind of block;
// depthwise convolutions, pools, activations and batch norm as they were; names and options kept.
struct wide
    : nc::network<
          nc::input<16, 16, 3>, nc::conv<32, nc::kernel<3>, nc::same, nc::name<"stem">>, nc::batch_norm, nc::relu,
          nc::residual<nc::name<"r">, nc::depthwise_conv<nc::kernel<3>, nc::same>,
                       nc::conv<32, nc::kernel<1>, nc::no_bias>>,
          nc::concat<nc::conv<16, nc::kernel<1>>,
                     nc::sequence<nc::max_pool<nc::kernel<3>, nc::stride<1>, nc::same>, nc::conv<16, nc::kernel<1>>>>,
          nc::repeat<2, nc::sequence<nc::transposed_conv<8, nc::kernel<1>>, nc::relu6>>, nc::global_avg_pool,
          nc::fc<64>, nc::dropout, nc::fc<10>> {};
struct half_wide
    : nc::network<
          nc::input<16, 16, 3>, nc::conv<16, nc::kernel<3>, nc::same, nc::name<"stem">>, nc::batch_norm, nc::relu,
          nc::residual<nc::name<"r">, nc::depthwise_conv<nc::kernel<3>, nc::same>,
                       nc::conv<16, nc::kernel<1>, nc::no_bias>>,
          nc::concat<nc::conv<8, nc::kernel<1>>,
                     nc::sequence<nc::max_pool<nc::kernel<3>, nc::stride<1>, nc::same>, nc::conv<8, nc::kernel<1>>>>,
          nc::sequence<nc::sequence<nc::transposed_conv<4, nc::kernel<1>>, nc::relu6>,
                       nc::sequence<nc::transposed_conv<4, nc::kernel<1>>, nc::relu6>>,
          nc::global_avg_pool, nc::fc<32>, nc::dropout, nc::fc<10>> {};
static_assert(std::is_same_v<nc::scale_width<wide, 1, 2>, nc::network_of<half_wide>>);
static_assert(nc::output_shape<nc::scale_width<wide, 1, 2>> == nc::shape{1, 1, 10});
// Scaling by 1 changes nothing; scaling with a divisor rounds as make_divisible does
// (32 * 3 / 8 = 12 -> 16 with divisor 8; 16 * 3 / 8 = 6 -> 8; 8 * 3 / 8 = 3 -> 8; 64 * 3 / 8 = 24).
static_assert(std::is_same_v<nc::scale_width<wide, 1, 1>, nc::network_of<wide>>);
static_assert(nc::layer<nc::scale_width<wide, 3, 8, 8>, "stem">.output.channels == 16);
static_assert(nc::layer<nc::scale_width<wide, 3, 8, 8>, "concat1/conv1">.output.channels == 8);
static_assert(nc::layer<nc::scale_width<wide, 3, 8, 8>, "transposed_conv2">.output.channels == 8);
static_assert(nc::layer<nc::scale_width<wide, 3, 8, 8>, "fc1">.output.channels == 24);

// ResNet-50 at 0.5: the last layer with weights is its fc, which keeps 1000 outputs; every
// add still adds paths of one shape, because both of a block's paths end in a scaled conv.
using half_resnet50 = nc::scale_width<nc::zoo::resnet50, 1, 2>;
static_assert(nc::output_shape<half_resnet50> == nc::shape{1, 1, 1000});
static_assert(nc::layer<half_resnet50, "conv1">.output == nc::shape{112, 112, 32});
static_assert(nc::layer<half_resnet50, "fc1">.weights == 1024 * 1000); // reads 2048 / 2 channels

// with_input: the same elements on another input, channels kept. ResNet-50's parameters do
// not depend on the input (adaptive pooling before the fc); its multiply-accumulates scale with
// the positions, though not exactly as (160 / 224)^2 because of the rounding of strides.
using resnet50_160 = nc::with_input<nc::zoo::resnet50, 160, 160>;
static_assert(nc::input_shape<resnet50_160> == nc::shape{160, 160, 3});
static_assert(nc::parameters<resnet50_160> == nc::parameters<nc::zoo::resnet50>);
static_assert(nc::layer<resnet50_160, "conv1">.output == nc::shape{80, 80, 64});
static_assert(
    std::is_same_v<
        nc::with_input<wide, 8, 4>,
        nc::network<
            nc::input<8, 4, 3>, nc::conv<32, nc::kernel<3>, nc::same, nc::name<"stem">>, nc::batch_norm, nc::relu,
            nc::residual<nc::name<"r">, nc::depthwise_conv<nc::kernel<3>, nc::same>,
                         nc::conv<32, nc::kernel<1>, nc::no_bias>>,
            nc::concat<nc::conv<16, nc::kernel<1>>,
                       nc::sequence<nc::max_pool<nc::kernel<3>, nc::stride<1>, nc::same>, nc::conv<16, nc::kernel<1>>>>,
            nc::repeat<2, nc::sequence<nc::transposed_conv<8, nc::kernel<1>>, nc::relu6>>, nc::global_avg_pool,
            nc::fc<64>, nc::dropout, nc::fc<10>>>);

// linear scales like fc, and the reshaping kinds follow their input. On 8 x 8 x 16: linear 32
// (0.5 * 32 = 16 outputs, by make_divisible with divisor 1), then chunk<1, 2> takes 8 of the
// 16, channel_shuffle<4> keeps them and upsample<2> doubles the sides; the classifier, a
// linear of 10 (the last layer with weights), is not scaled: 8 * 10 = 80 weights.
namespace scaling_vocabulary {
using base = nc::network<nc::input<8, 8, 16>, nc::linear<32>, nc::chunk<1, 2>, nc::channel_shuffle<4>, nc::upsample<2>,
                         nc::linear<10>>;
using half = nc::scale_width<base, 1, 2>;
static_assert(nc::layers<half>[0].output == nc::shape{8, 8, 16});
static_assert(nc::layers<half>[1].output == nc::shape{8, 8, 8});
static_assert(nc::layers<half>[3].output == nc::shape{16, 16, 8});
static_assert(nc::layers<half>[4].weights == 80);
// resize reaches linear too: 16 * 24 = 384 weights.
static_assert(nc::layer<nc::resize<base, "linear1", 24>, "linear1">.weights == 384);
} // namespace scaling_vocabulary
