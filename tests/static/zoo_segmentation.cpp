// FCN-ResNet50 and -101, DeepLabv3-ResNet50 and -101 (torchvision's fcn_resnet50 ...
// deeplabv3_resnet101, aux_loss=False) at 520 x 520 against what PyTorch reports for them,
// layer by layer and in total:
// tests/reference/torchvision-zoo.json, measured by tools/reference/make_reference.py with
// forward hooks (PyTorch 1.13.1, torchvision 0.14.1).
#include <cstdint>
#include <type_traits>

#include <netcount/scale.hpp>
#include <netcount/zoo/resnet.hpp>
#include <netcount/zoo/segmentation.hpp>

#include "reference_check.hpp"
#include "reference_zoo.hpp"

namespace nc = netcount;
using reference::figures;
using reference::has_figures;

static_assert(reference::first_mismatch<nc::zoo::fcn_resnet50>(reference_zoo::fcn_resnet50) == reference::all_match);
static_assert(reference::totals_match<nc::zoo::fcn_resnet50>(reference_zoo::fcn_resnet50));
static_assert(reference::first_mismatch<nc::zoo::fcn_resnet101>(reference_zoo::fcn_resnet101) == reference::all_match);
static_assert(reference::totals_match<nc::zoo::fcn_resnet101>(reference_zoo::fcn_resnet101));
static_assert(reference::first_mismatch<nc::zoo::deeplabv3_resnet50>(reference_zoo::deeplabv3_resnet50) ==
              reference::all_match);
static_assert(reference::totals_match<nc::zoo::deeplabv3_resnet50>(reference_zoo::deeplabv3_resnet50));
static_assert(reference::first_mismatch<nc::zoo::deeplabv3_resnet101>(reference_zoo::deeplabv3_resnet101) ==
              reference::all_match);
static_assert(reference::totals_match<nc::zoo::deeplabv3_resnet101>(reference_zoo::deeplabv3_resnet101));

// Dilation extends the ResNet templates without changing what they built before: undilated,
// a bottleneck of one group of 64 per 64 planes is ResNet's bottleneck, type for type.
static_assert(std::is_same_v<nc::zoo::grouped_resnet_conv3<256, 2, 1>, nc::zoo::resnet_conv<256, 3, 2>>);
static_assert(std::is_same_v<nc::zoo::wide_bottleneck_blocks<1, 64>::block<128, 2, nc::zoo::projection<512, 2>>,
                             nc::zoo::bottleneck<128, 2, nc::zoo::projection<512, 2>>>);

// The map after the backbone, by hand: 520 -> 260 (7 x 7 / 2, padding 3) -> 130 (max pool
// 3 x 3 / 2, padding 1) -> 65 (layer2's 3 x 3 / 2, padding 1); the dilated stages keep 65.
static_assert(nc::layer<nc::zoo::fcn_resnet50, "backbone/layer2/add4">.output == nc::shape{65, 65, 512});
static_assert(nc::layer<nc::zoo::fcn_resnet50, "backbone/layer4/add3">.output == nc::shape{65, 65, 2048});
static_assert(nc::layer<nc::zoo::fcn_resnet101, "backbone/layer3/add23">.output == nc::shape{65, 65, 1024});

// torchvision's dilated stages: layer3's first block keeps the dilation before it (1), its
// others dilate by 2; layer4's first block by 2, its others by 4; each 3 x 3 pads by its
// dilation and so keeps 65 x 65. The figures are a plain 3 x 3's: 256 x 256 x 9 = 589,824
// weights at 4,225 positions, 2,492,006,400 multiply-accumulates; 512 x 512 x 9 = 2,359,296
// weights, 9,968,025,600.
constexpr nc::axis_window dilated(std::uint64_t d) {
    return {.kernel = 3, .dilation = d, .pad_begin = d, .pad_end = d};
}
static_assert(nc::layer<nc::zoo::fcn_resnet50, "backbone/layer3/add1/conv2">.window.height == dilated(1));
static_assert(nc::layer<nc::zoo::fcn_resnet50, "backbone/layer3/add2/conv2">.window.height == dilated(2));
static_assert(nc::layer<nc::zoo::fcn_resnet50, "backbone/layer3/add6/conv2">.window.width == dilated(2));
static_assert(nc::layer<nc::zoo::fcn_resnet50, "backbone/layer4/add1/conv2">.window.height == dilated(2));
static_assert(nc::layer<nc::zoo::fcn_resnet50, "backbone/layer4/add3/conv2">.window.width == dilated(4));
static_assert(has_figures(nc::layer<nc::zoo::fcn_resnet50, "backbone/layer3/add2/conv2">,
                          {{65, 65, 256}, 1'081'600, 589'824, 0, 2'492'006'400}));
