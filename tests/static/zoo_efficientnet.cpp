// EfficientNet-B0 ... B7 and V2-S, -M, -L (torchvision's efficientnet_b0 ... efficientnet_v2_l, each at its
// evaluation size) against what PyTorch reports for them, layer by layer and in total:
// tests/reference/torchvision-zoo.json, measured by tools/reference/make_reference.py with
// forward hooks (PyTorch 1.13.1, torchvision 0.14.1).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <netcount/zoo/efficientnet.hpp>

#include "reference_check.hpp"
#include "reference_zoo.hpp"

namespace nc = netcount;
using nc::zoo::efficientnet_depth;
using nc::zoo::efficientnet_width;
using reference::has_figures;

static_assert(reference::first_mismatch<nc::zoo::efficientnet_b0>(reference_zoo::efficientnet_b0) ==
              reference::all_match);
static_assert(reference::totals_match<nc::zoo::efficientnet_b0>(reference_zoo::efficientnet_b0));
static_assert(reference::first_mismatch<nc::zoo::efficientnet_b1>(reference_zoo::efficientnet_b1) ==
              reference::all_match);
static_assert(reference::totals_match<nc::zoo::efficientnet_b1>(reference_zoo::efficientnet_b1));
static_assert(reference::first_mismatch<nc::zoo::efficientnet_b2>(reference_zoo::efficientnet_b2) ==
              reference::all_match);
static_assert(reference::totals_match<nc::zoo::efficientnet_b2>(reference_zoo::efficientnet_b2));
static_assert(reference::first_mismatch<nc::zoo::efficientnet_b3>(reference_zoo::efficientnet_b3) ==
              reference::all_match);
static_assert(reference::totals_match<nc::zoo::efficientnet_b3>(reference_zoo::efficientnet_b3));
static_assert(reference::first_mismatch<nc::zoo::efficientnet_b4>(reference_zoo::efficientnet_b4) ==
              reference::all_match);
static_assert(reference::totals_match<nc::zoo::efficientnet_b4>(reference_zoo::efficientnet_b4));
static_assert(reference::first_mismatch<nc::zoo::efficientnet_b5>(reference_zoo::efficientnet_b5) ==
              reference::all_match);
static_assert(reference::totals_match<nc::zoo::efficientnet_b5>(reference_zoo::efficientnet_b5));
static_assert(reference::first_mismatch<nc::zoo::efficientnet_b6>(reference_zoo::efficientnet_b6) ==
              reference::all_match);
static_assert(reference::totals_match<nc::zoo::efficientnet_b6>(reference_zoo::efficientnet_b6));
static_assert(reference::first_mismatch<nc::zoo::efficientnet_b7>(reference_zoo::efficientnet_b7) ==
              reference::all_match);
static_assert(reference::totals_match<nc::zoo::efficientnet_b7>(reference_zoo::efficientnet_b7));

