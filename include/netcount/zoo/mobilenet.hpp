#ifndef NETCOUNT_ZOO_MOBILENET_HPP
#define NETCOUNT_ZOO_MOBILENET_HPP

#include <netcount/detail/config.hpp> // first: below C++20, its error comes first

#include <cstddef>
#include <type_traits>

#include <netcount/netcount.hpp>

namespace netcount::zoo {

// MobileNetV2 as Sandler, Howard, Zhu, Zhmoginov and Chen describe it in "MobileNetV2:
// Inverted Residuals and Linear Bottlenecks" (2018), Table 2, in torchvision's form
// (models.mobilenet_v2, width multiplier 1). Every convolution is followed by a batch norm and
// has no bias; the only bias is the classifier's.
//
// Names: the rows of Table 2 are "bottleneck1" ... "bottleneck7". A row's first block, which
// changes the width or the size, has no shortcut and its layers sit in the row itself
// ("bottleneck2/depthwise_conv1"); the blocks after it are "residual1", "residual2", ...
// ("bottleneck2/residual1/depthwise_conv1").

// A convolution, its batch norm and ReLU6: torchvision's Conv2dNormActivation.
template<std::size_t Filters, std::size_t Kernel, std::size_t Stride = 1>
using conv_bn_relu6 = sequence<conv<Filters, kernel<Kernel>, stride<Stride>, pad<Kernel / 2>, no_bias>,
                               batch_norm, relu6>;

// The bottleneck's layers (Table 1): a 1 x 1 expansion to Expansion * In channels (left out
// when Expansion is 1), a 3 x 3 depthwise convolution that carries the stride, and a linear
// 1 x 1 projection to Out channels, without ReLU.
template<std::size_t In, std::size_t Out, std::size_t Stride, std::size_t Expansion>
using inverted_bottleneck = sequence<
    std::conditional_t<Expansion == 1, sequence<>, conv_bn_relu6<Expansion * In, 1>>,
    depthwise_conv<kernel<3>, stride<Stride>, pad<1>, no_bias>, batch_norm, relu6,
    conv<Out, kernel<1>, no_bias>, batch_norm>;

// An inverted residual block: the bottleneck, plus its input when both have the same shape.
template<std::size_t In, std::size_t Out, std::size_t Stride, std::size_t Expansion>
using inverted_residual = std::conditional_t<Stride == 1 && In == Out,
                                             residual<inverted_bottleneck<In, Out, Stride, Expansion>>,
                                             inverted_bottleneck<In, Out, Stride, Expansion>>;

// A row of Table 2, "t, c, n, s", read from In channels: N blocks of expansion T and C output
// channels, the first with stride S.
template<fixed_string Name, std::size_t In, std::size_t T, std::size_t C, std::size_t N, std::size_t S>
using inverted_residual_row = sequence<name<Name>, inverted_residual<In, C, S, T>,
                                       repeat<N - 1, inverted_residual<C, C, 1, T>>>;

struct mobilenet_v2
    : network<input<224, 224, 3>,
              conv_bn_relu6<32, 3, 2>,
              //                                   in  t    c  n  s
              inverted_residual_row<"bottleneck1",  32, 1,  16, 1, 1>,
              inverted_residual_row<"bottleneck2",  16, 6,  24, 2, 2>,
              inverted_residual_row<"bottleneck3",  24, 6,  32, 3, 2>,
              inverted_residual_row<"bottleneck4",  32, 6,  64, 4, 2>,
              inverted_residual_row<"bottleneck5",  64, 6,  96, 3, 1>,
              inverted_residual_row<"bottleneck6",  96, 6, 160, 3, 2>,
              inverted_residual_row<"bottleneck7", 160, 6, 320, 1, 1>,
              conv_bn_relu6<1280, 1>,
              global_avg_pool,
              dropout,
              fc<1000>> {};

} // namespace netcount::zoo

#endif
