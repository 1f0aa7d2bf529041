// Issue 16's merges and channel reshapes that need no names: add's broadcasting (GCNet),
// crop_concat (U-Net 2015's skips), pad_concat (the padded U-Nets), slice<Begin, End>
// (GhostNet, Res2Net) and pad_channels<C> (ENet). Figures by hand, in the comments; the shapes
// are PyTorch 1.13's for the modules named (x[:, a:b], F.pad, torch.cat, +).
#include <array>
#include <type_traits>

#include <netcount/edit.hpp>
#include <netcount/netcount.hpp>

namespace nc = netcount;

// ---------------------------------------------------------------------------------------------
// add broadcasts as PyTorch's +: GCNet's context, 1 x 1 x 8, added to its 6 x 5 x 8 input.
struct context : nc::network<nc::input<6, 5, 8>,
                             nc::add<nc::identity, nc::sequence<nc::global_avg_pool, nc::conv<8, nc::kernel<1>>>>> {};
static_assert(nc::layers<context>.size() == 3);
static_assert(nc::layers<context>[2].name == "add1");
static_assert(nc::layers<context>[2].input == nc::shape{6, 5, 8}); // its first path's output
static_assert(nc::layers<context>[2].output == nc::shape{6, 5, 8});
static_assert(nc::layers<context>[2].activations == 240); // 6 * 5 * 8
static_assert(nc::layers<context>[2].connections == 0);
static_assert(nc::parameters<context> == 72); // 1 * 1 * 8 * 8 = 64 weights, 8 biases
// The schedule: the input (240) is read by the add last; the pool writes 8 (248), the conv 8
// (256) and frees the pool's (248); the add writes 240: 488, the peak.
static_assert(nc::layers<context>[0].live_activations == 248);
static_assert(nc::layers<context>[1].live_activations == 256);
static_assert(nc::layers<context>[2].live_activations == 488);
static_assert(nc::peak_activations<context> == 488);
// The small path first: the output takes the largest along each axis all the same.
struct context_first
    : nc::network<nc::input<6, 5, 8>,
                  nc::add<nc::sequence<nc::global_avg_pool, nc::conv<8, nc::kernel<1>>>, nc::identity>> {};
static_assert(nc::output_shape<context_first> == nc::shape{6, 5, 8});
static_assert(nc::layers<context_first>[2].input == nc::shape{1, 1, 8});
// Each axis alone: 1 x 5 x 1 + 6 x 1 x 8 is 6 x 5 x 8 (torch: [1, 1, 1, 5] + [1, 8, 6, 1] is
// [1, 8, 6, 5]).
struct crossed_add
    : nc::network<nc::input<6, 5, 8>, nc::add<nc::sequence<nc::adaptive_avg_pool<1, 5>, nc::conv<1, nc::kernel<1>>>,
                                              nc::adaptive_max_pool<6, 1>>> {};
static_assert(nc::output_shape<crossed_add> == nc::shape{6, 5, 8});
// What does not broadcast is add's error, as before: 8 channels against 4, 2 rows against 3.
constexpr nc::layer_result add_of(nc::shape a, nc::shape b) {
    const std::array<nc::shape, 2> paths{a, b};
    return nc::add<>::merge(paths);
}
static_assert(add_of({6, 5, 8}, {6, 5, 4}).status == nc::error::shape_mismatch);
static_assert(add_of({2, 1, 8}, {3, 1, 8}).status == nc::error::shape_mismatch);
static_assert(add_of({1, 1, 1}, {3, 4, 5}).output == nc::shape{3, 4, 5});
static_assert(add_of({3, 4, 5}, {3, 4, 5}).output == nc::shape{3, 4, 5});
// residual is an add of its input and its layers' output: it broadcasts too (x + f(x)).
struct gc_residual : nc::network<nc::input<6, 5, 8>, nc::residual<nc::global_avg_pool, nc::conv<8, nc::kernel<1>>>> {};
static_assert(nc::output_shape<gc_residual> == nc::shape{6, 5, 8});

