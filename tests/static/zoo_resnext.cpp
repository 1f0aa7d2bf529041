// ResNeXt-50 (32 x 4d), ResNeXt-101 (32 x 8d) and (64 x 4d), Wide ResNet-50-2 and -101-2
// (torchvision's) against what PyTorch reports for them, layer by layer and in total:
// tests/reference/torchvision-zoo.json, measured by tools/reference/make_reference.py with
// forward hooks (PyTorch 1.13.1, torchvision 0.14.1).
#include <netcount/zoo/resnet.hpp>

#include "reference_check.hpp"
#include "reference_zoo.hpp"

namespace nc = netcount;
using reference::figures;
using reference::has_figures;

static_assert(reference::first_mismatch<nc::zoo::resnext50_32x4d>(reference_zoo::resnext50_32x4d) ==
              reference::all_match);
static_assert(reference::totals_match<nc::zoo::resnext50_32x4d>(reference_zoo::resnext50_32x4d));
static_assert(reference::first_mismatch<nc::zoo::resnext101_32x8d>(reference_zoo::resnext101_32x8d) ==
              reference::all_match);
static_assert(reference::totals_match<nc::zoo::resnext101_32x8d>(reference_zoo::resnext101_32x8d));
static_assert(reference::first_mismatch<nc::zoo::resnext101_64x4d>(reference_zoo::resnext101_64x4d) ==
              reference::all_match);
static_assert(reference::totals_match<nc::zoo::resnext101_64x4d>(reference_zoo::resnext101_64x4d));
static_assert(reference::first_mismatch<nc::zoo::wide_resnet50_2>(reference_zoo::wide_resnet50_2) ==
              reference::all_match);
static_assert(reference::totals_match<nc::zoo::wide_resnet50_2>(reference_zoo::wide_resnet50_2));
static_assert(reference::first_mismatch<nc::zoo::wide_resnet101_2>(reference_zoo::wide_resnet101_2) ==
              reference::all_match);
static_assert(reference::totals_match<nc::zoo::wide_resnet101_2>(reference_zoo::wide_resnet101_2));

// The grouped 3 x 3 convolution of the first block, at 56 x 56, by hand. ResNeXt-50 (32 x 4d):
// 32 groups of 4 channels, so 128 filters that each read 4 channels: 3 * 3 * 4 * 128 = 4,608
// weights (ResNet-50's 3 x 3 there has 3 * 3 * 64 * 64 = 36,864), 56 * 56 * 128 = 401,408
// units and 4,608 * 3,136 = 14,450,688 multiply-accumulates.
static_assert(has_figures(nc::layer<nc::zoo::resnext50_32x4d, "layer1/add1/conv2">,
                          {{56, 56, 128}, 401'408, 4'608, 0, 14'450'688}));
// 32 x 8d: 256 filters of 8 channels, 3 * 3 * 8 * 256 = 18,432 weights, 802,816 units,
// 18,432 * 3,136 = 57,802,752 multiply-accumulates.
static_assert(has_figures(nc::layer<nc::zoo::resnext101_32x8d, "layer1/add1/conv2">,
                          {{56, 56, 256}, 802'816, 18'432, 0, 57'802'752}));
// 64 x 4d: as wide, in twice the groups: 3 * 3 * 4 * 256 = 9,216 weights, 28,901,376
// multiply-accumulates.
static_assert(has_figures(nc::layer<nc::zoo::resnext101_64x4d, "layer1/add1/conv2">,
                          {{56, 56, 256}, 802'816, 9'216, 0, 28'901'376}));
// Wide ResNet-50-2: 128 channels in one group, 3 * 3 * 128 * 128 = 147,456 weights and
// 147,456 * 3,136 = 462,422,016 multiply-accumulates.
static_assert(has_figures(nc::layer<nc::zoo::wide_resnet50_2, "layer1/add1/conv2">,
                          {{56, 56, 128}, 401'408, 147'456, 0, 462'422'016}));

