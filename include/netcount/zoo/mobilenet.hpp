#ifndef NETCOUNT_ZOO_MOBILENET_HPP
#define NETCOUNT_ZOO_MOBILENET_HPP

#include <netcount/detail/config.hpp> // first: below C++20, its error comes first

#include <cstddef>
#include <type_traits>

#include <netcount/netcount.hpp>

NETCOUNT_DIAGNOSTICS_PUSH
namespace netcount::zoo {

// MobileNet (v1) as Howard, Zhu, Chen, Kalenichenko, Wang, Weyand, Andreetto and Adam describe
// it in "MobileNets: Efficient Convolutional Neural Networks for Mobile Vision Applications"
// (2017), Table 1, width and resolution multipliers 1: a 3 x 3 convolution, thirteen depthwise
// separable convolutions (a 3 x 3 depthwise convolution and a 1 x 1 pointwise one, each
// followed by batch norm and ReLU, Figure 3), a 7 x 7 average pool and a fully connected
// layer of 1000 (the softmax is left out: it counts nothing). Table 1's second-to-last
// depthwise row reads "s2" on a 7 x 7 input that stays 7 x 7: a misprint for stride 1, as in
// every implementation. Padding 1 on every 3 x 3 layer. The 7 x 7 average pool is the whole
// feature map, as it has to be for the smaller inputs of Table 7: a global average pool.
//
// Biases: the paper's 4.2 million parameters are, to the unit, 4,231,976 (the trainable
// parameters of Keras' reference MobileNet, keras.applications.MobileNet, 1.0, 224): no bias in
// the convolutions (each is followed by batch norm, whose scale and shift are 2 per channel),
// a bias in the classifier. Its multiply-accumulates are 568,740,352 (Table 8's 569 million):
// those of the convolutions and the classifier.
//
// Names: "conv1" for the first convolution, then "block1" ... "block13", each holding
// "depthwise_conv1" and "conv1" ("block13/conv1"); the classifier is "fc1".

// A depthwise separable convolution (Figure 3, right): 3 x 3 depthwise with the stride, batch
// norm, ReLU; 1 x 1 to Filters channels, batch norm, ReLU.
template<fixed_string Name, std::size_t Filters, std::size_t Stride>
using depthwise_separable = sequence<name<Name>, depthwise_conv<kernel<3>, stride<Stride>, pad<1>, no_bias>, batch_norm,
                                     relu, conv<Filters, kernel<1>, no_bias>, batch_norm, relu>;

struct mobilenet_v1
    : network<input<224, 224, 3>, conv<32, kernel<3>, stride<2>, pad<1>, no_bias>, batch_norm, relu, // 112 x 112 x 32
              depthwise_separable<"block1", 64, 1>,                                                  // 112 x 112 x 64
              depthwise_separable<"block2", 128, 2>,                                                 // 56 x 56 x 128
              depthwise_separable<"block3", 128, 1>, depthwise_separable<"block4", 256, 2>,          // 28 x 28 x 256
              depthwise_separable<"block5", 256, 1>, depthwise_separable<"block6", 512, 2>,          // 14 x 14 x 512
              depthwise_separable<"block7", 512, 1>,                                                 // five times
              depthwise_separable<"block8", 512, 1>, depthwise_separable<"block9", 512, 1>,
              depthwise_separable<"block10", 512, 1>, depthwise_separable<"block11", 512, 1>,
              depthwise_separable<"block12", 1024, 2>, // 7 x 7 x 1024
              depthwise_separable<"block13", 1024, 1>,
              global_avg_pool, // 1 x 1 x 1024
              fc<1000>> {};

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
using conv_bn_relu6 =
    sequence<conv<Filters, kernel<Kernel>, stride<Stride>, pad<Kernel / 2>, no_bias>, batch_norm, relu6>;

// The bottleneck's layers (Table 1): a 1 x 1 expansion to Expansion * In channels (left out
// when Expansion is 1), a 3 x 3 depthwise convolution that carries the stride, and a linear
// 1 x 1 projection to Out channels, without ReLU.
template<std::size_t In, std::size_t Out, std::size_t Stride, std::size_t Expansion>
using inverted_bottleneck = sequence<std::conditional_t<Expansion == 1, sequence<>, conv_bn_relu6<Expansion * In, 1>>,
                                     depthwise_conv<kernel<3>, stride<Stride>, pad<1>, no_bias>, batch_norm, relu6,
                                     conv<Out, kernel<1>, no_bias>, batch_norm>;

// An inverted residual block: the bottleneck, plus its input when both have the same shape.
template<std::size_t In, std::size_t Out, std::size_t Stride, std::size_t Expansion>
using inverted_residual =
    std::conditional_t<Stride == 1 && In == Out, residual<inverted_bottleneck<In, Out, Stride, Expansion>>,
                       inverted_bottleneck<In, Out, Stride, Expansion>>;

// A row of Table 2, "t, c, n, s", read from In channels: N blocks of expansion T and C output
// channels, the first with stride S.
template<fixed_string Name, std::size_t In, std::size_t T, std::size_t C, std::size_t N, std::size_t S>
using inverted_residual_row =
    sequence<name<Name>, inverted_residual<In, C, S, T>, repeat<N - 1, inverted_residual<C, C, 1, T>>>;

struct mobilenet_v2
    : network<
          input<224, 224, 3>, conv_bn_relu6<32, 3, 2>,
          //                                   in  t    c  n  s
          inverted_residual_row<"bottleneck1", 32, 1, 16, 1, 1>, inverted_residual_row<"bottleneck2", 16, 6, 24, 2, 2>,
          inverted_residual_row<"bottleneck3", 24, 6, 32, 3, 2>, inverted_residual_row<"bottleneck4", 32, 6, 64, 4, 2>,
          inverted_residual_row<"bottleneck5", 64, 6, 96, 3, 1>, inverted_residual_row<"bottleneck6", 96, 6, 160, 3, 2>,
          inverted_residual_row<"bottleneck7", 160, 6, 320, 1, 1>, conv_bn_relu6<1280, 1>, global_avg_pool, dropout,
          fc<1000>> {};

} // namespace netcount::zoo

NETCOUNT_DIAGNOSTICS_POP

#endif
