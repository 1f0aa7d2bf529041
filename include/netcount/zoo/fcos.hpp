#ifndef NETCOUNT_ZOO_FCOS_HPP
#define NETCOUNT_ZOO_FCOS_HPP

#include <netcount/detail/config.hpp> // first: below C++20, its error comes first

#include <netcount/netcount.hpp>
#include <netcount/zoo/retinanet.hpp>

NETCOUNT_DIAGNOSTICS_PUSH
namespace netcount::zoo {

// FCOS as Tian, Shen, Chen and He describe it in "FCOS: Fully Convolutional One-Stage Object
// Detection" (2019) and "FCOS: A Simple and Strong Anchor-free Object Detector" (2020), in
// torchvision 0.14's form (models.detection.fcos_resnet50_fpn, built with weights=None and
// weights_backbone=None), at 800 x 800 for COCO's 91 classes, one prediction per position
// (no anchors).
//
// The backbone is RetinaNet's (<netcount/zoo/retinanet.hpp>): ResNet-50 with batch norms that
// train, and the pyramid P3 to P7 of 256 channels, P6 of P5 (torchvision's
// LastLevelP6P7(256, 256)). The head (torchvision's FCOSHead) runs on each of the five levels
// with the same weights: a classification subnet, four 3 x 3 convolutions of 256 with biases,
// each followed by a group norm of 32 groups and ReLU, and a 3 x 3 convolution to the 91
// scores; and a box subnet, the same four, then two 3 x 3 convolutions that read their output
// side by side: "bbox_reg" to the 4 distances, followed by ReLU, and "bbox_ctrness" to the one
// centre-ness score.
//
// Names as for RetinaNet: "backbone/body", "backbone/fpn", "head/classification_head" on P3 and
// "head/classification_head@2" ... "@5" on P4 to P7 (its last convolution "cls_logits"),
// "head/regression_head" likewise (its four convolutions "conv/conv1" ... "conv/conv4", its
// last "bbox_reg" and the ReLU after it). torchvision's regression_head.bbox_ctrness reads the
// four convolutions' output, not bbox_reg's, and netcount's shared<> applies one chain of
// layers: it is a shared block of its own, "head/bbox_ctrness" on P3 and
// "head/bbox_ctrness@2" ... "@5" (its convolution "conv1"), which reads
// "head/regression_head/conv" (or "head/regression_head@n/conv") right after the box subnet on
// that level, as torchvision runs them. The outputs are fifteen maps in the order of the dict
// torchvision's head returns: the scores on P3 to P7 (100 x 100 x 91 ... 7 x 7 x 91 on
// 800 x 800), the distances after their ReLU (x 4), and the centre-ness (x 1).

// A convolution of FCOS's subnets: 3 x 3 of 256 with a bias, group norm (32 groups), ReLU.
using fcos_conv = sequence<conv<256, kernel<3>, pad<1>>, group_norm<32>, relu>;

// The box subnet on one level: the four convolutions ("conv"), then bbox_reg and its ReLU.
using fcos_box_subnet =
    sequence<sequence<name<"conv">, repeat<4, fcos_conv>>, conv<4, kernel<3>, pad<1>, name<"bbox_reg">>, relu>;

// The centre-ness: one 3 x 3 convolution to one map, with a bias.
using fcos_ctrness = conv<1, kernel<3>, pad<1>>;

// The box subnet and the centre-ness on one level: Level reads the level, Tower the subnet's
// four convolutions on it (the name of the box subnet's "conv" on that level).
template<fixed_string Level, fixed_string Tower>
using fcos_box_level = sequence<from<Level>, shared<"regression_head">, from<Tower>, shared<"bbox_ctrness">>;

using fcos_head =
    sequence<name<"head">,
             on_pyramid_levels<"classification_head", retinanet_subnet<fcos_conv, coco_classes, "cls_logits">>,
             // P3: the definitions.
             from<"backbone/fpn/p3">, shared<"regression_head", fcos_box_subnet>, from<"head/regression_head/conv">,
             shared<"bbox_ctrness", fcos_ctrness>,
             // P4 to P7: their applications again.
             fcos_box_level<"backbone/fpn/p4", "head/regression_head@2/conv">,
             fcos_box_level<"backbone/fpn/p5", "head/regression_head@3/conv">,
             fcos_box_level<"backbone/fpn/p6", "head/regression_head@4/conv">,
             fcos_box_level<"backbone/fpn/p7", "head/regression_head@5/conv">>;

// torchvision's fcos_resnet50_fpn.
struct fcos_resnet50_fpn
    : network<input<800, 800, 3>, retinanet_backbone<"backbone/fpn/p5">, fcos_head,
              outputs<"head/classification_head", "head/classification_head@2", "head/classification_head@3",
                      "head/classification_head@4", "head/classification_head@5", "head/regression_head",
                      "head/regression_head@2", "head/regression_head@3", "head/regression_head@4",
                      "head/regression_head@5", "head/bbox_ctrness", "head/bbox_ctrness@2", "head/bbox_ctrness@3",
                      "head/bbox_ctrness@4", "head/bbox_ctrness@5">> {};

} // namespace netcount::zoo

NETCOUNT_DIAGNOSTICS_POP

#endif
