// MnasNet-0.5, -0.75, -1.0 and -1.3 (torchvision's mnasnet0_5 ... mnasnet1_3) against what
// PyTorch reports for them, layer by layer and in total: tests/reference/torchvision-zoo.json,
// measured by tools/reference/make_reference.py with forward hooks (PyTorch 1.13.1,
// torchvision 0.14.1).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <netcount/zoo/mnasnet.hpp>

#include "reference_check.hpp"
#include "reference_zoo.hpp"

namespace nc = netcount;
using nc::zoo::mnasnet_round;
using reference::has_figures;

static_assert(reference::first_mismatch<nc::zoo::mnasnet0_5>(reference_zoo::mnasnet0_5) == reference::all_match);
static_assert(reference::totals_match<nc::zoo::mnasnet0_5>(reference_zoo::mnasnet0_5));
static_assert(reference::first_mismatch<nc::zoo::mnasnet0_75>(reference_zoo::mnasnet0_75) == reference::all_match);
static_assert(reference::totals_match<nc::zoo::mnasnet0_75>(reference_zoo::mnasnet0_75));
static_assert(reference::first_mismatch<nc::zoo::mnasnet1_0>(reference_zoo::mnasnet1_0) == reference::all_match);
static_assert(reference::totals_match<nc::zoo::mnasnet1_0>(reference_zoo::mnasnet1_0));
static_assert(reference::first_mismatch<nc::zoo::mnasnet1_3>(reference_zoo::mnasnet1_3) == reference::all_match);
static_assert(reference::totals_match<nc::zoo::mnasnet1_3>(reference_zoo::mnasnet1_3));

// The widths for each alpha, as torchvision 0.14's _get_depths(alpha) returns them (run with
// alpha = 0.5, 0.75, 1.0 and 1.3):
//   0.5:  16,  8, 16, 24,  40,  48,  96, 160
//   0.75: 24, 16, 24, 32,  64,  72, 144, 240
//   1.0:  32, 16, 24, 40,  80,  96, 192, 320
//   1.3:  40, 24, 32, 56, 104, 128, 248, 416
// E.g. 16 * 0.5 = 8 stays 8 (at least 8); 40 * 0.75 = 30 rounds to 32; 24 * 1.3 = 31.2 rounds
// to 32; 80 * 1.3 = 104 is a multiple of 8; 320 * 1.3 = 416 too.
constexpr bool widths(std::size_t num, std::size_t den, const std::size_t (&expected)[8]) {
    constexpr std::size_t base[8] = {32, 16, 24, 40, 80, 96, 192, 320};
    for (std::size_t i = 0; i < 8; ++i)
        if (mnasnet_round(base[i], num, den) != expected[i]) return false;
    return true;
}
static_assert(widths(1, 2, {16, 8, 16, 24, 40, 48, 96, 160}));
static_assert(widths(3, 4, {24, 16, 24, 32, 64, 72, 144, 240}));
static_assert(widths(1, 1, {32, 16, 24, 40, 80, 96, 192, 320}));
static_assert(widths(13, 10, {40, 24, 32, 56, 104, 128, 248, 416}));
// The nearest multiple of 8, halves up, as torchvision's docstring shows: 83 -> 80 and
// 84 -> 88. Never more than 10% down: 11 -> 8 would lose 27%, so 16 (Python:
// _round_to_multiple_of(11, 8) == 16).
static_assert(mnasnet_round(83, 1, 1) == 80);
static_assert(mnasnet_round(84, 1, 1) == 88);
static_assert(mnasnet_round(11, 1, 1) == 16);
// A width past 64 bits is 0 (which the convolution rejects), never a wrapped number: 32 * 2^63
// overflows, and so does 10 * rounded * den on the way for 2^61 channels.
static_assert(mnasnet_round(32, std::uint64_t{1} << 63, 1) == 0);
static_assert(mnasnet_round(1, std::uint64_t{1} << 61, 1) == 0);
static_assert(mnasnet_round(32, 1, 0) == 0);

// The networks end with those widths: stack6 is D7 wide at 7 x 7.
static_assert(nc::layer<nc::zoo::mnasnet0_5, "stack6/conv2">.output == nc::shape{7, 7, 160});
static_assert(nc::layer<nc::zoo::mnasnet0_75, "stack6/conv2">.output == nc::shape{7, 7, 240});
static_assert(nc::layer<nc::zoo::mnasnet1_3, "stack6/conv2">.output == nc::shape{7, 7, 416});

