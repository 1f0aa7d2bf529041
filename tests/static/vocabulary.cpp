// The layer kinds of today's CNNs (issue 10): activations, normalisations, layer scale,
// stochastic depth, linear, chunk, channel shuffle and upsampling. The figures are PyTorch's
// (torch 1.13, torchvision 0.14), measured on a 7 x 5 x 48 input (N x 48 x 7 x 5 in torch):
//   module                                       output        parameters (sum of numel())
//   SiLU, Hardswish, Hardsigmoid, GELU,          7 x 5 x 48    0
//   LeakyReLU, ELU, Mish
//   PReLU()                                      7 x 5 x 48    1
//   PReLU(48)                                    7 x 5 x 48    48
//   GroupNorm(4, 48)                             7 x 5 x 48    96
//   InstanceNorm2d(48)                           7 x 5 x 48    0
//   InstanceNorm2d(48, affine=True)              7 x 5 x 48    96
//   torchvision.models.convnext.LayerNorm2d(48)  7 x 5 x 48    96
//   torchvision.ops.StochasticDepth(0.1, "row")  7 x 5 x 48    0
//   CNBlock's layer_scale, a 48 x 1 x 1 Parameter              48
//   ChannelShuffle(4)                            7 x 5 x 48    0
//   Linear(48, 192) on x.permute(0, 2, 3, 1)     7 x 5 x 192   9,408: weight 9,216, bias 192
//   Linear(48, 192, bias=False), the same        7 x 5 x 192   9,216
//   x.chunk(3, dim=1)[i], i = 0, 1, 2            7 x 5 x 16    0
//   Upsample(scale_factor=2), nearest, bilinear  14 x 10 x 48  0
//   Upsample(scale_factor=(3, 2)), both modes    21 x 10 x 48  0
//   Upsample(size=(20, 11)), both modes          20 x 11 x 48  0
//   Upsample(size=(3, 2)), both modes            3 x 2 x 48    0
// and the rejections: GroupNorm(5, 48) "num_channels must be divisible by num_groups";
// ChannelShuffle(5) on 48 channels "Number of channels must be divisible by groups";
// Upsample(size=(0, 3)) "Input and output sizes should be greater than 0".
// A Linear's multiply-accumulates are in_features * out_features per row it is applied to:
// 48 * 192 * (7 * 5) = 322,560 here; its 7 * 5 * 192 = 6,720 outputs are its units.
#include <netcount/netcount.hpp>

namespace nc = netcount;

template<class Layer, std::size_t H = 7, std::size_t W = 5, std::size_t C = 48>
inline constexpr const nc::layer_info& only = nc::layers<nc::network<nc::input<H, W, C>, Layer>>[0];

inline constexpr nc::shape given{7, 5, 48};

// A layer with nothing of its own: the input's shape, every figure 0 but its activations.
template<class Layer>
constexpr bool counts_nothing() {
    const nc::layer_info& l = only<Layer>;
    return l.output == given && l.units == 0 && l.weights == 0 && l.biases == 0 && l.parameters == 0 &&
           l.connections == 0 && l.connections_with_bias == 0 && l.activations == 7 * 5 * 48;
}

// A layer with `parameters` trainable numbers and nothing else: no weights, biases, units or
// connections (as batch_norm).
template<class Layer>
constexpr bool counts_parameters(std::uint64_t parameters) {
    const nc::layer_info& l = only<Layer>;
    return l.output == given && l.units == 0 && l.weights == 0 && l.biases == 0 && l.parameters == parameters &&
           l.connections == 0 && l.connections_with_bias == 0 && l.activations == 7 * 5 * 48;
}

// Activations.
static_assert(counts_nothing<nc::silu>());
static_assert(counts_nothing<nc::hardswish>());
static_assert(counts_nothing<nc::hardsigmoid>());
static_assert(counts_nothing<nc::gelu>());
static_assert(counts_nothing<nc::leaky_relu>());
static_assert(counts_nothing<nc::elu>());
static_assert(counts_nothing<nc::mish>());
static_assert(counts_parameters<nc::prelu<>>(1));
static_assert(counts_parameters<nc::prelu<nc::per_channel>>(48));
static_assert(only<nc::silu>.kind == "silu" && only<nc::hardswish>.kind == "hardswish" &&
              only<nc::hardsigmoid>.kind == "hardsigmoid" && only<nc::gelu>.kind == "gelu" &&
              only<nc::leaky_relu>.kind == "leaky_relu" && only<nc::elu>.kind == "elu" &&
              only<nc::mish>.kind == "mish" && only<nc::prelu<>>.kind == "prelu" &&
              only<nc::prelu<nc::per_channel>>.kind == "prelu");

