// from<"name">: networks that are graphs (issue 16). Figures by hand in the comments; the FPN's
// parameters, MACs and output shape are PyTorch 1.13's for the module written out beside it.
#include <cstddef>
#include <type_traits>
#include <utility>

#include <netcount/edit.hpp>
#include <netcount/netcount.hpp>

namespace nc = netcount;

// ---------------------------------------------------------------------------------------------
// A two-level feature pyramid: the top level's lateral conv, upsampled, added to the lateral
// conv of an earlier level read back by name. In PyTorch:
//   c2 = self.c2(self.stem(x)); c3 = self.c3(c2)
//   p2 = F.interpolate(self.lat3(c3), scale_factor=2) + self.lat2(c2); return self.smooth2(p2)
// with stem, c2, c3 Conv2d(k=3, s=2, p=1) to 16, 32, 64, lat3 and lat2 1 x 1 to 32, smooth2
// 3 x 3 (p=1) to 32, all with biases, on 1 x 3 x 64 x 64: 35,968 parameters, 5,554,176 MACs
// (a hook summing out.numel() * C_in * k * k over the convs), output 1 x 32 x 16 x 16.
struct fpn
    : nc::network<nc::input<64, 64, 3>,                                                     //
                  nc::conv<16, nc::kernel<3>, nc::stride<2>, nc::pad<1>, nc::name<"stem">>, // 32 x 32 x 16
                  nc::conv<32, nc::kernel<3>, nc::stride<2>, nc::pad<1>, nc::name<"c2">>,   // 16 x 16 x 32
                  nc::conv<64, nc::kernel<3>, nc::stride<2>, nc::pad<1>, nc::name<"c3">>,   // 8 x 8 x 64
                  nc::conv<32, nc::kernel<1>, nc::name<"lat3">>, nc::upsample<2>,
                  nc::add<nc::identity, nc::sequence<nc::from<"c2">, nc::conv<32, nc::kernel<1>, nc::name<"lat2">>>,
                          nc::name<"p2">>,
                  nc::conv<32, nc::kernel<3>, nc::pad<1>, nc::name<"smooth2">>> {};
