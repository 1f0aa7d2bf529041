#ifndef NETCOUNT_ZOO_SHUFFLENET_HPP
#define NETCOUNT_ZOO_SHUFFLENET_HPP

#include <netcount/detail/config.hpp> // first: below C++20, its error comes first

#include <cstddef>

#include <netcount/netcount.hpp>

NETCOUNT_DIAGNOSTICS_PUSH
namespace netcount::zoo {

// ShuffleNet V2 as Ma, Zhang, Zheng and Sun describe it in "ShuffleNet V2: Practical
// Guidelines for Efficient CNN Architecture Design" (2018), Table 5, in torchvision's form
// (models.shufflenet_v2_x0_5 ... shufflenet_v2_x2_0): a 3 x 3 convolution at stride 2 and a
// max pool, three stages of units, a 1 x 1 convolution, a global average pool and the
// classifier. A stage's first unit halves the size (Figure 3(d)); the others (Figure 3(c))
// split the channels in two, pass one half through untouched and send the other through a
// 1 x 1, a 3 x 3 depthwise and a 1 x 1 convolution. Either way the two halves are
// concatenated and shuffled, so that the next unit's split mixes both. Every convolution is
// followed by a batch norm and has no bias; a depthwise convolution is not followed by a ReLU
// (Figure 3).
//
// The four models differ only in the widths of Table 5's columns 0.5x, 1x, 1.5x and 2x; every
// model has 4, 8 and 4 units in its stages (Table 5's "Repeat": 1 + 3, 1 + 7, 1 + 3).
//
// Names follow torchvision's: the first convolution is the block "conv1" and the last
// "conv5" (torchvision's Sequentials of conv, batch norm and ReLU: "conv5/conv1" is its
// convolution); the stages are "stage2" ... "stage4", whose units are "concat1", "concat2", ...
// (torchvision's stage2.0, stage2.1, ...) with paths "branch1" and "branch2", each unit's
// shuffle after it ("stage2/channel_shuffle1"). torchvision splits the channels in its forward
// (x.chunk(2, dim=1)), not in a module: here the halves are "chunk1" and "chunk2", and
// branch2 reads chunk2: layer<shufflenet_v2_x1_0, "stage3/concat2/branch2/depthwise_conv1">.

// A convolution and its batch norm, without bias; the padding keeps the size at stride 1.
template<std::size_t Filters, std::size_t Kernel = 1, std::size_t Stride = 1>
using shufflenet_conv_bn =
    sequence<conv<Filters, kernel<Kernel>, stride<Stride>, pad<Kernel / 2>, no_bias>, batch_norm>;

// The 3 x 3 depthwise convolution and its batch norm; no ReLU after it, as Figure 3 draws
// the units.
template<std::size_t Stride>
using shufflenet_depthwise_bn = sequence<depthwise_conv<kernel<3>, stride<Stride>, pad<1>, no_bias>, batch_norm>;

// The right branch of both units: 1 x 1, 3 x 3 depthwise (with the unit's stride), 1 x 1, all
// Width channels wide.
template<std::size_t Width, std::size_t Stride>
using shufflenet_branch2 = sequence<name<"branch2">, shufflenet_conv_bn<Width>, relu, shufflenet_depthwise_bn<Stride>,
                                    shufflenet_conv_bn<Width>, relu>;

// The left branch of the downsampling unit, Figure 3(d): 3 x 3 depthwise at stride 2, then
// 1 x 1 to Width channels. (The basic unit's left branch is the identity on its half.)
template<std::size_t Width>
using shufflenet_branch1 = sequence<name<"branch1">, shufflenet_depthwise_bn<2>, shufflenet_conv_bn<Width>, relu>;

// The basic unit, Figure 3(c), Out channels in and out: the channel split (half to each
// side), branch2 on the second half, the concatenation and the shuffle in 2 groups.
template<std::size_t Out>
using shufflenet_basic_unit =
    sequence<concat<chunk<0, 2>, sequence<chunk<1, 2>, shufflenet_branch2<Out / 2, 1>>>, channel_shuffle<2>>;

// The downsampling unit, Figure 3(d): no split, both branches read the whole input at stride
// 2 and each makes half of the Out channels.
template<std::size_t Out>
using shufflenet_down_unit =
    sequence<concat<shufflenet_branch1<Out / 2>, shufflenet_branch2<Out / 2, 2>>, channel_shuffle<2>>;

// A stage of Table 5: Units units of Out channels, the first one halving the size.
template<fixed_string Name, std::size_t Out, std::size_t Units>
using shufflenet_stage = sequence<name<Name>, shufflenet_down_unit<Out>, repeat<Units - 1, shufflenet_basic_unit<Out>>>;

// shufflenet_v2_network<C2, C3, C4, C5>: a column of Table 5 by its output channels (Conv1
// and MaxPool have 24 in every column).
template<std::size_t C2, std::size_t C3, std::size_t C4, std::size_t C5>
using shufflenet_v2_network = network<input<224, 224, 3>, sequence<name<"conv1">, shufflenet_conv_bn<24, 3, 2>, relu>,
                                      max_pool<kernel<3>, stride<2>, pad<1>>, shufflenet_stage<"stage2", C2, 4>,
                                      shufflenet_stage<"stage3", C3, 8>, shufflenet_stage<"stage4", C4, 4>,
                                      sequence<name<"conv5">, shufflenet_conv_bn<C5>, relu>, global_avg_pool, fc<1000>>;

//                                                      Stage2 Stage3 Stage4 Conv5
struct shufflenet_v2_x0_5 : shufflenet_v2_network<48, 96, 192, 1024> {};
struct shufflenet_v2_x1_0 : shufflenet_v2_network<116, 232, 464, 1024> {};
struct shufflenet_v2_x1_5 : shufflenet_v2_network<176, 352, 704, 1024> {};
struct shufflenet_v2_x2_0 : shufflenet_v2_network<244, 488, 976, 2048> {};

} // namespace netcount::zoo

NETCOUNT_DIAGNOSTICS_POP

#endif
