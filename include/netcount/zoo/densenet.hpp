#ifndef NETCOUNT_ZOO_DENSENET_HPP
#define NETCOUNT_ZOO_DENSENET_HPP

#include <netcount/detail/config.hpp> // first: below C++20, its error comes first

#include <cstddef>

#include <netcount/netcount.hpp>

NETCOUNT_DIAGNOSTICS_PUSH
namespace netcount::zoo {

// DenseNet as Huang, Liu, van der Maaten and Weinberger describe it in "Densely Connected
// Convolutional Networks" (2017), Table 1, in torchvision's form (models.densenet121, 161,
// 169 and 201): the DenseNet-BC variant, with 1 x 1 bottlenecks of 4k channels in the dense layers and
// transitions that halve the channels (compression 0.5). Layers are pre-activated: batch norm
// and ReLU come before each convolution, which has no bias.
//
// Names follow torchvision's: "denseblock1" ... "denseblock4", whose dense layers are
// "concat1", "concat2", ... (torchvision's denselayer1 ...), and "transition1" ... "transition3":
// layer<densenet121, "denseblock3/concat24/conv2">.

// A dense layer: its k new feature maps, stacked after the ones it read. Chained, these
// concatenations hold every earlier layer's maps in the order torchvision concatenates them.
template<std::size_t Growth, std::size_t BottleneckFactor = 4>
using dense_layer = concat<identity, sequence<batch_norm, relu, conv<BottleneckFactor * Growth, kernel<1>, no_bias>,
                                              batch_norm, relu, conv<Growth, kernel<3>, pad<1>, no_bias>>>;

template<fixed_string Name, std::size_t Layers, std::size_t Growth>
using dense_block = sequence<name<Name>, repeat<Layers, dense_layer<Growth>>>;

// A transition: a 1 x 1 convolution to Filters channels and a 2 x 2 average pool.
template<fixed_string Name, std::size_t Filters>
using transition =
    sequence<name<Name>, batch_norm, relu, conv<Filters, kernel<1>, no_bias>, avg_pool<kernel<2>, stride<2>>>;

// The channels a dense block hands on: what it reads plus Growth per layer.
template<std::size_t In, std::size_t Layers, std::size_t Growth>
inline constexpr std::size_t dense_block_output = In + Layers* Growth;

// densenet_network<k, Init, L1, L2, L3, L4>: growth rate k, Init filters in the first
// convolution, and the dense layers of the four blocks. The transitions' widths follow: a
// block adds k channels per layer, a transition halves them.
template<std::size_t Growth, std::size_t Init, std::size_t L1, std::size_t L2, std::size_t L3, std::size_t L4,
         std::size_t T1 = dense_block_output<Init, L1, Growth> / 2,
         std::size_t T2 = dense_block_output<T1, L2, Growth> / 2,
         std::size_t T3 = dense_block_output<T2, L3, Growth> / 2>
using densenet_network =
    network<input<224, 224, 3>, conv<Init, kernel<7>, stride<2>, pad<3>, no_bias>, batch_norm, relu,
            max_pool<kernel<3>, stride<2>, pad<1>>, dense_block<"denseblock1", L1, Growth>,
            transition<"transition1", T1>, dense_block<"denseblock2", L2, Growth>, transition<"transition2", T2>,
            dense_block<"denseblock3", L3, Growth>, transition<"transition3", T3>,
            dense_block<"denseblock4", L4, Growth>, batch_norm, relu, global_avg_pool, fc<1000>>;

// The columns of Table 1, k = 32 and 2k = 64 filters in the first convolution.
struct densenet121 : densenet_network<32, 64, 6, 12, 24, 16> {};
struct densenet169 : densenet_network<32, 64, 6, 12, 32, 32> {};
struct densenet201 : densenet_network<32, 64, 6, 12, 48, 32> {};
// DenseNet-161 is no column of Table 1: the authors' wider ImageNet model, which torchvision
// took, with k = 48, 2k = 96 filters in the first convolution and blocks of 6, 12, 36 and 24.
struct densenet161 : densenet_network<48, 96, 6, 12, 36, 24> {};

} // namespace netcount::zoo

NETCOUNT_DIAGNOSTICS_POP

#endif
