// The two-stage detectors (torchvision's fasterrcnn_resnet50_fpn, _v2,
// fasterrcnn_mobilenet_v3_large_fpn, _320_fpn, maskrcnn_resnet50_fpn, _v2,
// keypointrcnn_resnet50_fpn, weights=None, weights_backbone=None) against what PyTorch reports
// for them, layer by layer and in total: tests/reference/torchvision-rcnn.json, measured by
// tools/reference/make_rcnn_reference.py with forward hooks (PyTorch 1.13.1, torchvision
// 0.14.1): the backbone and pyramid on one image, the RPN head on every level, the box head on
// rpn_post_nms_top_n_test regions and the mask or keypoint head on box_detections_per_img
// regions, each a batch. Its weights and biases count every module once, so the totals check
// that the RPN head's weights count once though it runs on every level.
#include <array>
#include <cstddef>
#include <cstdint>

#include <netcount/zoo/rcnn.hpp>

#include "reference_check.hpp"
#include "reference_rcnn.hpp"

namespace nc = netcount;
namespace zoo = netcount::zoo;
using reference::has_figures;

namespace {
// The reference's outputs, [C, H, W] each (a region's fully connected outputs [N, 1, 1]), are
// output_shapes<Net>, in order.
template<class Net, std::size_t K>
constexpr bool outputs_match(const std::array<std::array<std::uint64_t, 3>, K>& ref) noexcept {
    if (nc::output_shapes<Net>.size() != K) return false;
    for (std::size_t i = 0; i < K; ++i)
        if (nc::output_shapes<Net>[i] != nc::shape{ref[i][1], ref[i][2], ref[i][0]}) return false;
    return true;
}
} // namespace

static_assert(reference::first_mismatch<zoo::fasterrcnn_resnet50_fpn>(reference_rcnn::fasterrcnn_resnet50_fpn) ==
              reference::all_match);
static_assert(reference::totals_match<zoo::fasterrcnn_resnet50_fpn>(reference_rcnn::fasterrcnn_resnet50_fpn));
static_assert(reference::first_mismatch<zoo::fasterrcnn_resnet50_fpn_v2>(reference_rcnn::fasterrcnn_resnet50_fpn_v2) ==
              reference::all_match);
static_assert(reference::totals_match<zoo::fasterrcnn_resnet50_fpn_v2>(reference_rcnn::fasterrcnn_resnet50_fpn_v2));
static_assert(reference::first_mismatch<zoo::fasterrcnn_mobilenet_v3_large_fpn>(
                  reference_rcnn::fasterrcnn_mobilenet_v3_large_fpn) == reference::all_match);
static_assert(
    reference::totals_match<zoo::fasterrcnn_mobilenet_v3_large_fpn>(reference_rcnn::fasterrcnn_mobilenet_v3_large_fpn));
static_assert(reference::first_mismatch<zoo::fasterrcnn_mobilenet_v3_large_320_fpn>(
                  reference_rcnn::fasterrcnn_mobilenet_v3_large_320_fpn) == reference::all_match);
static_assert(reference::totals_match<zoo::fasterrcnn_mobilenet_v3_large_320_fpn>(
    reference_rcnn::fasterrcnn_mobilenet_v3_large_320_fpn));
static_assert(reference::first_mismatch<zoo::maskrcnn_resnet50_fpn>(reference_rcnn::maskrcnn_resnet50_fpn) ==
              reference::all_match);
static_assert(reference::totals_match<zoo::maskrcnn_resnet50_fpn>(reference_rcnn::maskrcnn_resnet50_fpn));
static_assert(reference::first_mismatch<zoo::maskrcnn_resnet50_fpn_v2>(reference_rcnn::maskrcnn_resnet50_fpn_v2) ==
              reference::all_match);
static_assert(reference::totals_match<zoo::maskrcnn_resnet50_fpn_v2>(reference_rcnn::maskrcnn_resnet50_fpn_v2));
static_assert(reference::first_mismatch<zoo::keypointrcnn_resnet50_fpn>(reference_rcnn::keypointrcnn_resnet50_fpn) ==
              reference::all_match);
