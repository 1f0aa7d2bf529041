// VGG-11, -13, -16 and -19 (torchvision's, without batch norm) against what PyTorch reports for
// them, layer by layer and in total: tests/reference/torchvision-zoo.json, measured by
// tools/reference/make_reference.py with forward hooks (PyTorch 1.13.1, torchvision 0.14.1).
#include <netcount/zoo/vgg.hpp>

#include "reference_check.hpp"
#include "reference_zoo.hpp"

namespace nc = netcount;
using reference::figures;
using reference::has_figures;

static_assert(reference::first_mismatch<nc::zoo::vgg11>(reference_zoo::vgg11) == reference::all_match);
static_assert(reference::totals_match<nc::zoo::vgg11>(reference_zoo::vgg11));
static_assert(reference::first_mismatch<nc::zoo::vgg13>(reference_zoo::vgg13) == reference::all_match);
static_assert(reference::totals_match<nc::zoo::vgg13>(reference_zoo::vgg13));
static_assert(reference::first_mismatch<nc::zoo::vgg16>(reference_zoo::vgg16) == reference::all_match);
static_assert(reference::totals_match<nc::zoo::vgg16>(reference_zoo::vgg16));
static_assert(reference::first_mismatch<nc::zoo::vgg19>(reference_zoo::vgg19) == reference::all_match);
static_assert(reference::totals_match<nc::zoo::vgg19>(reference_zoo::vgg19));

// The first layer of every configuration, by hand: 3 x 3 x 3 x 64 = 1,728 weights and 64
// biases; padding 1 keeps 224 x 224, so 224 * 224 * 64 = 3,211,264 units and
// 1,728 * 224 * 224 = 86,704,128 multiply-accumulates.
// The last: fc 4096 -> 1000, 4,096,000 weights and 1,000 biases.
constexpr figures vgg_first{{224, 224, 64}, 3'211'264, 1'728, 64, 86'704'128};
constexpr figures vgg_last{{1, 1, 1000}, 1'000, 4'096'000, 1'000, 4'096'000};

static_assert(has_figures(nc::layer<nc::zoo::vgg11, "conv1">, vgg_first));
static_assert(has_figures(nc::layer<nc::zoo::vgg11, "fc3">, vgg_last));
static_assert(has_figures(nc::layer<nc::zoo::vgg13, "conv1">, vgg_first));
static_assert(has_figures(nc::layer<nc::zoo::vgg13, "fc3">, vgg_last));
static_assert(has_figures(nc::layer<nc::zoo::vgg16, "conv1">, vgg_first));
static_assert(has_figures(nc::layer<nc::zoo::vgg16, "fc3">, vgg_last));
static_assert(has_figures(nc::layer<nc::zoo::vgg19, "conv1">, vgg_first));
static_assert(has_figures(nc::layer<nc::zoo::vgg19, "fc3">, vgg_last));

// 8, 10, 13 and 16 convolutions; the five pools bring 224 down to the 7 x 7 x 512 that fc1
// reads (so torchvision's adaptive pooling to 7 x 7 changes nothing).
static_assert(nc::layer<nc::zoo::vgg11, "conv8">.output == nc::shape{14, 14, 512});
static_assert(nc::layer<nc::zoo::vgg13, "conv10">.output == nc::shape{14, 14, 512});
static_assert(nc::layer<nc::zoo::vgg16, "conv13">.output == nc::shape{14, 14, 512});
static_assert(nc::layer<nc::zoo::vgg19, "conv16">.output == nc::shape{14, 14, 512});
static_assert(nc::layer<nc::zoo::vgg16, "fc1">.input == nc::shape{7, 7, 512});

// Totals, from the reference. The parameters are also torchvision's "num_params" for its
// ImageNet weights (VGG11_Weights ... VGG19_Weights.IMAGENET1K_V1.meta).
static_assert(nc::parameters<nc::zoo::vgg11> == 132'863'336);
static_assert(nc::weights<nc::zoo::vgg11> == 132'851'392);
static_assert(nc::biases<nc::zoo::vgg11> == 11'944);
static_assert(nc::connections<nc::zoo::vgg11> == 7'609'090'048);
static_assert(nc::units<nc::zoo::vgg11> == 7'435'240);

static_assert(nc::parameters<nc::zoo::vgg13> == 133'047'848);
static_assert(nc::weights<nc::zoo::vgg13> == 133'035'712);
static_assert(nc::biases<nc::zoo::vgg13> == 12'136);
static_assert(nc::connections<nc::zoo::vgg13> == 11'308'466'176);
static_assert(nc::units<nc::zoo::vgg13> == 12'252'136);

static_assert(nc::parameters<nc::zoo::vgg16> == 138'357'544);
static_assert(nc::weights<nc::zoo::vgg16> == 138'344'128);
static_assert(nc::biases<nc::zoo::vgg16> == 13'416);
static_assert(nc::connections<nc::zoo::vgg16> == 15'470'264'320);
static_assert(nc::units<nc::zoo::vgg16> == 13'556'712);

static_assert(nc::parameters<nc::zoo::vgg19> == 143'667'240);
static_assert(nc::weights<nc::zoo::vgg19> == 143'652'544);
static_assert(nc::biases<nc::zoo::vgg19> == 14'696);
static_assert(nc::connections<nc::zoo::vgg19> == 19'632'062'464);
static_assert(nc::units<nc::zoo::vgg19> == 14'861'288);
