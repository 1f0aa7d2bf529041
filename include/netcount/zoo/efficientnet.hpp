#ifndef NETCOUNT_ZOO_EFFICIENTNET_HPP
#define NETCOUNT_ZOO_EFFICIENTNET_HPP

#include <netcount/detail/config.hpp> // first: below C++20, its error comes first

#include <cstddef>
#include <cstdint>
#include <type_traits>

#include <netcount/detail/checked.hpp>
#include <netcount/netcount.hpp>
#include <netcount/squeeze_excitation.hpp>

NETCOUNT_DIAGNOSTICS_PUSH
namespace netcount::zoo {

// EfficientNet-B0 ... B7 as Tan and Le describe them in "EfficientNet: Rethinking Model
// Scaling for Convolutional Neural Networks" (2019), in torchvision's form
// (models.efficientnet_b0 ... efficientnet_b7): a 3 x 3 convolution at stride 2, seven stages
// of MBConv blocks (Table 1), a 1 x 1 convolution to four times the last stage's width, a
// global average pool and the classifier. Every convolution outside the squeeze-and-excitation
// gates is followed by a batch norm and has no bias; the activation is SiLU (the paper's
// Swish) throughout.
//
// An MBConv block (torchvision's MBConv) is an inverted residual as in MobileNetV2 with a
// squeeze-and-excitation gate: a 1 x 1 expansion to Expansion * In channels (absent where
// Expansion is 1), a depthwise convolution that carries the stride, the gate
// (squeeze_excitation<expanded, max(1, In / 4), silu, sigmoid>: torchvision squeezes to a
// quarter of the block's input, not of the expanded width), then a linear 1 x 1 projection.
// Where the block keeps the shape, stochastic depth (the identity at inference) and the
// block's input are added.
//
// Scaling (Section 3.3, compound scaling): B1 ... B7 scale the widths of B0's table by w and
// the number of layers of each stage by d, with torchvision 0.14's multipliers (w, d) = (1.0,
// 1.1), (1.1, 1.2), (1.2, 1.4), (1.4, 1.8), (1.6, 2.2), (1.8, 2.6), (2.0, 3.1), and its input
// sizes 240, 260, 300, 380, 456, 528 and 600 (B0: 224). The scaled widths and depths are
// computed here from the one B0 table, in exact integer arithmetic (efficientnet_width,
// efficientnet_depth); for all eight models they equal torchvision's float arithmetic
// (tests/static/zoo_efficientnet.cpp).
//
// Names: torchvision's features.0 is "conv1" here; its stages features.1 ... features.7 are
// "stage1" ... "stage7"; features.8 is "conv2"; then "global_avg_pool1" and torchvision's
// "classifier". As in MobileNetV2 and MnasNet here, a stage's first block, which changes
// the width or the size, has no shortcut and its layers sit in the stage itself
// ("stage2/depthwise_conv1"); the blocks after it are "residual1", "residual2", ...
// ("stage2/residual1/squeeze_excitation1/fc1").

// torchvision's _make_divisible(Channels * Num / Den, 8): the nearest multiple of 8 (halves
// up, as int(v + 4) // 8 * 8), at least 8, plus 8 if that is more than 10% below
// Channels * Num / Den. Exact integers where torchvision uses floats. A width that does not
// fit in 64 bits comes out 0, which its convolution rejects (zero filters).
constexpr std::uint64_t efficientnet_width(std::uint64_t channels, std::uint64_t num, std::uint64_t den) noexcept {
    bool overflow = den == 0;
    const std::uint64_t scaled = detail::mul(channels, num, overflow); // Channels * w * Den
    const std::uint64_t half = detail::mul(4, den, overflow);
    if (overflow) return 0;
    std::uint64_t rounded = detail::add(scaled, half, overflow) / den / 8 * 8;
    if (rounded < 8) rounded = 8;
    const bool close_enough =
        detail::mul(detail::mul(10, rounded, overflow), den, overflow) >= detail::mul(9, scaled, overflow);
    const std::uint64_t result = close_enough ? rounded : detail::add(rounded, 8, overflow);
    return overflow ? 0 : result;
}

// torchvision's int(math.ceil(Layers * Num / Den)); 0 (an empty stage, whose first block is
// then missing from the net and from the reference check) if it overflows.
constexpr std::uint64_t efficientnet_depth(std::uint64_t layers, std::uint64_t num, std::uint64_t den) noexcept {
    bool overflow = den == 0;
    const std::uint64_t scaled = detail::mul(layers, num, overflow);
    if (overflow) return 0;
    const std::uint64_t ceiling = detail::add(scaled, den - 1, overflow) / den;
    return overflow ? 0 : ceiling;
}

// One row of Table 1 (torchvision's MBConvConfig before scaling).
struct efficientnet_row {
    std::size_t expansion;
    std::size_t kernel;
    std::size_t stride;
    std::size_t in;
    std::size_t out;
    std::size_t layers;
};

// EfficientNet-B0, Table 1, stages 2 to 8 (stage 1 is the stem, 9 the head): MBConv1 3 x 3,
// then MBConv6 with the kernels, strides, widths and layers below.
inline constexpr efficientnet_row efficientnet_b0_table[7] = {
    {.expansion = 1, .kernel = 3, .stride = 1, .in = 32, .out = 16, .layers = 1},
    {.expansion = 6, .kernel = 3, .stride = 2, .in = 16, .out = 24, .layers = 2},
    {.expansion = 6, .kernel = 5, .stride = 2, .in = 24, .out = 40, .layers = 2},
    {.expansion = 6, .kernel = 3, .stride = 2, .in = 40, .out = 80, .layers = 3},
    {.expansion = 6, .kernel = 5, .stride = 1, .in = 80, .out = 112, .layers = 3},
    {.expansion = 6, .kernel = 5, .stride = 2, .in = 112, .out = 192, .layers = 4},
    {.expansion = 6, .kernel = 3, .stride = 1, .in = 192, .out = 320, .layers = 1},
};

// A convolution and its batch norm.
template<std::size_t Filters, std::size_t Kernel, std::size_t Stride = 1>
using efficientnet_conv_bn =
    sequence<conv<Filters, kernel<Kernel>, stride<Stride>, pad<(Kernel - 1) / 2>, no_bias>, batch_norm>;

// The layers of an MBConv block from In to Out channels. Expanded is torchvision's
// adjust_channels(In, Expansion), i.e. _make_divisible(In * Expansion, 8).
template<std::size_t In, std::size_t Out, std::size_t Kernel, std::size_t Stride, std::size_t Expansion,
         std::size_t Expanded = efficientnet_width(In, Expansion, 1)>
using efficientnet_mbconv_layers =
    sequence<std::conditional_t<Expanded == In, sequence<>, sequence<efficientnet_conv_bn<Expanded, 1>, silu>>,
             depthwise_conv<kernel<Kernel>, stride<Stride>, pad<(Kernel - 1) / 2>, no_bias>, batch_norm, silu,
             squeeze_excitation<Expanded, (In / 4 > 1 ? In / 4 : 1), silu, sigmoid>, efficientnet_conv_bn<Out, 1>>;

// The block, with stochastic depth and its input added where it keeps the shape.
template<std::size_t In, std::size_t Out, std::size_t Kernel, std::size_t Stride, std::size_t Expansion>
using efficientnet_mbconv =
    std::conditional_t<Stride == 1 && In == Out,
                       residual<efficientnet_mbconv_layers<In, Out, Kernel, Stride, Expansion>, stochastic_depth>,
                       efficientnet_mbconv_layers<In, Out, Kernel, Stride, Expansion>>;

// Stage Name from row Row of B0's table, widths scaled by WidthNum / 10, layers by
// DepthNum / 10: the first block with the stride, the others from Out to Out.
template<fixed_string Name, std::size_t Row, std::size_t WidthNum, std::size_t DepthNum,
         std::size_t In = efficientnet_width(efficientnet_b0_table[Row].in, WidthNum, 10),
         std::size_t Out = efficientnet_width(efficientnet_b0_table[Row].out, WidthNum, 10),
         std::size_t Layers = efficientnet_depth(efficientnet_b0_table[Row].layers, DepthNum, 10)>
using efficientnet_stage =
    sequence<name<Name>,
             efficientnet_mbconv<In, Out, efficientnet_b0_table[Row].kernel, efficientnet_b0_table[Row].stride,
                                 efficientnet_b0_table[Row].expansion>,
             repeat<Layers - 1, efficientnet_mbconv<Out, Out, efficientnet_b0_table[Row].kernel, 1,
                                                    efficientnet_b0_table[Row].expansion>>>;

// efficientnet_network<Size, W, D>: B0's table scaled by width w = W / 10 and depth d = D / 10
// on a Size x Size x 3 input.
template<std::size_t Size, std::size_t W, std::size_t D,
         std::size_t Stem = efficientnet_width(efficientnet_b0_table[0].in, W, 10),
         std::size_t Last = efficientnet_width(efficientnet_b0_table[6].out, W, 10)>
using efficientnet_network =
    network<input<Size, Size, 3>, efficientnet_conv_bn<Stem, 3, 2>, silu, efficientnet_stage<"stage1", 0, W, D>,
            efficientnet_stage<"stage2", 1, W, D>, efficientnet_stage<"stage3", 2, W, D>,
            efficientnet_stage<"stage4", 3, W, D>, efficientnet_stage<"stage5", 4, W, D>,
            efficientnet_stage<"stage6", 5, W, D>, efficientnet_stage<"stage7", 6, W, D>,
            efficientnet_conv_bn<4 * Last, 1>, silu, // torchvision: 4 * the last stage's width (B0: 1280)
            global_avg_pool, sequence<name<"classifier">, dropout, fc<1000>>>;

//                                               size   w   d  (tenths)
struct efficientnet_b0 : efficientnet_network<224, 10, 10> {};
struct efficientnet_b1 : efficientnet_network<240, 10, 11> {};
struct efficientnet_b2 : efficientnet_network<260, 11, 12> {};
struct efficientnet_b3 : efficientnet_network<300, 12, 14> {};
struct efficientnet_b4 : efficientnet_network<380, 14, 18> {};
struct efficientnet_b5 : efficientnet_network<456, 16, 22> {};
struct efficientnet_b6 : efficientnet_network<528, 18, 26> {};
struct efficientnet_b7 : efficientnet_network<600, 20, 31> {};

// EfficientNetV2-S, -M and -L as Tan and Le describe them in "EfficientNetV2: Smaller Models
// and Faster Training" (2021), Table 4 (S; M and L as torchvision 0.14 lists them), in
// torchvision's form (models.efficientnet_v2_s, _m, _l), at its input sizes 384, 480 and 480.
// The early stages use Fused-MBConv (Figure 2): the expansion and the depthwise convolution
// fused into one Kernel x Kernel convolution that carries the stride, then a 1 x 1
// projection, without a squeeze-and-excitation gate; with expansion 1 the block is that one
// convolution, to Out channels, with its batch norm and SiLU. The later stages are MBConv as
// above. The head is a 1 x 1 convolution to 1280 channels. The widths are not scaled, so the
// tables are written as the rows of each model.

// A Fused-MBConv block's layers from In to Out channels (torchvision's FusedMBConv).
template<std::size_t In, std::size_t Out, std::size_t Kernel, std::size_t Stride, std::size_t Expansion,
         std::size_t Expanded = efficientnet_width(In, Expansion, 1)>
using efficientnet_fused_mbconv_layers =
    std::conditional_t<Expanded == In, sequence<efficientnet_conv_bn<Out, Kernel, Stride>, silu>,
                       sequence<efficientnet_conv_bn<Expanded, Kernel, Stride>, silu, efficientnet_conv_bn<Out, 1>>>;

template<bool Fused, std::size_t In, std::size_t Out, std::size_t Kernel, std::size_t Stride, std::size_t Expansion>
using efficientnet_v2_block_layers =
    std::conditional_t<Fused, efficientnet_fused_mbconv_layers<In, Out, Kernel, Stride, Expansion>,
                       efficientnet_mbconv_layers<In, Out, Kernel, Stride, Expansion>>;

template<bool Fused, std::size_t In, std::size_t Out, std::size_t Kernel, std::size_t Stride, std::size_t Expansion>
using efficientnet_v2_block = std::conditional_t<
    Stride == 1 && In == Out,
    residual<efficientnet_v2_block_layers<Fused, In, Out, Kernel, Stride, Expansion>, stochastic_depth>,
    efficientnet_v2_block_layers<Fused, In, Out, Kernel, Stride, Expansion>>;

inline constexpr bool efficientnet_fused = true;         // Fused-MBConv
inline constexpr bool efficientnet_mbconv_stage = false; // MBConv

// A stage of Table 4: Layers blocks, the first from In with the stride.
template<fixed_string Name, bool Fused, std::size_t Expansion, std::size_t Kernel, std::size_t Stride, std::size_t In,
         std::size_t Out, std::size_t Layers>
using efficientnet_v2_stage =
    sequence<name<Name>, efficientnet_v2_block<Fused, In, Out, Kernel, Stride, Expansion>,
             repeat<Layers - 1, efficientnet_v2_block<Fused, Out, Out, Kernel, 1, Expansion>>>;

template<std::size_t Size, std::size_t Stem, class... Stages>
using efficientnet_v2_network =
    network<input<Size, Size, 3>, efficientnet_conv_bn<Stem, 3, 2>, silu, Stages..., efficientnet_conv_bn<1280, 1>,
            silu, global_avg_pool, sequence<name<"classifier">, dropout, fc<1000>>>;

//                                                              block  expansion k  s   in  out layers
struct efficientnet_v2_s
    : efficientnet_v2_network<384, 24, efficientnet_v2_stage<"stage1", efficientnet_fused, 1, 3, 1, 24, 24, 2>,
                              efficientnet_v2_stage<"stage2", efficientnet_fused, 4, 3, 2, 24, 48, 4>,
                              efficientnet_v2_stage<"stage3", efficientnet_fused, 4, 3, 2, 48, 64, 4>,
                              efficientnet_v2_stage<"stage4", efficientnet_mbconv_stage, 4, 3, 2, 64, 128, 6>,
                              efficientnet_v2_stage<"stage5", efficientnet_mbconv_stage, 6, 3, 1, 128, 160, 9>,
                              efficientnet_v2_stage<"stage6", efficientnet_mbconv_stage, 6, 3, 2, 160, 256, 15>> {};
struct efficientnet_v2_m
    : efficientnet_v2_network<480, 24, efficientnet_v2_stage<"stage1", efficientnet_fused, 1, 3, 1, 24, 24, 3>,
                              efficientnet_v2_stage<"stage2", efficientnet_fused, 4, 3, 2, 24, 48, 5>,
                              efficientnet_v2_stage<"stage3", efficientnet_fused, 4, 3, 2, 48, 80, 5>,
                              efficientnet_v2_stage<"stage4", efficientnet_mbconv_stage, 4, 3, 2, 80, 160, 7>,
                              efficientnet_v2_stage<"stage5", efficientnet_mbconv_stage, 6, 3, 1, 160, 176, 14>,
                              efficientnet_v2_stage<"stage6", efficientnet_mbconv_stage, 6, 3, 2, 176, 304, 18>,
                              efficientnet_v2_stage<"stage7", efficientnet_mbconv_stage, 6, 3, 1, 304, 512, 5>> {};
struct efficientnet_v2_l
    : efficientnet_v2_network<480, 32, efficientnet_v2_stage<"stage1", efficientnet_fused, 1, 3, 1, 32, 32, 4>,
                              efficientnet_v2_stage<"stage2", efficientnet_fused, 4, 3, 2, 32, 64, 7>,
                              efficientnet_v2_stage<"stage3", efficientnet_fused, 4, 3, 2, 64, 96, 7>,
                              efficientnet_v2_stage<"stage4", efficientnet_mbconv_stage, 4, 3, 2, 96, 192, 10>,
                              efficientnet_v2_stage<"stage5", efficientnet_mbconv_stage, 6, 3, 1, 192, 224, 19>,
                              efficientnet_v2_stage<"stage6", efficientnet_mbconv_stage, 6, 3, 2, 224, 384, 25>,
                              efficientnet_v2_stage<"stage7", efficientnet_mbconv_stage, 6, 3, 1, 384, 640, 7>> {};

} // namespace netcount::zoo

NETCOUNT_DIAGNOSTICS_POP

#endif