static_assert(reference::totals_match<zoo::keypointrcnn_resnet50_fpn>(reference_rcnn::keypointrcnn_resnet50_fpn));

static_assert(outputs_match<zoo::fasterrcnn_resnet50_fpn>(reference_rcnn::fasterrcnn_resnet50_fpn_outputs));
static_assert(outputs_match<zoo::fasterrcnn_resnet50_fpn_v2>(reference_rcnn::fasterrcnn_resnet50_fpn_v2_outputs));
static_assert(
    outputs_match<zoo::fasterrcnn_mobilenet_v3_large_fpn>(reference_rcnn::fasterrcnn_mobilenet_v3_large_fpn_outputs));
static_assert(outputs_match<zoo::fasterrcnn_mobilenet_v3_large_320_fpn>(
    reference_rcnn::fasterrcnn_mobilenet_v3_large_320_fpn_outputs));
static_assert(outputs_match<zoo::maskrcnn_resnet50_fpn>(reference_rcnn::maskrcnn_resnet50_fpn_outputs));
static_assert(outputs_match<zoo::maskrcnn_resnet50_fpn_v2>(reference_rcnn::maskrcnn_resnet50_fpn_v2_outputs));
static_assert(outputs_match<zoo::keypointrcnn_resnet50_fpn>(reference_rcnn::keypointrcnn_resnet50_fpn_outputs));

// Every model on an image that is neither square nor a multiple of the pyramid's strides,
// through with_input: the 800 models on 599 x 1001 (every halving rounds: C2 150 x 251, C5
// 19 x 32, "pool" 10 x 16), the 320 model on 319 x 401; its layers, totals and outputs, and on
// both sizes the memory schedule: the reference's peak and live elements at every layer with
// weights, from tools/crosscheck/schedule.py on a torch.fx trace of a twin that runs
// torchvision's modules in the zoo header's order, the heads on regions of level "0"
// (tools/reference/schedule_twins.py).
template<class Net, class Model, std::size_t K, std::size_t L>
constexpr bool matches(const Model& ref, const std::array<std::array<std::uint64_t, 3>, K>& outputs, std::uint64_t peak,
                       const std::array<std::uint64_t, L>& live) noexcept {
    return reference::first_mismatch<Net>(ref) == reference::all_match && reference::totals_match<Net>(ref) &&
           outputs_match<Net>(outputs) && reference::schedule_matches<Net>(peak, live);
}
static_assert(reference::schedule_matches<zoo::fasterrcnn_resnet50_fpn>(reference_rcnn::fasterrcnn_resnet50_fpn_peak,
                                                                        reference_rcnn::fasterrcnn_resnet50_fpn_live));
static_assert(reference::schedule_matches<zoo::fasterrcnn_resnet50_fpn_v2>(
    reference_rcnn::fasterrcnn_resnet50_fpn_v2_peak, reference_rcnn::fasterrcnn_resnet50_fpn_v2_live));
static_assert(reference::schedule_matches<zoo::fasterrcnn_mobilenet_v3_large_fpn>(
    reference_rcnn::fasterrcnn_mobilenet_v3_large_fpn_peak, reference_rcnn::fasterrcnn_mobilenet_v3_large_fpn_live));
static_assert(reference::schedule_matches<zoo::fasterrcnn_mobilenet_v3_large_320_fpn>(
    reference_rcnn::fasterrcnn_mobilenet_v3_large_320_fpn_peak,
    reference_rcnn::fasterrcnn_mobilenet_v3_large_320_fpn_live));
static_assert(reference::schedule_matches<zoo::maskrcnn_resnet50_fpn>(reference_rcnn::maskrcnn_resnet50_fpn_peak,
                                                                      reference_rcnn::maskrcnn_resnet50_fpn_live));
static_assert(reference::schedule_matches<zoo::maskrcnn_resnet50_fpn_v2>(
    reference_rcnn::maskrcnn_resnet50_fpn_v2_peak, reference_rcnn::maskrcnn_resnet50_fpn_v2_live));
static_assert(reference::schedule_matches<zoo::keypointrcnn_resnet50_fpn>(
    reference_rcnn::keypointrcnn_resnet50_fpn_peak, reference_rcnn::keypointrcnn_resnet50_fpn_live));
