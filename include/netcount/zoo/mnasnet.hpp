#ifndef NETCOUNT_ZOO_MNASNET_HPP
#define NETCOUNT_ZOO_MNASNET_HPP

#include <netcount/detail/config.hpp> // first: below C++20, its error comes first

#include <cstddef>
#include <cstdint>
#include <type_traits>

#include <netcount/detail/checked.hpp>
#include <netcount/netcount.hpp>

NETCOUNT_DIAGNOSTICS_PUSH
namespace netcount::zoo {

// MnasNet as Tan, Chen, Pang, Vasudevan, Sandler, Howard and Le describe it in "MnasNet:
// Platform-Aware Neural Architecture Search for Mobile" (2019), in torchvision's form
// (models.mnasnet0_5 ... mnasnet1_3), which torchvision calls the B1 variant: no
// squeeze-and-excitation, ReLU throughout. After a 3 x 3 convolution at stride 2 and a
// depthwise-separable convolution ("SepConv"), six stacks of MBConv blocks: inverted
// residuals as in MobileNetV2 (a 1 x 1 expansion by 3 or 6, a depthwise convolution of 3 x 3
// or 5 x 5 that carries the stride, a linear 1 x 1 projection; the input added where the
// block keeps the shape), then a 1 x 1 convolution to 1280 channels, a global average pool
// and the classifier. Every convolution is followed by a batch norm and has no bias.
//
// The depth multiplier alpha scales the widths of mnasnet1_0 (32, 16, 24, 40, 80, 96, 192,
// 320) and rounds them as torchvision's _round_to_multiple_of does: to the nearest multiple
// of 8, raised by 8 where that would lose more than 10% (and at least 8). The 1280 channels
// before the classifier are not scaled.
//
// Names: the stacks are "stack1" ... "stack6" (torchvision's _stack; its modules are layers.8
// ... layers.13). As in MobileNetV2 here, a stack's first block, which changes the width or
// the size, has no shortcut and its layers sit in the stack itself
// ("stack2/depthwise_conv1"); the blocks after it are "residual1", "residual2", ...
// ("stack2/residual1/depthwise_conv1").

// torchvision's _round_to_multiple_of(Depth * alpha, 8) with alpha = Num / Den, in exact
// integer arithmetic where torchvision uses floats: floor(Depth * alpha + 4) down to a
// multiple of 8, at least 8, plus 8 if the result is below 0.9 * Depth * alpha. For the four
// multipliers the widths equal torchvision's (tests/static/zoo_mnasnet.cpp). A width that
// does not fit in 64 bits comes out 0, which its convolution rejects (zero filters).
constexpr std::uint64_t mnasnet_round(std::uint64_t depth, std::uint64_t num, std::uint64_t den) noexcept {
    bool overflow = den == 0;
    const std::uint64_t scaled = detail::mul(depth, num, overflow); // Depth * alpha * den
    const std::uint64_t half = detail::mul(4, den, overflow);
    if (overflow) return 0;
    std::uint64_t rounded = detail::add(scaled, half, overflow) / den / 8 * 8; // int(val + 8 / 2) // 8 * 8
    if (rounded < 8) rounded = 8;
    const bool close_enough =
        detail::mul(detail::mul(10, rounded, overflow), den, overflow) >= detail::mul(9, scaled, overflow);
    const std::uint64_t result = close_enough ? rounded : detail::add(rounded, 8, overflow);
    return overflow ? 0 : result;
}

// A convolution and its batch norm.
template<std::size_t Filters, std::size_t Kernel, std::size_t Stride = 1>
using mnasnet_conv_bn = sequence<conv<Filters, kernel<Kernel>, stride<Stride>, pad<Kernel / 2>, no_bias>, batch_norm>;

// An MBConv block's layers: 1 x 1 to Expansion * In channels, depthwise Kernel x Kernel with
// the stride, 1 x 1 to Out without ReLU (torchvision's _InvertedResidual).
template<std::size_t In, std::size_t Out, std::size_t Kernel, std::size_t Stride, std::size_t Expansion>
using mnasnet_mbconv = sequence<mnasnet_conv_bn<Expansion * In, 1>, relu,
                                depthwise_conv<kernel<Kernel>, stride<Stride>, pad<Kernel / 2>, no_bias>, batch_norm,
                                relu, mnasnet_conv_bn<Out, 1>>;

// The block, plus its input when both have the same shape.
template<std::size_t In, std::size_t Out, std::size_t Kernel, std::size_t Stride, std::size_t Expansion>
using mnasnet_block =
    std::conditional_t<Stride == 1 && In == Out, residual<mnasnet_mbconv<In, Out, Kernel, Stride, Expansion>>,
                       mnasnet_mbconv<In, Out, Kernel, Stride, Expansion>>;

// A stack read from In channels: Repeats blocks of Out channels, the first with the stride.
template<fixed_string Name, std::size_t In, std::size_t Out, std::size_t Kernel, std::size_t Stride,
         std::size_t Expansion, std::size_t Repeats>
using mnasnet_stack = sequence<name<Name>, mnasnet_block<In, Out, Kernel, Stride, Expansion>,
                               repeat<Repeats - 1, mnasnet_block<Out, Out, Kernel, 1, Expansion>>>;

// mnasnet_network<Num, Den>: depth multiplier alpha = Num / Den.
template<std::size_t Num, std::size_t Den, std::size_t D0 = mnasnet_round(32, Num, Den),
         std::size_t D1 = mnasnet_round(16, Num, Den), std::size_t D2 = mnasnet_round(24, Num, Den),
         std::size_t D3 = mnasnet_round(40, Num, Den), std::size_t D4 = mnasnet_round(80, Num, Den),
         std::size_t D5 = mnasnet_round(96, Num, Den), std::size_t D6 = mnasnet_round(192, Num, Den),
         std::size_t D7 = mnasnet_round(320, Num, Den)>
using mnasnet_network = network<input<224, 224, 3>, mnasnet_conv_bn<D0, 3, 2>, relu,
                                // SepConv (k3x3): depthwise, then 1 x 1 to D1, without ReLU.
                                depthwise_conv<kernel<3>, pad<1>, no_bias>, batch_norm, relu, mnasnet_conv_bn<D1, 1>,
                                //            name      in  out  k  s  expansion repeats
                                mnasnet_stack<"stack1", D1, D2, 3, 2, 3, 3>, // MBConv3 (k3x3) x 3
                                mnasnet_stack<"stack2", D2, D3, 5, 2, 3, 3>, // MBConv3 (k5x5) x 3
                                mnasnet_stack<"stack3", D3, D4, 5, 2, 6, 3>, // MBConv6 (k5x5) x 3
                                mnasnet_stack<"stack4", D4, D5, 3, 1, 6, 2>, // MBConv6 (k3x3) x 2
                                mnasnet_stack<"stack5", D5, D6, 5, 2, 6, 4>, // MBConv6 (k5x5) x 4
                                mnasnet_stack<"stack6", D6, D7, 3, 1, 6, 1>, // MBConv6 (k3x3) x 1
                                mnasnet_conv_bn<1280, 1>, relu, global_avg_pool, dropout, fc<1000>>;

struct mnasnet0_5 : mnasnet_network<1, 2> {};
struct mnasnet0_75 : mnasnet_network<3, 4> {};
struct mnasnet1_0 : mnasnet_network<1, 1> {};
struct mnasnet1_3 : mnasnet_network<13, 10> {};

} // namespace netcount::zoo

NETCOUNT_DIAGNOSTICS_POP

#endif
