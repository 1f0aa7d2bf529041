// DeepLabv3-MobileNetV3-Large (torchvision's deeplabv3_mobilenet_v3_large, aux_loss=False) at
// 520 x 520 against what PyTorch reports for it, layer by layer and in total:
// tests/reference/torchvision-zoo.json, measured by tools/reference/make_reference.py with
// forward hooks (PyTorch 1.13.1, torchvision 0.14.1).
#include <netcount/zoo/mobilenet_v3.hpp>
#include <netcount/zoo/segmentation.hpp>

#include "reference_check.hpp"
#include "reference_zoo.hpp"

namespace nc = netcount;
using nc::zoo::deeplabv3_mobilenet_v3_large;
using reference::has_figures;

static_assert(reference::first_mismatch<deeplabv3_mobilenet_v3_large>(reference_zoo::deeplabv3_mobilenet_v3_large) ==
              reference::all_match);
static_assert(reference::totals_match<deeplabv3_mobilenet_v3_large>(reference_zoo::deeplabv3_mobilenet_v3_large));

// The maps, by hand: 520 -> 260 (3 x 3 / 2, padding 1) -> 130 (bneck2, 3 x 3 / 2, padding 1)
// -> 65 (bneck4, 5 x 5 / 2, padding 2) -> 33 (bneck7, 3 x 3 / 2, padding 1: (65 + 2 - 3) / 2 + 1);
// bneck13 keeps 33 where MobileNetV3-Large halves it.
static_assert(nc::layer<deeplabv3_mobilenet_v3_large, "backbone/bneck4/conv2">.output == nc::shape{65, 65, 40});
static_assert(nc::layer<deeplabv3_mobilenet_v3_large, "backbone/bneck7/conv2">.output == nc::shape{33, 33, 80});
static_assert(nc::layer<deeplabv3_mobilenet_v3_large, "backbone/conv2">.output == nc::shape{33, 33, 960});

// The last stage's depthwise convolutions: 5 x 5, stride 1, dilation 2 and padding
// (5 - 1) / 2 x 2 = 4, so 33 x 33 stays (33 + 2 x 4 - 2 x (5 - 1) - 1) / 1 + 1 = 33. bneck14's:
// 5 x 5 x 960 = 24,000 weights, 960 x 33 x 33 = 1,045,440 units, 24,000 x 1,089 = 26,136,000
// multiply-accumulates; bneck13's, whose row strides 2 in Table 1: 5 x 5 x 672 = 16,800
// weights, 731,808 units, 18,295,200 multiply-accumulates.
constexpr nc::axis_window dilated_5x5{.kernel = 5, .stride = 1, .dilation = 2, .pad_begin = 4, .pad_end = 4};
static_assert(nc::layer<deeplabv3_mobilenet_v3_large, "backbone/bneck14/depthwise_conv1">.window.height == dilated_5x5);
static_assert(nc::layer<deeplabv3_mobilenet_v3_large, "backbone/bneck13/depthwise_conv1">.window.width == dilated_5x5);
static_assert(has_figures(nc::layer<deeplabv3_mobilenet_v3_large, "backbone/bneck14/depthwise_conv1">,
                          {{33, 33, 960}, 1'045'440, 24'000, 0, 26'136'000}));
static_assert(has_figures(nc::layer<deeplabv3_mobilenet_v3_large, "backbone/bneck13/depthwise_conv1">,
                          {{33, 33, 672}, 731'808, 16'800, 0, 18'295'200}));
// The shortcut follows the row's stride: bneck13 (stride 2 in the table, 112 to 160) has none,
// bneck14 and 15 add theirs.
static_assert(nc::layer<deeplabv3_mobilenet_v3_large, "backbone/bneck13/conv2">.kind == "conv");
static_assert(nc::layer<deeplabv3_mobilenet_v3_large, "backbone/bneck14">.kind == "add");

// The ASPP on 33 x 33 x 960 (1,089 positions): the rate-36 branch, 3 x 3 x 960 x 256 =
// 2,211,840 weights, 256 x 1,089 = 278,784 units, 2,211,840 x 1,089 = 2,408,693,760
// multiply-accumulates; image pooling interpolates back to 33 x 33.
static_assert(has_figures(nc::layer<deeplabv3_mobilenet_v3_large, "classifier/aspp/convs/rate36/conv1">,
                          {{33, 33, 256}, 278'784, 2'211'840, 0, 2'408'693'760}));
static_assert(nc::layer<deeplabv3_mobilenet_v3_large, "classifier/aspp/convs/pooling/upsample_to1">.output ==
              nc::shape{33, 33, 256});

// Totals, from the reference; the output is 520 x 520 x 21. The parameters are torchvision's
// "num_params" for its COCO weights, DeepLabV3_MobileNet_V3_Large_Weights' 11,029,328, less its
// auxiliary head FCNHead(40, 21): 3 x 3 x 40 x 10 = 3,600 weights, a batch norm of 2 x 10,
// 10 x 21 + 21 = 231: 3,851; 11,029,328 - 3,851 = 11,025,477.
static_assert(nc::parameters<deeplabv3_mobilenet_v3_large> == 11'025'477);
static_assert(nc::weights<deeplabv3_mobilenet_v3_large> == 10'992'392);
static_assert(nc::biases<deeplabv3_mobilenet_v3_large> == 5'101);
static_assert(nc::connections<deeplabv3_mobilenet_v3_large> == 10'436'350'688);
static_assert(nc::units<deeplabv3_mobilenet_v3_large> == 30'481'981);
static_assert(nc::output_shape<deeplabv3_mobilenet_v3_large> == nc::shape{520, 520, 21});
