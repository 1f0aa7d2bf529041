#ifndef NETCOUNT_ZOO_RETINANET_HPP
#define NETCOUNT_ZOO_RETINANET_HPP

#include <netcount/detail/config.hpp> // first: below C++20, its error comes first

#include <cstddef>

#include <netcount/netcount.hpp>
#include <netcount/zoo/resnet.hpp>

NETCOUNT_DIAGNOSTICS_PUSH
namespace netcount::zoo {

// RetinaNet as Lin, Goyal, Girshick, He and Dollar describe it in "Focal Loss for Dense Object
// Detection" (2017), in torchvision 0.14's form (models.detection.retinanet_resnet50_fpn and
// retinanet_resnet50_fpn_v2, built with weights=None and weights_backbone=None), on the
// 800 x 800 image torchvision's transform makes of a square picture (min_size 800), for COCO's
// 91 classes (torchvision's num_classes, background included), 9 anchors per position.
//
// The backbone is ResNet-50 (<netcount/zoo/resnet.hpp>) up to layer4, without its pool and
// classifier (torchvision's IntermediateLayerGetter), with batch norms that train: without
// pretrained weights torchvision builds nn.BatchNorm2d, not FrozenBatchNorm2d (whose scale and
// shift are buffers), and _validate_trainable_layers trains all five stages. Its stages
// layer2, layer3 and layer4 (C3, C4, C5: an 8th, a 16th and a 32nd of the input, 512, 1024 and
// 2048 channels) feed a feature pyramid (Lin et al., "Feature Pyramid Networks for Object
// Detection", 2017; torchvision's FeaturePyramidNetwork) of 256 channels: a 1 x 1 lateral
// convolution of each, the coarser level interpolated (nearest) to the finer one's size and
// added, and a 3 x 3 convolution of each sum, P3, P4, P5; then P6, a 3 x 3 convolution of stride
// 2, and P7, one of P6 after a ReLU (torchvision's LastLevelP6P7). Every FPN convolution has a
// bias. In retinanet_resnet50_fpn P6 reads P5 (LastLevelP6P7(256, 256): use_P5, as in
// torchvision's detectron2-style v1); in retinanet_resnet50_fpn_v2 it reads C5
// (LastLevelP6P7(2048, 256), as the paper does).
//
// The head (torchvision's RetinaNetHead) runs on each of the five levels with the same weights:
// a classification subnet, four 3 x 3 convolutions of 256 with ReLU and a 3 x 3 convolution to
// 9 x 91 = 819 scores, and a box subnet, the same four and a 3 x 3 convolution to 9 x 4 = 36
// offsets. Each subnet is a shared<> block: its parameters count once, its multiply-accumulates
// on every level. In v1 the four convolutions have biases; in v2 they have none and a group norm
// of 32 groups follows each (GroupNorm(32, 256): 512 parameters). The last convolutions have
// biases in both. Anchors, box decoding and non-maximum suppression count nothing.
//
// Names follow torchvision's modules: "backbone/body" is the ResNet (layer<...,
// "backbone/body/layer4/add3/conv2">), "backbone/fpn" the pyramid, whose lateral
// convolutions are "inner5" (torchvision's fpn.inner_blocks.2, of C5), "inner4/lateral" and
// "inner3/lateral" (inner_blocks.1 and .0), the sums "inner4" and "inner3" (add merges, whose
// interpolation of the level above is "inner4/upsample_back1"), and the 3 x 3 convolutions "p5",
// "p4", "p3" (layer_blocks.2, .1, .0), "p6" and "p7". The head's subnets run in torchvision's
// order, the classification subnet on P3 to P7, then the box subnet: "head/classification_head"
// on P3, "head/classification_head@2" ... "@5" on P4 to P7 (its layers
// "head/classification_head/conv/conv1" ... "conv4", the ReLUs, and "cls_logits"), and likewise
// "head/regression_head" (its last convolution "bbox_reg"). The network's outputs are the ten
// maps the subnets return, the scores on P3 to P7, then the offsets (on 800 x 800:
// 100 x 100 x 819, 50 x 50, 25 x 25, 13 x 13, 7 x 7, then 100 x 100 x 36 ...), before torchvision
// reshapes them to one row per anchor.

// The classes torchvision's detectors are built for without weights: COCO's 91 category ids,
// the background included.
inline constexpr std::size_t coco_classes = 91;

// ResNet-50's stem and four stages: torchvision's backbone.body.
using resnet50_body =
    sequence<name<"body">, resnet_conv<64, 7, 2>, batch_norm, relu, max_pool<kernel<3>, stride<2>, pad<1>>,
             resnet_stage<"layer1", bottleneck_blocks, 64, 3, 1>, resnet_stage<"layer2", bottleneck_blocks, 128, 4, 2>,
             resnet_stage<"layer3", bottleneck_blocks, 256, 6, 2>,
             resnet_stage<"layer4", bottleneck_blocks, 512, 3, 2>>;

// A level of the pyramid below the top: the lateral 1 x 1 convolution of the stage Stage,
// plus the sum of the level above (Above), interpolated to the lateral's size as torchvision's
// F.interpolate(last_inner, size=feat_shape) does: an upsample_back that reads the stage's map
// for its size and Above's sum for its data. Sizes that do not halve exactly (a 600-pixel side:
// 38 then 75) come out as torchvision's.
template<fixed_string Name, fixed_string Stage, fixed_string Above>
using fpn_top_down =
    sequence<from<Stage>, add<name<Name>, conv<256, kernel<1>, name<"lateral">>, upsample_back<from<Above>>>>;

// The pyramid of 256 channels on C3, C4 and C5, and P6 and P7 of P6Reads, in the order
// torchvision's FeaturePyramidNetwork runs it: from the top down, each level's 3 x 3
// convolution right after its sum.
template<fixed_string P6Reads>
using retinanet_fpn = sequence<
    name<"fpn">, from<"backbone/body/layer4">, conv<256, kernel<1>, name<"inner5">>,
    conv<256, kernel<3>, pad<1>, name<"p5">>, fpn_top_down<"inner4", "backbone/body/layer3", "backbone/fpn/inner5">,
    conv<256, kernel<3>, pad<1>, name<"p4">>, fpn_top_down<"inner3", "backbone/body/layer2", "backbone/fpn/inner4">,
    conv<256, kernel<3>, pad<1>, name<"p3">>, from<P6Reads>, conv<256, kernel<3>, stride<2>, pad<1>, name<"p6">>, relu,
    conv<256, kernel<3>, stride<2>, pad<1>, name<"p7">>>;

// torchvision's backbone: the ResNet and the pyramid.
template<fixed_string P6Reads>
using retinanet_backbone = sequence<name<"backbone">, resnet50_body, retinanet_fpn<P6Reads>>;

// A subnet, shared<Name, Definition>, applied to P3 (where it is defined) and again to P4 to P7.
template<fixed_string Name, class Definition>
using on_pyramid_levels = sequence<from<"backbone/fpn/p3">, shared<Name, Definition>, from<"backbone/fpn/p4">,
                                   shared<Name>, from<"backbone/fpn/p5">, shared<Name>, from<"backbone/fpn/p6">,
                                   shared<Name>, from<"backbone/fpn/p7">, shared<Name>>;

// RetinaNet's subnet: four times Conv (a 3 x 3 convolution of 256 and what follows it), then a
// 3 x 3 convolution with a bias to Outputs channels, named LastName.
template<class Conv, std::size_t Outputs, fixed_string LastName>
using retinanet_subnet =
    sequence<sequence<name<"conv">, repeat<4, Conv>>, conv<Outputs, kernel<3>, pad<1>, name<LastName>>>;

// The head, with Conv the subnets' convolution: 9 anchors of 91 classes, and 9 boxes of 4.
template<class Conv>
using retinanet_head =
    sequence<name<"head">,
             on_pyramid_levels<"classification_head", retinanet_subnet<Conv, 9 * coco_classes, "cls_logits">>,
             on_pyramid_levels<"regression_head", retinanet_subnet<Conv, 9 * 4, "bbox_reg">>>;

// The ten output maps: the scores on P3 to P7, then the boxes.
using retinanet_outputs =
    outputs<"head/classification_head", "head/classification_head@2", "head/classification_head@3",
            "head/classification_head@4", "head/classification_head@5", "head/regression_head",
            "head/regression_head@2", "head/regression_head@3", "head/regression_head@4", "head/regression_head@5">;

// torchvision's retinanet_resnet50_fpn: P6 of P5, subnets of convolutions with biases and ReLU.
struct retinanet_resnet50_fpn
    : network<input<800, 800, 3>, retinanet_backbone<"backbone/fpn/p5">,
              retinanet_head<sequence<conv<256, kernel<3>, pad<1>>, relu>>, retinanet_outputs> {};

// torchvision's retinanet_resnet50_fpn_v2: P6 of C5, subnets of convolutions without biases,
// group norm (32 groups) and ReLU (torchvision's Conv2dNormActivation with
// norm_layer=partial(nn.GroupNorm, 32)).
struct retinanet_resnet50_fpn_v2
    : network<input<800, 800, 3>, retinanet_backbone<"backbone/body/layer4">,
              retinanet_head<sequence<conv<256, kernel<3>, pad<1>, no_bias>, group_norm<32>, relu>>,
              retinanet_outputs> {};

} // namespace netcount::zoo

NETCOUNT_DIAGNOSTICS_POP

#endif