// ---------------------------------------------------------------------------------------------
// crop_concat: every path centre-cropped to the smallest height and width, then stacked. On
// 10 x 9 x 4: identity 10 x 9 x 4, a 3 x 3 conv 8 x 7 x 6, a 5 x 5 conv 6 x 5 x 2; the output is
// 6 x 5 x (4 + 6 + 2) = 6 x 5 x 12 (torch: x[:, :, 2:8, 2:7] of the input, top (10 - 6) // 2 = 2,
// left (9 - 5) // 2 = 2; [:, :, 1:7, 1:6] of the 3 x 3 conv's).
struct cropped : nc::network<nc::input<10, 9, 4>,
                             nc::crop_concat<nc::identity, nc::conv<6, nc::kernel<3>>, nc::conv<2, nc::kernel<5>>>> {};
static_assert(nc::layers<cropped>.size() == 3);
static_assert(nc::layers<cropped>[0].name == "crop_concat1/conv1");
static_assert(nc::layers<cropped>[1].name == "crop_concat1/conv2");
static_assert(nc::layers<cropped>[2].name == "crop_concat1");
static_assert(nc::layers<cropped>[2].kind == "crop_concat");
static_assert(nc::layers<cropped>[2].merge);
static_assert(nc::layers<cropped>[2].input == nc::shape{10, 9, 4});
static_assert(nc::layers<cropped>[2].output == nc::shape{6, 5, 12});
static_assert(nc::layers<cropped>[2].activations == 360); // 6 * 5 * 12
static_assert(nc::layers<cropped>[2].inputs.size() == 3);
static_assert(nc::layers<cropped>[2].inputs[0] == nc::network_input);
static_assert(nc::layers<cropped>[2].inputs[2] == 1);
// 3 * 3 * 4 * 6 = 216 weights and 6 biases; 5 * 5 * 4 * 2 = 200 and 2: 424, the merge none.
static_assert(nc::parameters<cropped> == 424);
static_assert(nc::layers<cropped>[2].parameters == 0 && nc::layers<cropped>[2].connections == 0);
// Its receptive field is the widest of its paths', as every merge's: the 5 x 5 conv's.
static_assert(nc::layers<cropped>[2].receptive_field.height.size == 5);
// The schedule: the input, 360, is read by the merge; conv1 writes 8 * 7 * 6 = 336 (696),
// conv2 6 * 5 * 2 = 60 (756), the merge 360: 1,116.
static_assert(nc::layers<cropped>[2].live_activations == 1116);
static_assert(nc::peak_activations<cropped> == 1116);

// Height and width are each the smallest, from any path: 8 x 3 and 4 x 7 crop to 4 x 3; pad to
// 8 x 7.
constexpr nc::layer_result crop_of(nc::shape a, nc::shape b) {
    const std::array<nc::shape, 2> paths{a, b};
    return nc::crop_concat<>::merge(paths);
}
constexpr nc::layer_result pad_of(nc::shape a, nc::shape b) {
    const std::array<nc::shape, 2> paths{a, b};
    return nc::pad_concat<>::merge(paths);
}
static_assert(crop_of({8, 3, 1}, {4, 7, 2}).output == nc::shape{4, 3, 3});
static_assert(pad_of({8, 3, 1}, {4, 7, 2}).output == nc::shape{8, 7, 3});
// The channels' sum is checked: 2^63 + 2^63 is 2^64.
static_assert(crop_of({1, 1, 1ULL << 63}, {1, 1, 1ULL << 63}).status == nc::error::count_overflow);
static_assert(pad_of({1, 1, 1ULL << 63}, {1, 1, (1ULL << 63) - 1}).status == nc::error::none);
static_assert(pad_of({1, 1, 1ULL << 63}, {1, 1, (1ULL << 63) - 1}).output.channels == ~0ULL);

// ---------------------------------------------------------------------------------------------
// pad_concat: a padded U-Net's up step on an odd map. On 9 x 9 x 4: a 2 x 2 max pool, 4 x 4 x 4;
// a 2 x 2 up-convolution of stride 2, 8 x 8 x 4 (2 * 2 * 4 * 4 = 64 weights, 4 biases), padded
// to 9 x 9 (torch: F.pad(x, [0, 1, 0, 1])), stacked on the input: 9 x 9 x 8.
struct padded : nc::network<nc::input<9, 9, 4>,
                            nc::pad_concat<nc::name<"up">, nc::identity,
                                           nc::sequence<nc::max_pool<nc::kernel<2>>,
                                                        nc::transposed_conv<4, nc::kernel<2>, nc::stride<2>>>>> {};
