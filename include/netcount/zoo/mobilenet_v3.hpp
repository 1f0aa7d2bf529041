#ifndef NETCOUNT_ZOO_MOBILENET_V3_HPP
#define NETCOUNT_ZOO_MOBILENET_V3_HPP

#include <netcount/detail/config.hpp> // first: below C++20, its error comes first

#include <cstddef>
#include <type_traits>

#include <netcount/detail/checked.hpp>
#include <netcount/netcount.hpp>
#include <netcount/squeeze_excitation.hpp>

NETCOUNT_DIAGNOSTICS_PUSH
namespace netcount::zoo {

// MobileNetV3-Large and -Small as Howard, Sandler, Chu, Chen, Chen, Tan, Wang, Zhu, Pang,
// Vasudevan, Le and Adam describe them in "Searching for MobileNetV3" (2019), Tables 1 and 2,
// in torchvision 0.14's form (models.mobilenet_v3_large, models.mobilenet_v3_small, width
// multiplier 1): a 3 x 3 convolution of 16 at stride 2 with hard-swish, the "bneck" rows
// (inverted residuals as in MobileNetV2, some with squeeze-and-excite, section 5.3), a 1 x 1
// convolution to 960 (Large) or 576 (Small) channels with hard-swish, a global average pool,
// and the classifier as torchvision has it: a fully connected layer to 1280 (Large) or 1024
// (Small), hard-swish, dropout, and the fully connected layer to 1000 classes. Where the paper
// places the last two layers after the pool as 1 x 1 convolutions without batch norm ("NBN"),
// torchvision's Linear layers count the same on a 1 x 1 map. Every convolution is followed by a
// batch norm and has no bias; the squeeze-and-excite convolutions and the classifier have
// biases.
//
// Squeeze-and-excite (torchvision's ops.SqueezeExcitation with a hard-sigmoid gate): a global
// average pool, a 1 x 1 convolution to a quarter of the expanded channels rounded as
// torchvision's _make_divisible does (mobilenet_v3_divisible below), ReLU, a 1 x 1 convolution
// back and hard-sigmoid, whose output multiplies the depthwise convolution's. It sits between
// the depthwise convolution and the projection.
//
// Names: the bneck rows of Tables 1 and 2 are "bneck1" ... "bneck15" (Large) or "bneck11"
// (Small), torchvision's features.1 ... features.15 (or .11). A block that keeps its shape adds
// its input and is a residual block of that name ("bneck2" is then the add, its layers
// "bneck2/conv1", ...); the squeeze-and-excite gate is "bneck4/squeeze_excitation1", its
// convolutions ".../fc1" and ".../fc2" as torchvision names them.

// torchvision's _make_divisible(V, 8) for an integer V: V + 4 down to a multiple of 8, at least
// 8, plus 8 where that would lose more than 10% of V. A width that does not fit in 64 bits
// comes out 0, which its convolution rejects (zero filters).
constexpr std::size_t mobilenet_v3_divisible(std::size_t v) noexcept {
    bool overflow = false;
    std::size_t rounded = detail::add(v, 4, overflow) / 8 * 8;
    if (rounded < 8) rounded = 8;
    const bool close_enough = detail::mul(10, rounded, overflow) >= detail::mul(9, v, overflow);
    const std::size_t result = close_enough ? rounded : detail::add(rounded, 8, overflow);
    return overflow ? 0 : result;
}

// torchvision's padding of a bneck's depthwise convolution, (Kernel - 1) / 2 * Dilation
// (Conv2dNormActivation's default), which keeps the size at stride 1. A product that does not
// fit in 64 bits comes out as the largest value, which the convolution rejects (its padded
// size overflows).
constexpr std::size_t mobilenet_v3_pad(std::size_t kernel, std::size_t dilation) noexcept {
    bool overflow = false;
    const std::size_t result = detail::mul((kernel == 0 ? 0 : kernel - 1) / 2, dilation, overflow);
    return overflow ? ~std::size_t{0} : result;
}

// A bneck's depthwise convolution: Kernel x Kernel at Stride, or, with Dilation above 1
// (torchvision's dilated=True, which segmentation backbones use for the last stage), at stride
// 1 with that dilation, padded as mobilenet_v3_pad says, as torchvision's InvertedResidual sets
// stride = 1 if cnf.dilation > 1: the stage then keeps its input's size where it would have
// halved it. Undilated, it is written without dilation<1>, so that mobilenet_v3_large and
// mobilenet_v3_small keep their types.
template<std::size_t Kernel, std::size_t Stride, std::size_t Dilation>
using mobilenet_v3_depthwise = std::conditional_t<
    Dilation == 1, depthwise_conv<kernel<Kernel>, stride<Stride>, pad<Kernel / 2>, no_bias>,
    depthwise_conv<kernel<Kernel>, pad<mobilenet_v3_pad(Kernel, Dilation)>, dilation<Dilation>, no_bias>>;

// A bneck's layers (section 5, torchvision's InvertedResidual): a 1 x 1 expansion to Expanded
// channels (left out when Expanded equals In, as in the first row of Large), a Kernel x Kernel
// depthwise convolution that carries the stride (or the dilation), the squeeze-and-excite gate
// when SE, and a linear 1 x 1 projection to Out channels.
template<std::size_t In, std::size_t Kernel, std::size_t Expanded, std::size_t Out, bool SE, class NL,
         std::size_t Stride, std::size_t Dilation = 1>
using mobilenet_v3_layers = sequence<
    std::conditional_t<Expanded == In, sequence<>, sequence<conv<Expanded, kernel<1>, no_bias>, batch_norm, NL>>,
    mobilenet_v3_depthwise<Kernel, Stride, Dilation>, batch_norm, NL,
    std::conditional_t<SE, squeeze_excitation<Expanded, mobilenet_v3_divisible(Expanded / 4), relu, hardsigmoid>,
                       sequence<>>,
    conv<Out, kernel<1>, no_bias>, batch_norm>;

// A row of Table 1 or 2 read from In channels: "exp size" Expanded, "#out" Out, SE, NL (the
// nonlinearity: "RE" relu, "HS" hardswish) and stride s; the block adds its input when it keeps the shape (stride 1, In equal to Out).
// Dilation is torchvision's (1, or 2 in the last stage of a dilated backbone); the shortcut
// follows the row's stride s all the same (InvertedResidual's use_res_connect reads
// cnf.stride).
template<fixed_string Name, std::size_t In, std::size_t Kernel, std::size_t Expanded, std::size_t Out, bool SE,
         class NL, std::size_t Stride, std::size_t Dilation = 1>
using mobilenet_v3_bneck =
    std::conditional_t<Stride == 1 && In == Out,
                       residual<name<Name>, mobilenet_v3_layers<In, Kernel, Expanded, Out, SE, NL, Stride, Dilation>>,
                       sequence<name<Name>, mobilenet_v3_layers<In, Kernel, Expanded, Out, SE, NL, Stride, Dilation>>>;

// The last layers of both (the last three rows of Tables 1 and 2): 1 x 1 to Last channels with
// hard-swish, the pool, Hidden units with hard-swish, dropout, 1000 classes.
template<std::size_t Last, std::size_t Hidden>
using mobilenet_v3_head = sequence<conv<Last, kernel<1>, no_bias>, batch_norm, hardswish, global_avg_pool, fc<Hidden>,
                                   hardswish, dropout, fc<1000>>;

// Table 1's rows, in two parts, as segmentation backbones read them (zoo/segmentation.hpp):
// the stem and bneck1 to bneck4, whose output is at an 8th of the input (LR-ASPP's "low")...
using mobilenet_v3_large_low =
    sequence<conv<16, kernel<3>, stride<2>, pad<1>, no_bias>, batch_norm, hardswish, // 112 x 112 x 16 on 224
             //                 name      in   k  exp  out  SE     NL    s
             mobilenet_v3_bneck<"bneck1", 16, 3, 16, 16, false, relu, 1>,
             mobilenet_v3_bneck<"bneck2", 16, 3, 64, 24, false, relu, 2>, // 56 x 56
             mobilenet_v3_bneck<"bneck3", 24, 3, 72, 24, false, relu, 1>,
             mobilenet_v3_bneck<"bneck4", 24, 5, 72, 40, true, relu, 2>>; // 28 x 28

// ... and bneck5 to bneck15, whose last stage (bneck13 to bneck15) has Dilation (1, or 2 in
// torchvision's dilated=True, where bneck13 keeps the map's size), and channels divided by
// ReduceDivider (1, or 2 in torchvision's reduced_tail=True, Table 6 of the paper: 80 out of
// bneck13 to bneck15, 480 expanded in bneck14 and bneck15, as SSDlite builds it without
// pretrained weights, zoo/ssd.hpp).
template<std::size_t Dilation, std::size_t ReduceDivider = 1>
using mobilenet_v3_large_high = sequence<
    //                 name      in   k  exp  out  SE     NL         s  dilation
    mobilenet_v3_bneck<"bneck5", 40, 5, 120, 40, true, relu, 1>,
    mobilenet_v3_bneck<"bneck6", 40, 5, 120, 40, true, relu, 1>,
    mobilenet_v3_bneck<"bneck7", 40, 3, 240, 80, false, hardswish, 2>, // 14 x 14
    mobilenet_v3_bneck<"bneck8", 80, 3, 200, 80, false, hardswish, 1>,
    mobilenet_v3_bneck<"bneck9", 80, 3, 184, 80, false, hardswish, 1>,
    mobilenet_v3_bneck<"bneck10", 80, 3, 184, 80, false, hardswish, 1>,
    mobilenet_v3_bneck<"bneck11", 80, 3, 480, 112, true, hardswish, 1>,
    mobilenet_v3_bneck<"bneck12", 112, 3, 672, 112, true, hardswish, 1>,
    mobilenet_v3_bneck<"bneck13", 112, 5, 672, 160 / ReduceDivider, true, hardswish, 2, Dilation>, // 7 x 7 undilated
    mobilenet_v3_bneck<"bneck14", 160 / ReduceDivider, 5, 960 / ReduceDivider, 160 / ReduceDivider, true, hardswish, 1,
                       Dilation>,
    mobilenet_v3_bneck<"bneck15", 160 / ReduceDivider, 5, 960 / ReduceDivider, 160 / ReduceDivider, true, hardswish, 1,
                       Dilation>>;

// Table 1.
struct mobilenet_v3_large
    : network<input<224, 224, 3>, mobilenet_v3_large_low, mobilenet_v3_large_high<1>, mobilenet_v3_head<960, 1280>> {};

// Table 2.
struct mobilenet_v3_small
    : network<input<224, 224, 3>, conv<16, kernel<3>, stride<2>, pad<1>, no_bias>, batch_norm,
              hardswish, // 112 x 112 x 16
              //                 name      in  k  exp  out  SE     NL         s
              mobilenet_v3_bneck<"bneck1", 16, 3, 16, 16, true, relu, 2>,  // 56 x 56
              mobilenet_v3_bneck<"bneck2", 16, 3, 72, 24, false, relu, 2>, // 28 x 28
              mobilenet_v3_bneck<"bneck3", 24, 3, 88, 24, false, relu, 1>,
              mobilenet_v3_bneck<"bneck4", 24, 5, 96, 40, true, hardswish, 2>, // 14 x 14
              mobilenet_v3_bneck<"bneck5", 40, 5, 240, 40, true, hardswish, 1>,
              mobilenet_v3_bneck<"bneck6", 40, 5, 240, 40, true, hardswish, 1>,
              mobilenet_v3_bneck<"bneck7", 40, 5, 120, 48, true, hardswish, 1>,
              mobilenet_v3_bneck<"bneck8", 48, 5, 144, 48, true, hardswish, 1>,
              mobilenet_v3_bneck<"bneck9", 48, 5, 288, 96, true, hardswish, 2>, // 7 x 7
              mobilenet_v3_bneck<"bneck10", 96, 5, 576, 96, true, hardswish, 1>,
              mobilenet_v3_bneck<"bneck11", 96, 5, 576, 96, true, hardswish, 1>, mobilenet_v3_head<576, 1024>> {};

} // namespace netcount::zoo

NETCOUNT_DIAGNOSTICS_POP

#endif
