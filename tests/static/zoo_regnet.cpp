// RegNetX-400MF ... RegNetX-32GF and RegNetY-400MF ... RegNetY-128GF (torchvision's regnet_x_*
// and regnet_y_*) against what PyTorch reports for
// them, layer by layer and in total: tests/reference/torchvision-zoo.json, measured by
// tools/reference/make_reference.py with forward hooks (PyTorch 1.13.1, torchvision 0.14.1).
// The reference lists a first block's projection before its main path, as torchvision runs
// them.
#include <cstddef>
#include <string_view>

#include <netcount/zoo/regnet.hpp>

#include "reference_check.hpp"
#include "reference_zoo.hpp"

namespace nc = netcount;
using reference::figures;
using reference::has_figures;

static_assert(reference::first_mismatch<nc::zoo::regnet_x_400mf>(reference_zoo::regnet_x_400mf) ==
              reference::all_match);
static_assert(reference::totals_match<nc::zoo::regnet_x_400mf>(reference_zoo::regnet_x_400mf));
static_assert(reference::first_mismatch<nc::zoo::regnet_x_800mf>(reference_zoo::regnet_x_800mf) ==
              reference::all_match);
static_assert(reference::totals_match<nc::zoo::regnet_x_800mf>(reference_zoo::regnet_x_800mf));
static_assert(reference::first_mismatch<nc::zoo::regnet_x_1_6gf>(reference_zoo::regnet_x_1_6gf) ==
              reference::all_match);
static_assert(reference::totals_match<nc::zoo::regnet_x_1_6gf>(reference_zoo::regnet_x_1_6gf));
static_assert(reference::first_mismatch<nc::zoo::regnet_x_3_2gf>(reference_zoo::regnet_x_3_2gf) ==
              reference::all_match);
static_assert(reference::totals_match<nc::zoo::regnet_x_3_2gf>(reference_zoo::regnet_x_3_2gf));
static_assert(reference::first_mismatch<nc::zoo::regnet_x_8gf>(reference_zoo::regnet_x_8gf) == reference::all_match);
static_assert(reference::totals_match<nc::zoo::regnet_x_8gf>(reference_zoo::regnet_x_8gf));
static_assert(reference::first_mismatch<nc::zoo::regnet_x_16gf>(reference_zoo::regnet_x_16gf) == reference::all_match);
static_assert(reference::totals_match<nc::zoo::regnet_x_16gf>(reference_zoo::regnet_x_16gf));
static_assert(reference::first_mismatch<nc::zoo::regnet_x_32gf>(reference_zoo::regnet_x_32gf) == reference::all_match);
static_assert(reference::totals_match<nc::zoo::regnet_x_32gf>(reference_zoo::regnet_x_32gf));