static_assert(nc::layer<padded, "up">.kind == "pad_concat");
static_assert(nc::layer<padded, "up/transposed_conv1">.output == nc::shape{8, 8, 4});
static_assert(nc::output_shape<padded> == nc::shape{9, 9, 8});
static_assert(nc::parameters<padded> == 68);
static_assert(nc::layer<padded, "up">.activations == 648); // 9 * 9 * 8

// ---------------------------------------------------------------------------------------------
// slice<Begin, End>: channels [Begin, End), x[:, Begin:End]. On 7 x 5 x 48.
template<class Layer>
inline constexpr const nc::layer_info& only = nc::layers<nc::network<nc::input<7, 5, 48>, Layer>>[0];
static_assert(only<nc::slice<0, 16>>.output == nc::shape{7, 5, 16});
static_assert(only<nc::slice<40, 48>>.output == nc::shape{7, 5, 8});
static_assert(only<nc::slice<0, 48>>.output == nc::shape{7, 5, 48});
static_assert(only<nc::slice<47, 48>>.output == nc::shape{7, 5, 1});
static_assert(only<nc::slice<0, 16>>.kind == "slice");
static_assert(only<nc::slice<0, 16>>.name == "slice1");
static_assert(only<nc::slice<3, 19>>.activations == 560); // 7 * 5 * 16
static_assert(only<nc::slice<3, 19>>.parameters == 0 && only<nc::slice<3, 19>>.connections == 0 &&
              only<nc::slice<3, 19>>.units == 0);
// Rejected: an empty or reversed range (torch: x[:, 3:3] has 0 channels), a range past the
// channels (torch: x[:, 0:49] of 48 gives 48, not 49). An empty range is named first.
constexpr nc::shape given{7, 5, 48};
static_assert(nc::slice<3, 3>::apply(given).status == nc::error::empty_slice);
static_assert(nc::slice<5, 2>::apply(given).status == nc::error::empty_slice);
static_assert(nc::slice<50, 49>::apply(given).status == nc::error::empty_slice);
static_assert(nc::slice<0, 49>::apply(given).status == nc::error::slice_past_channels);
static_assert(nc::slice<48, 49>::apply(given).status == nc::error::slice_past_channels);
static_assert(nc::slice<0, 48>::apply(given).status == nc::error::none);

// pad_channels<C>: zero channels appended up to C, F.pad(x, [0, 0, 0, 0, 0, C - Cin]).
static_assert(only<nc::pad_channels<64>>.output == nc::shape{7, 5, 64});
static_assert(only<nc::pad_channels<64>>.activations == 2240); // 7 * 5 * 64
static_assert(only<nc::pad_channels<64>>.parameters == 0);
static_assert(only<nc::pad_channels<48>>.output == given); // pads nothing: accepted
static_assert(nc::pad_channels<47>::apply(given).status == nc::error::pad_channels_below_input);
static_assert(nc::pad_channels<48>::apply(given).status == nc::error::none);

// GhostNet's module (Han et al. 2020), oup = 20 at ratio 2: a primary conv to ceil(20 / 2) = 10,
// a cheap depthwise conv of it, both stacked (20) and sliced to oup: [:, :20]. With oup = 19 the
// slice drops a channel: 10 + 10 = 20, sliced to 19.
template<std::size_t Oup>
using ghost = nc::sequence<nc::concat<nc::name<"ghost">, nc::identity, nc::depthwise_conv<nc::kernel<3>, nc::same>>,
                           nc::slice<0, Oup>>;
