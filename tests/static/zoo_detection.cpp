// torchvision 0.14's one-stage detectors (retinanet_resnet50_fpn, retinanet_resnet50_fpn_v2,
// fcos_resnet50_fpn, ssd300_vgg16, ssdlite320_mobilenet_v3_large, built with weights=None and
// weights_backbone=None) against what PyTorch reports for them, at the size each sees after
// torchvision's transform and at a non-square size through with_input: every Conv2d call in
// order (each level a shared head runs on), the totals, and the head's output maps.
// tests/reference/torchvision-detection.json, measured by tools/reference/detection_reference.py
// (model.backbone then model.head on a zero image of batch 1, forward hooks on every Conv2d and
// Linear; PyTorch 1.13.1, torchvision 0.14.1). Its weights and biases count each module once,
// as netcount counts a shared<> block's; its multiply-accumulates and units every call.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <netcount/netcount.hpp>
#include <netcount/zoo/fcos.hpp>
#include <netcount/zoo/retinanet.hpp>
#include <netcount/zoo/ssd.hpp>

#include "reference_check.hpp"
#include "reference_detection.hpp"

namespace nc = netcount;
using nc::zoo::fcos_resnet50_fpn;
using nc::zoo::retinanet_resnet50_fpn;
using nc::zoo::retinanet_resnet50_fpn_v2;
using nc::zoo::ssd300_vgg16;
using nc::zoo::ssdlite320_mobilenet_v3_large;
using reference::has_figures;

// The reference's outputs, [C, H, W] each, are output_shapes<Net>, in order.
template<class Net, std::size_t K>
constexpr bool outputs_match(const std::array<std::array<std::uint64_t, 3>, K>& ref) noexcept {
    if (nc::output_shapes<Net>.size() != K) return false;
    for (std::size_t i = 0; i != K; ++i)
        if (nc::output_shapes<Net>[i] != nc::shape{ref[i][1], ref[i][2], ref[i][0]}) return false;
    return true;
}

// Every call with weights, the totals (and the input's shape) and the outputs.
template<class Net, class Model, std::size_t K>
constexpr bool matches(const Model& ref, const std::array<std::array<std::uint64_t, 3>, K>& outputs) noexcept {
    return reference::first_mismatch<Net>(ref) == reference::all_match && reference::totals_match<Net>(ref) &&
           outputs_match<Net>(outputs);
}

// ---------------------------------------------------------------------------------------------
// RetinaNet. 111 convolutions: ResNet-50's 53, the pyramid's 8, and 2 x 5 x 5 in the head.
static_assert(reference_detection::retinanet_resnet50_fpn.layers.size() == 111);
static_assert(matches<retinanet_resnet50_fpn>(reference_detection::retinanet_resnet50_fpn,
                                              reference_detection::retinanet_resnet50_fpn_outputs));
static_assert(matches<retinanet_resnet50_fpn_v2>(reference_detection::retinanet_resnet50_fpn_v2,
                                                 reference_detection::retinanet_resnet50_fpn_v2_outputs));
// 600 x 1000, which is no multiple of 32: C3 75 x 125, C4 38 x 63, C5 19 x 32, P6 10 x 16, P7
// 5 x 8; the pyramid interpolates 19 x 32 to 38 x 63 and 38 x 63 to 75 x 125, by size.
static_assert(matches<nc::with_input<retinanet_resnet50_fpn, 600, 1000>>(
    reference_detection::retinanet_resnet50_fpn_600x1000,
    reference_detection::retinanet_resnet50_fpn_600x1000_outputs));
static_assert(matches<nc::with_input<retinanet_resnet50_fpn_v2, 600, 1000>>(
    reference_detection::retinanet_resnet50_fpn_v2_600x1000,
    reference_detection::retinanet_resnet50_fpn_v2_600x1000_outputs));
static_assert(
    nc::layer<nc::with_input<retinanet_resnet50_fpn, 600, 1000>, "backbone/fpn/inner4/upsample_back1">.output ==
    nc::shape{38, 63, 256});

