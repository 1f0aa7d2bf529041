// ResNet-18, -34, -50, -101 and -152 (torchvision's) against what PyTorch reports for them,
// layer by layer and in total: tests/reference/torchvision-zoo.json, measured by
// tools/reference/make_reference.py with forward hooks (PyTorch 1.13.1, torchvision 0.14.1).
// The reference lists a block's projection after its main path, as torchvision runs them.
#include <netcount/zoo/resnet.hpp>

#include "reference_check.hpp"
#include "reference_zoo.hpp"

namespace nc = netcount;
using reference::figures;
using reference::has_figures;

static_assert(reference::first_mismatch<nc::zoo::resnet18>(reference_zoo::resnet18) == reference::all_match);
static_assert(reference::totals_match<nc::zoo::resnet18>(reference_zoo::resnet18));
static_assert(reference::first_mismatch<nc::zoo::resnet34>(reference_zoo::resnet34) == reference::all_match);
static_assert(reference::totals_match<nc::zoo::resnet34>(reference_zoo::resnet34));
static_assert(reference::first_mismatch<nc::zoo::resnet50>(reference_zoo::resnet50) == reference::all_match);
static_assert(reference::totals_match<nc::zoo::resnet50>(reference_zoo::resnet50));
static_assert(reference::first_mismatch<nc::zoo::resnet101>(reference_zoo::resnet101) == reference::all_match);
static_assert(reference::totals_match<nc::zoo::resnet101>(reference_zoo::resnet101));
static_assert(reference::first_mismatch<nc::zoo::resnet152>(reference_zoo::resnet152) == reference::all_match);
static_assert(reference::totals_match<nc::zoo::resnet152>(reference_zoo::resnet152));

// The first layer of every depth, by hand: 7 x 7 x 3 x 64 = 9,408 weights, no bias (a batch
// norm follows); stride 2 and padding 3 give 112 x 112, so 802,816 units and
// 9,408 * 112 * 112 = 118,013,952 multiply-accumulates.
// The last: fc 512 -> 1000 (18, 34) or 2048 -> 1000 (50, 101, 152), with 1,000 biases.
constexpr figures stem{{112, 112, 64}, 802'816, 9'408, 0, 118'013'952};
constexpr figures basic_fc{{1, 1, 1000}, 1'000, 512'000, 1'000, 512'000};
constexpr figures bottleneck_fc{{1, 1, 1000}, 1'000, 2'048'000, 1'000, 2'048'000};

static_assert(has_figures(nc::layer<nc::zoo::resnet18, "conv1">, stem));
static_assert(has_figures(nc::layer<nc::zoo::resnet18, "fc1">, basic_fc));
static_assert(has_figures(nc::layer<nc::zoo::resnet34, "conv1">, stem));
static_assert(has_figures(nc::layer<nc::zoo::resnet34, "fc1">, basic_fc));
static_assert(has_figures(nc::layer<nc::zoo::resnet50, "conv1">, stem));
static_assert(has_figures(nc::layer<nc::zoo::resnet50, "fc1">, bottleneck_fc));
static_assert(has_figures(nc::layer<nc::zoo::resnet101, "conv1">, stem));
static_assert(has_figures(nc::layer<nc::zoo::resnet101, "fc1">, bottleneck_fc));
static_assert(has_figures(nc::layer<nc::zoo::resnet152, "conv1">, stem));
static_assert(has_figures(nc::layer<nc::zoo::resnet152, "fc1">, bottleneck_fc));

// Names as torchvision's: layer2.0.downsample.0 of ResNet-50 is a 1 x 1, stride 2 projection
// from 256 to 512 channels: 131,072 weights at 28 x 28, 102,760,448 multiply-accumulates.
static_assert(has_figures(nc::layer<nc::zoo::resnet50, "layer2/add1/downsample/conv1">,
                          {{28, 28, 512}, 401'408, 131'072, 0, 102'760'448}));
// The stages hold 3, 8, 36 and 3 blocks in ResNet-152, so its last block is layer3's 36th.
static_assert(nc::layer<nc::zoo::resnet152, "layer3/add36">.output == nc::shape{14, 14, 1024});
// ResNet-18's first stage keeps 64 channels and 56 x 56: no projection.
static_assert(nc::layers<nc::zoo::resnet18>[9].name == "layer1/add1");
static_assert(nc::layers<nc::zoo::resnet18>[9].inputs[1] == 3); // the max pool's output

// Totals, from the reference. The parameters are also torchvision's "num_params" for its
// ImageNet weights (ResNet18_Weights ... ResNet152_Weights.IMAGENET1K_V1.meta).
static_assert(nc::parameters<nc::zoo::resnet18> == 11'689'512);
static_assert(nc::weights<nc::zoo::resnet18> == 11'678'912);
static_assert(nc::biases<nc::zoo::resnet18> == 1'000);
static_assert(nc::connections<nc::zoo::resnet18> == 1'814'073'344);
static_assert(nc::units<nc::zoo::resnet18> == 2'484'712);

static_assert(nc::parameters<nc::zoo::resnet34> == 21'797'672);
static_assert(nc::weights<nc::zoo::resnet34> == 21'779'648);
static_assert(nc::biases<nc::zoo::resnet34> == 1'000);
static_assert(nc::connections<nc::zoo::resnet34> == 3'663'761'408);
static_assert(nc::units<nc::zoo::resnet34> == 3'739'112);

static_assert(nc::parameters<nc::zoo::resnet50> == 25'557'032);
static_assert(nc::weights<nc::zoo::resnet50> == 25'502'912);
static_assert(nc::biases<nc::zoo::resnet50> == 1'000);
static_assert(nc::connections<nc::zoo::resnet50> == 4'089'184'256);
static_assert(nc::units<nc::zoo::resnet50> == 11'114'984);

static_assert(nc::parameters<nc::zoo::resnet101> == 44'549'160);
static_assert(nc::weights<nc::zoo::resnet101> == 44'442'816);
static_assert(nc::biases<nc::zoo::resnet101> == 1'000);
static_assert(nc::connections<nc::zoo::resnet101> == 7'801'405'440);
static_assert(nc::units<nc::zoo::resnet101> == 16'232'936);

static_assert(nc::parameters<nc::zoo::resnet152> == 60'192'808);
static_assert(nc::weights<nc::zoo::resnet152> == 60'040'384);
static_assert(nc::biases<nc::zoo::resnet152> == 1'000);
static_assert(nc::connections<nc::zoo::resnet152> == 11'513'626'624);
static_assert(nc::units<nc::zoo::resnet152> == 22'555'112);
