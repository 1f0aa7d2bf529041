#ifndef NETCOUNT_ZOO_RCNN_HPP
#define NETCOUNT_ZOO_RCNN_HPP

#include <netcount/detail/config.hpp> // first: below C++20, its error comes first

#include <cstddef>
#include <type_traits>

#include <netcount/netcount.hpp>
#include <netcount/zoo/mobilenet_v3.hpp>
#include <netcount/zoo/resnet.hpp>

NETCOUNT_DIAGNOSTICS_PUSH
namespace netcount::zoo {

// The two-stage detectors of torchvision 0.14 (models.detection), built as torchvision builds
// them with weights=None and weights_backbone=None: every batch norm a trainable BatchNorm2d
// (FrozenBatchNorm2d, whose scale and shift are buffers, only comes with pretrained weights),
// and every layer trainable. Faster R-CNN as Ren, He, Girshick and Sun describe it in "Faster
// R-CNN: Towards Real-Time Object Detection with Region Proposal Networks" (2015), on a
// feature pyramid as Lin, Dollar, Girshick, He, Hariharan and Belongie describe it in "Feature
// Pyramid Networks for Object Detection" (2017); Mask R-CNN and its keypoint variant as He,
// Gkioxari, Dollar and Girshick describe them in "Mask R-CNN" (2017); the "v2" models as Li,
// Xie, Chen, Wang, Dollar, He and Girshick improve them in "Benchmarking Detection Transfer
// Learning with Vision Transformers" (2021): batch norm in the pyramid and the heads, two
// convolutions in the RPN head, four in the box head.
//
// Counted on the image the network sees after torchvision's transform, square: 800 x 800
// (min_size 800), or 320 x 320 for fasterrcnn_mobilenet_v3_large_320_fpn (min_size 320). The
// backbone and pyramid run once; the RPN head on every level, with one set of weights
// (shared<>); the box head and predictor on the proposals the RPN keeps,
// rpn_post_nms_top_n_test (1,000, or 150 for the 320 model); the mask or keypoint head on the
// detections kept, box_detections_per_img (100) (rois<>). Other counts are one template
// argument away: fasterrcnn_resnet50_fpn_network<300> runs the box head on 300 proposals,
// maskrcnn_resnet50_fpn_network<1000, 50> the mask head on 50 detections.
//
// torchvision's MultiScaleRoIAlign takes each region from the pyramid level its size picks
// ("0" to "3", or "0" and "1" for MobileNetV3): every level has the pyramid's 256 channels, so
// a region's shape is the same whichever it reads. A rois<> reads one tensor: here level "0"
// (fpn/layer0, the largest), which the memory schedule keeps alive for the heads.
//
// Names follow torchvision's modules: the backbone's body is "body" (ResNet-50's stages
// "body/layer1" ... as in <netcount/zoo/resnet.hpp>, MobileNetV3-Large's rows "body/bneck1" ...
// as in <netcount/zoo/mobilenet_v3.hpp>, and its last 1 x 1 convolution "body/lastconv"); the
// pyramid is "fpn", its lateral convolutions "fpn/inner0" ... (inner_blocks.0 ...), its output
// convolutions "fpn/layer0" ... (layer_blocks.0 ..., the levels "0" ... torchvision returns),
// the sums of a lateral and the level above "fpn/sum0" ..., and the extra level "fpn/pool"; the
// RPN head is "rpn", its 3 x 3 convolution(s) "rpn/conv" and its two 1 x 1 convolutions
// "rpn/cls_logits" and "rpn/bbox_pred", applied again as "rpn/conv@2", ... on each further
// level; the heads are "box" (fc6, fc7 or conv1 ... conv4 and fc6 in v2, cls_score,
// bbox_pred), "mask" (conv1 ... conv4, conv5_mask, mask_fcn_logits) and "keypoint" (conv1 ...
// conv8, kps_score_lowres). The network's outputs are the RPN's objectness and box maps of
// every level, then the per-region outputs: the box predictor's scores and box deltas, and
// the mask logits or keypoint heatmaps.

// A pyramid convolution (torchvision's Conv2dNormActivation without activation): with a bias,
// or, with Norm a batch_norm (the v2 models' norm_layer), without one and followed by it.
template<fixed_string Name, std::size_t Kernel, class Norm>
using rcnn_fpn_conv =
    std::conditional_t<std::is_same_v<Norm, void>, conv<256, kernel<Kernel>, pad<Kernel / 2>, name<Name>>,
                       sequence<name<Name>, conv<256, kernel<Kernel>, pad<Kernel / 2>, no_bias, name<"conv">>, Norm>>;

// A 3 x 3 convolution of a head with its ReLU (Conv2dNormActivation, or nn.Conv2d and
// nn.ReLU): with a bias, or without one and followed by Norm.
template<std::size_t Filters, fixed_string Name, class Norm>
using rcnn_head_conv =
    std::conditional_t<std::is_same_v<Norm, void>, sequence<conv<Filters, kernel<3>, pad<1>, name<Name>>, relu>,
                       sequence<conv<Filters, kernel<3>, pad<1>, no_bias, name<Name>>, Norm, relu>>;

// The top of the pyramid: the lateral 1 x 1 convolution of the last map C (its "last_inner"),
// then the level's 3 x 3 output convolution.
template<fixed_string C, fixed_string Inner, fixed_string Layer, class Norm>
using rcnn_fpn_top = sequence<from<C>, rcnn_fpn_conv<Inner, 1, Norm>, rcnn_fpn_conv<Layer, 3, Norm>>;

// A lower level: the lateral convolution of map C, plus the sum above it (Above, torchvision's
// last_inner) interpolated to its size (F.interpolate(..., size=...), nearest), then the
// level's output convolution.
template<fixed_string C, fixed_string Above, fixed_string Inner, fixed_string Sum, fixed_string Layer, class Norm>
using rcnn_fpn_level = sequence<from<C>, rcnn_fpn_conv<Inner, 1, Norm>,
                                add<name<Sum>, identity, upsample_back<from<Above>>>, rcnn_fpn_conv<Layer, 3, Norm>>;

// The pyramid on ResNet-50's four stages (torchvision's FeaturePyramidNetwork([256, 512, 1024,
// 2048], 256) with LastLevelMaxPool): levels "0" to "3" at a 4th to a 32nd of the image, and
// "pool", a 1 x 1 max pool at stride 2 of level "3", at a 64th. Norm: void, or batch_norm (v2).
template<class Norm>
using rcnn_fpn = sequence<name<"fpn">, rcnn_fpn_top<"body/layer4", "inner3", "layer3", Norm>,
                          rcnn_fpn_level<"body/layer3", "fpn/inner3", "inner2", "sum2", "layer2", Norm>,
                          rcnn_fpn_level<"body/layer2", "fpn/sum2", "inner1", "sum1", "layer1", Norm>,
                          rcnn_fpn_level<"body/layer1", "fpn/sum1", "inner0", "sum0", "layer0", Norm>,
                          from<"fpn/layer3">, max_pool<kernel<1>, stride<2>, name<"pool">>>;

// ResNet-50 without its pool and classifier (<netcount/zoo/resnet.hpp>): C2 to C5 are its
// stages' outputs.
using rcnn_resnet50_body =
    sequence<name<"body">, resnet_conv<64, 7, 2>, batch_norm, relu, max_pool<kernel<3>, stride<2>, pad<1>>,
             resnet_stage<"layer1", bottleneck_blocks, 64, 3, 1>, resnet_stage<"layer2", bottleneck_blocks, 128, 4, 2>,
             resnet_stage<"layer3", bottleneck_blocks, 256, 6, 2>,
             resnet_stage<"layer4", bottleneck_blocks, 512, 3, 2>>;

// MobileNetV3-Large's features (<netcount/zoo/mobilenet_v3.hpp>): its stem, bneck1 to bneck15
// and the 1 x 1 convolution to 960 with hard-swish (features.16), without its pool and
// classifier.
using rcnn_mobilenet_v3_large_body =
    sequence<name<"body">, mobilenet_v3_large_low, mobilenet_v3_large_high<1>,
             sequence<name<"lastconv">, conv<960, kernel<1>, no_bias>, batch_norm, hardswish>>;

// torchvision's _mobilenet_extractor(fpn=True) takes the last two of its stages: bneck13's output
// (features.13, the last row that strides, 160 channels at a 32nd) and features.16's (960
// channels, the same size), so that both levels, "0" and "1", are at a 32nd of the image, and
// "pool" at a 64th.
using rcnn_mobilenet_fpn = sequence<name<"fpn">, rcnn_fpn_top<"body/lastconv", "inner1", "layer1", void>,
                                    rcnn_fpn_level<"body/bneck13", "fpn/inner1", "inner0", "sum0", "layer0", void>,
                                    from<"fpn/layer1">, max_pool<kernel<1>, stride<2>, name<"pool">>>;

// torchvision's RPNHead on one level: Depth 3 x 3 convolutions of 256 with ReLU (1, or 2 in
// v2, each with a bias), then a 1 x 1 convolution to the objectness of Anchors anchors per
// position and one to their 4 * Anchors box deltas, both reading the convolutions' output.
// Defined by its first application (Level the first level's name), applied again by
// rcnn_rpn_again on every further one; its three parts are shared<> apart so that the two 1 x 1
// convolutions read the same tensor at each level.
template<fixed_string Level, std::size_t Anchors, std::size_t Depth>
using rcnn_rpn_first =
    sequence<from<Level>, shared<"conv", repeat<Depth, sequence<conv<256, kernel<3>, pad<1>>, relu>>>,
             shared<"cls_logits", conv<Anchors, kernel<1>>>, from<"rpn/conv">,
             shared<"bbox_pred", conv<4 * Anchors, kernel<1>>>>;

// Its application to Level, the n-th (Conv "rpn/conv@n").
template<fixed_string Level, fixed_string Conv>
using rcnn_rpn_again = sequence<from<Level>, shared<"conv">, shared<"cls_logits">, from<Conv>, shared<"bbox_pred">>;

// The RPN on the five levels of the ResNet pyramid: 3 anchors per position (one size per level,
// aspect ratios 0.5, 1 and 2).
template<std::size_t Depth>
using rcnn_rpn_resnet = sequence<name<"rpn">, rcnn_rpn_first<"fpn/layer0", 3, Depth>,
                                 rcnn_rpn_again<"fpn/layer1", "rpn/conv@2">, rcnn_rpn_again<"fpn/layer2", "rpn/conv@3">,
                                 rcnn_rpn_again<"fpn/layer3", "rpn/conv@4">, rcnn_rpn_again<"fpn/pool", "rpn/conv@5">>;

// On the three levels of the MobileNetV3 pyramid: 15 anchors per position (five sizes, three
// aspect ratios).
using rcnn_rpn_mobilenet =
    sequence<name<"rpn">, rcnn_rpn_first<"fpn/layer0", 15, 1>, rcnn_rpn_again<"fpn/layer1", "rpn/conv@2">,
             rcnn_rpn_again<"fpn/pool", "rpn/conv@3">>;

// The box head on Proposals regions of 7 x 7 of level "0": torchvision's TwoMLPHead (flatten,
// fully connected 1,024, ReLU, 1,024, ReLU) and FastRCNNPredictor, the scores of Classes
// classes and 4 * Classes box deltas, both reading fc7's ReLU.
template<std::size_t Proposals, std::size_t Classes>
using rcnn_box_head =
    sequence<from<"fpn/layer0">,
             rois<Proposals, 7, 7, name<"box">, fc<1024, name<"fc6">>, relu, fc<1024, name<"fc7">>,
                  relu, // box/relu2
                  fc<Classes, name<"cls_score">>, from<"box/relu2">, fc<4 * Classes, name<"bbox_pred">>>>;

// v2's (FastRCNNConvFCHead((256, 7, 7), [256, 256, 256, 256], [1024], BatchNorm2d)): four 3 x 3
// convolutions of 256 with batch norm and ReLU, flatten, fully connected 1,024, ReLU; the same
// predictor.
template<std::size_t Proposals, std::size_t Classes>
using rcnn_box_head_v2 =
    sequence<from<"fpn/layer0">,
             rois<Proposals, 7, 7, name<"box">, rcnn_head_conv<256, "conv1", batch_norm>,
                  rcnn_head_conv<256, "conv2", batch_norm>, rcnn_head_conv<256, "conv3", batch_norm>,
                  rcnn_head_conv<256, "conv4", batch_norm>, fc<1024, name<"fc6">>,
                  relu, // box/relu5
                  fc<Classes, name<"cls_score">>, from<"box/relu5">, fc<4 * Classes, name<"bbox_pred">>>>;

// The mask head on Detections regions of 14 x 14 (MaskRCNNHeads, four 3 x 3 convolutions of 256
// with ReLU, batch norm in v2) and MaskRCNNPredictor: a 2 x 2 transposed convolution at stride
// 2 to 28 x 28, ReLU, and a 1 x 1 convolution to one mask per class (91).
template<std::size_t Detections, class Norm>
using rcnn_mask_head =
    sequence<from<"fpn/layer0">,
             rois<Detections, 14, 14, name<"mask">, rcnn_head_conv<256, "conv1", Norm>,
                  rcnn_head_conv<256, "conv2", Norm>, rcnn_head_conv<256, "conv3", Norm>,
                  rcnn_head_conv<256, "conv4", Norm>, transposed_conv<256, kernel<2>, stride<2>, name<"conv5_mask">>,
                  relu, conv<91, kernel<1>, name<"mask_fcn_logits">>>>;

// The keypoint head on Detections regions of 14 x 14 (KeypointRCNNHeads, eight 3 x 3
// convolutions of 512 with ReLU) and KeypointRCNNPredictor: a 4 x 4 transposed convolution at
// stride 2, padding 1, to 17 heatmaps of 28 x 28, interpolated bilinearly to 56 x 56.
template<std::size_t Detections>
using rcnn_keypoint_head = sequence<
    from<"fpn/layer0">,
    rois<Detections, 14, 14, name<"keypoint">, rcnn_head_conv<512, "conv1", void>, rcnn_head_conv<512, "conv2", void>,
         rcnn_head_conv<512, "conv3", void>, rcnn_head_conv<512, "conv4", void>, rcnn_head_conv<512, "conv5", void>,
         rcnn_head_conv<512, "conv6", void>, rcnn_head_conv<512, "conv7", void>, rcnn_head_conv<512, "conv8", void>,
         transposed_conv<17, kernel<4>, stride<2>, pad<1>, name<"kps_score_lowres">>, upsample<2>>>;

// Faster R-CNN with a ResNet-50 pyramid (torchvision's fasterrcnn_resnet50_fpn), its box head on
// Proposals regions.
template<std::size_t Proposals = 1000>
using fasterrcnn_resnet50_fpn_network =
    network<input<800, 800, 3>, rcnn_resnet50_body, rcnn_fpn<void>, rcnn_rpn_resnet<1>, rcnn_box_head<Proposals, 91>,
            outputs<"rpn/cls_logits", "rpn/bbox_pred", "rpn/cls_logits@2", "rpn/bbox_pred@2", "rpn/cls_logits@3",
                    "rpn/bbox_pred@3", "rpn/cls_logits@4", "rpn/bbox_pred@4", "rpn/cls_logits@5", "rpn/bbox_pred@5",
                    "box/cls_score", "box/bbox_pred">>;

// fasterrcnn_resnet50_fpn_v2.
template<std::size_t Proposals = 1000>
using fasterrcnn_resnet50_fpn_v2_network =
    network<input<800, 800, 3>, rcnn_resnet50_body, rcnn_fpn<batch_norm>, rcnn_rpn_resnet<2>,
            rcnn_box_head_v2<Proposals, 91>,
            outputs<"rpn/cls_logits", "rpn/bbox_pred", "rpn/cls_logits@2", "rpn/bbox_pred@2", "rpn/cls_logits@3",
                    "rpn/bbox_pred@3", "rpn/cls_logits@4", "rpn/bbox_pred@4", "rpn/cls_logits@5", "rpn/bbox_pred@5",
                    "box/cls_score", "box/bbox_pred">>;

// fasterrcnn_mobilenet_v3_large_fpn on a Size x Size image (800, or 320 for the 320 model).
template<std::size_t Size, std::size_t Proposals>
using fasterrcnn_mobilenet_v3_large_fpn_network =
    network<input<Size, Size, 3>, rcnn_mobilenet_v3_large_body, rcnn_mobilenet_fpn, rcnn_rpn_mobilenet,
            rcnn_box_head<Proposals, 91>,
            outputs<"rpn/cls_logits", "rpn/bbox_pred", "rpn/cls_logits@2", "rpn/bbox_pred@2", "rpn/cls_logits@3",
                    "rpn/bbox_pred@3", "box/cls_score", "box/bbox_pred">>;

// maskrcnn_resnet50_fpn: Faster R-CNN's, and the mask head on Detections regions.
template<std::size_t Proposals = 1000, std::size_t Detections = 100>
using maskrcnn_resnet50_fpn_network =
    network<input<800, 800, 3>, rcnn_resnet50_body, rcnn_fpn<void>, rcnn_rpn_resnet<1>, rcnn_box_head<Proposals, 91>,
            rcnn_mask_head<Detections, void>,
            outputs<"rpn/cls_logits", "rpn/bbox_pred", "rpn/cls_logits@2", "rpn/bbox_pred@2", "rpn/cls_logits@3",
                    "rpn/bbox_pred@3", "rpn/cls_logits@4", "rpn/bbox_pred@4", "rpn/cls_logits@5", "rpn/bbox_pred@5",
                    "box/cls_score", "box/bbox_pred", "mask">>;

// maskrcnn_resnet50_fpn_v2.
template<std::size_t Proposals = 1000, std::size_t Detections = 100>
using maskrcnn_resnet50_fpn_v2_network =
    network<input<800, 800, 3>, rcnn_resnet50_body, rcnn_fpn<batch_norm>, rcnn_rpn_resnet<2>,
            rcnn_box_head_v2<Proposals, 91>, rcnn_mask_head<Detections, batch_norm>,
            outputs<"rpn/cls_logits", "rpn/bbox_pred", "rpn/cls_logits@2", "rpn/bbox_pred@2", "rpn/cls_logits@3",
                    "rpn/bbox_pred@3", "rpn/cls_logits@4", "rpn/bbox_pred@4", "rpn/cls_logits@5", "rpn/bbox_pred@5",
                    "box/cls_score", "box/bbox_pred", "mask">>;

// keypointrcnn_resnet50_fpn: two classes (person and background), 17 keypoints.
template<std::size_t Proposals = 1000, std::size_t Detections = 100>
using keypointrcnn_resnet50_fpn_network =
    network<input<800, 800, 3>, rcnn_resnet50_body, rcnn_fpn<void>, rcnn_rpn_resnet<1>, rcnn_box_head<Proposals, 2>,
            rcnn_keypoint_head<Detections>,
            outputs<"rpn/cls_logits", "rpn/bbox_pred", "rpn/cls_logits@2", "rpn/bbox_pred@2", "rpn/cls_logits@3",
                    "rpn/bbox_pred@3", "rpn/cls_logits@4", "rpn/bbox_pred@4", "rpn/cls_logits@5", "rpn/bbox_pred@5",
                    "box/cls_score", "box/bbox_pred", "keypoint">>;

struct fasterrcnn_resnet50_fpn : fasterrcnn_resnet50_fpn_network<> {};
struct fasterrcnn_resnet50_fpn_v2 : fasterrcnn_resnet50_fpn_v2_network<> {};
struct fasterrcnn_mobilenet_v3_large_fpn : fasterrcnn_mobilenet_v3_large_fpn_network<800, 1000> {};
// min_size 320, and rpn_post_nms_top_n_test 150.
struct fasterrcnn_mobilenet_v3_large_320_fpn : fasterrcnn_mobilenet_v3_large_fpn_network<320, 150> {};
struct maskrcnn_resnet50_fpn : maskrcnn_resnet50_fpn_network<> {};
struct maskrcnn_resnet50_fpn_v2 : maskrcnn_resnet50_fpn_v2_network<> {};
struct keypointrcnn_resnet50_fpn : keypointrcnn_resnet50_fpn_network<> {};

} // namespace netcount::zoo

NETCOUNT_DIAGNOSTICS_POP

#endif