// The widths (stem, then the outputs of stages 1 to 7) and depths (layers of stages 1 to 7)
// for each (w, d), as torchvision 0.14 computes them (_make_divisible(c * w, 8) and
// int(math.ceil(n * d)), run for the eight models):
//   B0 (1.0, 1.0): 32, 16, 24, 40,  80, 112, 192, 320;  1, 2, 2,  3,  3,  4, 1
//   B1 (1.0, 1.1): 32, 16, 24, 40,  80, 112, 192, 320;  2, 3, 3,  4,  4,  5, 2
//   B2 (1.1, 1.2): 32, 16, 24, 48,  88, 120, 208, 352;  2, 3, 3,  4,  4,  5, 2
//   B3 (1.2, 1.4): 40, 24, 32, 48,  96, 136, 232, 384;  2, 3, 3,  5,  5,  6, 2
//   B4 (1.4, 1.8): 48, 24, 32, 56, 112, 160, 272, 448;  2, 4, 4,  6,  6,  8, 2
//   B5 (1.6, 2.2): 48, 24, 40, 64, 128, 176, 304, 512;  3, 5, 5,  7,  7,  9, 3
//   B6 (1.8, 2.6): 56, 32, 40, 72, 144, 200, 344, 576;  3, 6, 6,  8,  8, 11, 3
//   B7 (2.0, 3.1): 64, 32, 48, 80, 160, 224, 384, 640;  4, 7, 7, 10, 10, 13, 4
// E.g. 40 * 1.1 = 44 rounds half up to 48; 24 * 1.2 = 28.8 to 32; 16 * 1.4 = 22.4 to 24;
// 4 * 1.1 = 4.4 layers to 5; 1 * 3.1 to 4.
constexpr bool scaled(std::size_t w, std::size_t d, const std::size_t (&widths)[8], const std::size_t (&depths)[7]) {
    constexpr std::size_t base_widths[8] = {32, 16, 24, 40, 80, 112, 192, 320};
    constexpr std::size_t base_depths[7] = {1, 2, 2, 3, 3, 4, 1};
    for (std::size_t i = 0; i < 8; ++i)
        if (efficientnet_width(base_widths[i], w, 10) != widths[i]) return false;
    for (std::size_t i = 0; i < 7; ++i)
        if (efficientnet_depth(base_depths[i], d, 10) != depths[i]) return false;
    return true;
}
static_assert(scaled(10, 10, {32, 16, 24, 40, 80, 112, 192, 320}, {1, 2, 2, 3, 3, 4, 1}));
static_assert(scaled(10, 11, {32, 16, 24, 40, 80, 112, 192, 320}, {2, 3, 3, 4, 4, 5, 2}));
static_assert(scaled(11, 12, {32, 16, 24, 48, 88, 120, 208, 352}, {2, 3, 3, 4, 4, 5, 2}));
static_assert(scaled(12, 14, {40, 24, 32, 48, 96, 136, 232, 384}, {2, 3, 3, 5, 5, 6, 2}));
static_assert(scaled(14, 18, {48, 24, 32, 56, 112, 160, 272, 448}, {2, 4, 4, 6, 6, 8, 2}));
static_assert(scaled(16, 22, {48, 24, 40, 64, 128, 176, 304, 512}, {3, 5, 5, 7, 7, 9, 3}));
static_assert(scaled(18, 26, {56, 32, 40, 72, 144, 200, 344, 576}, {3, 6, 6, 8, 8, 11, 3}));
static_assert(scaled(20, 31, {64, 32, 48, 80, 160, 224, 384, 640}, {4, 7, 7, 10, 10, 13, 4}));
// A width or depth past 64 bits is 0, never a wrapped number.
static_assert(efficientnet_width(32, std::uint64_t{1} << 63, 1) == 0);
static_assert(efficientnet_width(32, 1, 0) == 0);
static_assert(efficientnet_depth(4, std::uint64_t{1} << 63, 1) == 0);

