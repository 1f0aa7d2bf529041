#ifndef NETCOUNT_ZOO_SSD_HPP
#define NETCOUNT_ZOO_SSD_HPP

#include <netcount/detail/config.hpp> // first: below C++20, its error comes first

#include <cstddef>

#include <netcount/netcount.hpp>
#include <netcount/zoo/mobilenet_v3.hpp>
#include <netcount/zoo/retinanet.hpp>
#include <netcount/zoo/vgg.hpp>

NETCOUNT_DIAGNOSTICS_PUSH
namespace netcount::zoo {

// SSD as Liu, Anguelov, Erhan, Szegedy, Reed, Fu and Berg describe it in "SSD: Single Shot
// MultiBox Detector" (2016), Figure 2, and SSDlite as Sandler et al. ("MobileNetV2", 2018,
// section 6.2) and Howard et al. ("Searching for MobileNetV3", 2019, section 6.2) describe it,
// in torchvision 0.14's form (models.detection.ssd300_vgg16 and ssdlite320_mobilenet_v3_large,
// built with weights=None and weights_backbone=None), on the fixed size torchvision's transform
// resizes every image to (300 x 300, 320 x 320), for COCO's 91 classes. Both predict from six
// maps, each with its own convolutions (nothing is shared between levels): a box head, then a
// class head, in the order torchvision's SSDHead and SSDLiteHead run them.
//
// ssd300_vgg16: VGG-16's convolutions (<netcount/zoo/vgg.hpp>, torchvision's vgg16 features,
// 3 x 3 with biases and ReLU) to conv4_3, with the third pool in ceil mode (75 to 38 on 300 x
// 300), "backbone/features"; conv4_3's map rescaled, "backbone/scale_weight" (F.normalize over
// the channels, which counts nothing, times a learned scale per channel, torchvision's
// scale_weight of 512 parameters: a layer_scale); then, on conv4_3's map itself,
// "backbone/extra0": the fourth pool, conv5_1 to conv5_3, a 3 x 3 pool of stride 1 (the
// paper's modified pool5), fc6 as a 3 x 3 convolution of 1024 dilated by 6 (padding 6) and fc7
// as a 1 x 1 convolution of 1024, each with ReLU (19 x 19 x 1024); "extra1" to "extra4", a
// 1 x 1 convolution and a 3 x 3 one, each with a bias and ReLU, to conv8_2 (10 x 10 x 512,
// stride 2), conv9_2 (5 x 5 x 256, stride 2), conv10_2 (3 x 3 x 256, no padding) and conv11_2
// (1 x 1 x 256, no padding). The heads' 3 x 3 convolutions, with biases, on the six maps
// ("head/regression_head/level0" ... "level5", torchvision's module_list.0 to .5, and likewise
// "head/classification_head/level0" ...) predict 4 or 6 boxes per position (aspect ratios
// [2], [2, 3], [2, 3], [2, 3], [2], [2]): 4 x 4 = 16 or 6 x 4 = 24 offsets, 4 x 91 = 364 or
// 6 x 91 = 546 scores.
//
// ssdlite320_mobilenet_v3_large: MobileNetV3-Large's features (<netcount/zoo/mobilenet_v3.hpp>)
// with the reduced tail torchvision builds when the backbone is not pretrained
// (reduced_tail=weights_backbone is None: bneck13 to bneck15 of 80 channels, 480 expanded, and
// the last 1 x 1 convolution to 6 x 80 = 480), "backbone/features"; the first map is the
// output of bneck13's expansion, "backbone/features/bneck13/hardswish1" (20 x 20 x 672 on
// 320 x 320, torchvision's C4 expansion layer), the second the features' output (10 x 10 x
// 480). Four extra blocks, "backbone/extra0" to "extra3", each a 1 x 1 convolution to half
// its channels, a 3 x 3 depthwise one of stride 2 and a 1 x 1 one to 512, 256, 256 and 128
// channels, each without bias and followed by batch norm and ReLU6, make the other four (5 x 5,
// 3 x 3, 2 x 2, 1 x 1). Each head's block on a map ("head/regression_head/level0", ...) is a
// 3 x 3 depthwise convolution without bias, batch norm and ReLU6, and a 1 x 1 convolution with
// a bias to 6 boxes per position: 24 offsets or 546 scores.
//
// The outputs are the twelve maps of the heads, the offsets on the six maps, then the scores,
// as torchvision's heads return them (before their reshape to one row per box). Default boxes,
// decoding and non-maximum suppression count nothing.

// conv4_3's map, rescaled: F.normalize counts nothing; torchvision's scale_weight is a learned
// scale of each channel, counted as a layer_scale (512 parameters).
using ssd_rescale = sequence<name<"scale_weight">, layer_scale>;

// An extra block of SSD300: a 1 x 1 convolution to Squeeze, a 3 x 3 one to Filters at Stride,
// padded by Pad, each with a bias and ReLU.
template<fixed_string Name, std::size_t Squeeze, std::size_t Filters, std::size_t Stride, std::size_t Pad>
using ssd_extra =
    sequence<name<Name>, conv<Squeeze, kernel<1>>, relu, conv<Filters, kernel<3>, stride<Stride>, pad<Pad>>, relu>;

// SSD300's backbone, torchvision's SSDFeatureExtractorVGG(vgg16().features, highres=False).
using ssd300_vgg16_backbone =
    sequence<name<"backbone">,
             sequence<name<"features">, vgg_stack<2, 64>, vgg_stack<2, 128>,
                      sequence<repeat<3, vgg_conv<256, false>>, max_pool<kernel<2>, stride<2>, ceil_mode>>,
                      repeat<3, vgg_conv<512, false>>>,
             ssd_rescale, from<"backbone/features">,
             sequence<name<"extra0">, max_pool<kernel<2>, stride<2>>, repeat<3, vgg_conv<512, false>>,
                      max_pool<kernel<3>, stride<1>, pad<1>>, conv<1024, kernel<3>, pad<6>, dilation<6>>, relu,
                      conv<1024, kernel<1>>, relu>,
             ssd_extra<"extra1", 256, 512, 2, 1>, ssd_extra<"extra2", 128, 256, 2, 1>,
             ssd_extra<"extra3", 128, 256, 1, 0>, ssd_extra<"extra4", 128, 256, 1, 0>>;

// A head of six blocks, Block<Name, Outputs> on each map (Level0 ... Level5), to Per * Anchors_i
// channels, the anchors of each map as its default boxes say.
template<fixed_string Name, template<fixed_string, std::size_t> class Block, std::size_t Per, fixed_string Level0,
         fixed_string Level1, fixed_string Level2, fixed_string Level3, fixed_string Level4, fixed_string Level5,
         std::size_t A0, std::size_t A1, std::size_t A2, std::size_t A3, std::size_t A4, std::size_t A5>
using ssd_scoring_head =
    sequence<name<Name>, from<Level0>, Block<"level0", Per * A0>, from<Level1>, Block<"level1", Per * A1>, from<Level2>,
             Block<"level2", Per * A2>, from<Level3>, Block<"level3", Per * A3>, from<Level4>,
             Block<"level4", Per * A4>, from<Level5>, Block<"level5", Per * A5>>;

// SSD300's block on a map: a 3 x 3 convolution with a bias.
template<fixed_string Name, std::size_t Outputs>
using ssd_predictor = conv<Outputs, kernel<3>, pad<1>, name<Name>>;

// SSD300's heads on conv4_3 (rescaled), fc7, conv8_2 ... conv11_2: 4, 6, 6, 6, 4, 4 boxes.
template<fixed_string Name, std::size_t Per>
using ssd300_head =
    ssd_scoring_head<Name, ssd_predictor, Per, "backbone/scale_weight", "backbone/extra0", "backbone/extra1",
                     "backbone/extra2", "backbone/extra3", "backbone/extra4", 4, 6, 6, 6, 4, 4>;

// The twelve outputs: the offsets on the six maps, then the scores.
using ssd_outputs =
    outputs<"head/regression_head/level0", "head/regression_head/level1", "head/regression_head/level2",
            "head/regression_head/level3", "head/regression_head/level4", "head/regression_head/level5",
            "head/classification_head/level0", "head/classification_head/level1", "head/classification_head/level2",
            "head/classification_head/level3", "head/classification_head/level4", "head/classification_head/level5">;

// torchvision's ssd300_vgg16.
struct ssd300_vgg16
    : network<
          input<300, 300, 3>, ssd300_vgg16_backbone,
          sequence<name<"head">, ssd300_head<"regression_head", 4>, ssd300_head<"classification_head", coco_classes>>,
          ssd_outputs> {};

// SSDlite's extra block: 1 x 1 to Filters / 2, 3 x 3 depthwise of stride 2, 1 x 1 to Filters,
// without biases, each followed by batch norm and ReLU6 (torchvision's _extra_block).
template<fixed_string Name, std::size_t Filters>
using ssdlite_extra = sequence<name<Name>, conv<Filters / 2, kernel<1>, no_bias>, batch_norm, relu6,
                               depthwise_conv<kernel<3>, stride<2>, pad<1>, no_bias>, batch_norm, relu6,
                               conv<Filters, kernel<1>, no_bias>, batch_norm, relu6>;

// SSDlite's backbone, torchvision's SSDLiteFeatureExtractorMobileNet on mobilenet_v3_large with
// reduced_tail=True.
using ssdlite320_mobilenet_v3_large_backbone =
    sequence<name<"backbone">,
             sequence<name<"features">, mobilenet_v3_large_low, mobilenet_v3_large_high<1, 2>,
                      conv<6 * 80, kernel<1>, no_bias>, batch_norm, hardswish>,
             ssdlite_extra<"extra0", 512>, ssdlite_extra<"extra1", 256>, ssdlite_extra<"extra2", 256>,
             ssdlite_extra<"extra3", 128>>;

// SSDlite's block on a map: 3 x 3 depthwise without bias, batch norm, ReLU6, 1 x 1 with a bias
// (torchvision's _prediction_block).
template<fixed_string Name, std::size_t Outputs>
using ssdlite_predictor =
    sequence<name<Name>, depthwise_conv<kernel<3>, pad<1>, no_bias>, batch_norm, relu6, conv<Outputs, kernel<1>>>;

// SSDlite's heads on its six maps, 6 boxes each.
template<fixed_string Name, std::size_t Per>
using ssdlite_head =
    ssd_scoring_head<Name, ssdlite_predictor, Per, "backbone/features/bneck13/hardswish1", "backbone/features",
                     "backbone/extra0", "backbone/extra1", "backbone/extra2", "backbone/extra3", 6, 6, 6, 6, 6, 6>;

// torchvision's ssdlite320_mobilenet_v3_large.
struct ssdlite320_mobilenet_v3_large
    : network<
          input<320, 320, 3>, ssdlite320_mobilenet_v3_large_backbone,
          sequence<name<"head">, ssdlite_head<"regression_head", 4>, ssdlite_head<"classification_head", coco_classes>>,
          ssd_outputs> {};

} // namespace netcount::zoo

NETCOUNT_DIAGNOSTICS_POP

#endif
