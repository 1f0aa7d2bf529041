// patch_plan: MCUNetV2's patch-based inference (Lin et al., "MCUNetV2: Memory-Efficient
// Patch-based Inference for Tiny Deep Learning", NeurIPS 2021). MobileNetV2's figures are
// PyTorch's: tools/reference/patch_plan_mobilenet_v2.py runs torchvision's features[0:5] patch by
// patch (the assembled map equals the whole one), counts the multiply-accumulates of the
// convolutions as they run and the buffers each patch allocates; the small cases are by hand.
#include <cstdint>

#include <netcount/netcount.hpp>
#include <netcount/zoo/mobilenet.hpp>
#include <netcount/zoo/resnet.hpp>

namespace nc = netcount;
using nc::zoo::mobilenet_v2;

constexpr nc::schedule mcu{.in_place_depthwise = true};

// The case: 4 x 4 patches of the 28 x 28 x 32 output of the fourth inverted residual
// block (torchvision's features[4]), int8, in-place depthwise. The script prints
//   macs 300774272 -> 328693616 patch stage 119202032
//   patch stage peak 162288 whole plan 200704 second stage 200704
// An interior patch reads a 75 x 75 x 3 window; its peak is features[2]'s expand conv, 35 x 35 x
// 16 in and 35 x 35 x 96 out (19,600 + 117,600), beside the assembled 28 x 28 x 32 = 25,088:
// 162,288. After it, features[5] keeps its 25,088 input through its projection for the add:
// 25,088 + 28 x 28 x 192 = 150,528 + 25,088 out = 200,704. MCUNetV2 (Table 1, Fig. 3) gives
// about 172 kB for the patch stage: its rule leaves the block input out at the projection.
constexpr auto v2 = nc::patch_plan<mobilenet_v2, "bottleneck3/batch_norm3", 4, 4, mcu>;
static_assert(v2.patch_peak_activations == 162'288 && v2.peak_activations == 200'704);
static_assert(nc::connections<mobilenet_v2> == 300'774'272 && v2.connections == 328'693'616);
static_assert(v2.patch_stage_connections == 119'202'032);
static_assert(v2.largest_input_window == nc::shape{75, 75, 3});
static_assert(nc::layers<mobilenet_v2>[v2.split].name == "bottleneck3/batch_norm3");
static_assert(nc::layers<mobilenet_v2>[v2.split].output == nc::shape{28, 28, 32});
// 162,288 bytes = 158.5 KiB (158.48); the whole network in place peaks at 1,372 KiB.
static_assert(v2.patch_peak_activations * 1000 / 1024 == 158'484);

// Other grids and splits against the same script (arguments: split grid_h grid_w), in place:
//   5 3 3:   macs 300774272 -> 318882624 patch stage 109391040; peak 232176 whole 232176
//   5 2 7:   macs 300774272 -> 332211616 patch stage 122720032; peak 182224 whole 200704
//   3 5 2:   macs 300774272 -> 303574400 patch stage 52875776;  peak 228480 whole 602112
//   5 28 28: macs 300774272 -> 712893264 patch stage 503401680; peak 38640 whole 200704
// 28 / 3 cuts as torch.tensor_split does: 10, 9, 9 rows.
constexpr auto v2_3x3 = nc::patch_plan<mobilenet_v2, "bottleneck3/batch_norm3", 3, 3, mcu>;
static_assert(v2_3x3.connections == 318'882'624 && v2_3x3.patch_stage_connections == 109'391'040);
static_assert(v2_3x3.patch_peak_activations == 232'176 && v2_3x3.peak_activations == 232'176);
constexpr auto v2_2x7 = nc::patch_plan<mobilenet_v2, "bottleneck3/batch_norm3", 2, 7, mcu>;
static_assert(v2_2x7.connections == 332'211'616 && v2_2x7.patch_stage_connections == 122'720'032);
static_assert(v2_2x7.patch_peak_activations == 182'224 && v2_2x7.peak_activations == 200'704);
constexpr auto v2_early = nc::patch_plan<mobilenet_v2, "bottleneck2/batch_norm3", 5, 2, mcu>;
static_assert(v2_early.connections == 303'574'400 && v2_early.patch_stage_connections == 52'875'776);
static_assert(v2_early.patch_peak_activations == 228'480 && v2_early.peak_activations == 602'112);
constexpr auto v2_fine = nc::patch_plan<mobilenet_v2, "bottleneck3/batch_norm3", 28, 28, mcu>;
static_assert(v2_fine.connections == 712'893'264 && v2_fine.patch_stage_connections == 503'401'680);
static_assert(v2_fine.patch_peak_activations == 38'640 && v2_fine.peak_activations == 200'704);

// Both stages follow the schedule asked for. Without in-place depthwise (the script's fourth
// argument "default": patch stage peak 170432, whole plan 326144), features[5]'s depthwise conv
// holds its input, 150,528 in + 150,528 out + the block input 25,088 = 326,144.
constexpr auto v2_default = nc::patch_plan<mobilenet_v2, "bottleneck3/batch_norm3", 4, 4>;
static_assert(v2_default.patch_peak_activations == 170'432 && v2_default.peak_activations == 326'144);
static_assert(v2_default.connections == v2.connections);

// By hand: an 8 x 8 x 1 input, a 3 x 3 conv to 2 channels (pad 1, 8 x 8 x 2) and its relu, a
// 3 x 3 stride-2 conv to 1 channel (pad 1, 4 x 4 x 1): the split, in 2 x 2 patches; then an fc.
// Rows of the split [0, 2) read rows [-1, 4) of conv1, clipped [0, 4), which read [-1, 5) of the
// input: [0, 5). Rows [2, 4) read [3, 8), which read [2, 8) of the input: 6. Columns alike.
// Connections: conv1 18 a position (3 x 3 x 1 x 2) over (4 + 5) x (4 + 5) = 81 positions, conv2
// 18 (3 x 3 x 2 x 1) over 4 x 4; the fc 16 x 10: 1,458 + 288 + 160 = 1,906, where the whole
// network has 18 x 64 + 288 + 160 = 1,600. Memory: the assembled 4 x 4 map, 16, and the last
// patch's conv1 reading its 6 x 6 window (36) and writing 5 x 5 x 2 (50): 102. The fc then holds
// 16 + 10.
using small = nc::network<nc::input<8, 8, 1>, nc::conv<2, nc::kernel<3>, nc::pad<1>>, nc::relu,
                          nc::conv<1, nc::kernel<3>, nc::stride<2>, nc::pad<1>, nc::name<"split">>, nc::fc<10>>;
constexpr auto small_plan = nc::patch_plan<small, "split", 2, 2>;
static_assert(nc::connections<small> == 1'600 && small_plan.connections == 1'906);
static_assert(small_plan.patch_stage_connections == 1'746);
static_assert(small_plan.patch_peak_activations == 102 && small_plan.peak_activations == 102);
static_assert(small_plan.largest_input_window == nc::shape{6, 6, 1} && small_plan.split == 2);

// One patch is the network run whole, but for positions nothing reads: a 2 x 2 stride-2 conv
// on 9 rows reads 8, so the first conv's ninth row and column are not computed. 9 x 9 x 1 in,
// conv<4, kernel<1>> (9 x 9 x 4, 4 a position), conv<1, kernel<2>, stride<2>> (4 x 4, 16 a
// position): whole, 4 x 81 + 16 x 16 = 580; patched, 4 x 64 + 256 = 512.
using unread = nc::network<nc::input<9, 9, 1>, nc::conv<4, nc::kernel<1>>,
                           nc::conv<1, nc::kernel<2>, nc::stride<2>, nc::name<"split">>>;
static_assert(nc::connections<unread> == 580 && nc::patch_plan<unread, "split", 1, 1>.connections == 512);

// MobileNetV2 as one patch: every position is read, so the connections are the network's.
static_assert(nc::patch_plan<mobilenet_v2, "bottleneck3/batch_norm3", 1, 1>.connections ==
              nc::connections<mobilenet_v2>);

// A residual block inside the patch stage: its input is read by the add too, so its region is
// the hull of the add's and the conv's. 8 x 8 x 2 in, residual<conv<2, kernel<3>, pad<1>>>, the
// add ("residual1") the split, 2 x 1 patches. Rows [0, 4) of the add read rows [0, 4) of the
// input and of the conv, which reads [0, 5): the input's region [0, 5), 5 x 8 x 2 = 80. The conv
// computes 4 x 8 positions a patch, all 64 over both, 36 connections each (3 x 3 x 2 x 2): the
// network's 2,304; the add counts none. Memory: the assembled 8 x 8 x 2 = 128, and at the add the
// window (80), the conv's 4 x 8 x 2 (64) and the add's own 64: 128 + 208 = 336.
using res = nc::network<nc::input<8, 8, 2>, nc::residual<nc::conv<2, nc::kernel<3>, nc::pad<1>>>>;
constexpr auto res_plan = nc::patch_plan<res, "residual1", 2, 1>;
static_assert(res_plan.connections == 2'304 && nc::connections<res> == 2'304);
static_assert(res_plan.patch_peak_activations == 336 && res_plan.peak_activations == 336);
static_assert(res_plan.largest_input_window == nc::shape{5, 8, 2});

// ResNet-18 up to layer2's last ReLU (28 x 28 x 128): a max pool with padding, adds with an
// identity and with a strided projection, ReLUs after them. tools/reference/patch_plan_resnet18.py
// runs torchvision's stem, layer1 and layer2 patch by patch under the default schedule:
//   4 x 4: macs 1814073344 -> 3661651136 patch stage 2839055552; patch stage peak 501376
//   3 x 5: macs 1814073344 -> 3600035328 patch stage 2777439744; patch stage peak 521472
// The halos are wide here: a 7 x 7 patch of layer2 reads 147 x 147 of the image, so the stage
// costs three times its whole run (ResNet's receptive field grows fast; MCUNetV2 splits early).
constexpr auto r18 = nc::patch_plan<nc::zoo::resnet18, "layer2/relu2", 4, 4>;
static_assert(nc::connections<nc::zoo::resnet18> == 1'814'073'344 && r18.connections == 3'661'651'136);
static_assert(r18.patch_stage_connections == 2'839'055'552 && r18.patch_peak_activations == 501'376);
static_assert(r18.largest_input_window == nc::shape{147, 147, 3});
constexpr auto r18_3x5 = nc::patch_plan<nc::zoo::resnet18, "layer2/relu2", 3, 5>;
static_assert(r18_3x5.connections == 3'600'035'328 && r18_3x5.patch_peak_activations == 521'472);
