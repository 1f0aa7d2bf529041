// Merges as an extension point (merge_kind): multiply's broadcasting, a merge of one's own with
// parameters (BiFPN's weighted fusion), squeeze_excitation and auxiliary heads. Figures by hand
// where shown, and from PyTorch 1.13 / torchvision 0.14 where said.
#include <span>
#include <type_traits>

#include <netcount/edit.hpp>
#include <netcount/netcount.hpp>

namespace nc = netcount;

// ---------------------------------------------------------------------------------------------
// multiply: NumPy's broadcasting along height, width and channels. torch: a [1, 1, 5, 7] tensor
// times a [1, 3, 1, 1] one is [1, 3, 5, 7], i.e. 5 x 7 x 3.
struct gated : nc::network<nc::input<5, 7, 3>, nc::multiply<nc::conv<1, nc::kernel<1>>, nc::global_avg_pool>> {};
static_assert(nc::layers<gated>[2].kind == "multiply");
static_assert(nc::layers<gated>[2].name == "multiply1");
static_assert(nc::layers<gated>[2].merge);
static_assert(!nc::layers<gated>[0].merge);
static_assert(nc::layers<gated>[2].output == nc::shape{5, 7, 3});
static_assert(nc::layers<gated>[2].input == nc::shape{5, 7, 1}); // its first path's output
static_assert(nc::parameters<gated> == 4);                       // the conv's 1 * 1 * 3 weights and 1 bias
static_assert(nc::layers<gated>[2].activations == 105);          // 5 * 7 * 3
static_assert(nc::layers<gated>[2].connections == 0);            // merges count nothing else

// Each axis alone: 1 x 7 x 1 times 5 x 1 x 3 is 5 x 7 x 3; a path equal to the others is no
// broadcast at all.
struct crossed : nc::network<nc::input<5, 7, 3>,
                             nc::multiply<nc::sequence<nc::adaptive_avg_pool<1, 7>, nc::conv<1, nc::kernel<1>>>,
                                          nc::adaptive_max_pool<5, 1>, nc::identity>> {};
static_assert(nc::output_shape<crossed> == nc::shape{5, 7, 3});

// ---------------------------------------------------------------------------------------------
// A merge of one's own with parameters: BiFPN's fast normalised fusion (Tan, Pang and Le 2020,
// EfficientDet), O = sum_i w_i * I_i / (eps + sum_j w_j): one learned weight per path, inputs of
// one shape. Its weights are parameters (as batch_norm's scale), not conv weights.
template<class... Paths>
struct weighted_fusion {
    static constexpr std::string_view kind = "weighted_fusion";
    static constexpr nc::layer_result merge(std::span<const nc::shape> paths) noexcept {
        for (const nc::shape& p : paths)
            if (p != paths[0]) return {.status = nc::error::paths_mismatch};
        return {.output = paths[0], .parameters = paths.size()};
    }
};
static_assert(nc::merge_kind<weighted_fusion<nc::identity>>);
static_assert(!nc::layer_kind<weighted_fusion<nc::identity>>);
static_assert(nc::merge_kind<nc::add<nc::identity>> && nc::merge_kind<nc::concat<>> && nc::merge_kind<nc::multiply<>>);

using fused_paths = weighted_fusion<nc::name<"fuse">, nc::identity, nc::conv<16, nc::kernel<3>, nc::same, nc::no_bias>,
                                    nc::max_pool<nc::kernel<3>, nc::stride<1>, nc::same>>;
