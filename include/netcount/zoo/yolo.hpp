#ifndef NETCOUNT_ZOO_YOLO_HPP
#define NETCOUNT_ZOO_YOLO_HPP

#include <netcount/detail/config.hpp> // first: below C++20, its error comes first

#include <cstddef>
#include <type_traits>
#include <utility>

#include <netcount/fixed_string.hpp>
#include <netcount/netcount.hpp>

NETCOUNT_DIAGNOSTICS_PUSH
namespace netcount::zoo {

// The two most deployed one-stage detectors, as Ultralytics builds them from their model files
// for 80 classes (COCO) at 640 x 640, the size they are trained, evaluated and published at:
//
//  - YOLOv5s, Ultralytics YOLOv5 v6.0 and later, models/yolov5s.yaml (depth 0.33, width 0.50):
//    a 6 x 6 stem of stride 2 padded by 2, a CSP backbone of C3 blocks, SPPF, a PANet neck
//    (nearest upsampling by 2, concatenation with earlier maps, C3 blocks without shortcuts,
//    3 x 3 convolutions of stride 2 back down), and the Detect head: a 1 x 1 convolution with
//    bias to 3 anchors x (80 classes + 4 box + 1 objectness) = 255 channels on each of P3
//    (80 x 80), P4 (40 x 40) and P5 (20 x 20), the network's three outputs.
//  - YOLOv8n, Ultralytics' ultralytics/cfg/models/v8/yolov8.yaml at scale n (depth 0.33, width
//    0.25, at most 1,024 channels before the width): C2f blocks instead of C3, the same SPPF,
//    a PANet neck without the lateral 1 x 1 convolutions, and the decoupled Detect head (anchor
//    free): on each level a box branch (two 3 x 3 Convs of 64, then a 1 x 1 convolution with
//    bias to 4 sides x 16 bins, reg_max = 16) and a class branch (two 3 x 3 Convs of 80, then
//    1 x 1 with bias to the 80 classes), concatenated (144 channels: what the head returns in
//    training), then decoded: each side's 16 bins through a softmax and the distribution focal
//    loss's (DFL) fixed 1 x 1 convolution of 16 weights, no bias, that takes their expectation,
//    beside the 80 class scores through a sigmoid. The network's three outputs are those 4 + 80
//    = 84 channels on P3, P4 and P5 (80 x 80 + 40 x 40 + 20 x 20 = 8,400 positions: the
//    1 x 84 x 8,400 tensor an exported YOLOv8n returns, before the anchor arithmetic that turns
//    the four distances into a box, which counts nothing).
//
// Every "Conv" of Ultralytics is a convolution without bias, padded by half its kernel
// (autopad), a batch norm and SiLU (yolo_conv). The parameters are every parameter of the torch
// model, as Ultralytics' model summary counts them (7,235,389 and 3,157,200, before fusing the
// batch norms into the convolutions): the batch norms' scales and shifts, and in YOLOv8n the
// DFL's 16 weights, which Ultralytics fixes to 0 ... 15 and does not train (its summary: 3,157,184
// gradients) but stores and counts. YOLOv5's anchors are a buffer, not parameters. The
// connections are the multiply-accumulates of every convolution one 640 x 640 image runs,
// biases not counted: 8,216,780,800 and 4,371,993,600. Ultralytics' GFLOPs are thop's
// operations, doubled. Of the fused model (batch norms folded into the convolutions), today's
// thop counts the multiply-accumulates alone: 2 x connections, 16.4 and 8.7 (the 8.7 of
// YOLOv8's table); the unfused summaries add 4 per element of each batch norm: 16.6 and 8.9.
// YOLOv5's table's 16.5 is an older thop's fused count, which added one per output element of a
// convolution with bias, as every fused one has: 2 x (connections + units). tests/static/
// zoo_yolo.cpp works each out.
//
// The DFL is one Conv2d(16, 1, 1, bias=False) that Ultralytics runs once on every position of
// every level, for each of the four sides (the box channels seen as 4 x 16). netcount applies
// the same weights where they run: on each level, each side's 16 channels (slice), softmax,
// then shared<"dfl", conv<1, ...>>, defined on P3's first side and applied again to the other
// eleven: 16 parameters once, 16 multiply-accumulates at each of the 4 x 8,400 positions, as
// torch counts them (537,600).
//
// Names follow Ultralytics' modules, so that layers<Net> reads like the model's state dict: the
// module of index i of the model file is the block "model.i" (Ultralytics' model.i), its
// submodules keep their names (cv1, cv2, cv3, m.0, m.1, ...) and each Conv's convolution is
// "conv", then batch_norm1 and silu1 (Ultralytics' bn and act): layer<yolov5s, "model.0/conv">
// is model.0.conv, "model.2/m.0/cv1/conv" is model.2.m.0.cv1.conv, "model.24/m.1" the Detect
// convolution on P4, "model.22/cv2.0/2" YOLOv8n's box convolution on P3 (model.22.cv2.0.2).
// A C3 or C2f reads its input again by name (from<"model.(i - 1)">) for its second branch; the
// concatenations are "model.i/concat1" (torch.cat, no module); an nn.Upsample is
// "model.i/upsample1"; a Concat module of the neck is the concat "model.i" itself. YOLOv8n's
// decoded outputs are "model.22/p3", "/p4" and "/p5", its DFL applications "model.22/p3/dfl/conv",
// "model.22/p3/dfl@2/conv", ..., "model.22/p5/dfl@12/conv".
//
// Other sizes: with_input<yolov5s, H, W> with H and W multiples of 32, as Ultralytics pads its
// images (letterbox) for the stride of P5; the maps are then H/8 x W/8, H/16 x W/16 and
// H/32 x W/32.
inline constexpr std::size_t yolo_input = 640;
inline constexpr std::size_t yolo_classes = 80;

namespace detail {

// "Prefix" followed by the decimal digits of N: numbered<"model.", 12>() is "model.12".
template<fixed_string Prefix, std::size_t N>
constexpr fixed_string<Prefix.size() + netcount::detail::decimal_digits(N)> numbered() noexcept {
    constexpr std::size_t size = Prefix.size() + netcount::detail::decimal_digits(N);
    char text[size + 1]{};
    for (std::size_t i = 0; i != Prefix.size(); ++i) text[i] = Prefix.chars[i];
    std::size_t n = N;
    for (std::size_t i = size; i != Prefix.size(); n /= 10) text[--i] = static_cast<char>('0' + n % 10);
    return fixed_string<size>(text);
}

// "Scope/Name": the full name of a part of a named block, for from<>.
template<fixed_string Scope, fixed_string Name>
constexpr fixed_string<Scope.size() + 1 + Name.size()> scoped() noexcept {
    constexpr std::size_t size = Scope.size() + 1 + Name.size();
    char text[size + 1]{};
    for (std::size_t i = 0; i != Scope.size(); ++i) text[i] = Scope.chars[i];
    text[Scope.size()] = '/';
    for (std::size_t i = 0; i != Name.size(); ++i) text[Scope.size() + 1 + i] = Name.chars[i];
    return fixed_string<size>(text);
}

// The name of the module of index I of a model file: "model.I".
template<std::size_t I>
inline constexpr auto yolo_module = numbered<"model.", I>();

} // namespace detail

// Ultralytics' Conv(c1, Filters, Kernel, Stride, Pad): a convolution without bias, padded by
// half its kernel unless told (the autopad of both Ultralytics repositories), batch norm, SiLU.
template<fixed_string Name, std::size_t Filters, std::size_t Kernel = 1, std::size_t Stride = 1,
         std::size_t Pad = Kernel / 2>
using yolo_conv = sequence<name<Name>, conv<Filters, kernel<Kernel>, stride<Stride>, pad<Pad>, no_bias, name<"conv">>,
                           batch_norm, silu>;

// Ultralytics' Bottleneck of Channels in and out (expansion 1.0 inside a C3 or C2f): Conv cv1 of
// Kernel1 (YOLOv5: 1 x 1; YOLOv8: 3 x 3), Conv cv2 3 x 3, and the input added back where Shortcut.
template<fixed_string Name, std::size_t Channels, std::size_t Kernel1, bool Shortcut>
using yolo_bottleneck =
    std::conditional_t<Shortcut,
                       residual<name<Name>, yolo_conv<"cv1", Channels, Kernel1>, yolo_conv<"cv2", Channels, 3>>,
                       sequence<name<Name>, yolo_conv<"cv1", Channels, Kernel1>, yolo_conv<"cv2", Channels, 3>>>;

namespace detail {

template<std::size_t Channels, std::size_t Kernel1, bool Shortcut, std::size_t... K>
sequence<yolo_bottleneck<numbered<"m.", K>(), Channels, Kernel1, Shortcut>...>
    yolo_bottlenecks_of(std::index_sequence<K...>);

// m.0 ... m.(N - 1), one after the other.
template<std::size_t N, std::size_t Channels, std::size_t Kernel1, bool Shortcut>
using yolo_bottlenecks = decltype(yolo_bottlenecks_of<Channels, Kernel1, Shortcut>(std::make_index_sequence<N>{}));

template<fixed_string Module, std::size_t... K>
concat<from<scoped<Module, "chunk1">()>, from<scoped<Module, "chunk2">()>,
       from<scoped<Module, numbered<"m.", K>()>()>..., identity>
    c2f_concat_of(std::index_sequence<K...>);

// C2f's torch.cat: both halves of cv1, then every bottleneck's output, the last being the
// tensor at hand.
template<fixed_string Module, std::size_t N>
using c2f_concat = decltype(c2f_concat_of<Module>(std::make_index_sequence<N - 1>{}));

} // namespace detail

// YOLOv5's C3, module I of the model file, of Filters channels out and N bottlenecks of half as
// many: cv1 (1 x 1) and the bottlenecks m.0 ... on one branch, cv2 (1 x 1) on the module's input
// (model.(I - 1), read again by name) on the other, concatenated in that order, then cv3 (1 x 1).
template<std::size_t I, std::size_t Filters, std::size_t N, bool Shortcut>
using yolo_c3 =
    sequence<name<detail::yolo_module<I>>, yolo_conv<"cv1", Filters / 2>,
             detail::yolo_bottlenecks<N, Filters / 2, 1, Shortcut>, from<detail::yolo_module<I - 1>>,
             yolo_conv<"cv2", Filters / 2>,
             concat<from<detail::scoped<detail::yolo_module<I>, detail::numbered<"m.", N - 1>()>()>, identity>,
             yolo_conv<"cv3", Filters>>;

// YOLOv8's C2f, module I, of Filters channels out: cv1 (1 x 1) to Filters channels, split in two
// halves (x.chunk(2, 1): chunk1 and chunk2), N bottlenecks of Filters / 2 channels, the first on
// the second half, each on the one before; all of them concatenated (both halves, then each
// bottleneck's output), then cv2 (1 x 1).
template<std::size_t I, std::size_t Filters, std::size_t N, bool Shortcut>
using yolo_c2f = sequence<name<detail::yolo_module<I>>, yolo_conv<"cv1", Filters>, chunk<0, 2>,
                          from<detail::scoped<detail::yolo_module<I>, "cv1">()>, chunk<1, 2>,
                          detail::yolo_bottlenecks<N, Filters / 2, 3, Shortcut>,
                          detail::c2f_concat<detail::yolo_module<I>, N>, yolo_conv<"cv2", Filters>>;

// SPPF, module I, on InChannels: cv1 (1 x 1) to half of them, three 5 x 5 max pools of stride 1
// one after the other (one module m applied three times: max_pool1 ... max_pool3), cv1's output
// and the three pools' concatenated, then cv2 (1 x 1) to Filters.
template<std::size_t I, std::size_t InChannels, std::size_t Filters>
using yolo_sppf =
    sequence<name<detail::yolo_module<I>>, yolo_conv<"cv1", InChannels / 2>, max_pool<kernel<5>, stride<1>, pad<2>>,
             max_pool<kernel<5>, stride<1>, pad<2>>, max_pool<kernel<5>, stride<1>, pad<2>>,
             concat<from<detail::scoped<detail::yolo_module<I>, "cv1">()>,
                    from<detail::scoped<detail::yolo_module<I>, "max_pool1">()>,
                    from<detail::scoped<detail::yolo_module<I>, "max_pool2">()>, identity>,
             yolo_conv<"cv2", Filters>>;

// A Conv module of the model file: module I.
template<std::size_t I, std::size_t Filters, std::size_t Kernel, std::size_t Stride = 1, std::size_t Pad = Kernel / 2>
using yolo_conv_module = yolo_conv<detail::yolo_module<I>, Filters, Kernel, Stride, Pad>;

// nn.Upsample(None, 2, "nearest"), module I.
template<std::size_t I>
using yolo_upsample = sequence<name<detail::yolo_module<I>>, upsample<2>>;

// Concat, module I: the tensor at hand, then module J's output.
template<std::size_t I, std::size_t J>
using yolo_concat = concat<name<detail::yolo_module<I>>, identity, from<detail::yolo_module<J>>>;

// YOLOv5's Detect, module 24: a 1 x 1 convolution with bias to 3 x (Classes + 5) channels on
// each of modules 17 (P3), 20 (P4) and 23 (P5), m.0, m.1, m.2.
template<std::size_t Classes>
using yolov5_detect = sequence<name<"model.24">, from<"model.17">, conv<3 * (Classes + 5), kernel<1>, name<"m.0">>,
                               from<"model.20">, conv<3 * (Classes + 5), kernel<1>, name<"m.1">>, from<"model.23">,
                               conv<3 * (Classes + 5), kernel<1>, name<"m.2">>>;

struct yolov5s : network<input<yolo_input, yolo_input, 3>,
                         // backbone
                         yolo_conv_module<0, 32, 6, 2, 2>, // 320 x 320: padded by 2, not autopad's 3
                         yolo_conv_module<1, 64, 3, 2>,    // 160 x 160
                         yolo_c3<2, 64, 1, true>, yolo_conv_module<3, 128, 3, 2>,  // 80 x 80
                         yolo_c3<4, 128, 2, true>, yolo_conv_module<5, 256, 3, 2>, // 40 x 40
                         yolo_c3<6, 256, 3, true>, yolo_conv_module<7, 512, 3, 2>, // 20 x 20
                         yolo_c3<8, 512, 1, true>, yolo_sppf<9, 512, 512>,
                         // neck
                         yolo_conv_module<10, 256, 1>, yolo_upsample<11>, yolo_concat<12, 6>, // 40 x 40 x 512
                         yolo_c3<13, 256, 1, false>, yolo_conv_module<14, 128, 1>, yolo_upsample<15>,
                         yolo_concat<16, 4>,         // 80 x 80 x 256
                         yolo_c3<17, 128, 1, false>, // P3
                         yolo_conv_module<18, 128, 3, 2>, yolo_concat<19, 14>, yolo_c3<20, 256, 1, false>, // P4
                         yolo_conv_module<21, 256, 3, 2>, yolo_concat<22, 10>, yolo_c3<23, 512, 1, false>, // P5
                         yolov5_detect<yolo_classes>, outputs<"model.24/m.0", "model.24/m.1", "model.24/m.2">> {};

namespace detail {

// YOLOv8's Detect on one level, read from module From: the box branch cv2.L (two 3 x 3 Convs of
// BoxChannels, 1 x 1 with bias to 64) and the class branch cv3.L (two 3 x 3 Convs of
// ClassChannels, 1 x 1 with bias to Classes), concatenated (torch.cat, "concat" L + 1).
template<fixed_string From, std::size_t L, std::size_t BoxChannels, std::size_t ClassChannels, std::size_t Classes>
using yolov8_level = sequence<from<From>,
                              sequence<name<numbered<"cv2.", L>()>, yolo_conv<"0", BoxChannels, 3>,
                                       yolo_conv<"1", BoxChannels, 3>, conv<64, kernel<1>, name<"2">>>,
                              from<From>,
                              sequence<name<numbered<"cv3.", L>()>, yolo_conv<"0", ClassChannels, 3>,
                                       yolo_conv<"1", ClassChannels, 3>, conv<Classes, kernel<1>, name<"2">>>,
                              concat<from<scoped<"model.22", numbered<"cv2.", L>()>()>, identity>>;

// The class branches' channels: Ultralytics' c3 = max(ch[0], min(nc, 100)), ch[0] the channels
// of P3.
constexpr std::size_t yolov8_class_channels(std::size_t p3_channels, std::size_t classes) noexcept {
    const std::size_t capped = classes < 100 ? classes : 100;
    return p3_channels > capped ? p3_channels : capped;
}

// Side S's 16 bins of the box channels, their softmax, and the DFL's convolution on them.
template<std::size_t S>
using yolov8_side = sequence<slice<16 * S, 16 * S + 16>, softmax, shared<"dfl">>;

// A level's output, read from its concatenation (concat L + 1): the four sides' expected
// distances (the first side of P3 defines the DFL), then the class scores through a sigmoid.
template<fixed_string Name, std::size_t L, std::size_t Classes>
using yolov8_decoded = sequence<
    from<scoped<"model.22", numbered<"concat", L + 1>()>()>,
    concat<name<Name>,
           std::conditional_t<L == 0,
                              sequence<slice<0, 16>, softmax, shared<"dfl", conv<1, kernel<1>, no_bias, name<"conv">>>>,
                              yolov8_side<0>>,
           yolov8_side<1>, yolov8_side<2>, yolov8_side<3>, sequence<slice<64, 64 + Classes>, sigmoid>>>;

} // namespace detail

// YOLOv8's Detect, module 22, on modules 15 (P3, 64 channels), 18 (P4) and 21 (P5): its box
// branches have max(16, 64 / 4, 4 x 16) = 64 channels, its class branches max(64, min(Classes,
// 100)) = 80 (Ultralytics' c2 and c3 from the first level's channels). Ultralytics runs the
// three levels, then the decoding on all of them at once; netcount decodes level by level after
// the three, which runs the same layers on the same positions.
template<std::size_t Classes>
using yolov8_detect =
    sequence<name<"model.22">,
             detail::yolov8_level<"model.15", 0, 64, detail::yolov8_class_channels(64, Classes), Classes>,
             detail::yolov8_level<"model.18", 1, 64, detail::yolov8_class_channels(64, Classes), Classes>,
             detail::yolov8_level<"model.21", 2, 64, detail::yolov8_class_channels(64, Classes), Classes>,
             detail::yolov8_decoded<"p3", 0, Classes>, detail::yolov8_decoded<"p4", 1, Classes>,
             detail::yolov8_decoded<"p5", 2, Classes>>;

struct yolov8n : network<input<yolo_input, yolo_input, 3>,
                         // backbone
                         yolo_conv_module<0, 16, 3, 2>,                             // 320 x 320
                         yolo_conv_module<1, 32, 3, 2>,                             // 160 x 160
                         yolo_c2f<2, 32, 1, true>, yolo_conv_module<3, 64, 3, 2>,   // 80 x 80
                         yolo_c2f<4, 64, 2, true>, yolo_conv_module<5, 128, 3, 2>,  // 40 x 40
                         yolo_c2f<6, 128, 2, true>, yolo_conv_module<7, 256, 3, 2>, // 20 x 20
                         yolo_c2f<8, 256, 1, true>, yolo_sppf<9, 256, 256>,
                         // neck
                         yolo_upsample<10>, yolo_concat<11, 6>,                              // 40 x 40 x 384
                         yolo_c2f<12, 128, 1, false>, yolo_upsample<13>, yolo_concat<14, 4>, // 80 x 80 x 192
                         yolo_c2f<15, 64, 1, false>,                                         // P3
                         yolo_conv_module<16, 64, 3, 2>, yolo_concat<17, 12>, yolo_c2f<18, 128, 1, false>, // P4
                         yolo_conv_module<19, 128, 3, 2>, yolo_concat<20, 9>, yolo_c2f<21, 256, 1, false>, // P5
                         yolov8_detect<yolo_classes>, outputs<"model.22/p3", "model.22/p4", "model.22/p5">> {};

} // namespace netcount::zoo

NETCOUNT_DIAGNOSTICS_POP

#endif
