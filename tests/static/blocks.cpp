// Blocks: sequence, add, concat, identity, residual. Names follow the blocks; every layer in a
// branch is an entry of layers<Net>, and so is each merge; inputs record the layer graph.
#include <array>
#include <string_view>
#include <type_traits>

#include <netcount/edit.hpp>
#include <netcount/netcount.hpp>

namespace nc = netcount;

struct branchy
    : nc::network<nc::input<8, 8, 4>, nc::conv<4, nc::kernel<3>, nc::same, nc::no_bias, nc::name<"stem">>, // 0
                  nc::residual<nc::conv<4, nc::kernel<3>, nc::same, nc::no_bias>, nc::batch_norm,
                               nc::relu>,                                 // 1-4
                  nc::concat<nc::name<"mix">, nc::conv<2, nc::kernel<1>>, // 5
                             nc::sequence<nc::conv<2, nc::kernel<1>>, nc::conv<3, nc::kernel<3>, nc::same>>,
                             nc::max_pool<nc::kernel<3>, nc::stride<1>, nc::same>>, // 6-9
                  nc::add<nc::identity, nc::identity>> {};                          // 10

// Names: a block's layers are named inside it; its merge is named after it.
static_assert(nc::layers<branchy>.size() == 11);
static_assert(nc::layers<branchy>[0].name == "stem");
static_assert(nc::layers<branchy>[1].name == "residual1/conv1");
static_assert(nc::layers<branchy>[2].name == "residual1/batch_norm1");
static_assert(nc::layers<branchy>[3].name == "residual1/relu1");
static_assert(nc::layers<branchy>[4].name == "residual1");
static_assert(nc::layers<branchy>[5].name == "mix/conv1");
static_assert(nc::layers<branchy>[6].name == "mix/conv2"); // an unnamed sequence adds no level
static_assert(nc::layers<branchy>[7].name == "mix/conv3");
static_assert(nc::layers<branchy>[8].name == "mix/max_pool1");
static_assert(nc::layers<branchy>[9].name == "mix");
static_assert(nc::layers<branchy>[10].name == "add1");
static_assert(nc::layers<branchy>[4].kind == "add");
static_assert(nc::layers<branchy>[9].kind == "concat");

// The graph: which entries each one reads.
constexpr bool reads(std::size_t entry, std::initializer_list<std::size_t> from) {
    const auto& in = nc::layers<branchy>[entry].inputs;
    if (in.size() != from.size()) return false;
    std::size_t i = 0;
    for (const std::size_t f : from)
        if (in[i++] != f) return false;
    return true;
}
static_assert(reads(0, {nc::network_input}));
static_assert(reads(1, {0}) && reads(2, {1}) && reads(3, {2}));
static_assert(reads(4, {0, 3})); // the identity path reads what the block reads
static_assert(reads(5, {4}) && reads(6, {4}) && reads(7, {6}) && reads(8, {4}));
static_assert(reads(9, {5, 7, 8}));
static_assert(reads(10, {9, 9}));

// Shapes: concat stacks 2 + 3 + 4 channels; add keeps the shape.
static_assert(nc::layer<branchy, "mix">.output == nc::shape{8, 8, 9});
static_assert(nc::layer<branchy, "add1">.output == nc::shape{8, 8, 9});
static_assert(nc::output_shape<branchy> == nc::shape{8, 8, 9});

