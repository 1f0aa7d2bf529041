#ifndef NETCOUNT_ZOO_RESNET_HPP
#define NETCOUNT_ZOO_RESNET_HPP

#include <netcount/detail/config.hpp> // first: below C++20, its error comes first

#include <cstddef>
#include <type_traits>

#include <netcount/netcount.hpp>

namespace netcount::zoo {

// ResNet as He, Zhang, Ren and Sun describe it in "Deep Residual Learning for Image
// Recognition" (2016), Table 1, in torchvision's form (models.resnet18 ... resnet152, "ResNet
// v1.5": a bottleneck strides in its 3 x 3 convolution, not in its first 1 x 1). Every
// convolution is followed by a batch norm and so has no bias. The first block of a stage
// projects its input with a strided 1 x 1 convolution (option B of the paper) whenever the
// size or the width changes; the others add their input unchanged.
//
// Names follow torchvision's: stage "layer2" holds blocks "layer2/add1" ... (torchvision's
// layer2.0 ...), whose convolutions are conv1, conv2 (and conv3) and whose projection is
// "downsample": layer<resnet50, "layer2/add1/downsample/conv1">.

// A ResNet convolution: no bias, padding that keeps the size at stride 1.
template<std::size_t Filters, std::size_t Kernel, std::size_t Stride = 1>
using resnet_conv = conv<Filters, kernel<Kernel>, stride<Stride>, pad<Kernel / 2>, no_bias>;

// The projection shortcut. torchvision runs it after the block's main path.
template<std::size_t Filters, std::size_t Stride>
using projection = sequence<name<"downsample">, resnet_conv<Filters, 1, Stride>, batch_norm>;

// A block: its main path plus the shortcut, then a ReLU.
template<class MainPath, class Shortcut>
using residual_block = sequence<add<MainPath, Shortcut>, relu>;

// The building block of ResNet-18 and -34: two 3 x 3 convolutions of Planes filters.
template<std::size_t Planes, std::size_t Stride = 1, class Shortcut = identity>
using basic_block = residual_block<sequence<resnet_conv<Planes, 3, Stride>, batch_norm, relu,
                                            resnet_conv<Planes, 3>, batch_norm>,
                                   Shortcut>;

// The bottleneck of ResNet-50, -101 and -152: 1 x 1 down to Planes, 3 x 3, 1 x 1 up to
// 4 * Planes.
template<std::size_t Planes, std::size_t Stride = 1, class Shortcut = identity>
using bottleneck = residual_block<sequence<resnet_conv<Planes, 1>, batch_norm, relu,
                                           resnet_conv<Planes, 3, Stride>, batch_norm, relu,
                                           resnet_conv<4 * Planes, 1>, batch_norm>,
                                  Shortcut>;

// Which block a ResNet is built of, and how many times wider its output is than Planes.
template<template<std::size_t, std::size_t, class> class Block, std::size_t Expansion>
struct resnet_block_kind {
    template<std::size_t Planes, std::size_t Stride, class Shortcut>
    using block = Block<Planes, Stride, Shortcut>;
    static constexpr std::size_t expansion = Expansion;
};

using basic_blocks = resnet_block_kind<basic_block, 1>;
using bottleneck_blocks = resnet_block_kind<bottleneck, 4>;

// A stage ("conv2_x" ... "conv5_x" in the paper): Blocks blocks of Planes, the first one
// striding and projecting, unless it keeps both the size and the width (the first stage of
// ResNet-18 and -34, which reads the 64 channels of the stem).
template<fixed_string Name, class Kind, std::size_t Planes, std::size_t Blocks, std::size_t Stride>
using resnet_stage = sequence<
    name<Name>,
    typename Kind::template block<Planes, Stride,
                                  std::conditional_t<Stride == 1 && Kind::expansion == 1, identity,
                                                     projection<Kind::expansion * Planes, Stride>>>,
    repeat<Blocks - 1, typename Kind::template block<Planes, 1, identity>>>;

// resnet_network<Kind, N2, N3, N4, N5>: a column of Table 1, by the blocks of its four stages.
template<class Kind, std::size_t N2, std::size_t N3, std::size_t N4, std::size_t N5>
using resnet_network = network<input<224, 224, 3>,
                               resnet_conv<64, 7, 2>, batch_norm, relu,
                               max_pool<kernel<3>, stride<2>, pad<1>>,
                               resnet_stage<"layer1", Kind, 64, N2, 1>,
                               resnet_stage<"layer2", Kind, 128, N3, 2>,
                               resnet_stage<"layer3", Kind, 256, N4, 2>,
                               resnet_stage<"layer4", Kind, 512, N5, 2>,
                               global_avg_pool,
                               fc<1000>>;

struct resnet18 : resnet_network<basic_blocks, 2, 2, 2, 2> {};
struct resnet34 : resnet_network<basic_blocks, 3, 4, 6, 3> {};
struct resnet50 : resnet_network<bottleneck_blocks, 3, 4, 6, 3> {};
struct resnet101 : resnet_network<bottleneck_blocks, 3, 4, 23, 3> {};
struct resnet152 : resnet_network<bottleneck_blocks, 3, 8, 36, 3> {};

} // namespace netcount::zoo

#endif
