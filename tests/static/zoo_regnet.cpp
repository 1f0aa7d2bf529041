// RegNetX-400MF ... RegNetX-32GF (torchvision's regnet_x_*) against what PyTorch reports for
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

static_assert(reference::first_mismatch<nc::zoo::regnet_x_400mf>(reference_zoo::regnet_x_400mf) == reference::all_match);
static_assert(reference::totals_match<nc::zoo::regnet_x_400mf>(reference_zoo::regnet_x_400mf));
static_assert(reference::first_mismatch<nc::zoo::regnet_x_800mf>(reference_zoo::regnet_x_800mf) == reference::all_match);
static_assert(reference::totals_match<nc::zoo::regnet_x_800mf>(reference_zoo::regnet_x_800mf));
static_assert(reference::first_mismatch<nc::zoo::regnet_x_1_6gf>(reference_zoo::regnet_x_1_6gf) == reference::all_match);
static_assert(reference::totals_match<nc::zoo::regnet_x_1_6gf>(reference_zoo::regnet_x_1_6gf));
static_assert(reference::first_mismatch<nc::zoo::regnet_x_3_2gf>(reference_zoo::regnet_x_3_2gf) == reference::all_match);
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
