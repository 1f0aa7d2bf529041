// DenseNet-121 (torchvision's) against what PyTorch reports for it, layer by layer and in
// total: tests/reference/torchvision-zoo.json, measured by tools/reference/make_reference.py
// with forward hooks (PyTorch 1.13.1, torchvision 0.14.1).
#include <netcount/zoo/densenet.hpp>

#include "reference_check.hpp"
#include "reference_zoo.hpp"

namespace nc = netcount;
using nc::zoo::densenet121;
using reference::has_figures;

static_assert(reference::first_mismatch<densenet121>(reference_zoo::densenet121) == reference::all_match);
static_assert(reference::totals_match<densenet121>(reference_zoo::densenet121));

// The first layer, by hand: 7 x 7 x 3 x 64 = 9,408 weights, no bias; stride 2 and padding 3
// give 112 x 112, so 802,816 units and 9,408 * 112 * 112 = 118,013,952 multiply-accumulates.
// The last: fc 1024 -> 1000, 1,024,000 weights and 1,000 biases.
static_assert(has_figures(nc::layer<densenet121, "conv1">, {{112, 112, 64}, 802'816, 9'408, 0, 118'013'952}));
static_assert(has_figures(nc::layer<densenet121, "fc1">, {{1, 1, 1000}, 1'000, 1'024'000, 1'000, 1'024'000}));

// Widths, with k = 32: block 1 ends with 64 + 6 * 32 = 256 channels, transition 1 halves them
// and pools to 28 x 28; block 3 ends with 256 + 24 * 32 = 1024, block 4 with 512 + 16 * 32.
// A block's output is its last dense layer's concatenation.
static_assert(nc::layer<densenet121, "denseblock1/concat6">.output == nc::shape{56, 56, 256});
static_assert(nc::layer<densenet121, "transition1/avg_pool1">.output == nc::shape{28, 28, 128});
static_assert(nc::layer<densenet121, "denseblock3/concat24">.output == nc::shape{14, 14, 1024});
static_assert(nc::layer<densenet121, "denseblock4/concat16">.output == nc::shape{7, 7, 1024});
// The 24th layer of block 3 reads 256 + 23 * 32 = 992 channels: a 1 x 1 to 4k = 128
// (126,976 weights), then a 3 x 3 to k = 32 (9 * 128 * 32 = 36,864 weights), at 14 x 14.
static_assert(has_figures(nc::layer<densenet121, "denseblock3/concat24/conv1">,
                          {{14, 14, 128}, 25'088, 126'976, 0, 24'887'296}));
static_assert(has_figures(nc::layer<densenet121, "denseblock3/concat24/conv2">,
                          {{14, 14, 32}, 6'272, 36'864, 0, 7'225'344}));

// Totals, from the reference. The parameters are also torchvision's "num_params" for its
// ImageNet weights (DenseNet121_Weights.IMAGENET1K_V1.meta).
static_assert(nc::parameters<densenet121> == 7'978'856);
static_assert(nc::weights<densenet121> == 7'894'208);
static_assert(nc::biases<densenet121> == 1'000);
static_assert(nc::connections<densenet121> == 2'834'161'664);
static_assert(nc::units<densenet121> == 6'900'200);