// stem 16 * 27 + 16 = 448, c2 32 * 144 + 32 = 4,640, c3 64 * 288 + 64 = 18,496, lat3 32 * 64 + 32 =
// 2,080, lat2 32 * 32 + 32 = 1,056, smooth2 32 * 288 + 32 = 9,248: 35,968.
static_assert(nc::parameters<fpn> == 35'968);
// 32*32*16*27 + 16*16*32*144 + 8*8*64*288 + 8*8*32*64 + 16*16*32*32 + 16*16*32*288
// = 442,368 + 1,179,648 + 1,179,648 + 131,072 + 262,144 + 2,359,296 = 5,554,176.
static_assert(nc::connections<fpn> == 5'554'176);
static_assert(nc::output_shape<fpn> == nc::shape{16, 16, 32});
// lat2 reads c2 (entry 1), not the upsample before the add: the graph has the edge.
static_assert(nc::layer<fpn, "p2/lat2">.input == nc::shape{16, 16, 32});
static_assert(nc::layer<fpn, "p2/lat2">.inputs.size() == 1 && nc::layer<fpn, "p2/lat2">.inputs[0] == 1);
static_assert(nc::layer<fpn, "p2">.inputs[0] == 4 && nc::layer<fpn, "p2">.inputs[1] == 5); // upsample, lat2
// The receptive field follows the edge: lat2's is c2's (7 x 7, jump 4, start -3: stem's 3 x 3 at
// stride 2 from -1, then c2's 3 x 3 of those), not the upsample's.
static_assert(nc::layer<fpn, "p2/lat2">.receptive_field == nc::layer<fpn, "c2">.receptive_field);
static_assert(nc::layer<fpn, "c2">.receptive_field.height.size == 7);
// Memory: c2's 8,192 stays alive until lat2 has read it. Entries and what is live while each
// runs: stem 12,288 + 16,384 (input freed after), c2 16,384 + 8,192 (stem's freed), c3 8,192 +
// 4,096, lat3 8,192 + 4,096 + 2,048 (c3's freed), upsample 8,192 + 2,048 + 8,192 (lat3's freed),
// lat2 8,192 + 8,192 + 8,192 (c2's freed), p2 8,192 + 8,192 + 8,192 (both paths freed, a new
// buffer: an add is no elementwise layer), smooth2 8,192 + 8,192.
static_assert(nc::layer<fpn, "stem">.live_activations == 28'672);
static_assert(nc::layer<fpn, "c2">.live_activations == 24'576);
static_assert(nc::layer<fpn, "c3">.live_activations == 12'288);
static_assert(nc::layer<fpn, "lat3">.live_activations == 14'336);
static_assert(nc::layer<fpn, "upsample1">.live_activations == 18'432);
static_assert(nc::layer<fpn, "p2/lat2">.live_activations == 24'576);
static_assert(nc::layer<fpn, "p2">.live_activations == 24'576);
static_assert(nc::layer<fpn, "smooth2">.live_activations == 16'384);
static_assert(nc::peak_activations<fpn> == 28'672);

// Every query works on it as on a chain: with_input (128 x 128: every map twice as tall and
// wide, MACs four times), scale_width, replace of a layer another reads by name.
static_assert(nc::output_shape<nc::with_input<fpn, 128, 128>> == nc::shape{32, 32, 32});
static_assert(nc::connections<nc::with_input<fpn, 128, 128>> == 4 * 5'554'176);
// Half width, smooth2 (the last layer with weights) keeps its 32: stem 8, c2 16, c3 32, lat3 16,
// lat2 16; lat2 now reads c2's 16 channels. MACs: 32*32*8*27 + 16*16*16*72 + 8*8*32*144 +
// 8*8*16*32 + 16*16*16*16 + 16*16*32*144 = 221,184 + 294,912 + 294,912 + 32,768 + 65,536 +
// 1,179,648 = 2,088,960.
using fpn_half = nc::scale_width<fpn, 1, 2>;
static_assert(nc::layer<fpn_half, "p2/lat2">.input == nc::shape{16, 16, 16});
static_assert(nc::connections<fpn_half> == 2'088'960);
// c2 replaced by a 48-filter conv: lat2 reads 48 channels (32 * 48 + 32 = 1,568 parameters),
// c3 too (64 * 48 * 9 + 64 = 27,712).
using fpn_wide_c2 = nc::replace<fpn, "c2", nc::conv<48, nc::kernel<3>, nc::stride<2>, nc::pad<1>, nc::name<"c2">>>;
static_assert(nc::layer<fpn_wide_c2, "p2/lat2">.parameters == 1'568);
static_assert(nc::layer<fpn_wide_c2, "c3">.parameters == 27'712);

// ---------------------------------------------------------------------------------------------
// A named block's name reads the block's output: a named sequence's last entry; a merge's block
// name is its merge entry's. As a path, from<> ignores the block's input; as an element, the
// chain goes on from it.
struct by_block : nc::network<nc::input<8, 8, 4>,
                              nc::sequence<nc::name<"stage1">, nc::conv<6, nc::kernel<1>>, nc::relu>, // 8 x 8 x 6
                              nc::residual<nc::name<"res">, nc::conv<6, nc::kernel<3>, nc::pad<1>>>,  // 8 x 8 x 6
                              nc::max_pool<nc::kernel<2>, nc::stride<2>>,                             // 4 x 4 x 6
                              nc::from<"stage1">, // back to stage1's relu: 8 x 8 x 6
                              nc::concat<nc::identity, nc::from<"res">, nc::from<"stage1/conv1">>> {}; // 8 x 8 x 18
static_assert(nc::output_shape<by_block> == nc::shape{8, 8, 18});
// entries: stage1/conv1 0, stage1/relu1 1, res/conv1 2, res 3, max_pool1 4, concat1 5.
static_assert(nc::layers<by_block>.size() == 6);
static_assert(nc::layers<by_block>[5].inputs.size() == 3);
static_assert(nc::layers<by_block>[5].inputs[0] == 1 && nc::layers<by_block>[5].inputs[1] == 3 &&
              nc::layers<by_block>[5].inputs[2] == 0);
// The max_pool's output is read by nobody: it lives only while it runs. Live: stage1/conv1 256 +
// 384 = 640, relu1 384 + 384 (not in place: conv1 is read again at the end; the input freed),
// max_pool1
// 384 (conv1's, read later) + 384 (relu1's, read later) + 384 (res) + 96 = 1,248, concat1 384
// (conv1, alive until the concat: kept by its from<>) + 384 (relu1) + 384 (res) + 1,152 = 2,304.
static_assert(nc::layers<by_block>[0].live_activations == 640);
static_assert(nc::layers<by_block>[4].live_activations == 1'248);
static_assert(nc::layers<by_block>[5].live_activations == 2'304);
// conv1's 384 is still alive at every entry until the concat: relu1 is not in place over it.
static_assert(nc::layers<by_block>[1].live_activations == 768);
static_assert(nc::peak_activations<by_block> == 2'304);

// ---------------------------------------------------------------------------------------------
// A network that ends with from<>: its output is the tensor named, never freed nor written over.
// a writes 8 * 8 * 4 = 256 beside the input's 192; the relu, which would write over a's data
// where it reads it last, writes its own 256 because a is the output.
struct ends_with_from
    : nc::network<nc::input<8, 8, 3>, nc::conv<4, nc::kernel<1>, nc::name<"a">>, nc::relu, nc::from<"a">> {};
static_assert(nc::output_shape<ends_with_from> == nc::shape{8, 8, 4});
static_assert(nc::layers<ends_with_from>[0].live_activations == 448);
static_assert(nc::layers<ends_with_from>[1].live_activations == 512);
static_assert(nc::peak_activations<ends_with_from> == 512);
// The same without the from<>: the relu works in place, the peak is a's 448.
struct ends_with_relu : nc::network<nc::input<8, 8, 3>, nc::conv<4, nc::kernel<1>, nc::name<"a">>, nc::relu> {};
static_assert(nc::peak_activations<ends_with_relu> == 448);

// ---------------------------------------------------------------------------------------------
// Inside an auxiliary head, from<> may read the main path or the head's own entries; the head
// still adds no units or connections, and the main path goes on from the tensor at the head.
struct head_reads : nc::network<nc::input<8, 8, 3>, nc::conv<4, nc::kernel<1>, nc::name<"a">>,
                                nc::auxiliary<nc::name<"aux">, nc::conv<2, nc::kernel<1>, nc::name<"h">>, nc::from<"a">,
                                              nc::concat<nc::identity, nc::from<"aux/h">>, nc::global_avg_pool>,
                                nc::conv<5, nc::kernel<1>, nc::name<"b">>> {};
static_assert(nc::layer<head_reads, "aux/concat1">.output == nc::shape{8, 8, 6});
static_assert(nc::output_shape<head_reads> == nc::shape{8, 8, 5});
// a 8*8*4*3 + b 8*8*5*4 = 768 + 1,280; the head's h is not in the total.
static_assert(nc::connections<head_reads> == 2'048);
static_assert(nc::parameters<head_reads> == 16 + 10 + 25); // a 12 + 4, h 8 + 2, b 20 + 5

// ---------------------------------------------------------------------------------------------
// The totals of a long network come in parts of 2,048 elements (detail/analysis.hpp); a tap
// across parts reads the shape kept for it. 3,000 relus after a 1 x 1 conv of 5 filters, then
// from<"first"> reads the conv and a 1 x 1 conv of 7 filters: 4 * 4 * 7 * 5 = 560 MACs beside
// the first's 4 * 4 * 5 * 2 = 160.
template<std::size_t>
using a_relu = nc::relu;
template<std::size_t... I>
nc::network<nc::input<4, 4, 2>, nc::conv<5, nc::kernel<1>, nc::name<"first">>, a_relu<I>...,
            nc::max_pool<nc::kernel<2>, nc::stride<2>>, nc::from<"first">, nc::conv<7, nc::kernel<1>>>
    long_tap_of(std::index_sequence<I...>);
struct long_tap : decltype(long_tap_of(std::make_index_sequence<3000>{})) {};
static_assert(nc::connections<long_tap> == 720);
static_assert(nc::output_shape<long_tap> == nc::shape{4, 4, 7});
static_assert(nc::layers<long_tap>.back().inputs[0] == 0);

// ---------------------------------------------------------------------------------------------
// Several outputs: outputs<...> names them, in order; none is freed by the schedule.
struct three_levels : nc::network<nc::input<32, 32, 3>,                                                   //
                                  nc::conv<8, nc::kernel<3>, nc::stride<2>, nc::pad<1>, nc::name<"p1">>,  // 16 x 16 x 8
                                  nc::conv<16, nc::kernel<3>, nc::stride<2>, nc::pad<1>, nc::name<"p2">>, // 8 x 8 x 16
                                  nc::conv<32, nc::kernel<3>, nc::stride<2>, nc::pad<1>, nc::name<"p3">>, // 4 x 4 x 32
                                  nc::from<"p1">, nc::conv<4, nc::kernel<1>, nc::name<"head1">>,          // 16 x 16 x 4
                                  nc::outputs<"p3", "head1", "p2">> {};
static_assert(nc::output_shapes<three_levels>.size() == 3);
static_assert(nc::output_shapes<three_levels>[0] == nc::shape{4, 4, 32});
static_assert(nc::output_shapes<three_levels>[1] == nc::shape{16, 16, 4});
static_assert(nc::output_shapes<three_levels>[2] == nc::shape{8, 8, 16});
static_assert(nc::output_indices<three_levels>[0] == 2 && nc::output_indices<three_levels>[1] == 3 &&
              nc::output_indices<three_levels>[2] == 1);
// A network of one output has one output shape.
static_assert(nc::output_shapes<fpn>.size() == 1 && nc::output_shapes<fpn>[0] == nc::output_shape<fpn>);
// Live: p1 3,072 + 2,048; p2 + 1,024 (the input freed: 3,072 gone); p3 + 512; head1 + 1,024, p1
// freed after it but p2 and p3 kept: 2,048 + 1,024 + 512 + 1,024 = 4,608. p2 is read by nobody
// after it and p3 by nobody at all, yet both stay: they are outputs.
static_assert(nc::layer<three_levels, "p1">.live_activations == 5'120);
static_assert(nc::layer<three_levels, "p2">.live_activations == 3'072);
static_assert(nc::layer<three_levels, "p3">.live_activations == 3'584);
static_assert(nc::layer<three_levels, "head1">.live_activations == 4'608);
static_assert(nc::peak_activations<three_levels> == 5'120);
// scale_width keeps every output's classifier: the layer with weights each output comes from.
using three_half = nc::scale_width<three_levels, 1, 2>;
static_assert(nc::output_shapes<three_half>[0] == nc::shape{4, 4, 32});
static_assert(nc::output_shapes<three_half>[1] == nc::shape{16, 16, 4});
static_assert(nc::output_shapes<three_half>[2] == nc::shape{8, 8, 16});
static_assert(nc::layer<three_half, "p1">.output.channels == 4); // p1 feeds others: scaled
// with_input follows every output.
static_assert(nc::output_shapes<nc::with_input<three_levels, 64, 64>>[1] == nc::shape{32, 32, 4});
// One output through outputs<>: output_shape works.
struct one_named_output
    : nc::network<nc::input<8, 8, 3>, nc::conv<4, nc::kernel<1>, nc::name<"a">>, nc::relu, nc::outputs<"a">> {};
static_assert(nc::output_shape<one_named_output> == nc::shape{8, 8, 4});
static_assert(nc::peak_activations<one_named_output> == 512); // as ends_with_from

// ---------------------------------------------------------------------------------------------
// Shared weights: one head applied to two levels. In PyTorch, one nn.Sequential module called
// on both maps:
//   p1 = self.c1(x); p2 = self.c2(p1); return self.head(p1), self.head(p2)
// c1, c2 Conv2d(k=3, s=2, p=1) to 16; head = Conv2d(16, 16, 3, p=1), ReLU, Conv2d(16, 9, 3, p=1);
// on 1 x 3 x 32 x 32: 6,393 parameters (the head's once), 1,410,048 MACs (the head's twice),
// outputs 1 x 9 x 16 x 16 and 1 x 9 x 8 x 8.
struct shared_head : nc::network<nc::input<32, 32, 3>,                                                   //
                                 nc::conv<16, nc::kernel<3>, nc::stride<2>, nc::pad<1>, nc::name<"c1">>, // 16 x 16 x 16
                                 nc::conv<16, nc::kernel<3>, nc::stride<2>, nc::pad<1>, nc::name<"c2">>, // 8 x 8 x 16
                                 nc::from<"c1">,
                                 nc::shared<"head", nc::conv<16, nc::kernel<3>, nc::pad<1>>, nc::relu,
                                            nc::conv<9, nc::kernel<3>, nc::pad<1>, nc::name<"cls">>>,
                                 nc::from<"c2">, nc::shared<"head">, nc::outputs<"head", "head@2">> {};
// c1 16 * 27 + 16 = 448, c2 16 * 144 + 16 = 2,320, head conv1 2,320, cls 9 * 144 + 9 = 1,305.
static_assert(nc::parameters<shared_head> == 6'393);
static_assert(nc::weights<shared_head> == 6'393 - 16 - 16 - 16 - 9);
// 16*16*16*27 + 8*8*16*144 + (16*16*16*144 + 16*16*9*144) + (8*8*16*144 + 8*8*9*144)
// = 110,592 + 147,456 + 921,600 + 230,400 = 1,410,048.
static_assert(nc::connections<shared_head> == 1'410'048);
static_assert(nc::output_shapes<shared_head>[0] == nc::shape{16, 16, 9});
static_assert(nc::output_shapes<shared_head>[1] == nc::shape{8, 8, 9});
// layers<Net> lists both applications: head/conv1, head/relu1, head/cls, then head@2/...,
// each marked as a reuse of the definition's entry, with its own figures.
static_assert(nc::layers<shared_head>.size() == 8);
static_assert(nc::layers<shared_head>[5].name == "head@2/conv1" && nc::layers<shared_head>[5].reuse_of == 2);
static_assert(nc::layers<shared_head>[7].name == "head@2/cls" && nc::layers<shared_head>[7].reuse_of == 4);
static_assert(nc::layers<shared_head>[2].reuse_of == nc::not_a_reuse);
static_assert(nc::layer<shared_head, "head@2/cls">.parameters == 1'305);
static_assert(nc::layer<shared_head, "head@2/cls">.connections == 82'944); // 8 * 8 * 9 * 144
// The sum over layers<Net> of what each adds (detail::contribution: a reuse's parameters are
// the definition's, stored once) is the total.
constexpr std::uint64_t summed_parameters() {
    std::uint64_t sum = 0;
    for (const nc::layer_info& l : nc::layers<shared_head>) sum += nc::detail::contribution(l).parameters;
    return sum;
}
static_assert(summed_parameters() == 6'393);
// Edits of the definition change every application; scale_width scales it once.
using shared_wide = nc::resize<shared_head, "head/conv1", 32>;
static_assert(nc::layer<shared_wide, "head@2/conv1">.output == nc::shape{8, 8, 32});
// head conv1 32 * 144 + 32 = 4,640, cls 9 * 288 + 9 = 2,601: 448 + 2,320 + 4,640 + 2,601.
static_assert(nc::parameters<shared_wide> == 10'009);
using shared_half = nc::scale_width<shared_head, 1, 2>;
static_assert(nc::layer<shared_half, "head@2/conv1">.output.channels == 8);
static_assert(nc::layer<shared_half, "head@2/cls">.output.channels == 9); // each output's classifier kept
// A shared name is one name for the whole network: defined in one named block, reused from
// another, and a block of its own scope inside them ("a/head/conv1", "b/head@2/conv1").
struct shared_across
    : nc::network<nc::input<8, 8, 4>, nc::sequence<nc::name<"a">, nc::shared<"head", nc::conv<4, nc::kernel<1>>>>,
                  nc::sequence<nc::name<"b">, nc::max_pool<nc::kernel<2>, nc::stride<2>>, nc::shared<"head">>> {};
static_assert(nc::layers<shared_across>[0].name == "a/head/conv1");
static_assert(nc::layers<shared_across>[2].name == "b/head@2/conv1");
static_assert(nc::parameters<shared_across> == 20);           // 4 * 4 + 4, once
static_assert(nc::connections<shared_across> == 1'024 + 256); // 8*8*4*4 + 4*4*4*4
// A layer at one position of a block and at the same position of a block inside it (relu, the
// second of both) with a reuse in the network: compiled with -Werror, this failed on both
// compilers while the registry of definitions had that relu as a direct and an indirect base
// (-Winaccessible-base). A detector's backbone has many: batch_norm, third in ResNet's stem
// and in each projection.
struct shared_nested : nc::network<nc::input<8, 8, 3>,
                                   nc::sequence<nc::conv<4, nc::kernel<1>>, nc::relu, nc::sequence<nc::relu, nc::relu>>,
                                   nc::shared<"h", nc::conv<4, nc::kernel<1>>>, nc::shared<"h">> {};
static_assert(nc::parameters<shared_nested> == 16 + 20); // 3 * 4 + 4, then h's 4 * 4 + 4 once

// ---------------------------------------------------------------------------------------------
// Regions of interest: a two-stage detector's box head on 10 regions of 7 x 7 from an 8-channel
// map. torchvision runs it as one batch: RoIAlign gives 10 x 8 x 7 x 7, TwoMLPHead-like layers
// run on each region. Parameters once, units, connections and activations 10 times.
struct two_stage
    : nc::network<
          nc::input<32, 32, 3>, nc::conv<8, nc::kernel<3>, nc::pad<1>, nc::name<"c1">>, // 32 x 32 x 8
          nc::rois<10, 7, 7, nc::name<"box">, nc::fc<32, nc::name<"fc6">>, nc::relu, nc::fc<5, nc::name<"cls">>>> {};
static_assert(nc::layers<two_stage>.size() == 5);
static_assert(nc::layers<two_stage>[1].name == "box/roi_align1");
static_assert(nc::layer<two_stage, "box/roi_align1">.output == nc::shape{7, 7, 8}); // one region
static_assert(nc::layer<two_stage, "box/roi_align1">.activations == 10 * 7 * 7 * 8);
// fc6: 7 * 7 * 8 * 32 = 12,544 weights + 32 biases, once; 10 * 12,544 MACs. cls: 32 * 5 + 5.
static_assert(nc::layer<two_stage, "box/fc6">.parameters == 12'576);
static_assert(nc::layer<two_stage, "box/fc6">.connections == 125'440);
static_assert(nc::layer<two_stage, "box/fc6">.units == 320);
static_assert(nc::parameters<two_stage> == 8 * 27 + 8 + 12'576 + 165);
// c1 32 * 32 * 8 * 27 = 221,184; fc6 125,440; cls 10 * 160 = 1,600.
static_assert(nc::connections<two_stage> == 221'184 + 125'440 + 1'600);
static_assert(nc::output_shape<two_stage> == nc::shape{1, 1, 5}); // one region's
// The schedule holds the regions as one batch: at fc6, roi_align's 3,920 + fc6's 320.
static_assert(nc::layer<two_stage, "box/fc6">.live_activations == 3'920 + 320);
static_assert(nc::layer<two_stage, "box/roi_align1">.live_activations == 8'192 + 3'920);

// A rois<...> inside a rois<...>: 2 regions of each of 4, a batch of 8; outputs<> may name a
// tensor of either block (what reads across a boundary is rejected: compile_fail/rois_read_*).
// conv 16 x 16 x 3 -> 14 x 14 x 8; regions 3 x 3 x 8 -> conv 1 x 1 x 5 (4 of them), relu; then
// 1 x 1 regions of that -> conv 1 x 1 x 3 (8 of them), relu.
struct rois_in_rois : nc::network<nc::input<16, 16, 3>, nc::conv<8, nc::kernel<3>>,
                                  nc::rois<4, 3, 3, nc::conv<5, nc::kernel<3>>, nc::relu,
                                           nc::rois<2, 1, 1, nc::conv<3, nc::kernel<1>>, nc::relu>>,
                                  nc::outputs<"rois1/relu1", "rois1/rois1/relu1">> {};
static_assert(nc::layer<rois_in_rois, "rois1/relu1">.activations == 4 * 5);
static_assert(nc::layer<rois_in_rois, "rois1/rois1/relu1">.activations == 4 * 2 * 3);
static_assert(nc::layer<rois_in_rois, "rois1/rois1/conv1">.connections == 4 * 2 * 3 * 5);
static_assert(nc::output_shapes<rois_in_rois>[1] == nc::shape{1, 1, 3}); // one region's

// shared<> inside a rois<...> block, and a definition outside applied again inside one: the
// registry of definitions looks into rois<> (a block whose elements follow values), which it
// did not, so both were "no shared<..., Elements...> of the network defines this name".
// conv1: 14 x 14 x 8 from 16 x 16 x 3, 27 * 8 + 8 = 224 parameters, 14 * 14 * 8 * 27 = 42,336
// MACs; h: a 1 x 1 conv of 8 to 8, 64 + 8 = 72 parameters once, 3 * 3 * 64 = 576 MACs a region.
struct shared_in_rois : nc::network<nc::input<16, 16, 3>, nc::conv<8, nc::kernel<3>>,
                                    nc::rois<4, 3, 3, nc::shared<"h", nc::conv<8, nc::kernel<1>>>, nc::shared<"h">>> {};
static_assert(nc::parameters<shared_in_rois> == 224 + 72);
static_assert(nc::connections<shared_in_rois> == 42'336 + 2 * 4 * 576);
static_assert(nc::layer<shared_in_rois, "rois1/h@2/conv1">.reuse_of == 2); // rois1/h/conv1 is entry 2
struct shared_into_rois : nc::network<nc::input<16, 16, 3>, nc::conv<8, nc::kernel<3>>,
                                      nc::shared<"h", nc::conv<8, nc::kernel<1>>>, nc::rois<4, 3, 3, nc::shared<"h">>> {
};
static_assert(nc::parameters<shared_into_rois> == 224 + 72);
static_assert(nc::connections<shared_into_rois> == 42'336 + 14 * 14 * 64 + 4 * 576);

// ---------------------------------------------------------------------------------------------
// A layer first in the network and first in a block of it, in a network with shared<>: the
// registry that finds the definitions held it as a direct base and an indirect one, which g++
// and clang++ reject under -Werror (-Winaccessible-base). ResNet-50's stem and its stages (a
// batch_norm third in both) in every detector with a shared head did so. Parameters: 20 + 20
// + 20, the shared conv once.
struct shared_beside_equal_layers
    : nc::network<nc::input<8, 8, 4>, nc::conv<4, nc::kernel<1>>, nc::sequence<nc::conv<4, nc::kernel<1>>, nc::relu>,
                  nc::shared<"h", nc::conv<4, nc::kernel<1>>>, nc::shared<"h">> {};
static_assert(nc::parameters<shared_beside_equal_layers> == 60);
static_assert(nc::connections<shared_beside_equal_layers> == 4 * 8 * 8 * 4 * 4);
