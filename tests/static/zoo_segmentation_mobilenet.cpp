// DeepLabv3-MobileNetV3-Large and LR-ASPP-MobileNetV3-Large (torchvision's
// deeplabv3_mobilenet_v3_large, aux_loss=False, and lraspp_mobilenet_v3_large) at 520 x 520
// against what PyTorch reports for them, layer by layer and in total:
// tests/reference/torchvision-zoo.json, measured by tools/reference/make_reference.py with
// forward hooks (PyTorch 1.13.1, torchvision 0.14.1).
#include <cstddef>
#include <utility>

#include <netcount/zoo/mobilenet_v3.hpp>
#include <netcount/zoo/segmentation.hpp>

#include "reference_check.hpp"
#include "reference_zoo.hpp"

namespace nc = netcount;
using nc::zoo::deeplabv3_mobilenet_v3_large;
using nc::zoo::lraspp_mobilenet_v3_large;
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
static_assert(nc::layer<deeplabv3_mobilenet_v3_large, "classifier/aspp/convs/pooling">.output ==
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

// LR-ASPP-MobileNetV3-Large (torchvision's lraspp_mobilenet_v3_large), likewise. Its two
// classifiers run in the other order than torchvision's forward (low_classifier(low) +
// high_classifier(x) runs low_classifier first; netcount's add runs the path that ends with
// high_classifier first, see segmentation.hpp): the layers with weights match the reference's
// one by one up to the last two, 64 and 65 (of 66 convolutions), and all of them with those two
// exchanged. The reference's 64 is low_classifier: 40 x 21 = 840 weights.
template<class Model>
constexpr Model exchanged(Model m, std::size_t k) {
    std::swap(m.layers[k], m.layers[k + 1]);
    return m;
}
static_assert(reference_zoo::lraspp_mobilenet_v3_large.layers.size() == 66);
static_assert(reference_zoo::lraspp_mobilenet_v3_large.layers[64].weights == 840);
static_assert(reference::first_mismatch<lraspp_mobilenet_v3_large>(reference_zoo::lraspp_mobilenet_v3_large) == 64);
static_assert(reference::first_mismatch<lraspp_mobilenet_v3_large>(exchanged(reference_zoo::lraspp_mobilenet_v3_large,
                                                                             64)) == reference::all_match);
static_assert(reference::totals_match<lraspp_mobilenet_v3_large>(reference_zoo::lraspp_mobilenet_v3_large));

// "low" is bneck4's output, 65 x 65 x 40; the rest of the backbone runs inside the classifier
// (its "backbone" scope) to 33 x 33 x 960, with the same dilated last stage.
static_assert(nc::layer<lraspp_mobilenet_v3_large, "backbone/bneck4/conv2">.output == nc::shape{65, 65, 40});
static_assert(nc::layer<lraspp_mobilenet_v3_large, "classifier/backbone/conv1">.output == nc::shape{33, 33, 960});
static_assert(has_figures(nc::layer<lraspp_mobilenet_v3_large, "classifier/backbone/bneck15/depthwise_conv1">,
                          {{33, 33, 960}, 1'045'440, 24'000, 0, 26'136'000}));

// The head. "cbr": 1 x 1 from 960 to 128, no bias: 122,880 weights at 1,089 positions,
// 139,392 units, 133,816,320 multiply-accumulates. "scale": the same convolution on the 1 x 1
// average: 128 units, 122,880 multiply-accumulates; its 1 x 1 x 128 gate broadcast over
// 33 x 33 x 128, then interpolated to 65 x 65.
static_assert(has_figures(nc::layer<lraspp_mobilenet_v3_large, "classifier/multiply1/cbr/conv1">,
                          {{33, 33, 128}, 139'392, 122'880, 0, 133'816'320}));
static_assert(has_figures(nc::layer<lraspp_mobilenet_v3_large, "classifier/multiply1/scale/conv1">,
                          {{1, 1, 128}, 128, 122'880, 0, 122'880}));
static_assert(nc::layer<lraspp_mobilenet_v3_large, "classifier/multiply1/scale/sigmoid1">.output ==
              nc::shape{1, 1, 128});
static_assert(nc::layer<lraspp_mobilenet_v3_large, "classifier/multiply1">.output == nc::shape{33, 33, 128});
static_assert(nc::layer<lraspp_mobilenet_v3_large, "classifier/upsample_back1">.output == nc::shape{65, 65, 128});
// The classifiers at 65 x 65 (4,225 positions): low, 1 x 1 from bneck4's 40 channels to 21
// with bias: 840 weights, 21 biases, 21 x 4,225 = 88,725 units, 840 x 4,225 = 3,549,000
// multiply-accumulates; high, from 128: 2,688 weights, 11,356,800 multiply-accumulates. Their
// sum is the classifier's output, interpolated to 520 x 520 x 21.
static_assert(has_figures(nc::layer<lraspp_mobilenet_v3_large, "classifier/low_classifier">,
                          {{65, 65, 21}, 88'725, 840, 21, 3'549'000}));
static_assert(has_figures(nc::layer<lraspp_mobilenet_v3_large, "classifier/high_classifier">,
                          {{65, 65, 21}, 88'725, 2'688, 21, 11'356'800}));
static_assert(nc::layer<lraspp_mobilenet_v3_large, "classifier">.kind == "add");
static_assert(nc::layer<lraspp_mobilenet_v3_large, "classifier">.output == nc::shape{65, 65, 21});

// Totals, from the reference. The parameters are torchvision's "num_params" for its COCO
// weights, LRASPP_MobileNet_V3_Large_Weights' 3,221,538, as they are (no auxiliary head).
static_assert(nc::parameters<lraspp_mobilenet_v3_large> == 3'221'538);
static_assert(nc::weights<lraspp_mobilenet_v3_large> == 3'191'760);
static_assert(nc::biases<lraspp_mobilenet_v3_large> == 5'122);
static_assert(nc::connections<lraspp_mobilenet_v3_large> == 2'086'219'688);
static_assert(nc::units<lraspp_mobilenet_v3_large> == 29'103'122);
static_assert(nc::output_shape<lraspp_mobilenet_v3_large> == nc::shape{520, 520, 21});
