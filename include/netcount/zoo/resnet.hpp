#ifndef NETCOUNT_ZOO_RESNET_HPP
#define NETCOUNT_ZOO_RESNET_HPP

#include <netcount/detail/config.hpp> // first: below C++20, its error comes first

#include <cstddef>
#include <type_traits>

#include <netcount/netcount.hpp>

NETCOUNT_DIAGNOSTICS_PUSH
namespace netcount::zoo {

// ResNet as He, Zhang, Ren and Sun describe it in "Deep Residual Learning for Image
// Recognition" (2016), Table 1, in torchvision's form (models.resnet18 ... resnet152, "ResNet
// v1.5": a bottleneck strides in its 3 x 3 convolution, not in its first 1 x 1). Every
// convolution is followed by a batch norm and so has no bias. The first block of a stage
// projects its input with a strided 1 x 1 convolution (option B of the paper) whenever the
// size or the width changes; the others add their input unchanged.
//
// ResNeXt as Xie, Girshick, Dollar, Tu and He describe it in "Aggregated Residual
// Transformations for Deep Neural Networks" (2017), and Wide ResNet-50-2 and -101-2, which
// torchvision builds after Zagoruyko and Komodakis's "Wide Residual Networks" (2016), are
// the same networks with another bottleneck: its 3 x 3 convolution is wider and, in ResNeXt,
// split into groups (Figure 3(c) of the ResNeXt paper, the form torchvision implements). A
// ResNeXt "C x d" has C groups (the cardinality) of d channels each in its first stage, so
// ResNeXt-50 (32 x 4d) has 128 of them where ResNet-50 has 64 (Table 1 of the ResNeXt paper);
// the wide ResNets double ResNet's 64 without groups. Each later stage doubles the width, and
// the block's output stays ResNet's 4 * Planes.
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
using basic_block =
    residual_block<sequence<resnet_conv<Planes, 3, Stride>, batch_norm, relu, resnet_conv<Planes, 3>, batch_norm>,
                   Shortcut>;

// The 3 x 3 convolution of a bottleneck, in Groups groups (ResNeXt's cardinality): a plain
// ResNet convolution when Groups is 1. Dilated by Dilation where torchvision replaces a
// stride by dilation (replace_stride_with_dilation, the segmentation backbones of
// <netcount/zoo/segmentation.hpp>): its padding is then the dilation, as torchvision's
// conv3x3 pads, which keeps the size. Undilated, it is the classification ResNets' convolution
// type for type (tests/static/zoo_segmentation.cpp checks it).
template<std::size_t Filters, std::size_t Stride, std::size_t Groups, std::size_t Dilation = 1>
using grouped_resnet_conv3 = std::conditional_t<
    Dilation == 1,
    std::conditional_t<Groups == 1, resnet_conv<Filters, 3, Stride>,
                       conv<Filters, kernel<3>, stride<Stride>, pad<1>, groups<Groups>, no_bias>>,
    conv<Filters, kernel<3>, stride<Stride>, pad<Dilation>, dilation<Dilation>, groups<Groups>, no_bias>>;

// A bottleneck of Width inner channels: 1 x 1 down to Width, 3 x 3 in Groups groups (dilated
// by Dilation), 1 x 1 up to 4 * Planes.
template<std::size_t Planes, std::size_t Stride, class Shortcut, std::size_t Width, std::size_t Groups,
         std::size_t Dilation = 1>
using wide_bottleneck = residual_block<
    sequence<resnet_conv<Width, 1>, batch_norm, relu, grouped_resnet_conv3<Width, Stride, Groups, Dilation>, batch_norm,
             relu, resnet_conv<4 * Planes, 1>, batch_norm>,
    Shortcut>;

// The bottleneck of ResNet-50, -101 and -152: 1 x 1 down to Planes, 3 x 3, 1 x 1 up to
// 4 * Planes.
template<std::size_t Planes, std::size_t Stride = 1, class Shortcut = identity>
using bottleneck = wide_bottleneck<Planes, Stride, Shortcut, Planes, 1>;

// Which block a ResNet is built of, and how many times wider its output is than Planes.
template<template<std::size_t, std::size_t, class> class Block, std::size_t Expansion>
struct resnet_block_kind {
    template<std::size_t Planes, std::size_t Stride, class Shortcut>
    using block = Block<Planes, Stride, Shortcut>;
    static constexpr std::size_t expansion = Expansion;
};

using basic_blocks = resnet_block_kind<basic_block, 1>;
using bottleneck_blocks = resnet_block_kind<bottleneck, 4>;

// ResNeXt's and the wide ResNets' bottlenecks: Groups groups of WidthPerGroup channels for
// ResNet's 64 planes, in proportion for more (torchvision's groups and width_per_group); their
// 3 x 3 convolutions dilated by Dilation. ResNet's own bottleneck is one group of 64 per 64
// planes: wide_bottleneck_blocks<1, 64> builds the same blocks as bottleneck_blocks.
template<std::size_t Groups, std::size_t WidthPerGroup, std::size_t Dilation = 1>
struct wide_bottleneck_blocks {
    template<std::size_t Planes, std::size_t Stride, class Shortcut>
    using block = wide_bottleneck<Planes, Stride, Shortcut, Planes * WidthPerGroup / 64 * Groups, Groups, Dilation>;
    static constexpr std::size_t expansion = 4;
};

// A stage ("conv2_x" ... "conv5_x" in the paper): Blocks blocks of Planes, the first one
// striding and projecting, unless it keeps both the size and the width (the first stage of
// ResNet-18 and -34, which reads the 64 channels of the stem). The first block may be of
// another kind than the others (FirstKind): in a dilated stage it keeps the dilation of the
// stage before (see dilated_resnet_stage).
template<fixed_string Name, class Kind, std::size_t Planes, std::size_t Blocks, std::size_t Stride,
         class FirstKind = Kind>
using resnet_stage =
    sequence<name<Name>,
             typename FirstKind::template block<Planes, Stride,
                                                std::conditional_t<Stride == 1 && Kind::expansion == 1, identity,
                                                                   projection<Kind::expansion * Planes, Stride>>>,
             repeat<Blocks - 1, typename Kind::template block<Planes, 1, identity>>>;

// A stage of bottlenecks whose stride torchvision replaces by dilation (ResNet's _make_layer
// with dilate=True), which keeps the size where the classification network halves it: the
// atrous convolution of Chen et al.'s DeepLab. The stage strides 1 and its 3 x 3 convolutions
// dilate by what the stride was times the dilation before, Dilation = 2 * PreviousDilation;
// but its first block still has the dilation of the stage before (torchvision's
// previous_dilation), and it projects at stride 1 since the width changes.
template<fixed_string Name, std::size_t Planes, std::size_t Blocks, std::size_t PreviousDilation, std::size_t Dilation>
using dilated_resnet_stage = resnet_stage<Name, wide_bottleneck_blocks<1, 64, Dilation>, Planes, Blocks, 1,
                                          wide_bottleneck_blocks<1, 64, PreviousDilation>>;

// resnet_network<Kind, N2, N3, N4, N5>: a column of Table 1, by the blocks of its four stages.
template<class Kind, std::size_t N2, std::size_t N3, std::size_t N4, std::size_t N5>
using resnet_network = network<input<224, 224, 3>, resnet_conv<64, 7, 2>, batch_norm, relu,
                               max_pool<kernel<3>, stride<2>, pad<1>>, resnet_stage<"layer1", Kind, 64, N2, 1>,
                               resnet_stage<"layer2", Kind, 128, N3, 2>, resnet_stage<"layer3", Kind, 256, N4, 2>,
                               resnet_stage<"layer4", Kind, 512, N5, 2>, global_avg_pool, fc<1000>>;

struct resnet18 : resnet_network<basic_blocks, 2, 2, 2, 2> {};
struct resnet34 : resnet_network<basic_blocks, 3, 4, 6, 3> {};
struct resnet50 : resnet_network<bottleneck_blocks, 3, 4, 6, 3> {};
struct resnet101 : resnet_network<bottleneck_blocks, 3, 4, 23, 3> {};
struct resnet152 : resnet_network<bottleneck_blocks, 3, 8, 36, 3> {};

// ResNeXt-50 (32 x 4d), -101 (32 x 8d) and -101 (64 x 4d): ResNet-50's and ResNet-101's
// stages with C x d bottlenecks.
struct resnext50_32x4d : resnet_network<wide_bottleneck_blocks<32, 4>, 3, 4, 6, 3> {};
struct resnext101_32x8d : resnet_network<wide_bottleneck_blocks<32, 8>, 3, 4, 23, 3> {};
struct resnext101_64x4d : resnet_network<wide_bottleneck_blocks<64, 4>, 3, 4, 23, 3> {};

// Wide ResNet-50-2 and -101-2: ResNet-50 and -101 with bottlenecks twice as wide inside
// (2048-1024-2048 channels in the last block, where ResNet-50 has 2048-512-2048).
struct wide_resnet50_2 : resnet_network<wide_bottleneck_blocks<1, 128>, 3, 4, 6, 3> {};
struct wide_resnet101_2 : resnet_network<wide_bottleneck_blocks<1, 128>, 3, 4, 23, 3> {};

} // namespace netcount::zoo

NETCOUNT_DIAGNOSTICS_POP

#endif