// The stem of every RegNet, by hand: 3 x 3 x 3 x 32 = 864 weights, no bias; stride 2 and
// padding 1 give 112 x 112, so 401,408 units and 864 * 12,544 = 10,838,016
// multiply-accumulates.
constexpr figures stem{{112, 112, 32}, 401'408, 864, 0, 10'838'016};
static_assert(has_figures(nc::layer<nc::zoo::regnet_x_400mf, "stem/conv1">, stem));
static_assert(has_figures(nc::layer<nc::zoo::regnet_x_32gf, "stem/conv1">, stem));

// RegNetX-400MF's first block, at 56 x 56 (3,136 positions): the projection 1 x 1, 32 -> 32
// at stride 2 has 1,024 weights and 3,211,264 multiply-accumulates; the 3 x 3 is 32 wide in
// groups of 16, so 2 groups: 3 * 3 * 16 * 32 = 4,608 weights, 14,450,688 multiply-accumulates.
static_assert(has_figures(nc::layer<nc::zoo::regnet_x_400mf, "block1/add1/proj/conv1">,
                          {{56, 56, 32}, 100'352, 1'024, 0, 3'211'264}));
static_assert(has_figures(nc::layer<nc::zoo::regnet_x_400mf, "block1/add1/conv2">,
                          {{56, 56, 32}, 100'352, 4'608, 0, 14'450'688}));
// Its head: 400 channels, 7 x 7, pooled; fc 400 -> 1000.
static_assert(nc::layer<nc::zoo::regnet_x_400mf, "block4/add12">.output == nc::shape{7, 7, 400});
static_assert(has_figures(nc::layer<nc::zoo::regnet_x_400mf, "fc1">, {{1, 1, 1000}, 1'000, 400'000, 1'000, 400'000}));

// It has d = 22 blocks (1 + 2 + 7 + 12), each an add, and one projection per stage.
constexpr std::size_t count_kind(std::string_view kind) {
    std::size_t n = 0;
    for (const nc::layer_info& l : nc::layers<nc::zoo::regnet_x_400mf>) n += l.kind == kind ? 1 : 0;
    return n;
}
static_assert(count_kind("add") == 22);
// 22 blocks of 3 convolutions, 4 projections and the stem.
static_assert(count_kind("conv") == 22 * 3 + 4 + 1);

// RegNetX-8GF: g = 120, but its first stage is 80 wide, so one group of 80 there:
// 3 * 3 * 80 * 80 = 57,600 weights at 56 x 56, 180,633,600 multiply-accumulates. Its second
// stage, 240 wide, has 2 groups of 120: 3 * 3 * 120 * 240 = 259,200 weights at 28 x 28 (784
// positions), 203,212,800 multiply-accumulates.
static_assert(has_figures(nc::layer<nc::zoo::regnet_x_8gf, "block1/add1/conv2">,
                          {{56, 56, 80}, 250'880, 57'600, 0, 180'633'600}));
static_assert(has_figures(nc::layer<nc::zoo::regnet_x_8gf, "block2/add1/conv2">,
                          {{28, 28, 240}, 188'160, 259'200, 0, 203'212'800}));

// Totals, from the reference. The parameters are also torchvision's "num_params" for its
// ImageNet weights (RegNet_X_400MF_Weights ... RegNet_X_32GF_Weights.IMAGENET1K_V1.meta).
static_assert(nc::parameters<nc::zoo::regnet_x_400mf> == 5'495'976);
static_assert(nc::weights<nc::zoo::regnet_x_400mf> == 5'457'120);
static_assert(nc::biases<nc::zoo::regnet_x_400mf> == 1'000);
static_assert(nc::connections<nc::zoo::regnet_x_400mf> == 413'812'608);
static_assert(nc::units<nc::zoo::regnet_x_400mf> == 3'174'632);

static_assert(nc::parameters<nc::zoo::regnet_x_800mf> == 7'259'656);
static_assert(nc::weights<nc::zoo::regnet_x_800mf> == 7'221'344);
static_assert(nc::biases<nc::zoo::regnet_x_800mf> == 1'000);
static_assert(nc::connections<nc::zoo::regnet_x_800mf> == 799'699'712);
static_assert(nc::units<nc::zoo::regnet_x_800mf> == 5'148'744);

static_assert(nc::parameters<nc::zoo::regnet_x_1_6gf> == 9'190'136);
static_assert(nc::weights<nc::zoo::regnet_x_1_6gf> == 9'145'632);
static_assert(nc::biases<nc::zoo::regnet_x_1_6gf> == 1'000);
static_assert(nc::connections<nc::zoo::regnet_x_1_6gf> == 1'602'849'792);
static_assert(nc::units<nc::zoo::regnet_x_1_6gf> == 7'933'512);

static_assert(nc::parameters<nc::zoo::regnet_x_3_2gf> == 15'296'552);
static_assert(nc::weights<nc::zoo::regnet_x_3_2gf> == 15'232'992);
static_assert(nc::biases<nc::zoo::regnet_x_3_2gf> == 1'000);
static_assert(nc::connections<nc::zoo::regnet_x_3_2gf> == 3'176'621'952);
static_assert(nc::units<nc::zoo::regnet_x_3_2gf> == 11'367'432);

static_assert(nc::parameters<nc::zoo::regnet_x_8gf> == 39'572'648);
static_assert(nc::weights<nc::zoo::regnet_x_8gf> == 39'481'184);
static_assert(nc::biases<nc::zoo::regnet_x_8gf> == 1'000);
static_assert(nc::connections<nc::zoo::regnet_x_8gf> == 7'995'132'416);
static_assert(nc::units<nc::zoo::regnet_x_8gf> == 14'059'688);

static_assert(nc::parameters<nc::zoo::regnet_x_16gf> == 54'278'536);
static_assert(nc::weights<nc::zoo::regnet_x_16gf> == 54'166'368);
static_assert(nc::biases<nc::zoo::regnet_x_16gf> == 1'000);
static_assert(nc::connections<nc::zoo::regnet_x_16gf> == 15'940'755'456);
static_assert(nc::units<nc::zoo::regnet_x_16gf> == 25'515'496);

static_assert(nc::parameters<nc::zoo::regnet_x_32gf> == 107'811'560);
static_assert(nc::weights<nc::zoo::regnet_x_32gf> == 107'648'544);
static_assert(nc::biases<nc::zoo::regnet_x_32gf> == 1'000);
static_assert(nc::connections<nc::zoo::regnet_x_32gf> == 31'735'929'792);
static_assert(nc::units<nc::zoo::regnet_x_32gf> == 36'302'160);

// RegNetY: every block has a squeeze-excitation, whose two 1 x 1 convolutions (fc1, fc2) the
// reference lists between the block's conv2 and conv3, as torchvision runs them.
static_assert(reference::first_mismatch<nc::zoo::regnet_y_400mf>(reference_zoo::regnet_y_400mf) ==
              reference::all_match);
static_assert(reference::totals_match<nc::zoo::regnet_y_400mf>(reference_zoo::regnet_y_400mf));
static_assert(reference::first_mismatch<nc::zoo::regnet_y_800mf>(reference_zoo::regnet_y_800mf) ==
              reference::all_match);
static_assert(reference::totals_match<nc::zoo::regnet_y_800mf>(reference_zoo::regnet_y_800mf));
static_assert(reference::first_mismatch<nc::zoo::regnet_y_1_6gf>(reference_zoo::regnet_y_1_6gf) ==
              reference::all_match);
static_assert(reference::totals_match<nc::zoo::regnet_y_1_6gf>(reference_zoo::regnet_y_1_6gf));
static_assert(reference::first_mismatch<nc::zoo::regnet_y_3_2gf>(reference_zoo::regnet_y_3_2gf) ==
              reference::all_match);
static_assert(reference::totals_match<nc::zoo::regnet_y_3_2gf>(reference_zoo::regnet_y_3_2gf));
static_assert(reference::first_mismatch<nc::zoo::regnet_y_8gf>(reference_zoo::regnet_y_8gf) == reference::all_match);
static_assert(reference::totals_match<nc::zoo::regnet_y_8gf>(reference_zoo::regnet_y_8gf));
static_assert(reference::first_mismatch<nc::zoo::regnet_y_16gf>(reference_zoo::regnet_y_16gf) == reference::all_match);
static_assert(reference::totals_match<nc::zoo::regnet_y_16gf>(reference_zoo::regnet_y_16gf));
static_assert(reference::first_mismatch<nc::zoo::regnet_y_32gf>(reference_zoo::regnet_y_32gf) == reference::all_match);
static_assert(reference::totals_match<nc::zoo::regnet_y_32gf>(reference_zoo::regnet_y_32gf));
static_assert(reference::first_mismatch<nc::zoo::regnet_y_128gf>(reference_zoo::regnet_y_128gf) ==
              reference::all_match);
static_assert(reference::totals_match<nc::zoo::regnet_y_128gf>(reference_zoo::regnet_y_128gf));

// RegNetY-400MF's first block squeezes its input, the stem's 32 channels, to 32 / 4 = 8: fc1
// is 48 -> 8 on the pooled 1 x 1 map (384 weights, 8 biases, 384 multiply-accumulates) and
// fc2 8 -> 48 (384 weights, 48 biases).
static_assert(has_figures(nc::layer<nc::zoo::regnet_y_400mf, "block1/add1/squeeze_excitation1/fc1">,
                          {{1, 1, 8}, 8, 384, 8, 384}));
static_assert(has_figures(nc::layer<nc::zoo::regnet_y_400mf, "block1/add1/squeeze_excitation1/fc2">,
                          {{1, 1, 48}, 48, 384, 48, 384}));
// The gate multiplies the 56 x 56 x 48 map channel by channel: the shape is kept.
static_assert(nc::layer<nc::zoo::regnet_y_400mf, "block1/add1/squeeze_excitation1">.output == nc::shape{56, 56, 48});
// In its second stage (104 wide, groups of 8: 13 groups) the first block's input is 48 wide,
// so it squeezes to 12 (104 * 12 = 1,248 weights), the second block's is 104 wide, so 26
// (104 * 26 = 2,704 weights). The 3 x 3 at 28 x 28 (784 positions): 3 * 3 * 8 * 104 = 7,488
// weights, 5,870,592 multiply-accumulates.
static_assert(has_figures(nc::layer<nc::zoo::regnet_y_400mf, "block2/add1/squeeze_excitation1/fc1">,
                          {{1, 1, 12}, 12, 1'248, 12, 1'248}));
static_assert(has_figures(nc::layer<nc::zoo::regnet_y_400mf, "block2/add2/squeeze_excitation1/fc1">,
                          {{1, 1, 26}, 26, 2'704, 26, 2'704}));
static_assert(has_figures(nc::layer<nc::zoo::regnet_y_400mf, "block2/add2/conv2">,
                          {{28, 28, 104}, 81'536, 7'488, 0, 5'870'592}));
// d = 16 blocks (1 + 3 + 6 + 6), each with one squeeze-excitation (a multiply) and an add.
constexpr std::size_t count_y_kind(std::string_view kind) {
    std::size_t n = 0;
    for (const nc::layer_info& l : nc::layers<nc::zoo::regnet_y_400mf>) n += l.kind == kind ? 1 : 0;
    return n;
}
static_assert(count_y_kind("add") == 16);
static_assert(count_y_kind("multiply") == 16);
// 16 blocks of 3 convolutions and 2 in the squeeze-excitation, 4 projections and the stem.
static_assert(count_y_kind("conv") == 16 * 5 + 4 + 1);

// Totals, from the reference. The parameters are also torchvision's "num_params" for its
// ImageNet weights (RegNet_Y_400MF_Weights ... RegNet_Y_128GF_Weights .meta).
static_assert(nc::parameters<nc::zoo::regnet_y_400mf> == 4'344'144);
static_assert(nc::weights<nc::zoo::regnet_y_400mf> == 4'310'784);
static_assert(nc::biases<nc::zoo::regnet_y_400mf> == 6'208);
static_assert(nc::connections<nc::zoo::regnet_y_400mf> == 401'842'848);
static_assert(nc::units<nc::zoo::regnet_y_400mf> == 3'892'496);

static_assert(nc::parameters<nc::zoo::regnet_y_800mf> == 6'432'512);
static_assert(nc::weights<nc::zoo::regnet_y_800mf> == 6'395'488);
static_assert(nc::biases<nc::zoo::regnet_y_800mf> == 6'592);
static_assert(nc::connections<nc::zoo::regnet_y_800mf> == 833'856'256);
static_assert(nc::units<nc::zoo::regnet_y_800mf> == 5'420'896);

static_assert(nc::parameters<nc::zoo::regnet_y_1_6gf> == 11'202'430);
static_assert(nc::weights<nc::zoo::regnet_y_1_6gf> == 11'138'592);
static_assert(nc::biases<nc::zoo::regnet_y_1_6gf> == 11'166);
static_assert(nc::connections<nc::zoo::regnet_y_1_6gf> == 1'612'076'160);
static_assert(nc::units<nc::zoo::regnet_y_1_6gf> == 8'044'814);

static_assert(nc::parameters<nc::zoo::regnet_y_3_2gf> == 19'436'338);
static_assert(nc::weights<nc::zoo::regnet_y_3_2gf> == 19'356'768);
static_assert(nc::biases<nc::zoo::regnet_y_3_2gf> == 13'410);
static_assert(nc::connections<nc::zoo::regnet_y_3_2gf> == 3'176'482'752);
static_assert(nc::units<nc::zoo::regnet_y_3_2gf> == 11'263'418);

static_assert(nc::parameters<nc::zoo::regnet_y_8gf> == 39'381'472);
static_assert(nc::weights<nc::zoo::regnet_y_8gf> == 39'277'920);
static_assert(nc::biases<nc::zoo::regnet_y_8gf> == 17'024);
static_assert(nc::connections<nc::zoo::regnet_y_8gf> == 8'473'070'592);
static_assert(nc::units<nc::zoo::regnet_y_8gf> == 19'725'216);

static_assert(nc::parameters<nc::zoo::regnet_y_16gf> == 83'590'140);
static_assert(nc::weights<nc::zoo::regnet_y_16gf> == 83'443'552);
static_assert(nc::biases<nc::zoo::regnet_y_16gf> == 23'772);
static_assert(nc::connections<nc::zoo::regnet_y_16gf> == 15'911'510'272);
static_assert(nc::units<nc::zoo::regnet_y_16gf> == 23'041'228);

static_assert(nc::parameters<nc::zoo::regnet_y_32gf> == 145'046'770);
static_assert(nc::weights<nc::zoo::regnet_y_32gf> == 144'857'952);
static_assert(nc::biases<nc::zoo::regnet_y_32gf> == 30'530);
static_assert(nc::connections<nc::zoo::regnet_y_32gf> == 32'279'552'832);
static_assert(nc::units<nc::zoo::regnet_y_32gf> == 30'261'570);

static_assert(nc::parameters<nc::zoo::regnet_y_128gf> == 644'812'894);
static_assert(nc::weights<nc::zoo::regnet_y_128gf> == 644'317'152);
static_assert(nc::biases<nc::zoo::regnet_y_128gf> == 80'670);
static_assert(nc::connections<nc::zoo::regnet_y_128gf> == 127'517'815'680);
static_assert(nc::units<nc::zoo::regnet_y_128gf> == 71'578'334);