// EfficientNet-B0 by hand. The stem: 3 x 3 x 3 x 32 = 864 weights at 112 x 112 (12,544
// positions), 10,838,016 multiply-accumulates. Stage 1 (MBConv1, no expansion): depthwise
// 3 x 3 x 32 = 288 weights, 3,612,672; its gate squeezes 32 channels to 32 / 4 = 8 and back,
// 256 weights and 8 biases, then 256 weights and 32 biases, once each; the projection
// 32 -> 16, 512 weights, 6,422,528.
static_assert(has_figures(nc::layer<nc::zoo::efficientnet_b0, "conv1">, {{112, 112, 32}, 401'408, 864, 0, 10'838'016}));
static_assert(has_figures(nc::layer<nc::zoo::efficientnet_b0, "stage1/depthwise_conv1">,
                          {{112, 112, 32}, 401'408, 288, 0, 3'612'672}));
static_assert(has_figures(nc::layer<nc::zoo::efficientnet_b0, "stage1/squeeze_excitation1/fc1">,
                          {{1, 1, 8}, 8, 256, 8, 256}));
static_assert(has_figures(nc::layer<nc::zoo::efficientnet_b0, "stage1/squeeze_excitation1/fc2">,
                          {{1, 1, 32}, 32, 256, 32, 256}));
static_assert(has_figures(nc::layer<nc::zoo::efficientnet_b0, "stage1/conv1">,
                          {{112, 112, 16}, 200'704, 512, 0, 6'422'528}));
// Stage 2's first block expands 16 to 96 (1,536 weights at 112 x 112), strides to 56 x 56 in
// the depthwise convolution (864 weights, 2,709,504), and squeezes to 16 / 4 = 4 channels,
// a quarter of the block's input, not of the 96 expanded ones: 96 * 4 = 384 weights.
static_assert(has_figures(nc::layer<nc::zoo::efficientnet_b0, "stage2/conv1">,
                          {{112, 112, 96}, 1'204'224, 1'536, 0, 19'267'584}));
static_assert(has_figures(nc::layer<nc::zoo::efficientnet_b0, "stage2/depthwise_conv1">,
                          {{56, 56, 96}, 301'056, 864, 0, 2'709'504}));
static_assert(has_figures(nc::layer<nc::zoo::efficientnet_b0, "stage2/squeeze_excitation1/fc1">,
                          {{1, 1, 4}, 4, 384, 4, 384}));
// Its second block reads 24 channels: 144 expanded, squeezed to 6.
static_assert(nc::layer<nc::zoo::efficientnet_b0, "stage2/residual1/squeeze_excitation1/fc1">.output ==
              nc::shape{1, 1, 6});
// The head: 1 x 1 320 -> 1280 at 7 x 7, 409,600 weights, 20,070,400; the fc 1280 -> 1000.
static_assert(has_figures(nc::layer<nc::zoo::efficientnet_b0, "conv2">,
                          {{7, 7, 1280}, 62'720, 409'600, 0, 20'070'400}));
static_assert(has_figures(nc::layer<nc::zoo::efficientnet_b0, "classifier/fc1">,
                          {{1, 1, 1000}, 1'000, 1'280'000, 1'000, 1'280'000}));
// B7 at 600 x 600: 300, 150, 75, 38, 19 after the five strides of 2 (padded: ceil of half);
// the head 1 x 1 640 -> 2560 at 19 x 19 (361 positions): 1,638,400 weights, 591,462,400.
static_assert(has_figures(nc::layer<nc::zoo::efficientnet_b7, "conv2">,
                          {{19, 19, 2560}, 924'160, 1'638'400, 0, 591'462'400}));

// Of B0's 1 + 2 + 2 + 3 + 3 + 4 + 1 = 16 blocks, all but the first of each stage add their
// input: 0 + 1 + 1 + 2 + 2 + 3 + 0 = 9 shortcuts; every block has a gate: 16 multiplies.
constexpr std::size_t count_kind(std::string_view kind) {
    std::size_t n = 0;
    for (const nc::layer_info& l : nc::layers<nc::zoo::efficientnet_b0>) n += l.kind == kind ? 1 : 0;
    return n;
}
static_assert(count_kind("add") == 9);
static_assert(count_kind("multiply") == 16);

// Totals, from the reference. The parameters are also torchvision's "num_params" for its
// ImageNet weights (EfficientNet_B0_Weights ... EfficientNet_B7_Weights.IMAGENET1K_V1.meta).
static_assert(nc::parameters<nc::zoo::efficientnet_b0> == 5'288'548);
static_assert(nc::connections<nc::zoo::efficientnet_b0> == 385'814'752);
static_assert(nc::parameters<nc::zoo::efficientnet_b1> == 7'794'184);
static_assert(nc::connections<nc::zoo::efficientnet_b1> == 686'802'832);
static_assert(nc::parameters<nc::zoo::efficientnet_b2> == 9'109'994);
static_assert(nc::connections<nc::zoo::efficientnet_b2> == 993'561'872);
static_assert(nc::parameters<nc::zoo::efficientnet_b3> == 12'233'232);
static_assert(nc::connections<nc::zoo::efficientnet_b3> == 1'827'141'392);
static_assert(nc::parameters<nc::zoo::efficientnet_b4> == 19'341'616);
static_assert(nc::connections<nc::zoo::efficientnet_b4> == 4'393'771'024);
static_assert(nc::parameters<nc::zoo::efficientnet_b5> == 30'389'784);
static_assert(nc::connections<nc::zoo::efficientnet_b5> == 10'266'384'752);
static_assert(nc::parameters<nc::zoo::efficientnet_b6> == 43'040'704);
static_assert(nc::connections<nc::zoo::efficientnet_b6> == 19'067'593'536);
static_assert(nc::parameters<nc::zoo::efficientnet_b7> == 66'347'960);
static_assert(nc::connections<nc::zoo::efficientnet_b7> == 37'745'884'192);

// EfficientNetV2-S, -M and -L (torchvision's efficientnet_v2_s, _m, _l at 384, 480 and 480).
static_assert(reference::first_mismatch<nc::zoo::efficientnet_v2_s>(reference_zoo::efficientnet_v2_s) ==
              reference::all_match);
static_assert(reference::totals_match<nc::zoo::efficientnet_v2_s>(reference_zoo::efficientnet_v2_s));
static_assert(reference::first_mismatch<nc::zoo::efficientnet_v2_m>(reference_zoo::efficientnet_v2_m) ==
              reference::all_match);
static_assert(reference::totals_match<nc::zoo::efficientnet_v2_m>(reference_zoo::efficientnet_v2_m));
static_assert(reference::first_mismatch<nc::zoo::efficientnet_v2_l>(reference_zoo::efficientnet_v2_l) ==
              reference::all_match);
static_assert(reference::totals_match<nc::zoo::efficientnet_v2_l>(reference_zoo::efficientnet_v2_l));
// V2-S by hand: the stem 3 x 3 x 3 x 24 = 648 weights at 192 x 192 (36,864 positions),
// 23,887,872. Stage 1's Fused-MBConv with expansion 1 is one 3 x 3 convolution 24 -> 24:
// 5,184 weights, 191,102,976 multiply-accumulates. Stage 2's first block expands 24 to 96 in
// a 3 x 3 convolution at stride 2 (20,736 weights at 96 x 96, 9,216 positions: 191,102,976)
// and projects to 48 (4,608 weights, 42,467,328); no gate.
static_assert(has_figures(nc::layer<nc::zoo::efficientnet_v2_s, "conv1">,
                          {{192, 192, 24}, 884'736, 648, 0, 23'887'872}));
static_assert(has_figures(nc::layer<nc::zoo::efficientnet_v2_s, "stage1/residual1/conv1">,
                          {{192, 192, 24}, 884'736, 5'184, 0, 191'102'976}));
static_assert(has_figures(nc::layer<nc::zoo::efficientnet_v2_s, "stage2/conv1">,
                          {{96, 96, 96}, 884'736, 20'736, 0, 191'102'976}));
static_assert(has_figures(nc::layer<nc::zoo::efficientnet_v2_s, "stage2/conv2">,
                          {{96, 96, 48}, 442'368, 4'608, 0, 42'467'328}));
static_assert(nc::parameters<nc::zoo::efficientnet_v2_s> == 21'458'488);
static_assert(nc::connections<nc::zoo::efficientnet_v2_s> == 8'365'617'152);
static_assert(nc::parameters<nc::zoo::efficientnet_v2_m> == 54'139'356);
static_assert(nc::connections<nc::zoo::efficientnet_v2_m> == 24'582'460'384);
static_assert(nc::parameters<nc::zoo::efficientnet_v2_l> == 118'515'272);
static_assert(nc::connections<nc::zoo::efficientnet_v2_l> == 56'079'699'008);