struct ghost_net : nc::network<nc::input<8, 8, 3>, nc::conv<10, nc::kernel<1>>, ghost<19>> {};
static_assert(nc::output_shape<ghost_net> == nc::shape{8, 8, 19});
static_assert(nc::layers<ghost_net>.back().name == "slice1");
// 1 * 1 * 3 * 10 = 30 + 10 biases; depthwise 3 * 3 * 10 = 90 + 10 biases.
static_assert(nc::parameters<ghost_net> == 140);

// ENet's downsampling bottleneck (Paszke et al. 2016): the main path's convs to 64, added to the
// max-pooled input padded from 16 channels to 64. On 32 x 32 x 16: 16 x 16 x 64.
struct enet_down
    : nc::network<nc::input<32, 32, 16>, nc::add<nc::conv<64, nc::kernel<2>, nc::stride<2>, nc::no_bias>,
                                                 nc::sequence<nc::max_pool<nc::kernel<2>>, nc::pad_channels<64>>>> {};
static_assert(nc::output_shape<enet_down> == nc::shape{16, 16, 64});
static_assert(nc::layer<enet_down, "add1/pad_channels1">.input == nc::shape{16, 16, 16});
static_assert(nc::weights<enet_down> == 4096); // 2 * 2 * 16 * 64

// ---------------------------------------------------------------------------------------------
// Edits enter the new merges (merge_kind), and keep the reshapes.
using recropped = nc::replace<cropped, "crop_concat1/conv1", nc::conv<6, nc::kernel<3>, nc::no_bias>>;
static_assert(
    std::is_same_v<recropped, nc::network<nc::input<10, 9, 4>,
                                          nc::crop_concat<nc::identity, nc::conv<6, nc::kernel<3>, nc::no_bias>,
                                                          nc::conv<2, nc::kernel<5>>>>>);
static_assert(nc::parameters<recropped> == 418); // 424 without the 6 biases
using widened = nc::resize<cropped, "crop_concat1/conv2", 5>;
static_assert(nc::output_shape<widened> == nc::shape{6, 5, 15}); // 4 + 6 + 5
using ghost_resized = nc::resize<ghost_net, "conv1", 12>;
static_assert(nc::output_shape<ghost_resized> == nc::shape{8, 8, 19}); // 24 channels sliced to 19

// scale_width enters them too: in `cropped` conv2 is the last layer with weights and keeps its
// width; conv1's 6 become 3 at 1/2: 6 x 5 x (4 + 3 + 2).
static_assert(nc::output_shape<nc::scale_width<cropped, 1, 2>> == nc::shape{6, 5, 9});
static_assert(nc::output_shape<nc::scale_width<padded, 1, 2>> == nc::shape{9, 9, 8}); // its one conv is the last

// A slice's channels are fixed: scale_width rejects it (compile_fail/scale_slice) unless told
// what the scaled network takes, by an explicit specialisation.
template<>
struct netcount::scaled_width<nc::slice<0, 19>, 1, 2, 1> {
    using type = nc::slice<0, 9>;
};
struct ghost_head
    : nc::network<nc::input<8, 8, 3>, nc::conv<10, nc::kernel<1>>, ghost<19>, nc::conv<4, nc::kernel<1>>> {};
// conv1's 10 become 5; the depthwise conv follows; 5 + 5 = 10 sliced to 9; the last conv keeps 4.
static_assert(std::is_same_v<nc::scale_width<ghost_head, 1, 2>,
                             nc::network<nc::input<8, 8, 3>, nc::conv<5, nc::kernel<1>>,
                                         nc::sequence<nc::concat<nc::name<"ghost">, nc::identity,
                                                                 nc::depthwise_conv<nc::kernel<3>, nc::same>>,
                                                      nc::slice<0, 9>>,
                                         nc::conv<4, nc::kernel<1>>>>);
static_assert(nc::output_shape<nc::scale_width<ghost_head, 1, 2>> == nc::shape{8, 8, 4});

// with_input follows the crops and pads: cropped on 12 x 11: 8 x 7 (the 5 x 5 conv's).
static_assert(nc::output_shape<nc::with_input<cropped, 12, 11>> == nc::shape{8, 7, 12});
static_assert(nc::output_shape<nc::with_input<padded, 10, 10>> == nc::shape{10, 10, 8}); // no pad needed