// Counts, by hand: weights 3*3*4*4 (stem) + 3*3*4*4 (residual conv) + 1*1*4*2 + 1*1*4*2
// + 3*3*2*3 = 144 + 144 + 8 + 8 + 54 = 358; biases 2 + 2 + 3 = 7; batch norm 2 * 4 = 8;
// every conv is 8 x 8, so connections = 64 * 358 = 22,912 and units = 64 * (4+4+2+2+3) = 960.
static_assert(nc::weights<branchy> == 358);
static_assert(nc::biases<branchy> == 7);
static_assert(nc::parameters<branchy> == 373);
static_assert(nc::connections<branchy> == 22'912);
static_assert(nc::units<branchy> == 960);
static_assert(nc::layer<branchy, "residual1/batch_norm1">.parameters == 8);
static_assert(nc::layer<branchy, "residual1/batch_norm1">.weights == 0);
static_assert(nc::layer<branchy, "residual1/batch_norm1">.biases == 0);
static_assert(nc::layer<branchy, "mix">.parameters == 0);

// Nested and named blocks: "outer/inner/conv1".
struct nested : nc::network<nc::input<4, 4, 2>,
                            nc::sequence<nc::name<"outer">, nc::residual<nc::name<"inner">, nc::conv<2, nc::kernel<1>>>,
                                         nc::residual<nc::conv<2, nc::kernel<1>>>>> {};
static_assert(nc::layers<nested>[0].name == "outer/inner/conv1");
static_assert(nc::layers<nested>[1].name == "outer/inner");
static_assert(nc::layers<nested>[2].name == "outer/residual2/conv1"); // second residual in "outer"
static_assert(nc::layers<nested>[3].name == "outer/residual2");
static_assert(nc::layer<nested, "outer/inner/conv1">.weights == 4);

// Unnamed merges nested in unnamed merges add one level to the names, not one each (issue 19):
// a U-Net written without names reads concat1/transposed_conv3 where a scope per merge would
// read concat1/concat1/concat1/transposed_conv1. The inner merges and their parts are named in
// the outermost unnamed merge's scope, each merge before its parts. Shapes by hand, on
// 16 x 16 x 4: each 2 x 2 pool halves, each 3 x 3 same conv makes 8 channels, each 2 x 2
// transposed conv of stride 2 doubles with 8; the innermost concat stacks 4 x 4 x (8 + 8), the
// middle one 8 x 8 x (8 + 8), the outer one 16 x 16 x (4 + 8).
using pool2 = nc::max_pool<nc::kernel<2>, nc::stride<2>>;
using conv8 = nc::conv<8, nc::kernel<3>, nc::same>;
using up8 = nc::transposed_conv<8, nc::kernel<2>, nc::stride<2>>;
struct unet3
    : nc::network<
          nc::input<16, 16, 4>,
          nc::concat<
              nc::identity,
              nc::sequence<pool2, conv8,
                           nc::concat<nc::identity,
                                      nc::sequence<pool2, conv8,
                                                   nc::concat<nc::identity, nc::sequence<pool2, conv8, up8>>, up8>>,
                           up8>>> {};
constexpr std::array<std::string_view, 12> unet3_names{
    "concat1/max_pool1",        "concat1/conv1",   "concat1/max_pool2",        "concat1/conv2",
    "concat1/max_pool3",        "concat1/conv3",   "concat1/transposed_conv1", "concat1/concat2",
    "concat1/transposed_conv2", "concat1/concat1", "concat1/transposed_conv3", "concat1"};
constexpr bool names_are(const auto& entries, const auto& expected) {
    if (entries.size() != expected.size()) return false;
    for (std::size_t i = 0; i != expected.size(); ++i)
        if (entries[i].name != expected[i]) return false;
    return true;
}
static_assert(names_are(nc::layers<unet3>, unet3_names));
static_assert(nc::layer<unet3, "concat1/concat2">.output == nc::shape{4, 4, 16});
static_assert(nc::layer<unet3, "concat1/concat1">.output == nc::shape{8, 8, 16});
static_assert(nc::layer<unet3, "concat1">.output == nc::shape{16, 16, 12});
static_assert(nc::layer<unet3, "concat1/concat2">.inputs.size() == 2);
static_assert(nc::layer<unet3, "concat1/concat2">.inputs[0] == 3); // conv2's output, the block's input
static_assert(nc::layer<unet3, "concat1/concat2">.inputs[1] == 6);
static_assert(nc::layer<unet3, "concat1/concat1">.inputs[0] == 1 && nc::layer<unet3, "concat1/concat1">.inputs[1] == 8);
static_assert(nc::layer<unet3, "concat1">.inputs[0] == nc::network_input);
// Edits and from<> find them by those names: conv2 made 6 wide stacks 6 + 8 in the inner concat.
static_assert(nc::layer<nc::resize<unet3, "concat1/conv2", 6>, "concat1/concat2">.output == nc::shape{4, 4, 14});
struct unet3_taps : nc::network<nc::input<16, 16, 4>,
                                nc::concat<nc::identity, nc::sequence<pool2, nc::concat<nc::identity, nc::relu>,
                                                                      nc::from<"concat1/max_pool1">, up8>>,
                                nc::outputs<"concat1/concat1", "concat1/relu1", "concat1">> {};
static_assert(nc::output_shapes<unet3_taps>[0] == nc::shape{8, 8, 8});
static_assert(nc::output_shapes<unet3_taps>[1] == nc::shape{8, 8, 4});
static_assert(nc::output_shapes<unet3_taps>[2] == nc::shape{16, 16, 12});

// Which merges open a scope all the same: a named one; an unnamed one among the parts of a
// named block or at the top level; a squeeze_excitation, whose fc1 and fc2 are its own. A
// residual is a merge: nested unnamed, it adds no level either.
struct scoped
    : nc::network<nc::input<4, 4, 8>,
                  nc::concat<nc::identity, nc::concat<nc::name<"skip">, nc::identity, nc::relu>>, // 8 + 16 channels
                  nc::concat<nc::name<"up">, nc::identity, nc::add<nc::identity, nc::relu>>,      // 32
                  nc::residual<nc::conv<48, nc::kernel<1>>, nc::residual<nc::relu>, nc::squeeze_excitation<48, 8>>> {};
constexpr std::array<std::string_view, 16> scoped_names{"concat1/skip/relu1",
                                                        "concat1/skip",
                                                        "concat1",
                                                        "up/add1/relu1",
                                                        "up/add1",
                                                        "up",
                                                        "residual1/conv1",
                                                        "residual1/relu1",
                                                        "residual1/residual1",
                                                        "residual1/squeeze_excitation1/global_avg_pool1",
                                                        "residual1/squeeze_excitation1/fc1",
                                                        "residual1/squeeze_excitation1/relu1",
                                                        "residual1/squeeze_excitation1/fc2",
                                                        "residual1/squeeze_excitation1/sigmoid1",
                                                        "residual1/squeeze_excitation1",
                                                        "residual1"};
static_assert(names_are(nc::layers<scoped>, scoped_names));

// residual<...> is add<identity, sequence<...>>.
struct as_add
    : nc::network<nc::input<8, 8, 4>,
                  nc::add<nc::identity,
                          nc::sequence<nc::conv<4, nc::kernel<3>, nc::same, nc::no_bias>, nc::batch_norm, nc::relu>>> {
};
struct as_residual
    : nc::network<nc::input<8, 8, 4>,
                  nc::residual<nc::conv<4, nc::kernel<3>, nc::same, nc::no_bias>, nc::batch_norm, nc::relu>> {};
static_assert(nc::totals<as_add> == nc::totals<as_residual>);
static_assert(nc::layers<as_add>[3].inputs[0] == nc::layers<as_residual>[3].inputs[0]);
static_assert(nc::layers<as_add>[3].inputs[1] == nc::layers<as_residual>[3].inputs[1]);

// repeat<N, E> is N copies of E in a sequence: three residual blocks of a 1 x 1 conv of 2
// filters (2 * 2 weights, 2 biases each) are 12 weights and 6 biases.
static_assert(std::is_same_v<nc::repeat<2, nc::relu>, nc::sequence<nc::relu, nc::relu>>);
struct stage : nc::network<nc::input<4, 4, 2>, nc::repeat<3, nc::residual<nc::conv<2, nc::kernel<1>>>>> {};
static_assert(nc::weights<stage> == 12);
static_assert(nc::biases<stage> == 6);
static_assert(nc::layers<stage>[5].name == "residual3");

// ---------------------------------------------------------------------------------------------
// upsample_back: the parts, then their output interpolated to the size the block read, as
// torchvision's segmentation models end (F.interpolate(x, size=input.shape[-2:])). On 32 x 32 x 3:
// conv 3 x 3 / 2 pad 1 gives floor((32 + 2 - 3) / 2) + 1 = 16; a named inner block pools to
// 1 x 1, convs to 4 channels and comes back to 16 x 16 (DeepLabv3's image pooling); a 1 x 1 conv
// to 5 channels, and back to 32 x 32.
struct seg_like : nc::network<nc::input<32, 32, 3>,
                              nc::upsample_back<nc::conv<8, nc::kernel<3>, nc::stride<2>, nc::pad<1>>, nc::relu, // 0, 1
                                                nc::upsample_back<nc::name<"pool">, nc::global_avg_pool,         // 2
                                                                  nc::conv<4, nc::kernel<1>>>,                   // 3, 4
                                                nc::conv<5, nc::kernel<1>>>> {};                                 // 5, 6
static_assert(nc::layers<seg_like>.size() == 7);
static_assert(nc::output_shape<seg_like> == nc::shape{32, 32, 5});
// A named one is a scope, its interpolation named after it; an unnamed one adds no level, and its
// interpolation is named after its kind, with the first ordinal (it is named before its parts).
static_assert(nc::layers<seg_like>[2].name == "pool/global_avg_pool1");
static_assert(nc::layers<seg_like>[3].name == "pool/conv1");
static_assert(nc::layers<seg_like>[4].name == "pool");
static_assert(nc::layers<seg_like>[4].kind == "upsample_back");
static_assert(nc::layers<seg_like>[4].output == nc::shape{16, 16, 4});
static_assert(nc::layers<seg_like>[5].name == "conv2");
static_assert(nc::layers<seg_like>[6].name == "upsample_back1");
static_assert(nc::layers<seg_like>[6].input == nc::shape{16, 16, 5});
// It counts nothing but its activations: 32 * 32 * 5.
static_assert(nc::layers<seg_like>[6].parameters == 0 && nc::layers<seg_like>[6].connections == 0);
static_assert(nc::layers<seg_like>[6].activations == 5'120);
// It reads its parts' output, not the tensor whose size it takes...
static_assert(nc::layers<seg_like>[6].inputs.size() == 1 && nc::layers<seg_like>[6].inputs[0] == 5);
static_assert(nc::layers<seg_like>[0].inputs[0] == nc::network_input);
// ... so the memory schedule frees the input after conv1, its last reader. At upsample_back1:
// conv2's 16 * 16 * 5 = 1,280 and its own 5,120 (keeping the 3,072 of the input would make
// 9,472); at conv1: the input's 3,072 and conv1's 2,048. The peak is upsample_back1's 6,400.
static_assert(nc::layers<seg_like>[0].live_activations == 3'072 + 2'048);
static_assert(nc::layers<seg_like>[6].live_activations == 1'280 + 5'120);
static_assert(nc::peak_activations<seg_like> == 6'400);
// It follows the input: on 50 x 40, conv1 gives 25 x 20 and the output is 50 x 40 x 5 (with
// upsample_to<32, 32> it would stay 32 x 32).
static_assert(nc::output_shape<nc::with_input<seg_like, 50, 40>> == nc::shape{50, 40, 5});
static_assert(nc::layer<nc::with_input<seg_like, 50, 40>, "pool">.output == nc::shape{25, 20, 4});
// Edits enter it: conv2 reads pool's 4 channels, 4 * 5 + 5 = 25 parameters; with 7 filters
// 4 * 7 + 7 = 35. In all: conv1 3 * 3 * 3 * 8 + 8 = 224, pool/conv1 8 * 4 + 4 = 36, conv2.
static_assert(nc::parameters<seg_like> == 224 + 36 + 25);
static_assert(nc::parameters<nc::resize<seg_like, "conv2", 7>> == 224 + 36 + 35);
static_assert(nc::layer<nc::resize<seg_like, "pool/conv1", 2>, "pool">.output == nc::shape{16, 16, 2});
