#ifndef NETCOUNT_ZOO_CONVNEXT_HPP
#define NETCOUNT_ZOO_CONVNEXT_HPP

#include <netcount/detail/config.hpp> // first: below C++20, its error comes first

#include <cstddef>

#include <netcount/netcount.hpp>

NETCOUNT_DIAGNOSTICS_PUSH
namespace netcount::zoo {

// ConvNeXt as Liu, Mao, Wu, Feichtenhofer, Darrell and Xie describe it in "A ConvNet for the
// 2020s" (2022), Sections 2 and 3, in torchvision's form (models.convnext_tiny ...
// convnext_large): a "patchify" stem (Section 2.2: a 4 x 4 convolution at stride 4 and a
// layer norm), four stages of ConvNeXt blocks at 56, 28, 14 and 7 pixels, a downsampling
// layer between stages (a layer norm and a 2 x 2 convolution at stride 2), a global average
// pool and the classifier (a layer norm, then the fully connected layer, which reads the
// 1 x 1 map as it is: torchvision's nn.Flatten there is a view, with nothing to count).
//
// A block (Figure 4, right) is an inverted bottleneck of the transformer's shape: a 7 x 7
// depthwise convolution, a layer norm, a pointwise layer to 4 * C channels, GELU, a pointwise
// layer back to C, then a learned scale per channel (layer scale, one of Section 2.1's
// training techniques) and stochastic depth (the identity at inference), added to the
// block's input. The convolutions and pointwise layers have biases; there is no batch norm
// and no activation outside the blocks. torchvision runs the pointwise layers as nn.Linear on
// channels-last tensors, which is netcount's `linear`, and every norm as a layer norm over the
// channels at each position (nn.LayerNorm inside the blocks, LayerNorm2d outside), which is
// `layer_norm`.
//
// The four models differ only in the channels C = (C1, C2, C3, C4) and blocks
// B = (B1, B2, B3, B4) of their stages (Section 3): T (96, 192, 384, 768; 3, 3, 9, 3),
// S (96, 192, 384, 768; 3, 3, 27, 3), B (128, 256, 512, 1024; 3, 3, 27, 3) and
// L (192, 384, 768, 1536; 3, 3, 27, 3).
//
// Names: torchvision numbers its modules (features.0 is the stem, features.1, .3, .5 and .7
// the stages, features.2, .4 and .6 the downsampling layers); here they are "stem",
// "stage1" ... "stage4" and "downsample1" ... "downsample3", each stage's blocks "residual1",
// "residual2", ... (torchvision's features.1.0, features.1.1, ...), and torchvision's
// "classifier": layer<convnext_tiny, "stage3/residual9/linear1">.

// A ConvNeXt block of Dim channels. torchvision's CNBlock holds the layer scale as a bare
// Dim x 1 x 1 parameter (no module), which it multiplies after the second pointwise layer.
template<std::size_t Dim>
using convnext_block = residual<depthwise_conv<kernel<7>, pad<3>>, layer_norm, linear<4 * Dim>, gelu, linear<Dim>,
                                layer_scale, stochastic_depth>;

// A stage: Blocks blocks of Dim channels (shape kept).
template<fixed_string Name, std::size_t Dim, std::size_t Blocks>
using convnext_stage = sequence<name<Name>, repeat<Blocks, convnext_block<Dim>>>;

// A downsampling layer between stages: the layer norm first (Section 2.6 adds it there to keep
// training stable), then a 2 x 2 convolution at stride 2 to the next stage's width.
template<fixed_string Name, std::size_t Out>
using convnext_downsample = sequence<name<Name>, layer_norm, conv<Out, kernel<2>, stride<2>>>;

// convnext_network<C1, ..., C4, B1, ..., B4>: a variant of Section 3 by its C and B.
template<std::size_t C1, std::size_t C2, std::size_t C3, std::size_t C4, std::size_t B1, std::size_t B2, std::size_t B3,
         std::size_t B4>
using convnext_network =
    network<input<224, 224, 3>, sequence<name<"stem">, conv<C1, kernel<4>, stride<4>>, layer_norm>,
            convnext_stage<"stage1", C1, B1>, convnext_downsample<"downsample1", C2>, convnext_stage<"stage2", C2, B2>,
            convnext_downsample<"downsample2", C3>, convnext_stage<"stage3", C3, B3>,
            convnext_downsample<"downsample3", C4>, convnext_stage<"stage4", C4, B4>, global_avg_pool,
            sequence<name<"classifier">, layer_norm, fc<1000>>>;

//                                           C1    C2    C3    C4  B1 B2  B3 B4
struct convnext_tiny : convnext_network<96, 192, 384, 768, 3, 3, 9, 3> {};
struct convnext_small : convnext_network<96, 192, 384, 768, 3, 3, 27, 3> {};
struct convnext_base : convnext_network<128, 256, 512, 1024, 3, 3, 27, 3> {};
struct convnext_large : convnext_network<192, 384, 768, 1536, 3, 3, 27, 3> {};

} // namespace netcount::zoo

NETCOUNT_DIAGNOSTICS_POP

#endif