struct fused : nc::network<nc::input<8, 8, 16>, fused_paths, nc::relu> {};
// conv 3 * 3 * 16 * 16 = 2,304 weights; the fusion 3 parameters, one per path (the name is none).
static_assert(nc::weights<fused> == 2304);
static_assert(nc::parameters<fused> == 2307);
static_assert(nc::layers<fused>.size() == 4);
static_assert(nc::layer<fused, "fuse/conv1">.weights == 2304);
static_assert(nc::layer<fused, "fuse/max_pool1">.output == nc::shape{8, 8, 16});
static_assert(nc::layer<fused, "fuse">.kind == "weighted_fusion");
static_assert(nc::layer<fused, "fuse">.merge);
static_assert(nc::layer<fused, "fuse">.parameters == 3);
static_assert(nc::layer<fused, "fuse">.inputs.size() == 3);
static_assert(nc::layer<fused, "fuse">.inputs[0] == nc::network_input); // the identity path
static_assert(nc::layer<fused, "relu1">.inputs[0] == 2);
// An unnamed one is named after its kind, as add1 is; it scopes its paths.
struct fused_twice : nc::network<nc::input<4, 4, 2>, weighted_fusion<nc::identity, nc::relu>,
                                 weighted_fusion<nc::identity, nc::conv<2, nc::kernel<1>>>> {};
static_assert(nc::layers<fused_twice>[1].name == "weighted_fusion1");
static_assert(nc::layers<fused_twice>[2].name == "weighted_fusion2/conv1");
static_assert(nc::layers<fused_twice>[3].name == "weighted_fusion2");
static_assert(nc::parameters<fused_twice> == 2 + (2 * 2 + 2) + 2);
// The schedule: a merge writes a buffer of its own. Input 4 * 4 * 2 = 32; relu1 reads the input,
// which the fusion reads later, so writes 32 (64); the fusion writes 32 more (96).
static_assert(nc::layers<fused_twice>[1].live_activations == 96);

// Edits enter a merge of one's own: the layer inside, not the block, is replaced.
using refused = nc::replace<fused, "fuse/conv1", nc::conv<16, nc::kernel<1>, nc::no_bias>>;
static_assert(
    std::is_same_v<refused,
                   nc::network<nc::input<8, 8, 16>,
                               weighted_fusion<nc::name<"fuse">, nc::identity, nc::conv<16, nc::kernel<1>, nc::no_bias>,
                                               nc::max_pool<nc::kernel<3>, nc::stride<1>, nc::same>>,
                               nc::relu>>);
static_assert(nc::parameters<refused> == 16 * 16 + 3);
static_assert(nc::weights<nc::resize<fused, "fuse/conv1", 16>> == 2304);
// scale_width enters it too: the conv inside is not the last layer with weights of this one.
struct fused_head : nc::network<nc::input<8, 8, 16>, nc::conv<16, nc::kernel<1>>, fused_paths, nc::fc<10>> {};
static_assert(
    std::is_same_v<
        nc::scale_width<fused_head, 1, 2>,
        nc::network<nc::input<8, 8, 16>, nc::conv<8, nc::kernel<1>>,
                    weighted_fusion<nc::name<"fuse">, nc::identity, nc::conv<8, nc::kernel<3>, nc::same, nc::no_bias>,
                                    nc::max_pool<nc::kernel<3>, nc::stride<1>, nc::same>>,
                    nc::fc<10>>>);

// ---------------------------------------------------------------------------------------------
// squeeze_excitation: torchvision 0.14's ops.SqueezeExcitation(24, 8) has 416 parameters:
// fc1.weight 8 x 24 x 1 x 1, fc1.bias 8, fc2.weight 24 x 8 x 1 x 1, fc2.bias 24; its output has
// its input's shape (1 x 24 x 14 x 14). Multiply-accumulates: 192 for each 1 x 1 conv on 1 x 1.
struct excited : nc::network<nc::input<14, 14, 24>, nc::squeeze_excitation<24, 8>> {};
static_assert(nc::parameters<excited> == 416);
static_assert(nc::weights<excited> == 384);
static_assert(nc::biases<excited> == 32);
static_assert(nc::connections<excited> == 384);
static_assert(nc::output_shape<excited> == nc::shape{14, 14, 24});
static_assert(nc::layers<excited>.size() == 6);
static_assert(nc::layers<excited>[0].name == "squeeze_excitation1/global_avg_pool1");
static_assert(nc::layer<excited, "squeeze_excitation1/fc1">.output == nc::shape{1, 1, 8});
static_assert(nc::layer<excited, "squeeze_excitation1/relu1">.output == nc::shape{1, 1, 8});
static_assert(nc::layer<excited, "squeeze_excitation1/fc2">.weights == 192);
static_assert(nc::layer<excited, "squeeze_excitation1/sigmoid1">.output == nc::shape{1, 1, 24});
static_assert(nc::layer<excited, "squeeze_excitation1">.kind == "multiply");
static_assert(nc::layer<excited, "squeeze_excitation1">.merge);
static_assert(nc::layer<excited, "squeeze_excitation1">.inputs[0] == nc::network_input);
// SqueezeExcitation(96, 24, scale_activation=Hardsigmoid): 96 * 24 * 2 + 24 + 96 = 4,728, as torch.
static_assert(nc::parameters<nc::network<nc::input<7, 7, 96>, nc::squeeze_excitation<96, 24, nc::relu, nc::relu6>>> ==
              4728);
