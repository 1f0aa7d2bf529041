#ifndef NETCOUNT_ZOO_INCEPTION_HPP
#define NETCOUNT_ZOO_INCEPTION_HPP

#include <netcount/detail/config.hpp> // first: below C++20, its error comes first

#include <cstddef>

#include <netcount/netcount.hpp>

NETCOUNT_DIAGNOSTICS_PUSH
namespace netcount::zoo {

// Inception v3 as Szegedy, Vanhoucke, Ioffe, Shlens and Wojna describe it in "Rethinking the
// Inception Architecture for Computer Vision" (2016), Table 1, in torchvision 0.14's form
// (models.inception_v3, which follows the model Google released in TensorFlow) at its
// evaluation size, 299 x 299 x 3 (its weights' crop_size). The stem of Table 1 (five
// convolutions and two max pools down to 35 x 35 x 192), three modules on the 35 x 35 grid
// (Figure 5), a grid reduction to 17 x 17 (Figure 10), four modules with factorised 7 x 7
// convolutions (Figure 6, n = 7), a second reduction to 8 x 8, two modules with expanded
// filter banks (Figure 7), a global average pool, dropout and the 1000-way classifier. Every
// convolution is torchvision's BasicConv2d: no bias, a batch norm (its eps of 0.001 changes no
// count) and a ReLU. torchvision's input transform (transform_input, off without pretrained
// weights) rescales the channels in place of a normalisation and counts nothing.
//
// Where torchvision departs from the paper's figures, it is written as torchvision has it:
// the 35 x 35 modules keep a 5 x 5 branch beside Figure 5's two stacked 3 x 3s; the reductions
// (torchvision's InceptionB and InceptionD) are Figure 10's pattern, a pooling branch beside
// strided convolution branches, with the widths of the released model.
//
// The auxiliary classifier (section 4, Figure 8) sits on the last 17 x 17 map, where torchvision
// reads it (after Mixed_6e, and only in training): an auxiliary<...> head, whose parameters
// count in the totals (torchvision's published 27,161,264 include them) and whose units,
// connections and activations do not (inference does not run it).
//
// Names are torchvision's: "Conv2d_1a_3x3" ... "Conv2d_4a_3x3", "maxpool1", "maxpool2",
// "Mixed_5b" ... "Mixed_7c" (each the concatenation of its branches), their branches
// "branch1x1", "branch5x5_1", "branch7x7dbl_3", ..., "branch_pool", each a block whose
// convolution is "conv" (torchvision's state-dict key is the same path with dots), "AuxLogits"
// with "conv0", "conv1" and "fc", and the classifier "fc":
// layer<inception_v3, "Mixed_6b/branch7x7_2/conv">. The pools torchvision calls as functions
// inside a module's forward (F.avg_pool2d, F.max_pool2d, F.adaptive_avg_pool2d) have no
// module name and keep their kind's ("Mixed_5b/avg_pool1"); so do the batch norms
// ("Mixed_5b/branch1x1/batch_norm1") and ReLUs, the global pool and the dropout. Mixed_7b and
// Mixed_7c concatenate the two halves of a split branch before the module's own concatenation,
// as torchvision's forward does; those inner concatenations carry the names of the tensors
// torchvision binds them to, "branch3x3" and "branch3x3dbl".

// torchvision's BasicConv2d, as a block of its name: a convolution without bias, its batch norm
// and ReLU.
template<fixed_string Name, std::size_t Filters, class... Options>
using inception_v3_conv = sequence<name<Name>, conv<Filters, Options..., no_bias, name<"conv">>, batch_norm, relu>;

// The branch torchvision calls branch_pool in the modules that keep the grid: a 3 x 3 average
// pool at stride 1 with padding 1 (a function call in its forward), then a 1 x 1 projection.
template<std::size_t Filters>
using inception_v3_pool_branch =
    sequence<avg_pool<kernel<3>, stride<1>, pad<1>>, inception_v3_conv<"branch_pool", Filters, kernel<1>>>;

// Figure 5, the 35 x 35 modules (torchvision's InceptionA): 1 x 1; 1 x 1 then 5 x 5; 1 x 1 then
// two 3 x 3; the pool branch with PoolFeatures filters.
template<fixed_string Name, std::size_t PoolFeatures>
using inception_v3_a = concat<
    name<Name>, inception_v3_conv<"branch1x1", 64, kernel<1>>,
    sequence<inception_v3_conv<"branch5x5_1", 48, kernel<1>>, inception_v3_conv<"branch5x5_2", 64, kernel<5>, pad<2>>>,
    sequence<inception_v3_conv<"branch3x3dbl_1", 64, kernel<1>>,
             inception_v3_conv<"branch3x3dbl_2", 96, kernel<3>, pad<1>>,
             inception_v3_conv<"branch3x3dbl_3", 96, kernel<3>, pad<1>>>,
    inception_v3_pool_branch<PoolFeatures>>;

// Figure 10, 35 x 35 to 17 x 17 (torchvision's InceptionB): a strided 3 x 3; 1 x 1, 3 x 3 and a
// strided 3 x 3; a strided 3 x 3 max pool (a function call), whose 288 channels pass through.
template<fixed_string Name>
using inception_v3_b = concat<name<Name>, inception_v3_conv<"branch3x3", 384, kernel<3>, stride<2>>,
                              sequence<inception_v3_conv<"branch3x3dbl_1", 64, kernel<1>>,
                                       inception_v3_conv<"branch3x3dbl_2", 96, kernel<3>, pad<1>>,
                                       inception_v3_conv<"branch3x3dbl_3", 96, kernel<3>, stride<2>>>,
                              max_pool<kernel<3>, stride<2>>>;

// A 1 x 7 (Wide true) or 7 x 1 convolution padded to keep the 17 x 17 grid: Figure 6's
// factorisation of a 7 x 7.
template<fixed_string Name, std::size_t Filters, bool Wide>
using inception_v3_conv7 =
    inception_v3_conv<Name, Filters, kernel<Wide ? 1 : 7, Wide ? 7 : 1>, pad<Wide ? 0 : 3, Wide ? 3 : 0>>;

// Figure 6 with n = 7, the 17 x 17 modules (torchvision's InceptionC): 1 x 1; 1 x 1, 1 x 7,
// 7 x 1; 1 x 1 and two pairs of 7 x 1, 1 x 7; the pool branch. C7 is the width inside the
// factorised branches (torchvision's channels_7x7); every branch ends with 192 channels.
template<fixed_string Name, std::size_t C7>
using inception_v3_c =
    concat<name<Name>, inception_v3_conv<"branch1x1", 192, kernel<1>>,
           sequence<inception_v3_conv<"branch7x7_1", C7, kernel<1>>, inception_v3_conv7<"branch7x7_2", C7, true>,
                    inception_v3_conv7<"branch7x7_3", 192, false>>,
           sequence<inception_v3_conv<"branch7x7dbl_1", C7, kernel<1>>, inception_v3_conv7<"branch7x7dbl_2", C7, false>,
                    inception_v3_conv7<"branch7x7dbl_3", C7, true>, inception_v3_conv7<"branch7x7dbl_4", C7, false>,
                    inception_v3_conv7<"branch7x7dbl_5", 192, true>>,
           inception_v3_pool_branch<192>>;

// 17 x 17 to 8 x 8 (torchvision's InceptionD), Figure 10's pattern: 1 x 1 then a strided 3 x 3;
// 1 x 1, 1 x 7, 7 x 1 and a strided 3 x 3; a strided 3 x 3 max pool, whose 768 channels pass
// through.
template<fixed_string Name>
using inception_v3_d =
    concat<name<Name>,
           sequence<inception_v3_conv<"branch3x3_1", 192, kernel<1>>,
                    inception_v3_conv<"branch3x3_2", 320, kernel<3>, stride<2>>>,
           sequence<inception_v3_conv<"branch7x7x3_1", 192, kernel<1>>, inception_v3_conv7<"branch7x7x3_2", 192, true>,
                    inception_v3_conv7<"branch7x7x3_3", 192, false>,
                    inception_v3_conv<"branch7x7x3_4", 192, kernel<3>, stride<2>>>,
           max_pool<kernel<3>, stride<2>>>;

// Figure 7, the 8 x 8 modules with expanded filter banks (torchvision's InceptionE): 1 x 1;
// 1 x 1, then a 1 x 3 and a 3 x 1 side by side; 1 x 1, 3 x 3, then a 1 x 3 and a 3 x 1 side by
// side; the pool branch. Each pair reads one tensor and is concatenated before the module's
// concatenation, as torchvision's forward does.
template<fixed_string Name>
using inception_v3_e =
    concat<name<Name>, inception_v3_conv<"branch1x1", 320, kernel<1>>,
           sequence<inception_v3_conv<"branch3x3_1", 384, kernel<1>>,
                    concat<name<"branch3x3">, inception_v3_conv<"branch3x3_2a", 384, kernel<1, 3>, pad<0, 1>>,
                           inception_v3_conv<"branch3x3_2b", 384, kernel<3, 1>, pad<1, 0>>>>,
           sequence<inception_v3_conv<"branch3x3dbl_1", 448, kernel<1>>,
                    inception_v3_conv<"branch3x3dbl_2", 384, kernel<3>, pad<1>>,
                    concat<name<"branch3x3dbl">, inception_v3_conv<"branch3x3dbl_3a", 384, kernel<1, 3>, pad<0, 1>>,
                           inception_v3_conv<"branch3x3dbl_3b", 384, kernel<3, 1>, pad<1, 0>>>>,
           inception_v3_pool_branch<192>>;

// Figure 8, the auxiliary classifier on the last 17 x 17 map (torchvision's InceptionAux): a
// 5 x 5 average pool at stride 3 (17 x 17 to 5 x 5), a 1 x 1 convolution to 128, a 5 x 5 to
// 768 (to 1 x 1), an adaptive average pool to 1 x 1 and a classifier of 1000 with biases (fc
// reads the 1 x 1 x 768 map as it is: torchvision's flatten is a view, with nothing to count,
// as in every zoo model). Only training runs it.
using inception_v3_aux =
    auxiliary<name<"AuxLogits">, avg_pool<kernel<5>, stride<3>>, inception_v3_conv<"conv0", 128, kernel<1>>,
              inception_v3_conv<"conv1", 768, kernel<5>>, adaptive_avg_pool<1, 1>, fc<1000, name<"fc">>>;

// Table 1 in torchvision's form; the comments give each map as torchvision's forward does.
struct inception_v3
    : network<input<299, 299, 3>, inception_v3_conv<"Conv2d_1a_3x3", 32, kernel<3>, stride<2>>, // 149 x 149 x 32
              inception_v3_conv<"Conv2d_2a_3x3", 32, kernel<3>>,                                // 147 x 147 x 32
              inception_v3_conv<"Conv2d_2b_3x3", 64, kernel<3>, pad<1>>,                        // 147 x 147 x 64
              max_pool<kernel<3>, stride<2>, name<"maxpool1">>,                                 // 73 x 73 x 64
              inception_v3_conv<"Conv2d_3b_1x1", 80, kernel<1>>,                                // 73 x 73 x 80
              inception_v3_conv<"Conv2d_4a_3x3", 192, kernel<3>>,                               // 71 x 71 x 192
              max_pool<kernel<3>, stride<2>, name<"maxpool2">>,                                 // 35 x 35 x 192
              //             name    pool_features
              inception_v3_a<"Mixed_5b", 32>, // 35 x 35 x 256
              inception_v3_a<"Mixed_5c", 64>, // 35 x 35 x 288
              inception_v3_a<"Mixed_5d", 64>, // 35 x 35 x 288
              inception_v3_b<"Mixed_6a">,     // 17 x 17 x 768
              //             name    channels_7x7
              inception_v3_c<"Mixed_6b", 128>, inception_v3_c<"Mixed_6c", 160>, inception_v3_c<"Mixed_6d", 160>,
              inception_v3_c<"Mixed_6e", 192>, // 17 x 17 x 768
              inception_v3_aux,                // reads Mixed_6e's output; Mixed_7a reads it too
              inception_v3_d<"Mixed_7a">,      // 8 x 8 x 1280
              inception_v3_e<"Mixed_7b">,      // 8 x 8 x 2048
              inception_v3_e<"Mixed_7c">,      // 8 x 8 x 2048
              adaptive_avg_pool<1, 1>, dropout, fc<1000, name<"fc">>> {};

} // namespace netcount::zoo

NETCOUNT_DIAGNOSTICS_POP

#endif