// The totals, by hand beside the reference. Parameters: torchvision's "num_params" for its
// COCO weights, 34,014,999 (v1) and 38,198,935 (v2), are counted with FrozenBatchNorm2d in v1,
// whose scale and shift are buffers: ResNet-50's batch norms hold 2 x 26,560 = 53,120 more
// (64 + 1,408 + 3,584 + 10,240 + 11,264 channels in the stem and layer1 to layer4, downsamples
// included), 34,014,999 + 53,120 = 34,068,119. v2's ResNet has nn.BatchNorm2d always.
static_assert(nc::parameters<retinanet_resnet50_fpn> == 34'068'119);
static_assert(nc::parameters<retinanet_resnet50_fpn_v2> == 38'198'935);
// Multiply-accumulates: torchvision's "_ops" (GFLOPS, from 0.15 on) are 151.54 and 152.238.
static_assert(nc::connections<retinanet_resnet50_fpn> == 151'540'437'248);
static_assert(nc::connections<retinanet_resnet50_fpn_v2> == 152'238'199'040);

// The pyramid on 800 x 800: C5 25 x 25 x 2048, P6 (25 + 2 - 3) / 2 + 1 = 13, P7 7. In v1 P6
// reads P5 (256 channels: 9 x 256 x 256 + 256 = 590,080 parameters), in v2 C5 (9 x 2048 x 256
// + 256 = 4,718,848).
static_assert(nc::layer<retinanet_resnet50_fpn, "backbone/fpn/p6">.output == nc::shape{13, 13, 256});
static_assert(nc::layer<retinanet_resnet50_fpn, "backbone/fpn/p7">.output == nc::shape{7, 7, 256});
static_assert(nc::layer<retinanet_resnet50_fpn, "backbone/fpn/p6">.parameters == 590'080);
static_assert(nc::layer<retinanet_resnet50_fpn_v2, "backbone/fpn/p6">.parameters == 4'718'848);
static_assert(nc::layer<retinanet_resnet50_fpn, "backbone/fpn/inner4">.kind == "add");

// The classification subnet: its parameters once, four 3 x 3 convolutions of 256 (589,824 +
// 256 each) and cls_logits, 9 x 91 = 819 filters (9 x 256 x 819 = 1,886,976 + 819): 4,248,115;
// its multiply-accumulates on every level, cls_logits's 1,886,976 x (100^2 + 50^2 + 25^2 + 13^2
// + 7^2 = 13,343) on the five.
static_assert(has_figures(nc::layer<retinanet_resnet50_fpn, "head/classification_head/cls_logits">,
                          {{100, 100, 819}, 8'190'000, 1'886'976, 819, 18'869'760'000}));
static_assert(has_figures(nc::layer<retinanet_resnet50_fpn, "head/classification_head@5/cls_logits">,
                          {{7, 7, 819}, 40'131, 1'886'976, 819, 92'461'824}));
constexpr std::uint64_t shared_sum(std::string_view scope, bool parameters) {
    std::uint64_t sum = 0;
    for (const nc::layer_info& l : nc::layers<retinanet_resnet50_fpn>)
        if (l.name.starts_with(scope) && l.kind == "conv")
            sum += parameters ? nc::detail::contribution(l).parameters : l.connections;
    return sum;
}
static_assert(shared_sum("head/classification_head", true) == 4'248'115);
static_assert(shared_sum("head/classification_head", false) == (4 * 589'824ULL + 1'886'976) * 13'343);
// Each application is a reuse of the definition's entry.
static_assert(
    nc::layers<retinanet_resnet50_fpn>[nc::layer<retinanet_resnet50_fpn, "head/regression_head@3/bbox_reg">.reuse_of]
        .name == "head/regression_head/bbox_reg");
// v2's subnet convolutions have no bias and a group norm of 32 groups (2 x 256 parameters).
static_assert(nc::layer<retinanet_resnet50_fpn_v2, "head/classification_head/conv/conv1">.biases == 0);
static_assert(nc::layer<retinanet_resnet50_fpn_v2, "head/classification_head/conv/group_norm1">.parameters == 512);

// ---------------------------------------------------------------------------------------------
// FCOS: its box subnet's two last convolutions read the four before them side by side.
static_assert(matches<fcos_resnet50_fpn>(reference_detection::fcos_resnet50_fpn,
                                         reference_detection::fcos_resnet50_fpn_outputs));
static_assert(matches<nc::with_input<fcos_resnet50_fpn, 600, 1000>>(
    reference_detection::fcos_resnet50_fpn_600x1000, reference_detection::fcos_resnet50_fpn_600x1000_outputs));
// torchvision's "num_params", 32,269,600, with FrozenBatchNorm2d: + 53,120 as RetinaNet's.
// Multiply-accumulates from the reference.
static_assert(nc::parameters<fcos_resnet50_fpn> == 32'322'720);
static_assert(nc::connections<fcos_resnet50_fpn> == 128'207'052'800);
// The centre-ness on P4 (50 x 50) reads the four convolutions there, not bbox_reg: 9 x 256
// weights, 2,500 x 2,304 = 5,760,000 multiply-accumulates.
static_assert(has_figures(nc::layer<fcos_resnet50_fpn, "head/bbox_ctrness@2/conv1">,
                          {{50, 50, 1}, 2'500, 2'304, 1, 5'760'000}));
static_assert(nc::layers<fcos_resnet50_fpn>[nc::layer<fcos_resnet50_fpn, "head/bbox_ctrness@2/conv1">.inputs[0]].name ==
              "head/regression_head@2/conv/relu4");

// ---------------------------------------------------------------------------------------------
// SSD300: conv4_3 at 38 x 38 (the third pool in ceil mode: 75 to 38), fc7 19 x 19 x 1024, then
// 10, 5, 3 and 1.
static_assert(matches<ssd300_vgg16>(reference_detection::ssd300_vgg16, reference_detection::ssd300_vgg16_outputs));
static_assert(matches<nc::with_input<ssd300_vgg16, 300, 500>>(reference_detection::ssd300_vgg16_300x500,
                                                              reference_detection::ssd300_vgg16_300x500_outputs));
// torchvision's "num_params" for its COCO weights, 35,641,826, with scale_weight's 512;
// multiply-accumulates from the reference.
static_assert(nc::parameters<ssd300_vgg16> == 35'641'826);
static_assert(nc::connections<ssd300_vgg16> == 34'858'153'472);
static_assert(nc::layer<ssd300_vgg16, "backbone/scale_weight/layer_scale1">.output == nc::shape{38, 38, 512});
static_assert(nc::layer<ssd300_vgg16, "backbone/scale_weight/layer_scale1">.parameters == 512);
// fc6: 3 x 3 dilated by 6, padded by 6, on 19 x 19 x 512: 9 x 512 x 1024 = 4,718,592 weights,
// 361 x 1024 = 369,664 units, 4,718,592 x 361 = 1,703,411,712 multiply-accumulates.
static_assert(has_figures(nc::layer<ssd300_vgg16, "backbone/extra0/conv4">,
                          {{19, 19, 1024}, 369'664, 4'718'592, 1'024, 1'703'411'712}));

// ---------------------------------------------------------------------------------------------
// SSDlite: bneck13's expansion (20 x 20 x 672) and the reduced tail's 10 x 10 x 480, then 5, 3,
// 2 and 1.
static_assert(matches<ssdlite320_mobilenet_v3_large>(reference_detection::ssdlite320_mobilenet_v3_large,
                                                     reference_detection::ssdlite320_mobilenet_v3_large_outputs));
static_assert(matches<nc::with_input<ssdlite320_mobilenet_v3_large, 320, 480>>(
    reference_detection::ssdlite320_mobilenet_v3_large_320x480,
    reference_detection::ssdlite320_mobilenet_v3_large_320x480_outputs));
// torchvision's "num_params" for its COCO weights: 3,440,060. Multiply-accumulates: its
// "_ops" (from 0.15 on), 0.583 GFLOPS.
static_assert(nc::parameters<ssdlite320_mobilenet_v3_large> == 3'440'060);
static_assert(nc::connections<ssdlite320_mobilenet_v3_large> == 583'171'904);
static_assert(nc::layer<ssdlite320_mobilenet_v3_large, "backbone/features/bneck13/hardswish1">.output ==
              nc::shape{20, 20, 672});
// The reduced tail: bneck14 expands 80 to 480 (80 x 480 = 38,400 weights), its squeeze 480 / 4
// = 120.
static_assert(nc::layer<ssdlite320_mobilenet_v3_large, "backbone/features/bneck14/conv1">.weights == 38'400);
static_assert(nc::layer<ssdlite320_mobilenet_v3_large, "backbone/features/bneck14/squeeze_excitation1/fc1">.output ==
              nc::shape{1, 1, 120});
// The class head on the first map: 3 x 3 depthwise on 672 channels, then 1 x 1 to 6 x 91 = 546
// with a bias: 672 x 546 = 366,912 weights, 400 positions, 146,764,800 multiply-accumulates.
static_assert(has_figures(nc::layer<ssdlite320_mobilenet_v3_large, "head/classification_head/level0/conv1">,
                          {{20, 20, 546}, 218'400, 366'912, 546, 146'764'800}));

// ---------------------------------------------------------------------------------------------
// The memory schedule, on both sizes of each model: the reference's peak_activations and live,
// from tools/crosscheck/schedule.py (the rules of docs/deploy.md, written from their statement)
// on a torch.fx trace of a twin of the model that runs torchvision's modules in the zoo header's
// order and returns its outputs (tools/reference/schedule_twins.py): the peak, and the live
// elements at every Conv2d call, every level a shared head runs on included.
namespace ref = reference_detection;
using reference::schedule_matches;
static_assert(schedule_matches<retinanet_resnet50_fpn>(ref::retinanet_resnet50_fpn_peak,
                                                       ref::retinanet_resnet50_fpn_live));
static_assert(schedule_matches<nc::with_input<retinanet_resnet50_fpn, 600, 1000>>(
    ref::retinanet_resnet50_fpn_600x1000_peak, ref::retinanet_resnet50_fpn_600x1000_live));
static_assert(schedule_matches<retinanet_resnet50_fpn_v2>(ref::retinanet_resnet50_fpn_v2_peak,
                                                          ref::retinanet_resnet50_fpn_v2_live));
static_assert(schedule_matches<nc::with_input<retinanet_resnet50_fpn_v2, 600, 1000>>(
    ref::retinanet_resnet50_fpn_v2_600x1000_peak, ref::retinanet_resnet50_fpn_v2_600x1000_live));
static_assert(schedule_matches<fcos_resnet50_fpn>(ref::fcos_resnet50_fpn_peak, ref::fcos_resnet50_fpn_live));
static_assert(schedule_matches<nc::with_input<fcos_resnet50_fpn, 600, 1000>>(ref::fcos_resnet50_fpn_600x1000_peak,
                                                                             ref::fcos_resnet50_fpn_600x1000_live));
static_assert(schedule_matches<ssd300_vgg16>(ref::ssd300_vgg16_peak, ref::ssd300_vgg16_live));
static_assert(schedule_matches<nc::with_input<ssd300_vgg16, 300, 500>>(ref::ssd300_vgg16_300x500_peak,
                                                                       ref::ssd300_vgg16_300x500_live));
static_assert(schedule_matches<ssdlite320_mobilenet_v3_large>(ref::ssdlite320_mobilenet_v3_large_peak,
                                                              ref::ssdlite320_mobilenet_v3_large_live));
static_assert(schedule_matches<nc::with_input<ssdlite320_mobilenet_v3_large, 320, 480>>(
    ref::ssdlite320_mobilenet_v3_large_320x480_peak, ref::ssdlite320_mobilenet_v3_large_320x480_live));
// By hand, RetinaNet on 600 x 1000: the peak is at layer1's first shortcut add, which reads the
// block's conv3 output (150 x 250 x 256 = 9,600,000), the downsample's (as many) and writes
// its own (as many), while the stem's pooled map (150 x 250 x 64 = 2,400,000) the downsample
// read is freed: 3 x 9,600,000 = 28,800,000.
static_assert(nc::peak_activations<nc::with_input<retinanet_resnet50_fpn, 600, 1000>> == 28'800'000);
static_assert(nc::peak_layer<nc::with_input<retinanet_resnet50_fpn, 600, 1000>>.name == "backbone/body/layer1/add1");