static_assert(matches<nc::with_input<zoo::fasterrcnn_resnet50_fpn, 599, 1001>>(
    reference_rcnn::fasterrcnn_resnet50_fpn_599x1001, reference_rcnn::fasterrcnn_resnet50_fpn_599x1001_outputs,
    reference_rcnn::fasterrcnn_resnet50_fpn_599x1001_peak, reference_rcnn::fasterrcnn_resnet50_fpn_599x1001_live));
static_assert(matches<nc::with_input<zoo::fasterrcnn_resnet50_fpn_v2, 599, 1001>>(
    reference_rcnn::fasterrcnn_resnet50_fpn_v2_599x1001, reference_rcnn::fasterrcnn_resnet50_fpn_v2_599x1001_outputs,
    reference_rcnn::fasterrcnn_resnet50_fpn_v2_599x1001_peak,
    reference_rcnn::fasterrcnn_resnet50_fpn_v2_599x1001_live));
static_assert(matches<nc::with_input<zoo::fasterrcnn_mobilenet_v3_large_fpn, 599, 1001>>(
    reference_rcnn::fasterrcnn_mobilenet_v3_large_fpn_599x1001,
    reference_rcnn::fasterrcnn_mobilenet_v3_large_fpn_599x1001_outputs,
    reference_rcnn::fasterrcnn_mobilenet_v3_large_fpn_599x1001_peak,
    reference_rcnn::fasterrcnn_mobilenet_v3_large_fpn_599x1001_live));
static_assert(matches<nc::with_input<zoo::fasterrcnn_mobilenet_v3_large_320_fpn, 319, 401>>(
    reference_rcnn::fasterrcnn_mobilenet_v3_large_320_fpn_319x401,
    reference_rcnn::fasterrcnn_mobilenet_v3_large_320_fpn_319x401_outputs,
    reference_rcnn::fasterrcnn_mobilenet_v3_large_320_fpn_319x401_peak,
    reference_rcnn::fasterrcnn_mobilenet_v3_large_320_fpn_319x401_live));
static_assert(matches<nc::with_input<zoo::maskrcnn_resnet50_fpn, 599, 1001>>(
    reference_rcnn::maskrcnn_resnet50_fpn_599x1001, reference_rcnn::maskrcnn_resnet50_fpn_599x1001_outputs,
    reference_rcnn::maskrcnn_resnet50_fpn_599x1001_peak, reference_rcnn::maskrcnn_resnet50_fpn_599x1001_live));
static_assert(matches<nc::with_input<zoo::maskrcnn_resnet50_fpn_v2, 599, 1001>>(
    reference_rcnn::maskrcnn_resnet50_fpn_v2_599x1001, reference_rcnn::maskrcnn_resnet50_fpn_v2_599x1001_outputs,
    reference_rcnn::maskrcnn_resnet50_fpn_v2_599x1001_peak, reference_rcnn::maskrcnn_resnet50_fpn_v2_599x1001_live));
static_assert(matches<nc::with_input<zoo::keypointrcnn_resnet50_fpn, 599, 1001>>(
    reference_rcnn::keypointrcnn_resnet50_fpn_599x1001, reference_rcnn::keypointrcnn_resnet50_fpn_599x1001_outputs,
    reference_rcnn::keypointrcnn_resnet50_fpn_599x1001_peak, reference_rcnn::keypointrcnn_resnet50_fpn_599x1001_live));

// The pyramid of the ResNet-50 models on 800 x 800, by hand: levels "0" to "3" at a 4th to a
// 32nd (200, 100, 50, 25), "pool" a 1 x 1 max pool at stride 2 of level "3": (25 - 1) / 2 + 1
// = 13.
using frcnn = zoo::fasterrcnn_resnet50_fpn;
static_assert(nc::layer<frcnn, "fpn/layer0">.output == nc::shape{200, 200, 256});
static_assert(nc::layer<frcnn, "fpn/layer3">.output == nc::shape{25, 25, 256});
static_assert(nc::layer<frcnn, "fpn/pool">.output == nc::shape{13, 13, 256});
// The top-down path: level "2"'s sum adds inner2's 50 x 50 to inner3's 25 x 25 interpolated.
static_assert(nc::layer<frcnn, "fpn/sum2">.output == nc::shape{50, 50, 256});

