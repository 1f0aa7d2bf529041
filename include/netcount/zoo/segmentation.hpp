#ifndef NETCOUNT_ZOO_SEGMENTATION_HPP
#define NETCOUNT_ZOO_SEGMENTATION_HPP

#include <netcount/detail/config.hpp> // first: below C++20, its error comes first

#include <cstddef>

#include <netcount/netcount.hpp>
#include <netcount/zoo/mobilenet_v3.hpp>
#include <netcount/zoo/resnet.hpp>

NETCOUNT_DIAGNOSTICS_PUSH
namespace netcount::zoo {

// Semantic segmentation on a dilated ResNet or MobileNetV3-Large, in torchvision's form (models.segmentation, built
// without the auxiliary head, aux_loss=False: it only serves a second loss in training), at
// torchvision's evaluation size, 520 x 520, for Pascal VOC's 21 classes (20 and background).
//
// The backbone is ResNet-50 or -101 (<netcount/zoo/resnet.hpp>) without its pool and
// classifier, whose last two stages trade their stride for dilation
// (replace_stride_with_dilation=[False, True, True]): the map stays at an eighth of the input,
// 65 x 65 x 2048, where the classification network goes on to a 32nd. A head classifies every position of it, and
// the scores are interpolated bilinearly back to the input's size (which counts nothing).
//
//  - FCN as Long, Shelhamer and Darrell describe it in "Fully Convolutional Networks for
//    Semantic Segmentation" (2015): a convolutional classifier on the backbone's map. Its head
//    (torchvision's FCNHead) is a 3 x 3 convolution down to a quarter of the channels, batch
//    norm, ReLU, dropout, and a 1 x 1 convolution to the 21 classes, with bias.
//  - DeepLabv3 as Chen, Papandreou, Schroff and Adam describe it in "Rethinking Atrous
//    Convolution for Semantic Image Segmentation" (2017), Section 3.3: atrous spatial pyramid
//    pooling (ASPP), five branches of 256 channels read the map side by side, a 1 x 1
//    convolution, three 3 x 3 convolutions at rates 12, 24 and 36 (the rates of output stride
//    8) and image pooling (global average pool, 1 x 1 convolution, batch norm, ReLU, then
//    interpolated back to the map's size), each convolution followed by batch norm and ReLU;
//    their 1,280 channels concatenated and projected to 256 by a 1 x 1 convolution, batch
//    norm and ReLU (torchvision adds a dropout). Then torchvision's DeepLabHead has a 3 x 3
//    convolution, batch norm and ReLU before the paper's last 1 x 1 convolution, to the 21
//    classes, with bias.
//
// The MobileNetV3-Large models (deeplabv3_mobilenet_v3_large, lraspp_mobilenet_v3_large) read
// a lighter map: MobileNetV3-Large's features (<netcount/zoo/mobilenet_v3.hpp>, without its
// pool and classifier) with torchvision's dilated=True, where bneck13, the first row of the
// last stage, keeps the stride 1 and that stage's three depthwise convolutions dilate by 2:
// 33 x 33 x 960, at a 16th of the input (the "C5" that torchvision's _deeplabv3_mobilenetv3
// and _lraspp_mobilenetv3 take).
//
//  - DeepLabv3 puts the same DeepLabHead on it, from 960 channels. torchvision keeps the rates
//    12, 24 and 36, where Chen et al. (Section 3.3) use 6, 12 and 18 at output stride 16; on
//    33 x 33 the rate-36 branch's eight outer taps read only padding, and count all the same
//    (as PyTorch's multiply-accumulates do).
//  - LR-ASPP, "Lite Reduced" ASPP, as Howard et al. describe it in "Searching for MobileNetV3"
//    (2019), Section 6.1.3 and Figure 10 (torchvision's LRASPPHead, 128 channels): from the 16th
//    map, a 1 x 1 convolution to 128 with batch norm and ReLU, multiplied by a gate of the same
//    map (a global average pool, a 1 x 1 convolution to 128 and a sigmoid, a squeeze-and-excite
//    without its squeeze), interpolated to the 8th map, 65 x 65 (bneck4's output, 40 channels,
//    torchvision's "low"), and a 1 x 1 convolution to the classes there, with bias, added to a
//    1 x 1 convolution of the 8th map itself to the classes, with bias. The paper's head pools
//    with a large kernel and stride; torchvision's (and so netcount's) pools globally.
//
// Names follow torchvision's modules: the ResNet is "backbone" (layer<fcn_resnet50,
// "backbone/layer4/add3/conv2">), the head "classifier"; in DeepLabv3 the ASPP is
// "classifier/aspp" (torchvision's classifier.0), its branches the concat "classifier/aspp/
// convs" ("conv1x1", "rate12", "rate24", "rate36", "pooling", whose interpolation back to the
// map's size is the entry "classifier/aspp/convs/pooling") and its projection
// "classifier/aspp/project". The last interpolation, back to the input's size, is
// "upsample_back1". Both are upsample_back blocks, which interpolate to the size they read, as
// torchvision does (F.interpolate(x, size=input.shape[-2:])): with_input<fcn_resnet50, H, W>
// ends at H x W, as torchvision's model does on an H x W image.
// In the MobileNetV3 backbone, the bneck rows are "backbone/bneck1" ... "backbone/bneck15"
// (torchvision's backbone.1 ... backbone.15) as in mobilenet_v3_large; the first convolution is
// "backbone/conv1" (backbone.0), the last "backbone/conv2" (backbone.16). LR-ASPP's names are
// given with its model below.

// The input's side: torchvision's evaluation size for its segmentation weights. The maps the
// backbones make of it (65 x 65 at an 8th of it, 33 x 33 at a 16th) are written nowhere: each
// interpolation back to a map's size or the input's is an upsample_back, which takes the size
// it read.
inline constexpr std::size_t segmentation_input = 520;

// The classes of Pascal VOC: 20 and the background.
inline constexpr std::size_t segmentation_classes = 21;

// ResNet-50 (N4 = 6) or -101 (N4 = 23) up to its last stage, with layer3 and layer4 dilated:
// torchvision's backbone, which keeps no more of the ResNet (IntermediateLayerGetter stops at
// layer4).
template<std::size_t N4>
using dilated_resnet_backbone =
    sequence<name<"backbone">, resnet_conv<64, 7, 2>, batch_norm, relu, max_pool<kernel<3>, stride<2>, pad<1>>,
             resnet_stage<"layer1", bottleneck_blocks, 64, 3, 1>, resnet_stage<"layer2", bottleneck_blocks, 128, 4, 2>,
             dilated_resnet_stage<"layer3", 256, N4, 1, 2>, dilated_resnet_stage<"layer4", 512, 3, 2, 4>>;

// The FCN head on InChannels: 3 x 3 down to InChannels / 4, batch norm, ReLU, dropout, 1 x 1
// to the classes (torchvision's FCNHead).
template<std::size_t InChannels>
using fcn_head = sequence<name<"classifier">, conv<InChannels / 4, kernel<3>, pad<1>, no_bias>, batch_norm, relu,
                          dropout, conv<segmentation_classes, kernel<1>>>;

// A 3 x 3 convolution of the ASPP at Rate, padded by the rate so that it keeps the map's
// size, batch norm, ReLU (torchvision's ASPPConv).
template<fixed_string Name, std::size_t Filters, std::size_t Rate>
using aspp_conv = sequence<name<Name>, conv<Filters, kernel<3>, pad<Rate>, dilation<Rate>, no_bias>, batch_norm, relu>;

// Image pooling: the map's average, 1 x 1 convolution, batch norm, ReLU, and the result
// interpolated back to the map's size so that it can be concatenated (torchvision's
// ASPPPooling).
template<std::size_t Filters>
using aspp_pooling =
    upsample_back<name<"pooling">, global_avg_pool, conv<Filters, kernel<1>, no_bias>, batch_norm, relu>;

// The ASPP, Filters channels a branch, at rates 12, 24 and 36 (torchvision's
// ASPP(in_channels, [12, 24, 36]), of 256): the branches in torchvision's order, which is also
// the order of their channels in the concatenation, then the projection of the five back to
// Filters.
template<std::size_t Filters>
using aspp =
    sequence<name<"aspp">,
             concat<name<"convs">, sequence<name<"conv1x1">, conv<Filters, kernel<1>, no_bias>, batch_norm, relu>,
                    aspp_conv<"rate12", Filters, 12>, aspp_conv<"rate24", Filters, 24>,
                    aspp_conv<"rate36", Filters, 36>, aspp_pooling<Filters>>,
             sequence<name<"project">, conv<Filters, kernel<1>, no_bias>, batch_norm, relu, dropout>>;

// The DeepLabv3 head: the ASPP, 3 x 3 convolution, batch norm, ReLU, 1 x 1 to the classes
// (torchvision's DeepLabHead), on a ResNet's map as on a MobileNetV3's.
using deeplabv3_head = sequence<name<"classifier">, aspp<256>, conv<256, kernel<3>, pad<1>, no_bias>, batch_norm, relu,
                                conv<segmentation_classes, kernel<1>>>;

// MobileNetV3-Large's features with dilated=True (torchvision's _mobilenet_v3_conf), in the two
// parts of Table 1's rows (zoo/mobilenet_v3.hpp): mobilenet_v3_large_low, the first convolution
// to bneck4, whose output is LR-ASPP's "low" (on 520 x 520: 260, 130, then 65 x 65 x 40), as in
// the classifier; the second part from bneck5 to the last convolution, 1 x 1 to 960 channels
// with hard-swish (torchvision's features.16, "high"; bneck7 halves the map to 33 x 33). The
// last stage (bneck13 to bneck15) dilates its depthwise convolutions by 2, padded by 4, and
// bneck13 keeps the stride 1 where the table's 2 would halve the map.
using dilated_mobilenet_v3_high =
    sequence<mobilenet_v3_large_high<2>, conv<960, kernel<1>, no_bias>, batch_norm, hardswish>;

// LR-ASPP's gate on the 16th map (torchvision's LRASPPHead): "cbr" (1 x 1 to 128 without bias,
// batch norm, ReLU) times "scale" (the map's average, 1 x 1 to 128 without bias, sigmoid), 128
// channels broadcast over 33 x 33.
template<std::size_t Channels>
using lraspp_gate = multiply<sequence<name<"cbr">, conv<Channels, kernel<1>, no_bias>, batch_norm, relu>,
                             sequence<name<"scale">, global_avg_pool, conv<Channels, kernel<1>, no_bias>, sigmoid>>;

// LR-ASPP from the 8th map ("low") on: torchvision's backbone reads on from "low" to "high"
// and its head adds the two classifiers. netcount's add branches from one tensor, so the
// block that adds them, "classifier" (the sum LRASPPHead returns), reads "low", and the rest of
// the backbone runs inside its first path: its layers are "classifier/backbone/bneck5" ...
// "classifier/backbone/conv1" (torchvision's backbone.5 ... backbone.16), the head's
// "classifier/multiply1/cbr/conv1" and "classifier/multiply1/scale/conv1" (classifier.cbr.0 and
// classifier.scale.1: torchvision's product x * s is no module, netcount's is a block and its
// scope), "classifier/high_classifier" and "classifier/low_classifier". The first path runs
// first, so high_classifier runs before low_classifier, where torchvision's forward
// (low_classifier(low) + high_classifier(x)) runs low_classifier first: the same layers, with
// the same figures, in the other order. The gate's product is interpolated back to the 8th
// map, the size the path read ("classifier/upsample_back1"), before "high_classifier", 1 x 1
// to the classes with bias.
using lraspp_classifier =
    add<name<"classifier">,
        sequence<upsample_back<sequence<name<"backbone">, dilated_mobilenet_v3_high>, lraspp_gate<128>>,
                 conv<segmentation_classes, kernel<1>, name<"high_classifier">>>,
        conv<segmentation_classes, kernel<1>, name<"low_classifier">>>;

// A segmentation network: backbone, head, and the scores interpolated back to the input's size.
template<class Backbone, class Head>
using segmentation_network = network<input<segmentation_input, segmentation_input, 3>, upsample_back<Backbone, Head>>;

struct fcn_resnet50 : segmentation_network<dilated_resnet_backbone<6>, fcn_head<2048>> {};
struct fcn_resnet101 : segmentation_network<dilated_resnet_backbone<23>, fcn_head<2048>> {};
struct deeplabv3_resnet50 : segmentation_network<dilated_resnet_backbone<6>, deeplabv3_head> {};
struct deeplabv3_resnet101 : segmentation_network<dilated_resnet_backbone<23>, deeplabv3_head> {};
struct deeplabv3_mobilenet_v3_large
    : segmentation_network<sequence<name<"backbone">, mobilenet_v3_large_low, dilated_mobilenet_v3_high>,
                           deeplabv3_head> {};
struct lraspp_mobilenet_v3_large
    : segmentation_network<sequence<name<"backbone">, mobilenet_v3_large_low>, lraspp_classifier> {};

} // namespace netcount::zoo

NETCOUNT_DIAGNOSTICS_POP

#endif
