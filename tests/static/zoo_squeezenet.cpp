// SqueezeNet 1.0 and 1.1 (torchvision's) against what PyTorch reports for them, layer by layer
// and in total: tests/reference/torchvision-zoo.json, measured by
// tools/reference/make_reference.py with forward hooks (PyTorch 1.13.1, torchvision 0.14.1).
#include <netcount/zoo/squeezenet.hpp>

#include "reference_check.hpp"
#include "reference_zoo.hpp"

namespace nc = netcount;
using nc::zoo::squeezenet1_0;
using nc::zoo::squeezenet1_1;
using reference::figures;
using reference::has_figures;

static_assert(reference::first_mismatch<squeezenet1_0>(reference_zoo::squeezenet1_0) == reference::all_match);
static_assert(reference::totals_match<squeezenet1_0>(reference_zoo::squeezenet1_0));
static_assert(reference::first_mismatch<squeezenet1_1>(reference_zoo::squeezenet1_1) == reference::all_match);
static_assert(reference::totals_match<squeezenet1_1>(reference_zoo::squeezenet1_1));

// First layers, by hand. 1.0: 7 x 7 x 3 x 96 = 14,112 weights and 96 biases, stride 2 and no
// padding: (224 - 7) / 2 + 1 = 109, so 109 * 109 * 96 = 1,140,576 units and
// 14,112 * 109 * 109 = 167,664,672 multiply-accumulates. 1.1: 3 x 3 x 3 x 64 = 1,728 weights,
// (224 - 3) / 2 + 1 = 111, so 788,544 units and 21,290,688 multiply-accumulates.
static_assert(has_figures(nc::layer<squeezenet1_0, "conv1">, {{109, 109, 96}, 1'140'576, 14'112, 96, 167'664'672}));
static_assert(has_figures(nc::layer<squeezenet1_1, "conv1">, {{111, 111, 64}, 788'544, 1'728, 64, 21'290'688}));

// The last layer with weights of both is conv10, 1 x 1 from 512 to 1000 channels at
// 13 x 13: 512,000 weights, 1,000 biases, 169,000 units, 512,000 * 169 = 86,528,000
// multiply-accumulates.
constexpr figures conv10{{13, 13, 1000}, 169'000, 512'000, 1'000, 86'528'000};
static_assert(has_figures(nc::layer<squeezenet1_0, "conv10">, conv10));
static_assert(has_figures(nc::layer<squeezenet1_1, "conv10">, conv10));

// fire2's 3 x 3 expand: 16 -> 64 channels at 54 x 54, 9,216 weights.
static_assert(has_figures(nc::layer<squeezenet1_0, "fire2/expand/3x3">,
                          {{54, 54, 64}, 186'624, 9'216, 64, 26'873'856}));
static_assert(nc::layer<squeezenet1_0, "fire2/expand">.output == nc::shape{54, 54, 128});
// The pools round up: after fire4, (54 - 3) / 2 = 25.5 becomes 26, so 27 positions, not 26.
static_assert(nc::layer<squeezenet1_0, "max_pool2">.output == nc::shape{27, 27, 256});

// Totals, from the reference. The parameters are also torchvision's "num_params" for its
// ImageNet weights (SqueezeNet1_0_Weights and SqueezeNet1_1_Weights.IMAGENET1K_V1.meta).
static_assert(nc::parameters<squeezenet1_0> == 1'248'424);
static_assert(nc::weights<squeezenet1_0> == 1'244'448);
static_assert(nc::biases<squeezenet1_0> == 3'976);
static_assert(nc::connections<squeezenet1_0> == 818'924'576);
static_assert(nc::units<squeezenet1_0> == 4'346'248);

static_assert(nc::parameters<squeezenet1_1> == 1'235'496);
static_assert(nc::weights<squeezenet1_1> == 1'231'552);
static_assert(nc::biases<squeezenet1_1> == 3'944);
static_assert(nc::connections<squeezenet1_1> == 349'151'936);
static_assert(nc::units<squeezenet1_1> == 2'589'352);