// MnasNet-1.0 by hand. The first convolution: 3 x 3 x 3 x 32 = 864 weights at 112 x 112
// (12,544 positions), 10,838,016 multiply-accumulates. SepConv: depthwise 3 x 3 x 32 = 288
// weights, 3,612,672 multiply-accumulates; 1 x 1 32 -> 16, 512 weights, 6,422,528.
static_assert(has_figures(nc::layer<nc::zoo::mnasnet1_0, "conv1">, {{112, 112, 32}, 401'408, 864, 0, 10'838'016}));
static_assert(has_figures(nc::layer<nc::zoo::mnasnet1_0, "depthwise_conv1">,
                          {{112, 112, 32}, 401'408, 288, 0, 3'612'672}));
static_assert(has_figures(nc::layer<nc::zoo::mnasnet1_0, "conv2">, {{112, 112, 16}, 200'704, 512, 0, 6'422'528}));
// stack2 (MBConv3, 5 x 5): its first block expands 24 channels to 72 and strides from 56 x 56
// to 28 x 28 (784 positions): 5 * 5 * 72 = 1,800 weights, 1,411,200 multiply-accumulates; the
// blocks after it expand 40 to 120: 3,000 weights, 2,352,000 multiply-accumulates.
static_assert(has_figures(nc::layer<nc::zoo::mnasnet1_0, "stack2/depthwise_conv1">,
                          {{28, 28, 72}, 56'448, 1'800, 0, 1'411'200}));
static_assert(has_figures(nc::layer<nc::zoo::mnasnet1_0, "stack2/residual1/depthwise_conv1">,
                          {{28, 28, 120}, 94'080, 3'000, 0, 2'352'000}));
// The last convolution, 1 x 1 320 -> 1280 at 7 x 7: 409,600 weights, 20,070,400
// multiply-accumulates; the fc 1280 -> 1000.
static_assert(has_figures(nc::layer<nc::zoo::mnasnet1_0, "conv3">, {{7, 7, 1280}, 62'720, 409'600, 0, 20'070'400}));
static_assert(has_figures(nc::layer<nc::zoo::mnasnet1_0, "fc1">, {{1, 1, 1000}, 1'000, 1'280'000, 1'000, 1'280'000}));

// Of the 3 + 3 + 3 + 2 + 4 + 1 blocks, all but the first of each stack add their input:
// 2 + 2 + 2 + 1 + 3 + 0 = 10 shortcuts.
constexpr std::size_t shortcuts = [] {
    std::size_t n = 0;
    for (const nc::layer_info& l : nc::layers<nc::zoo::mnasnet1_0>) n += l.kind == "add" ? 1 : 0;
    return n;
}();
static_assert(shortcuts == 10);

// Totals, from the reference. The parameters are also torchvision's "num_params" for its
// ImageNet weights (MNASNet0_5_Weights ... MNASNet1_3_Weights.IMAGENET1K_V1.meta).
static_assert(nc::parameters<nc::zoo::mnasnet0_5> == 2'218'512);
static_assert(nc::weights<nc::zoo::mnasnet0_5> == 2'196'888);
static_assert(nc::biases<nc::zoo::mnasnet0_5> == 1'000);
static_assert(nc::connections<nc::zoo::mnasnet0_5> == 104'455'968);
static_assert(nc::units<nc::zoo::mnasnet0_5> == 3'066'440);

static_assert(nc::parameters<nc::zoo::mnasnet0_75> == 3'170'208);
static_assert(nc::weights<nc::zoo::mnasnet0_75> == 3'139'400);
static_assert(nc::biases<nc::zoo::mnasnet0_75> == 1'000);
static_assert(nc::connections<nc::zoo::mnasnet0_75> == 215'493'104);
static_assert(nc::units<nc::zoo::mnasnet0_75> == 4'766'152);

static_assert(nc::parameters<nc::zoo::mnasnet1_0> == 4'383'312);
static_assert(nc::weights<nc::zoo::mnasnet1_0> == 4'344'392);
static_assert(nc::biases<nc::zoo::mnasnet1_0> == 1'000);
static_assert(nc::connections<nc::zoo::mnasnet1_0> == 314'415'872);
static_assert(nc::units<nc::zoo::mnasnet1_0> == 5'457'640);

static_assert(nc::parameters<nc::zoo::mnasnet1_3> == 6'282'256);
static_assert(nc::weights<nc::zoo::mnasnet1_3> == 6'232'440);
static_assert(nc::biases<nc::zoo::mnasnet1_3> == 1'000);
static_assert(nc::connections<nc::zoo::mnasnet1_3> == 526'362'432);
static_assert(nc::units<nc::zoo::mnasnet1_3> == 7'353'352);