static_assert(nc::layers<nc::network<nc::input<7, 7, 96>, nc::squeeze_excitation<96, 24, nc::relu6>>>[2].name ==
              "squeeze_excitation1/relu6_1");

// Edits reach SE's layers and write back a squeeze_excitation: resize fc1 or fc2, replace the
// activation or the gate; scale_width scales both counts by its one rule (24 / 2, 8 / 2).
static_assert(std::is_same_v<nc::resize<excited, "squeeze_excitation1/fc1", 6>,
                             nc::network<nc::input<14, 14, 24>, nc::squeeze_excitation<24, 6>>>);
static_assert(std::is_same_v<nc::replace<excited, "squeeze_excitation1/sigmoid1", nc::relu6>,
                             nc::network<nc::input<14, 14, 24>, nc::squeeze_excitation<24, 8, nc::relu, nc::relu6>>>);
struct excited_net
    : nc::network<nc::input<14, 14, 3>, nc::conv<24, nc::kernel<1>>, nc::squeeze_excitation<24, 8>, nc::fc<10>> {};
static_assert(
    std::is_same_v<nc::scale_width<excited_net, 1, 2>, nc::network<nc::input<14, 14, 3>, nc::conv<12, nc::kernel<1>>,
                                                                   nc::squeeze_excitation<12, 4>, nc::fc<10>>>);
// MobileNetV3's rule, make_divisible(n * 3 / 4, 8): 24 -> 24 (18 rounds to 16, below 0.9 * 18,
// so 24), 8 -> 8.
static_assert(
    std::is_same_v<nc::scale_width<excited_net, 3, 4, 8>, nc::network<nc::input<14, 14, 3>, nc::conv<24, nc::kernel<1>>,
                                                                      nc::squeeze_excitation<24, 8>, nc::fc<10>>>);

// ---------------------------------------------------------------------------------------------
// auxiliary: Inception v3's AuxLogits on its 17 x 17 x 768 input (torchvision's InceptionAux):
// avg_pool 5 / 3, conv0 1 x 1 to 128 and conv1 5 x 5 to 768 (no bias, batch norm each), adaptive
// pool, fc 768 -> 1000. torchvision's inception_v3 has 27,161,264 parameters with it and
// 23,834,568 without: 3,326,696 = 98,304 + 256 + 2,457,600 + 1,536 + 768,000 + 1,000.
using aux_logits = nc::auxiliary<nc::name<"AuxLogits">, nc::avg_pool<nc::kernel<5>, nc::stride<3>>,
                                 nc::conv<128, nc::kernel<1>, nc::no_bias>, nc::batch_norm, nc::relu,
                                 nc::conv<768, nc::kernel<5>, nc::no_bias>, nc::batch_norm, nc::relu,
                                 nc::adaptive_avg_pool<1>, nc::flatten, nc::fc<1000>>;
