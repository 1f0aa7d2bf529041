// DenseNet-121, -161, -169 and -201 (torchvision's) against what PyTorch reports for them,
// layer by layer and in total: tests/reference/torchvision-zoo.json, measured by tools/reference/make_reference.py
// with forward hooks (PyTorch 1.13.1, torchvision 0.14.1).
#include <netcount/zoo/densenet.hpp>

#include "reference_check.hpp"
#include "reference_zoo.hpp"

namespace nc = netcount;
using nc::zoo::densenet121;
using nc::zoo::densenet161;
using nc::zoo::densenet169;
using nc::zoo::densenet201;
using reference::has_figures;

static_assert(reference::first_mismatch<densenet121>(reference_zoo::densenet121) == reference::all_match);
static_assert(reference::totals_match<densenet121>(reference_zoo::densenet121));
static_assert(reference::first_mismatch<densenet161>(reference_zoo::densenet161) == reference::all_match);
static_assert(reference::totals_match<densenet161>(reference_zoo::densenet161));
static_assert(reference::first_mismatch<densenet169>(reference_zoo::densenet169) == reference::all_match);
static_assert(reference::totals_match<densenet169>(reference_zoo::densenet169));
static_assert(reference::first_mismatch<densenet201>(reference_zoo::densenet201) == reference::all_match);
static_assert(reference::totals_match<densenet201>(reference_zoo::densenet201));

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

// DenseNet-169 and -201 differ from -121 in blocks 3 and 4 only: block 3 ends with
// 256 + 32 * 32 = 1280 (169) or 256 + 48 * 32 = 1792 channels (201), the transition halves
// them, and block 4 ends with 640 + 32 * 32 = 1664 or 896 + 32 * 32 = 1920, which the fc reads.
static_assert(nc::layer<densenet169, "denseblock3/concat32">.output == nc::shape{14, 14, 1280});
static_assert(nc::layer<densenet169, "denseblock4/concat32">.output == nc::shape{7, 7, 1664});
static_assert(has_figures(nc::layer<densenet169, "fc1">, {{1, 1, 1000}, 1'000, 1'664'000, 1'000, 1'664'000}));
static_assert(nc::layer<densenet201, "denseblock3/concat48">.output == nc::shape{14, 14, 1792});
static_assert(nc::layer<densenet201, "transition3/avg_pool1">.output == nc::shape{7, 7, 896});
static_assert(has_figures(nc::layer<densenet201, "fc1">, {{1, 1, 1000}, 1'000, 1'920'000, 1'000, 1'920'000}));

// DenseNet-161, k = 48: the first convolution has 96 filters, 7 * 7 * 3 * 96 = 14,112
// weights, 112 * 112 * 96 = 1,204,224 units, 14,112 * 12,544 = 177,020,928
// multiply-accumulates. The blocks end with 96 + 6 * 48 = 384, 192 + 12 * 48 = 768,
// 384 + 36 * 48 = 2112 and 1056 + 24 * 48 = 2208 channels. The 36th layer of block 3 reads
// 384 + 35 * 48 = 2064 channels: a 1 x 1 to 4k = 192 (396,288 weights), a 3 x 3 to 48
// (9 * 192 * 48 = 82,944 weights), at 14 x 14 (196 positions).
static_assert(has_figures(nc::layer<densenet161, "conv1">, {{112, 112, 96}, 1'204'224, 14'112, 0, 177'020'928}));
static_assert(nc::layer<densenet161, "denseblock1/concat6">.output == nc::shape{56, 56, 384});
static_assert(nc::layer<densenet161, "denseblock2/concat12">.output == nc::shape{28, 28, 768});
static_assert(nc::layer<densenet161, "denseblock3/concat36">.output == nc::shape{14, 14, 2112});
static_assert(nc::layer<densenet161, "denseblock4/concat24">.output == nc::shape{7, 7, 2208});
static_assert(has_figures(nc::layer<densenet161, "denseblock3/concat36/conv1">,
                          {{14, 14, 192}, 37'632, 396'288, 0, 77'672'448}));
static_assert(has_figures(nc::layer<densenet161, "denseblock3/concat36/conv2">,
                          {{14, 14, 48}, 9'408, 82'944, 0, 16'257'024}));
static_assert(has_figures(nc::layer<densenet161, "fc1">, {{1, 1, 1000}, 1'000, 2'208'000, 1'000, 2'208'000}));

// Totals, from the reference. The parameters are also torchvision's "num_params" for its
// ImageNet weights (DenseNet121_Weights ... DenseNet201_Weights.IMAGENET1K_V1.meta).
static_assert(nc::parameters<densenet121> == 7'978'856);
static_assert(nc::weights<densenet121> == 7'894'208);
static_assert(nc::biases<densenet121> == 1'000);
static_assert(nc::connections<densenet121> == 2'834'161'664);
static_assert(nc::units<densenet121> == 6'900'200);

static_assert(nc::parameters<densenet161> == 28'681'000);
static_assert(nc::weights<densenet161> == 28'460'064);
static_assert(nc::biases<densenet161> == 1'000);
static_assert(nc::connections<densenet161> == 7'727'907'072);
static_assert(nc::units<densenet161> == 11'064'808);

static_assert(nc::parameters<densenet169> == 14'149'480);
static_assert(nc::weights<densenet169> == 13'990'080);
static_assert(nc::biases<densenet169> == 1'000);
static_assert(nc::connections<densenet169> == 3'359'843'328);
static_assert(nc::units<densenet169> == 7'301'608);

static_assert(nc::parameters<densenet201> == 20'013'928);
static_assert(nc::weights<densenet201> == 19'783'872);
static_assert(nc::biases<densenet201> == 1'000);
static_assert(nc::connections<densenet201> == 4'291'365'888);
static_assert(nc::units<densenet201> == 7'853'544);
