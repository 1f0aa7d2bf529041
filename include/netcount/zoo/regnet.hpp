#ifndef NETCOUNT_ZOO_REGNET_HPP
#define NETCOUNT_ZOO_REGNET_HPP

#include <netcount/detail/config.hpp> // first: below C++20, its error comes first

#include <cstddef>

#include <netcount/netcount.hpp>

NETCOUNT_DIAGNOSTICS_PUSH
namespace netcount::zoo {

// RegNetX as Radosavovic, Kosaraju, Girshick, He and Dollar describe it in "Designing Network
// Design Spaces" (2020), in torchvision's form (models.regnet_x_400mf ... regnet_x_32gf): a
// stem (a 3 x 3 convolution of 32 filters at stride 2), a body of four stages and a head (a
// global average pool and the classifier), Figure 3; each stage is d_i X blocks of width w_i
// whose first block strides by 2 (Figure 4): a residual bottleneck of bottleneck ratio 1 whose
// 3 x 3 convolution is split into groups of g_i channels. A first block projects its input
// with a strided 1 x 1 convolution. Every convolution is followed by a batch norm and has no
// bias. RegNetX has no squeeze-excitation; RegNetY (Section 5) adds one to every block.
//
// A model is given by five numbers (depth d, initial width w_0, slope w_a, multiplier w_m,
// group width g), from which Section 3.3 derives the stages: block j would be
// u_j = w_0 + w_a * j wide; rounding log(u_j / w_0) / log(w_m) to an integer s_j and taking
// w_0 * w_m^s_j, rounded to a multiple of 8, quantizes the widths to a few values, and each
// value is a stage. torchvision then makes every stage width a multiple of its group width
// (torchvision's _make_divisible: the nearest multiple, raised by one step where that would
// lose more than 10%), and a group no wider than its stage. The stages below are what
// torchvision 0.14 computes (BlockParams.from_init_params); for regnet_x_400mf
// (d = 22, w_0 = 24, w_a = 24.48, w_m = 2.54, g = 16): s_j = 0, 1, 1, 2 (7 times), 3 (12 times)
// give widths 24, 64, 152 and 392 for 1, 2, 7 and 12 blocks, which groups of 16 make 32, 64,
// 160 and 400.
//
// Names follow torchvision's: the stem is "stem"; stage "block2" (torchvision's
// trunk_output.block2) holds blocks "block2/add1" ... (torchvision's block2-0 ...), whose
// convolutions are conv1, conv2 and conv3 (torchvision's f.a, f.b, f.c) and whose
// projection is "proj": layer<regnet_x_400mf, "block2/add1/proj/conv1">.

// A RegNet convolution with its batch norm: no bias, padding that keeps the size at stride 1.
template<std::size_t Filters, std::size_t Kernel, std::size_t Stride = 1, std::size_t Groups = 1>
using regnet_conv_bn =
    sequence<conv<Filters, kernel<Kernel>, stride<Stride>, pad<Kernel / 2>, groups<Groups>, no_bias>, batch_norm>;

// The projection shortcut of a stage's first block. torchvision runs it before the block's
// main path.
template<std::size_t Width, std::size_t Stride>
using regnet_projection = sequence<name<"proj">, regnet_conv_bn<Width, 1, Stride>>;

// The X block (Figure 4, bottleneck ratio 1): 1 x 1, 3 x 3 in groups of GroupWidth channels,
// 1 x 1, all Width wide, added to the shortcut, then a ReLU.
template<std::size_t Width, std::size_t Stride, std::size_t GroupWidth, class Shortcut>
using regnet_x_block = sequence<
    add<Shortcut, sequence<regnet_conv_bn<Width, 1>, relu, regnet_conv_bn<Width, 3, Stride, Width / GroupWidth>, relu,
                           regnet_conv_bn<Width, 1>>>,
    relu>;

// A stage: Depth X blocks of Width channels, the first striding by 2 and projecting.
template<fixed_string Name, std::size_t Depth, std::size_t Width, std::size_t GroupWidth>
using regnet_stage = sequence<name<Name>, regnet_x_block<Width, 2, GroupWidth, regnet_projection<Width, 2>>,
                              repeat<Depth - 1, regnet_x_block<Width, 1, GroupWidth, identity>>>;

// The Y block (Section 5, "RegNetY"): the X block with a squeeze-excitation after the grouped
// 3 x 3 convolution, as torchvision places it (f.se between f.b and f.c). Its squeeze is a
// quarter of the block's input width (se_ratio 0.25; torchvision rounds
// 0.25 * width_in, and every RegNet width is a multiple of 8, so the quarter is exact); it has
// a ReLU and a sigmoid gate, and its two 1 x 1 convolutions have biases and no batch norm.
template<std::size_t Width, std::size_t Stride, std::size_t GroupWidth, std::size_t InWidth, class Shortcut>
using regnet_y_block = sequence<
    add<Shortcut, sequence<regnet_conv_bn<Width, 1>, relu, regnet_conv_bn<Width, 3, Stride, Width / GroupWidth>, relu,
                           squeeze_excitation<Width, InWidth / 4>, regnet_conv_bn<Width, 1>>>,
    relu>;

// A Y stage: as an X stage, with Y blocks. The first block's input is the previous stage's
// width (InWidth; the stem's 32 for the first stage), the others' the stage's own, so its
// squeeze differs from theirs: regnet_y_400mf's second stage squeezes to 48 / 4 = 12 in its
// first block and to 104 / 4 = 26 in the others.
template<fixed_string Name, std::size_t Depth, std::size_t Width, std::size_t GroupWidth, std::size_t InWidth>
using regnet_y_stage = sequence<name<Name>, regnet_y_block<Width, 2, GroupWidth, InWidth, regnet_projection<Width, 2>>,
                                repeat<Depth - 1, regnet_y_block<Width, 1, GroupWidth, Width, identity>>>;

// regnet_network<Stages...>: the stem, the four stages and the head.
template<class... Stages>
using regnet_network = network<input<224, 224, 3>, sequence<name<"stem">, regnet_conv_bn<32, 3, 2>, relu>, Stages...,
                               global_avg_pool, fc<1000>>;

//                                         name    d_i  w_i  g_i
struct regnet_x_400mf : regnet_network<regnet_stage<"block1", 1, 32, 16>, regnet_stage<"block2", 2, 64, 16>,
                                       regnet_stage<"block3", 7, 160, 16>, regnet_stage<"block4", 12, 400, 16>> {};
struct regnet_x_800mf : regnet_network<regnet_stage<"block1", 1, 64, 16>, regnet_stage<"block2", 3, 128, 16>,
                                       regnet_stage<"block3", 7, 288, 16>, regnet_stage<"block4", 5, 672, 16>> {};
struct regnet_x_1_6gf : regnet_network<regnet_stage<"block1", 2, 72, 24>, regnet_stage<"block2", 4, 168, 24>,
                                       regnet_stage<"block3", 10, 408, 24>, regnet_stage<"block4", 2, 912, 24>> {};
struct regnet_x_3_2gf : regnet_network<regnet_stage<"block1", 2, 96, 48>, regnet_stage<"block2", 6, 192, 48>,
                                       regnet_stage<"block3", 15, 432, 48>, regnet_stage<"block4", 2, 1008, 48>> {};
// g = 120, but the first stage is only 80 wide: one group of 80.
struct regnet_x_8gf : regnet_network<regnet_stage<"block1", 2, 80, 80>, regnet_stage<"block2", 5, 240, 120>,
                                     regnet_stage<"block3", 15, 720, 120>, regnet_stage<"block4", 1, 1920, 120>> {};
struct regnet_x_16gf : regnet_network<regnet_stage<"block1", 2, 256, 128>, regnet_stage<"block2", 6, 512, 128>,
                                      regnet_stage<"block3", 13, 896, 128>, regnet_stage<"block4", 1, 2048, 128>> {};
struct regnet_x_32gf : regnet_network<regnet_stage<"block1", 2, 336, 168>, regnet_stage<"block2", 7, 672, 168>,
                                      regnet_stage<"block3", 13, 1344, 168>, regnet_stage<"block4", 1, 2520, 168>> {};

// RegNetY (torchvision's regnet_y_400mf ... regnet_y_128gf): the stages torchvision 0.14
// computes from each model's (d, w_0, w_a, w_m, g) as above, with se_ratio 0.25. The last
// column is each stage's input width, the previous stage's w_i (the stem's 32 for block1).
//                                         name    d_i  w_i  g_i  input
struct regnet_y_400mf
    : regnet_network<regnet_y_stage<"block1", 1, 48, 8, 32>, regnet_y_stage<"block2", 3, 104, 8, 48>,
                     regnet_y_stage<"block3", 6, 208, 8, 104>, regnet_y_stage<"block4", 6, 440, 8, 208>> {};
struct regnet_y_800mf
    : regnet_network<regnet_y_stage<"block1", 1, 64, 16, 32>, regnet_y_stage<"block2", 3, 144, 16, 64>,
                     regnet_y_stage<"block3", 8, 320, 16, 144>, regnet_y_stage<"block4", 2, 784, 16, 320>> {};
struct regnet_y_1_6gf
    : regnet_network<regnet_y_stage<"block1", 2, 48, 24, 32>, regnet_y_stage<"block2", 6, 120, 24, 48>,
                     regnet_y_stage<"block3", 17, 336, 24, 120>, regnet_y_stage<"block4", 2, 888, 24, 336>> {};
struct regnet_y_3_2gf
    : regnet_network<regnet_y_stage<"block1", 2, 72, 24, 32>, regnet_y_stage<"block2", 5, 216, 24, 72>,
                     regnet_y_stage<"block3", 13, 576, 24, 216>, regnet_y_stage<"block4", 1, 1512, 24, 576>> {};
struct regnet_y_8gf
    : regnet_network<regnet_y_stage<"block1", 2, 224, 56, 32>, regnet_y_stage<"block2", 4, 448, 56, 224>,
                     regnet_y_stage<"block3", 10, 896, 56, 448>, regnet_y_stage<"block4", 1, 2016, 56, 896>> {};
struct regnet_y_16gf
    : regnet_network<regnet_y_stage<"block1", 2, 224, 112, 32>, regnet_y_stage<"block2", 4, 448, 112, 224>,
                     regnet_y_stage<"block3", 11, 1232, 112, 448>, regnet_y_stage<"block4", 1, 3024, 112, 1232>> {};
struct regnet_y_32gf
    : regnet_network<regnet_y_stage<"block1", 2, 232, 232, 32>, regnet_y_stage<"block2", 5, 696, 232, 232>,
                     regnet_y_stage<"block3", 12, 1392, 232, 696>, regnet_y_stage<"block4", 1, 3712, 232, 1392>> {};
struct regnet_y_128gf
    : regnet_network<regnet_y_stage<"block1", 2, 528, 264, 32>, regnet_y_stage<"block2", 7, 1056, 264, 528>,
                     regnet_y_stage<"block3", 17, 2904, 264, 1056>, regnet_y_stage<"block4", 1, 7392, 264, 2904>> {};

} // namespace netcount::zoo

NETCOUNT_DIAGNOSTICS_POP

#endif