struct with_aux : nc::network<nc::input<17, 17, 768>, aux_logits, nc::conv<192, nc::kernel<1>, nc::no_bias>> {};
struct without_aux : nc::network<nc::input<17, 17, 768>, nc::conv<192, nc::kernel<1>, nc::no_bias>> {};
static_assert(nc::parameters<with_aux> - nc::parameters<without_aux> == 3'326'696);
static_assert(nc::weights<with_aux> == 98'304 + 2'457'600 + 768'000 + 147'456);
static_assert(nc::biases<with_aux> == 1000);
// Eval-mode figures: the head's units, connections and activations are not in the totals.
static_assert(nc::units<with_aux> == nc::units<without_aux>);
static_assert(nc::connections<with_aux> == nc::connections<without_aux>);
static_assert(nc::connections<with_aux> == 147'456 * 17 * 17);
static_assert(nc::connections_with_bias<with_aux> == nc::connections_with_bias<without_aux>);
static_assert(nc::activations<with_aux> == 17 * 17 * 192);
static_assert(nc::flops<with_aux> == nc::flops<without_aux>);
static_assert(nc::output_shape<with_aux> == nc::shape{17, 17, 192});
// Its entries are there, marked; the main path reads the tensor before the head.
static_assert(nc::layers<with_aux>.size() == 11);
static_assert(nc::layer<with_aux, "AuxLogits/avg_pool1">.output == nc::shape{5, 5, 768});
static_assert(nc::layer<with_aux, "AuxLogits/conv2">.output == nc::shape{1, 1, 768});
static_assert(nc::layer<with_aux, "AuxLogits/fc1">.auxiliary);
static_assert(nc::layer<with_aux, "AuxLogits/fc1">.connections == 768'000); // the layer's own figure
static_assert(!nc::layer<with_aux, "conv1">.auxiliary);
static_assert(nc::layer<with_aux, "conv1">.inputs[0] == nc::network_input);
// The schedule skips the head: the input (221,952) and conv1's output (55,488) at the peak.
static_assert(nc::peak_activations<with_aux> == 221'952 + 55'488);
static_assert(nc::peak_layer<with_aux>.name == "conv1");
static_assert(nc::layer<with_aux, "AuxLogits/conv1">.live_activations == 0);
// A head at the end: the output is the last entry that runs, and is never freed.
struct aux_last : nc::network<nc::input<4, 4, 2>, nc::conv<2, nc::kernel<1>>, nc::auxiliary<nc::fc<3>>> {};
static_assert(nc::output_shape<aux_last> == nc::shape{4, 4, 2});
static_assert(nc::peak_activations<aux_last> == 64); // input 32 and conv1's 32
static_assert(nc::parameters<aux_last> == 6 + 99);
static_assert(nc::layers<aux_last>[1].name == "auxiliary1/fc1");
// Edits enter it.
static_assert(nc::parameters<nc::resize<with_aux, "AuxLogits/fc1", 10>> == nc::parameters<with_aux> - 769'000 + 7'690);
// scale_width keeps the head's classifier as it keeps the network's: both give the classes.
struct aux_scaled : nc::network<nc::input<8, 8, 3>, nc::conv<16, nc::kernel<1>>,
                                nc::auxiliary<nc::conv<8, nc::kernel<1>>, nc::flatten, nc::fc<10>>,
                                nc::conv<32, nc::kernel<1>>, nc::flatten, nc::fc<10>> {};
static_assert(std::is_same_v<nc::scale_width<aux_scaled, 1, 2>,
                             nc::network<nc::input<8, 8, 3>, nc::conv<8, nc::kernel<1>>,
                                         nc::auxiliary<nc::conv<4, nc::kernel<1>>, nc::flatten, nc::fc<10>>,
                                         nc::conv<16, nc::kernel<1>>, nc::flatten, nc::fc<10>>>);

// A merge of one's own may name its blocks itself (a static `name`), as a layer kind may; a
// name<...> among its paths comes first.
template<class... Paths>
struct named_sum : nc::detail::add_rule {
    static constexpr std::string_view name = "sum";
};
struct summed : nc::network<nc::input<2, 2, 2>, named_sum<nc::identity, nc::relu>,
                            named_sum<nc::name<"other">, nc::identity, nc::identity>> {};
static_assert(nc::layers<summed>[0].name == "sum/relu1");
static_assert(nc::layers<summed>[1].name == "sum");
static_assert(nc::layers<summed>[1].kind == "add");
static_assert(nc::layers<summed>[2].name == "other");
