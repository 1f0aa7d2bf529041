// fold_batch_norm: the network a deployment converter sees. The figures are PyTorch's own
// fusion (torch.nn.utils.fusion.fuse_conv_bn_eval and fuse_linear_bn_eval) of the same models,
// each fused model checked against the unfused one in eval mode: tools/reference/fold_batch_norm.py
// prints them.
#include <cstddef>
#include <string_view>
#include <type_traits>

#include <netcount/netcount.hpp>
#include <netcount/zoo/mobilenet.hpp>
#include <netcount/zoo/resnet.hpp>

namespace nc = netcount;

// The type is the one written by hand: the batch_norm becomes identity (no entry), the conv
// loses no_bias, a batch_norm after a relu stays as unfolded_batch_norm.
using small = nc::network<nc::input<8, 8, 3>, nc::conv<4, nc::kernel<3>, nc::no_bias, nc::name<"c">>, nc::batch_norm,
                          nc::relu, nc::batch_norm>;
static_assert(std::is_same_v<nc::fold_batch_norm<small>,
                             nc::network<nc::input<8, 8, 3>, nc::conv<4, nc::kernel<3>, nc::name<"c">>, nc::identity,
                                         nc::relu, nc::unfolded_batch_norm>>);
// Folding twice changes nothing more.
static_assert(std::is_same_v<nc::fold_batch_norm<nc::fold_batch_norm<small>>, nc::fold_batch_norm<small>>);
static_assert(nc::layers<nc::fold_batch_norm<small>>.size() == 3);
static_assert(nc::layers<nc::fold_batch_norm<small>>[2].kind == "unfolded_batch_norm");
static_assert(nc::layers<nc::fold_batch_norm<small>>[2].name == "unfolded_batch_norm1");

// torchvision's resnet18: 11,689,512 parameters; folded, 11,684,712 with 5,800 biases (the fc's
// 1,000 and one per output channel of its 20 convolutions, 4,800). No batch norm is left.
using resnet18_folded = nc::fold_batch_norm<nc::zoo::resnet18>;
static_assert(nc::parameters<nc::zoo::resnet18> == 11'689'512);
static_assert(nc::parameters<resnet18_folded> == 11'684'712);
static_assert(nc::biases<resnet18_folded> == 5'800);
// What a fold leaves: the weights and connections; the names of everything but the batch norms.
static_assert(nc::weights<resnet18_folded> == nc::weights<nc::zoo::resnet18>);
static_assert(nc::connections<resnet18_folded> == nc::connections<nc::zoo::resnet18>);
static_assert(nc::layer<resnet18_folded, "layer2/add1/downsample/conv1">.biases == 128);

constexpr std::size_t count_kind(const auto& entries, std::string_view kind) {
    std::size_t n = 0;
    for (const nc::layer_info& e : entries) n += e.kind == kind ? 1 : 0;
    return n;
}
static_assert(count_kind(nc::layers<resnet18_folded>, "batch_norm") == 0);
static_assert(count_kind(nc::layers<resnet18_folded>, "unfolded_batch_norm") == 0);
static_assert(nc::layers<resnet18_folded>.size() == nc::layers<nc::zoo::resnet18>.size() - 20);

// torchvision's mobilenet_v2: 3,504,872 parameters; folded, 3,487,816 with 18,056 biases.
using mobilenet_v2_folded = nc::fold_batch_norm<nc::zoo::mobilenet_v2>;
static_assert(nc::parameters<nc::zoo::mobilenet_v2> == 3'504'872);
static_assert(nc::parameters<mobilenet_v2_folded> == 3'487'816);
static_assert(nc::biases<mobilenet_v2_folded> == 18'056);
static_assert(count_kind(nc::layers<mobilenet_v2_folded>, "batch_norm") == 0);
static_assert(count_kind(nc::layers<mobilenet_v2_folded>, "unfolded_batch_norm") == 0);

// A hand case through every block kind, and a batch norm of each sort, module for module the
// script's Hand: 17,854 parameters, folded 17,794 with 58 biases and 4 batch norms left. By
// hand: the folded batch norms a, c, e, f1, h, i, j, k take 2 * (8 + 8 + 8 + 4 + 4 + 4 + 6 + 10)
// = 104 parameters away and their layers gain 8 + 0 (c has its bias) + 8 + 4 + 4 + 4 + 6 + 10 =
// 44 biases; 17,854 - 104 + 44 = 17,794, and 58 = 44 + c's 8 + f2's 4 + the head fc's 2.
template<class... Paths>
struct my_merge { // a merge of one's own: concat under another name
    static constexpr std::string_view kind = "my_merge";
    static constexpr nc::layer_result merge(std::span<const nc::shape> paths) noexcept {
        return nc::concat<Paths...>::merge(paths);
    }
};
struct hand
    : nc::network<nc::input<8, 8, 3>, nc::conv<8, nc::kernel<3>, nc::same, nc::no_bias>, nc::batch_norm, nc::relu, // a
                  nc::batch_norm,                                                           // keep_b: after a relu
                  nc::residual<nc::conv<8, nc::kernel<3>, nc::same>, nc::batch_norm>,       // c: a conv with a bias
                  nc::batch_norm,                                                           // keep_d: after the add
                  nc::depthwise_conv<nc::kernel<3>, nc::same, nc::no_bias>, nc::batch_norm, // e
                  my_merge<nc::sequence<nc::conv<4, nc::kernel<1>, nc::no_bias>, nc::batch_norm>, // f1
                           nc::conv<4, nc::kernel<1>>>,                                           // f2
                  nc::conv<8, nc::kernel<1>, nc::no_bias>,               // g: read by two batch norms
                  nc::auxiliary<nc::batch_norm, nc::flatten, nc::fc<2>>, // aux: neither folds
                  nc::batch_norm,                                        // keep_g
                  nc::transposed_conv<4, nc::kernel<2>, nc::stride<2>, nc::no_bias>, nc::batch_norm, // h
                  nc::upsample_back<nc::conv<4, nc::kernel<3>, nc::stride<2>, nc::pad<1>, nc::no_bias>,
                                    nc::batch_norm>,                        // i
                  nc::linear<6, nc::no_bias>, nc::batch_norm,               // j
                  nc::flatten, nc::fc<10, nc::no_bias>, nc::batch_norm> {}; // k
using hand_folded = nc::fold_batch_norm<hand>;
static_assert(nc::parameters<hand> == 17'854);
static_assert(nc::parameters<hand_folded> == 17'794);
static_assert(nc::biases<hand_folded> == 58);
static_assert(count_kind(nc::layers<hand_folded>, "batch_norm") == 0);
static_assert(count_kind(nc::layers<hand_folded>, "unfolded_batch_norm") == 4);
static_assert(nc::layers<hand_folded>[1].name == "relu1");
static_assert(nc::layers<hand_folded>[2].name == "unfolded_batch_norm1");
static_assert(nc::layer<hand_folded, "auxiliary1/unfolded_batch_norm1">.auxiliary);
static_assert(nc::layer<hand_folded, "conv2">.biases == 0); // g: nothing folded into it
static_assert(nc::layer<hand_folded, "fc1">.biases == 10);
// Same shapes, same connections, same output.
static_assert(nc::connections<hand_folded> == nc::connections<hand>);
static_assert(nc::output_shape<hand_folded> == nc::output_shape<hand>);