// The RPN head (one 3 x 3 convolution of 256 with bias, 1 x 1 to 3 and to 12): 589,824 + 256 +
// 768 + 3 + 3,072 + 12 = 593,935 parameters, once, though it runs on five levels; on level "4"
// ("pool", 13 x 13) its 3 x 3 convolution does 169 * 589,824 = 99,680,256 MACs.
static_assert(nc::layer<frcnn, "rpn/conv@5/conv1">.connections == 99'680'256);
static_assert(nc::layers<frcnn>[nc::layer<frcnn, "rpn/conv@5/conv1">.reuse_of].name == "rpn/conv/conv1");
constexpr std::uint64_t rpn_parameters() {
    std::uint64_t sum = 0;
    for (const nc::layer_info& l : nc::layers<frcnn>)
        if (l.name.starts_with("rpn/")) sum += nc::detail::contribution(l).parameters;
    return sum;
}
static_assert(rpn_parameters() == 593'935);

// The outputs: the RPN's objectness and box deltas per level, then one region's scores and box
// deltas (91 COCO classes, background included; 4 * 91 deltas).
static_assert(nc::output_shapes<frcnn>.size() == 12);
static_assert(nc::output_shapes<frcnn>[0] == nc::shape{200, 200, 3});
static_assert(nc::output_shapes<frcnn>[9] == nc::shape{13, 13, 12});
static_assert(nc::output_shapes<frcnn>[10] == nc::shape{1, 1, 91});
static_assert(nc::output_shapes<frcnn>[11] == nc::shape{1, 1, 364});
static_assert(nc::output_shapes<zoo::maskrcnn_resnet50_fpn>[12] == nc::shape{28, 28, 91});
// The keypoint predictor: 14 -> (14 - 1) * 2 + 4 - 2 = 28 by the transposed convolution, 56 by
// the interpolation.
static_assert(nc::output_shapes<zoo::keypointrcnn_resnet50_fpn>[12] == nc::shape{56, 56, 17});

// One region through the box head: fc6 256 * 7 * 7 * 1,024 = 12,845,056, fc7 1,048,576,
// cls_score 1,024 * 91 = 93,184, bbox_pred 1,024 * 364 = 372,736 MACs: 14,359,552. On 300
// proposals instead of 1,000, 700 regions fewer.
static_assert(nc::layer<frcnn, "box/fc6">.connections == 1'000 * 12'845'056ULL);
static_assert(nc::connections<zoo::fasterrcnn_resnet50_fpn_network<300>> ==
              nc::connections<frcnn> - 700 * 14'359'552ULL);
// The mask head on 50 detections instead of 100: a region's 4 * (14 * 14 * 256 * 2,304) =
// 462,422,016 in its four 3 x 3 convolutions, 14 * 14 * 256 * 256 * 4 = 51,380,224 in the
// transposed one (over its input's positions), 28 * 28 * 91 * 256 = 18,264,064 in the last:
// 532,066,304 per region.
static_assert(nc::connections<zoo::maskrcnn_resnet50_fpn_network<1000, 50>> ==
              nc::connections<zoo::maskrcnn_resnet50_fpn> - 50 * 532'066'304ULL);
// The 320 model runs its box head on its own rpn_post_nms_top_n_test, 150.
static_assert(nc::layer<zoo::fasterrcnn_mobilenet_v3_large_320_fpn, "box/fc6">.connections == 150 * 12'845'056ULL);

// MobileNetV3's pyramid reads bneck13 (160 channels) and the last convolution (960), both at a
// 32nd: 25 x 25 on 800, 10 x 10 on 320.
static_assert(nc::layer<zoo::fasterrcnn_mobilenet_v3_large_fpn, "fpn/inner0">.input == nc::shape{25, 25, 160});
static_assert(nc::layer<zoo::fasterrcnn_mobilenet_v3_large_fpn, "fpn/inner1">.input == nc::shape{25, 25, 960});
static_assert(nc::layer<zoo::fasterrcnn_mobilenet_v3_large_320_fpn, "fpn/pool">.output == nc::shape{5, 5, 256});
