// VGG-11, -13, -16 and -19 with batch norm (torchvision's vgg11_bn ... vgg19_bn) against what
// PyTorch reports for them, layer by layer and in total: tests/reference/torchvision-zoo.json,
// measured by tools/reference/make_reference.py with forward hooks (PyTorch 1.13.1,
// torchvision 0.14.1).
#include <netcount/zoo/vgg.hpp>

#include "reference_check.hpp"
#include "reference_zoo.hpp"

namespace nc = netcount;
using reference::has_figures;

static_assert(reference::first_mismatch<nc::zoo::vgg11_bn>(reference_zoo::vgg11_bn) == reference::all_match);
static_assert(reference::totals_match<nc::zoo::vgg11_bn>(reference_zoo::vgg11_bn));
static_assert(reference::first_mismatch<nc::zoo::vgg13_bn>(reference_zoo::vgg13_bn) == reference::all_match);
static_assert(reference::totals_match<nc::zoo::vgg13_bn>(reference_zoo::vgg13_bn));
static_assert(reference::first_mismatch<nc::zoo::vgg16_bn>(reference_zoo::vgg16_bn) == reference::all_match);
static_assert(reference::totals_match<nc::zoo::vgg16_bn>(reference_zoo::vgg16_bn));
static_assert(reference::first_mismatch<nc::zoo::vgg19_bn>(reference_zoo::vgg19_bn) == reference::all_match);
static_assert(reference::totals_match<nc::zoo::vgg19_bn>(reference_zoo::vgg19_bn));

// The convolutions keep their biases: conv1 is VGG's, 1,728 weights and 64 biases at
// 224 x 224 (tests/static/zoo_vgg.cpp has the arithmetic); its batch norm adds a scale and a
// shift per channel, 2 * 64 = 128 parameters, and counts nothing else.
static_assert(has_figures(nc::layer<nc::zoo::vgg16_bn, "conv1">, {{224, 224, 64}, 3'211'264, 1'728, 64, 86'704'128}));
static_assert(nc::layer<nc::zoo::vgg16_bn, "batch_norm1">.parameters == 128);
static_assert(has_figures(nc::layer<nc::zoo::vgg16_bn, "batch_norm1">, {{224, 224, 64}, 0, 0, 0, 0}));
// One batch norm per convolution: 8, 10, 13 and 16 of them.
static_assert(nc::layer<nc::zoo::vgg11_bn, "batch_norm8">.output == nc::shape{14, 14, 512});
static_assert(nc::layer<nc::zoo::vgg19_bn, "batch_norm16">.output == nc::shape{14, 14, 512});

// Totals, from the reference. Only the parameters differ from the models without batch norm
// (tests/static/zoo_vgg.cpp), by 2 per channel of every convolution:
//   VGG-11: 64 + 128 + 2 * 256 + 4 * 512           = 2,752 channels, + 5,504 parameters
//   VGG-13: 2 * (64 + 128 + 256) + 4 * 512          = 2,944 channels, + 5,888
//   VGG-16: 2 * (64 + 128) + 3 * 256 + 6 * 512      = 4,224 channels, + 8,448
//   VGG-19: 2 * (64 + 128) + 4 * 256 + 8 * 512      = 5,504 channels, + 11,008
// and they are also torchvision's "num_params" for its ImageNet weights
// (VGG11_BN_Weights ... VGG19_BN_Weights.IMAGENET1K_V1.meta).
static_assert(nc::parameters<nc::zoo::vgg11_bn> == 132'863'336 + 5'504);
static_assert(nc::parameters<nc::zoo::vgg11_bn> == 132'868'840);
static_assert(nc::weights<nc::zoo::vgg11_bn> == 132'851'392);
static_assert(nc::biases<nc::zoo::vgg11_bn> == 11'944);
static_assert(nc::connections<nc::zoo::vgg11_bn> == 7'609'090'048);
static_assert(nc::units<nc::zoo::vgg11_bn> == 7'435'240);

static_assert(nc::parameters<nc::zoo::vgg13_bn> == 133'047'848 + 5'888);
static_assert(nc::parameters<nc::zoo::vgg13_bn> == 133'053'736);
static_assert(nc::weights<nc::zoo::vgg13_bn> == 133'035'712);
static_assert(nc::biases<nc::zoo::vgg13_bn> == 12'136);
static_assert(nc::connections<nc::zoo::vgg13_bn> == 11'308'466'176);
static_assert(nc::units<nc::zoo::vgg13_bn> == 12'252'136);

static_assert(nc::parameters<nc::zoo::vgg16_bn> == 138'357'544 + 8'448);
static_assert(nc::parameters<nc::zoo::vgg16_bn> == 138'365'992);
static_assert(nc::weights<nc::zoo::vgg16_bn> == 138'344'128);
static_assert(nc::biases<nc::zoo::vgg16_bn> == 13'416);
static_assert(nc::connections<nc::zoo::vgg16_bn> == 15'470'264'320);
static_assert(nc::units<nc::zoo::vgg16_bn> == 13'556'712);

static_assert(nc::parameters<nc::zoo::vgg19_bn> == 143'667'240 + 11'008);
static_assert(nc::parameters<nc::zoo::vgg19_bn> == 143'678'248);
static_assert(nc::weights<nc::zoo::vgg19_bn> == 143'652'544);
static_assert(nc::biases<nc::zoo::vgg19_bn> == 14'696);
static_assert(nc::connections<nc::zoo::vgg19_bn> == 19'632'062'464);
static_assert(nc::units<nc::zoo::vgg19_bn> == 14'861'288);