// The stage widths double: the last block of ResNeXt-50 is 1 x 1 2048 -> 1024, 3 x 3 in 32
// groups (3 * 3 * 32 * 1024 = 294,912 weights at 7 x 7), 1 x 1 1024 -> 2048; the wide
// ResNet's is 2048-1024-2048 too, its 3 x 3 not grouped (3 * 3 * 1024 * 1024 = 9,437,184).
// Both end with ResNet-50's 2048 channels, so the same fc: 2048 * 1000 weights.
static_assert(has_figures(nc::layer<nc::zoo::resnext50_32x4d, "layer4/add3/conv2">,
                          {{7, 7, 1024}, 50'176, 294'912, 0, 14'450'688}));
static_assert(has_figures(nc::layer<nc::zoo::wide_resnet50_2, "layer4/add3/conv2">,
                          {{7, 7, 1024}, 50'176, 9'437'184, 0, 462'422'016}));
constexpr figures bottleneck_fc{{1, 1, 1000}, 1'000, 2'048'000, 1'000, 2'048'000};
static_assert(has_figures(nc::layer<nc::zoo::resnext50_32x4d, "fc1">, bottleneck_fc));
static_assert(has_figures(nc::layer<nc::zoo::resnext101_64x4d, "fc1">, bottleneck_fc));
static_assert(has_figures(nc::layer<nc::zoo::wide_resnet101_2, "fc1">, bottleneck_fc));
// The 101-layer ones have ResNet-101's 23 blocks in layer3.
static_assert(nc::layer<nc::zoo::resnext101_32x8d, "layer3/add23">.output == nc::shape{14, 14, 1024});
static_assert(nc::layer<nc::zoo::wide_resnet101_2, "layer3/add23">.output == nc::shape{14, 14, 1024});

// Totals, from the reference. The parameters are also torchvision's "num_params" for its
// ImageNet weights (ResNeXt50_32X4D_Weights ... Wide_ResNet101_2_Weights.IMAGENET1K_V1.meta).
static_assert(nc::parameters<nc::zoo::resnext50_32x4d> == 25'028'904);
static_assert(nc::weights<nc::zoo::resnext50_32x4d> == 24'959'680);
static_assert(nc::biases<nc::zoo::resnext50_32x4d> == 1'000);
static_assert(nc::connections<nc::zoo::resnext50_32x4d> == 4'230'479'872);
static_assert(nc::units<nc::zoo::resnext50_32x4d> == 14'401'512);

static_assert(nc::parameters<nc::zoo::resnext101_32x8d> == 88'791'336);
static_assert(nc::weights<nc::zoo::resnext101_32x8d> == 88'587'456);
static_assert(nc::biases<nc::zoo::resnext101_32x8d> == 1'000);
static_assert(nc::connections<nc::zoo::resnext101_32x8d> == 16'414'015'488);
static_assert(nc::units<nc::zoo::resnext101_32x8d> == 31'210'472);

static_assert(nc::parameters<nc::zoo::resnext101_64x4d> == 83'455'272);
static_assert(nc::weights<nc::zoo::resnext101_64x4d> == 83'251'392);
static_assert(nc::biases<nc::zoo::resnext101_64x4d> == 1'000);
static_assert(nc::connections<nc::zoo::resnext101_64x4d> == 15'460'270'080);
static_assert(nc::units<nc::zoo::resnext101_64x4d> == 31'210'472);

static_assert(nc::parameters<nc::zoo::wide_resnet50_2> == 68'883'240);
static_assert(nc::weights<nc::zoo::wide_resnet50_2> == 68'814'016);
static_assert(nc::biases<nc::zoo::wide_resnet50_2> == 1'000);
static_assert(nc::connections<nc::zoo::wide_resnet50_2> == 11'398'021'120);
static_assert(nc::units<nc::zoo::wide_resnet50_2> == 14'401'512);

static_assert(nc::parameters<nc::zoo::wide_resnet101_2> == 126'886'696);
static_assert(nc::weights<nc::zoo::wide_resnet101_2> == 126'747'840);
static_assert(nc::biases<nc::zoo::wide_resnet101_2> == 1'000);
static_assert(nc::connections<nc::zoo::wide_resnet101_2> == 22'753'050'624);
static_assert(nc::units<nc::zoo::wide_resnet101_2> == 21'225'448);