// Normalisation.
static_assert(counts_parameters<nc::layer_norm>(96));
static_assert(counts_parameters<nc::group_norm<4>>(96));
static_assert(counts_parameters<nc::group_norm<48>>(96)); // one channel per group
static_assert(counts_parameters<nc::group_norm<1>>(96));
static_assert(counts_parameters<nc::instance_norm<>>(0));
static_assert(counts_parameters<nc::instance_norm<nc::affine>>(96));
static_assert(only<nc::layer_norm>.kind == "layer_norm" && only<nc::group_norm<4>>.kind == "group_norm" &&
              only<nc::instance_norm<>>.kind == "instance_norm");

// Layer scale and stochastic depth.
static_assert(counts_parameters<nc::layer_scale>(48));
static_assert(counts_nothing<nc::stochastic_depth>());
static_assert(only<nc::layer_scale>.kind == "layer_scale" && only<nc::stochastic_depth>.kind == "stochastic_depth");

// linear: weights C * Outputs, connections C * Outputs * H * W, units H * W * Outputs.
using pointwise = nc::linear<192>;
static_assert(only<pointwise>.output == nc::shape{7, 5, 192});
static_assert(only<pointwise>.weights == 9216);
static_assert(only<pointwise>.biases == 192);
static_assert(only<pointwise>.parameters == 9408);
static_assert(only<pointwise>.connections == 322'560);
static_assert(only<pointwise>.units == 6720);
static_assert(only<pointwise>.connections_with_bias == 322'560 + 6720); // a bias per output, as conv
static_assert(only<pointwise>.activations == 6720);
static_assert(only<pointwise>.window == nc::layer_window{}); // 1 x 1, stride 1
static_assert(only<pointwise>.kind == "linear");
static_assert(only<nc::linear<192, nc::no_bias>>.parameters == 9216);
static_assert(only<nc::linear<192, nc::no_bias>>.biases == 0);
static_assert(only<nc::linear<192, nc::no_bias>>.connections_with_bias == 322'560);
static_assert(only<nc::linear<192, nc::name<"pwconv1">>>.name == "pwconv1");
// ... the same figures as a 1 x 1 conv, which it is by another name.
static_assert(only<nc::conv<192, nc::kernel<1>>>.weights == only<pointwise>.weights &&
              only<nc::conv<192, nc::kernel<1>>>.connections == only<pointwise>.connections &&
              only<nc::conv<192, nc::kernel<1>>>.units == only<pointwise>.units);
// ... and unlike fc, which flattens: 7 * 5 * 48 * 192 weights, one output vector.
static_assert(only<nc::fc<192>>.weights == 7 * 5 * 48 * 192 && only<nc::fc<192>>.output == nc::shape{1, 1, 192});

// chunk and channel_shuffle.
static_assert(only<nc::chunk<0, 3>>.output == nc::shape{7, 5, 16});
static_assert(only<nc::chunk<2, 3>>.output == nc::shape{7, 5, 16});
static_assert(only<nc::chunk<0, 1>>.output == given);
static_assert(only<nc::chunk<1, 3>>.parameters == 0 && only<nc::chunk<1, 3>>.activations == 7 * 5 * 16);
static_assert(counts_nothing<nc::channel_shuffle<4>>());
static_assert(only<nc::chunk<1, 3>>.kind == "chunk" && only<nc::channel_shuffle<4>>.kind == "channel_shuffle");

// Upsampling.
static_assert(only<nc::upsample<2>>.output == nc::shape{14, 10, 48});
static_assert(only<nc::upsample<3, 2>>.output == nc::shape{21, 10, 48});
static_assert(only<nc::upsample_to<20, 11>>.output == nc::shape{20, 11, 48});
static_assert(only<nc::upsample_to<3, 2>>.output == nc::shape{3, 2, 48});
static_assert(only<nc::upsample_to<9>>.output == nc::shape{9, 9, 48});
static_assert(only<nc::upsample<2>>.parameters == 0 && only<nc::upsample<2>>.connections == 0 &&
              only<nc::upsample<2>>.units == 0 && only<nc::upsample<2>>.activations == 14 * 10 * 48);
static_assert(only<nc::upsample<2>>.kind == "upsample" && only<nc::upsample_to<20, 11>>.kind == "upsample_to");
// Receptive fields: nearest upsampling by 2 after a 3 x 3 conv: each output reads one output of
// the conv, so the field stays 3 wide. Neighbouring outputs are half an input position apart, a
// jump that detail/field.hpp rounds up to 1 (jumps are whole numbers), so a 3 x 3 conv after it
// is given 3 + 2 * 1 = 5 input positions where it reads 2 of the first conv's outputs, 4: an
// upper bound, as for any transposed window.
struct upsampled
    : nc::network<nc::input<8, 8, 1>, nc::conv<1, nc::kernel<3>>, nc::upsample<2>, nc::conv<1, nc::kernel<3>>> {};
static_assert(nc::layers<upsampled>[1].receptive_field.height == nc::axis_field{.size = 3, .jump = 1, .start = 0});
static_assert(nc::layers<upsampled>[2].receptive_field.height.size == 5);
static_assert(nc::layers<upsampled>[2].output == nc::shape{10, 10, 1});

// Rejections, read from each kind's apply() (compile-fail tests show the diagnostics).
static_assert(nc::group_norm<5>::apply(given).status == nc::error::channels_not_divisible_by_groups);
static_assert(nc::group_norm<0>::apply(given).status == nc::error::zero_groups);
// PyTorch 1.13 in eval mode: GroupNorm(4, 4) on 1 x 1 x 4 raises "Expected more than 1 value per
// channel when training" (4 / 4 * 1 * 1 = 1 value a group); GroupNorm(2, 4) there and
// GroupNorm(4, 4) on 1 x 2 x 4 run. InstanceNorm2d(4) on 1 x 1 raises "Expected more than 1
// spatial element when training", with or without affine; on 1 x 2 it runs.
static_assert(nc::group_norm<4>::apply(nc::shape{1, 1, 4}).status == nc::error::single_value_per_group);
static_assert(nc::group_norm<2>::apply(nc::shape{1, 1, 4}).status == nc::error::none);
static_assert(nc::group_norm<4>::apply(nc::shape{1, 2, 4}).status == nc::error::none);
static_assert(nc::instance_norm<>::apply(nc::shape{1, 1, 4}).status == nc::error::single_spatial_element);
static_assert(nc::instance_norm<nc::affine>::apply(nc::shape{1, 1, 4}).status == nc::error::single_spatial_element);
static_assert(nc::instance_norm<>::apply(nc::shape{1, 2, 4}).status == nc::error::none);
static_assert(nc::channel_shuffle<5>::apply(given).status == nc::error::channels_not_divisible_by_groups);
static_assert(nc::channel_shuffle<0>::apply(given).status == nc::error::zero_groups);
static_assert(nc::chunk<0, 5>::apply(given).status == nc::error::channels_not_divisible_by_chunks);
static_assert(nc::chunk<3, 3>::apply(given).status == nc::error::chunk_index_out_of_range);
static_assert(nc::chunk<0, 0>::apply(given).status == nc::error::chunk_index_out_of_range);
static_assert(nc::upsample<0>::apply(given).status == nc::error::zero_scale_factor);
static_assert(nc::upsample<2, 0>::apply(given).status == nc::error::zero_scale_factor);
static_assert(nc::upsample_to<0, 3>::apply(given).status == nc::error::zero_outputs);
static_assert(nc::linear<0>::apply(given).status == nc::error::zero_outputs);
static_assert(nc::linear<8, nc::no_bias, nc::no_bias>::apply(given).status == nc::error::repeated_option);
// Overflow: 2^33 * 2^31 rows do not fit in 64 bits; C * Outputs neither.
static_assert(nc::upsample<(1ull << 31)>::apply({1ull << 33, 1, 1}).status == nc::error::count_overflow);
static_assert(nc::upsample<1, (1ull << 31)>::apply({1, 1ull << 33, 1}).status == nc::error::count_overflow);
static_assert(nc::upsample<(1ull << 31)>::apply({1ull << 32, 1, 1}).output.height == 1ull << 63);
static_assert(nc::linear<(1ull << 32)>::apply({1, 1, 1ull << 32}).status == nc::error::count_overflow);
static_assert(nc::linear<(1ull << 31)>::apply({1ull << 17, 1ull << 16, 1}).status == nc::error::count_overflow);
static_assert(nc::layer_norm::apply({1, 1, 1ull << 63}).status == nc::error::count_overflow);
static_assert(nc::prelu<nc::per_channel>::apply({1, 1, 1ull << 63}).status == nc::error::none);
static_assert(nc::prelu<>::apply({1, 1, 1ull << 63}).parameters == 1);

// Every kind may run in place but the ones that move elements (deploy's memory schedule reads
// this member; kinds without it write a buffer of their own).
template<class L>
constexpr bool elementwise = requires {
    requires L::elementwise;
};
static_assert(elementwise<nc::silu> && elementwise<nc::hardswish> && elementwise<nc::hardsigmoid> &&
              elementwise<nc::gelu> && elementwise<nc::leaky_relu> && elementwise<nc::elu> && elementwise<nc::mish> &&
              elementwise<nc::prelu<>> && elementwise<nc::prelu<nc::per_channel>> && elementwise<nc::layer_scale> &&
              elementwise<nc::stochastic_depth> && elementwise<nc::layer_norm> && elementwise<nc::group_norm<4>> &&
              elementwise<nc::instance_norm<>> && elementwise<nc::instance_norm<nc::affine>>);
static_assert(!elementwise<nc::linear<8>> && !elementwise<nc::chunk<0, 2>> && !elementwise<nc::channel_shuffle<2>> &&
              !elementwise<nc::upsample<2>> && !elementwise<nc::upsample_to<9, 9>>);

// ShuffleNetV2's basic unit (Ma et al. 2018, Fig. 3c): split the channels in two, keep one half,
// run the other through 1x1 conv, 3x3 depthwise conv, 1x1 conv, concatenate, shuffle. On
// 28 x 28 x 116 (stage 2 of the 1x width), torchvision's InvertedResidual(116, 116, 1)
// has 7,598 parameters: 58*58 + 2*58 + 3*3*58 + 2*58 + 58*58 + 2*58 (convs without bias, each
// followed by a batch norm) = 3,364 + 116 + 522 + 116 + 3,364 + 116.
struct shuffle_unit
    : nc::network<
          nc::input<28, 28, 116>,
          nc::concat<nc::chunk<0, 2>,
                     nc::sequence<nc::chunk<1, 2>, nc::conv<58, nc::kernel<1>, nc::no_bias>, nc::batch_norm, nc::relu,
                                  nc::depthwise_conv<nc::kernel<3>, nc::same, nc::no_bias>, nc::batch_norm,
                                  nc::conv<58, nc::kernel<1>, nc::no_bias>, nc::batch_norm, nc::relu>>,
          nc::channel_shuffle<2>> {};
static_assert(nc::parameters<shuffle_unit> == 7598);
static_assert(nc::output_shape<shuffle_unit> == nc::shape{28, 28, 116});
static_assert(nc::layers<shuffle_unit>[0].name == "concat1/chunk1" &&
              nc::layers<shuffle_unit>[1].name == "concat1/chunk2");

// ConvNeXt's block (Liu et al. 2022; torchvision's CNBlock) at dim 96 on 56 x 56: 7 x 7
// depthwise conv, LayerNorm, Linear 96 -> 384, GELU, Linear 384 -> 96, layer scale, stochastic
// depth, added to the input. torchvision's CNBlock(96, 1e-6, 0.0): 79,296 parameters =
// (7*7*96 + 96) + 2*96 + (96*384 + 384) + (384*96 + 96) + 96.
struct convnext_block
    : nc::network<nc::input<56, 56, 96>,
                  nc::residual<nc::depthwise_conv<nc::kernel<7>, nc::pad<3>>, nc::layer_norm, nc::linear<384>, nc::gelu,
                               nc::linear<96>, nc::layer_scale, nc::stochastic_depth>> {};
static_assert(nc::parameters<convnext_block> == 79'296);
static_assert(nc::weights<convnext_block> == 7 * 7 * 96 + 2 * 96 * 384);
static_assert(nc::connections<convnext_block> == 56 * 56 * (7 * 7 * 96 + 2 * 96 * 384));