static_assert(has_figures(nc::layer<nc::zoo::fcn_resnet101, "backbone/layer4/add3/conv2">,
                          {{65, 65, 512}, 2'163'200, 2'359'296, 0, 9'968'025'600}));
// layer4's projection strides 1 where ResNet-50's strides 2: 1,024 x 2,048 = 2,097,152
// weights at 4,225 positions, 8,860,467,200 multiply-accumulates.
static_assert(has_figures(nc::layer<nc::zoo::fcn_resnet50, "backbone/layer4/add1/downsample/conv1">,
                          {{65, 65, 2048}, 8'652'800, 2'097'152, 0, 8'860'467'200}));

// The FCN head: 3 x 3 from 2,048 to 512, no bias: 9,437,184 weights, 2,163,200 units,
// 39,872,102,400 multiply-accumulates; then 1 x 1 from 512 to 21 with bias: 10,752 weights,
// 21 biases, 88,725 units, 45,427,200 multiply-accumulates.
static_assert(has_figures(nc::layer<nc::zoo::fcn_resnet50, "classifier/conv1">,
                          {{65, 65, 512}, 2'163'200, 9'437'184, 0, 39'872'102'400}));
static_assert(has_figures(nc::layer<nc::zoo::fcn_resnet50, "classifier/conv2">,
                          {{65, 65, 21}, 88'725, 10'752, 21, 45'427'200}));
// The scores interpolated to 520 x 520: nothing counted, 520 x 520 x 21 = 5,678,400 values.
static_assert(has_figures(nc::layer<nc::zoo::fcn_resnet50, "upsample_back1">, {{520, 520, 21}, 0, 0, 0, 0}));
static_assert(nc::layer<nc::zoo::fcn_resnet50, "upsample_back1">.activations == 5'678'400);

// DeepLabv3's ASPP on the 65 x 65 x 2,048 map (4,225 positions), by hand. A 3 x 3 branch at
// rate 12: 3 x 3 x 2,048 x 256 = 4,718,592 weights, 256 x 4,225 = 1,081,600 units,
// 4,718,592 x 4,225 = 19,936,051,200 multiply-accumulates; padded by 12 and dilated by 12, it
// keeps 65 x 65 ((65 + 2 x 12 - 12 x (3 - 1) - 1) / 1 + 1 = 65). The 1 x 1 branch: 2,048 x 256 = 524,288
// weights, 2,215,116,800 multiply-accumulates. Image pooling reads one value per channel, so
// its 1 x 1 convolution has the same weights but only 524,288 multiply-accumulates, and its
// 1 x 1 x 256 is interpolated back to 65 x 65 (nothing counted).
constexpr nc::axis_window rate(std::uint64_t r) { return {.kernel = 3, .dilation = r, .pad_begin = r, .pad_end = r}; }
static_assert(has_figures(nc::layer<nc::zoo::deeplabv3_resnet50, "classifier/aspp/convs/rate12/conv1">,
                          {{65, 65, 256}, 1'081'600, 4'718'592, 0, 19'936'051'200}));
static_assert(nc::layer<nc::zoo::deeplabv3_resnet50, "classifier/aspp/convs/rate12/conv1">.window.height == rate(12));
static_assert(nc::layer<nc::zoo::deeplabv3_resnet50, "classifier/aspp/convs/rate24/conv1">.window.width == rate(24));
static_assert(has_figures(nc::layer<nc::zoo::deeplabv3_resnet101, "classifier/aspp/convs/rate36/conv1">,
                          {{65, 65, 256}, 1'081'600, 4'718'592, 0, 19'936'051'200}));
static_assert(nc::layer<nc::zoo::deeplabv3_resnet101, "classifier/aspp/convs/rate36/conv1">.window.height == rate(36));
static_assert(has_figures(nc::layer<nc::zoo::deeplabv3_resnet50, "classifier/aspp/convs/conv1x1/conv1">,
                          {{65, 65, 256}, 1'081'600, 524'288, 0, 2'215'116'800}));
static_assert(has_figures(nc::layer<nc::zoo::deeplabv3_resnet50, "classifier/aspp/convs/pooling/conv1">,
                          {{1, 1, 256}, 256, 524'288, 0, 524'288}));
static_assert(has_figures(nc::layer<nc::zoo::deeplabv3_resnet50, "classifier/aspp/convs/pooling">,
                          {{65, 65, 256}, 0, 0, 0, 0}));
// Five branches of 256: 1,280 channels, projected to 256 by 1,280 x 256 = 327,680 weights,
// 1,384,448,000 multiply-accumulates.
static_assert(nc::layer<nc::zoo::deeplabv3_resnet50, "classifier/aspp/convs">.output == nc::shape{65, 65, 1280});
static_assert(has_figures(nc::layer<nc::zoo::deeplabv3_resnet50, "classifier/aspp/project/conv1">,
                          {{65, 65, 256}, 1'081'600, 327'680, 0, 1'384'448'000}));
// Then 3 x 3 x 256 x 256 = 589,824 weights (2,492,006,400 multiply-accumulates) and the
// classes: 256 x 21 = 5,376 weights and 21 biases, 22,713,600 multiply-accumulates.
static_assert(has_figures(nc::layer<nc::zoo::deeplabv3_resnet50, "classifier/conv1">,
                          {{65, 65, 256}, 1'081'600, 589'824, 0, 2'492'006'400}));
static_assert(has_figures(nc::layer<nc::zoo::deeplabv3_resnet50, "classifier/conv2">,
                          {{65, 65, 21}, 88'725, 5'376, 21, 22'713'600}));

// Totals, from the reference; the output is 520 x 520 x 21. The parameters are torchvision's
// "num_params" for its COCO weights (FCN_ResNet50_Weights.COCO_WITH_VOC_LABELS_V1.meta:
// 35,322,218) less its auxiliary head, FCNHead(1024, 21): 3 x 3 x 1,024 x 256 = 2,359,296
// weights, a batch norm of 2 x 256, 256 x 21 + 21 = 5,397: 2,365,205; 35,322,218 - 2,365,205
// = 32,957,013. Likewise FCN-ResNet101's 54,314,346 - 2,365,205 = 51,949,141, and
// DeepLabv3's (the same auxiliary head): 42,004,074 - 2,365,205 = 39,638,869 and 60,996,202 -
// 2,365,205 = 58,630,997 (DeepLabV3_ResNet50_Weights, DeepLabV3_ResNet101_Weights).
static_assert(nc::parameters<nc::zoo::fcn_resnet50> == 32'957'013);
static_assert(nc::weights<nc::zoo::fcn_resnet50> == 32'902'848);
static_assert(nc::biases<nc::zoo::fcn_resnet50> == 21);
static_assert(nc::connections<nc::zoo::fcn_resnet50> == 142'725'772'800);
static_assert(nc::units<nc::zoo::fcn_resnet50> == 137'992'725);
static_assert(nc::output_shape<nc::zoo::fcn_resnet50> == nc::shape{520, 520, 21});

static_assert(nc::parameters<nc::zoo::fcn_resnet101> == 51'949'141);
static_assert(nc::weights<nc::zoo::fcn_resnet101> == 51'842'752);
static_assert(nc::biases<nc::zoo::fcn_resnet101> == 21);
static_assert(nc::connections<nc::zoo::fcn_resnet101> == 222'746'867'200);
static_assert(nc::units<nc::zoo::fcn_resnet101> == 248'315'925);
static_assert(nc::output_shape<nc::zoo::fcn_resnet101> == nc::shape{520, 520, 21});

static_assert(nc::parameters<nc::zoo::deeplabv3_resnet50> == 39'638'869);
static_assert(nc::weights<nc::zoo::deeplabv3_resnet50> == 39'582'144);
static_assert(nc::biases<nc::zoo::deeplabv3_resnet50> == 21);
static_assert(nc::connections<nc::zoo::deeplabv3_resnet50> == 168'731'205'888);
static_assert(nc::units<nc::zoo::deeplabv3_resnet50> == 142'319'381);
static_assert(nc::output_shape<nc::zoo::deeplabv3_resnet50> == nc::shape{520, 520, 21});

static_assert(nc::parameters<nc::zoo::deeplabv3_resnet101> == 58'630'997);
static_assert(nc::weights<nc::zoo::deeplabv3_resnet101> == 58'522'048);
static_assert(nc::biases<nc::zoo::deeplabv3_resnet101> == 21);
static_assert(nc::connections<nc::zoo::deeplabv3_resnet101> == 248'752'300'288);
static_assert(nc::units<nc::zoo::deeplabv3_resnet101> == 252'642'581);
static_assert(nc::output_shape<nc::zoo::deeplabv3_resnet101> == nc::shape{520, 520, 21});

// On another input the models end at its size, as torchvision's do (they interpolate back to
// the size they read). torch 1.13 on a 224 x 200 image: the backbone's "out" is
// 28 x 25 x 2,048 (ceil(224 / 8), ceil(200 / 8)), the scores 224 x 200 x 21; DeepLabv3's image
// pooling comes back to 28 x 25 so that the ASPP's branches still concatenate.
using fcn_224x200 = nc::with_input<nc::zoo::fcn_resnet50, 224, 200>;
using deeplab_224x200 = nc::with_input<nc::zoo::deeplabv3_resnet50, 224, 200>;
static_assert(nc::layer<fcn_224x200, "backbone/layer4/add3">.output == nc::shape{28, 25, 2048});
static_assert(nc::output_shape<fcn_224x200> == nc::shape{224, 200, 21});
static_assert(nc::layer<deeplab_224x200, "classifier/aspp/convs/pooling">.output == nc::shape{28, 25, 256});
static_assert(nc::output_shape<deeplab_224x200> == nc::shape{224, 200, 21});
// The weights do not depend on the input.
static_assert(nc::parameters<deeplab_224x200> == nc::parameters<nc::zoo::deeplabv3_resnet50>);
