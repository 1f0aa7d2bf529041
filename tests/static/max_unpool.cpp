// max_unpool<"pool">: PyTorch's MaxUnpool2d as SegNet and ENet use it (output_size = the pool's
// input's size). Every shape, parameter, MAC and activation below is torch 1.13's, from modules
// of the same layers run on the same input (nn.MaxPool2d(2, return_indices=True),
// nn.MaxUnpool2d(2)(x, indices, output_size=...)); the peaks are worked out by hand under the
// schedule of docs/deploy.md.
#include <netcount/edit.hpp>
#include <netcount/fold.hpp>
#include <netcount/netcount.hpp>
#include <netcount/scale.hpp>

namespace nc = netcount;

// ---------------------------------------------------------------------------------------------
// SegNet-like, on an odd 63 x 61 x 3 image: two pools, each unpooled back to its input's size
// (31 x 30 and 63 x 61, which a pool of 2 does not give back without output_size).
using segnet = nc::network<nc::input<63, 61, 3>,                                      // 0 (the input)
                           nc::conv<16, nc::kernel<3>, nc::pad<1>, nc::name<"enc1">>, // 0: 63 x 61 x 16
                           nc::max_pool<nc::kernel<2>, nc::name<"pool1">>,            // 1: 31 x 30 x 16
                           nc::conv<32, nc::kernel<3>, nc::pad<1>, nc::name<"enc2">>, // 2: 31 x 30 x 32
                           nc::max_pool<nc::kernel<2>, nc::name<"pool2">>,            // 3: 15 x 15 x 32
                           nc::conv<32, nc::kernel<3>, nc::pad<1>, nc::name<"mid">>,  // 4: 15 x 15 x 32
                           nc::max_unpool<"pool2">,                                   // 5: 31 x 30 x 32
                           nc::conv<16, nc::kernel<3>, nc::pad<1>, nc::name<"dec2">>, // 6: 31 x 30 x 16
                           nc::max_unpool<"pool1">,                                   // 7: 63 x 61 x 16
                           nc::conv<5, nc::kernel<3>, nc::pad<1>, nc::name<"cls">>>;  // 8: 63 x 61 x 5

static_assert(nc::layers<segnet>.size() == 9);
static_assert(nc::layers<segnet>[5].name == "max_unpool1" && nc::layers<segnet>[5].kind == "max_unpool");
static_assert(nc::layers<segnet>[7].name == "max_unpool2");
static_assert(nc::layer<segnet, "max_unpool1">.input == nc::shape{15, 15, 32}); // mid's output
static_assert(nc::layer<segnet, "max_unpool1">.output == nc::shape{31, 30, 32});
static_assert(nc::layer<segnet, "max_unpool2">.output == nc::shape{63, 61, 16});
static_assert(nc::output_shape<segnet> == nc::shape{63, 61, 5});
// It reads the tensor it unpools and the pool (its indices).
static_assert(nc::layer<segnet, "max_unpool1">.inputs.size() == 2);
static_assert(nc::layer<segnet, "max_unpool1">.inputs[0] == 4 && nc::layer<segnet, "max_unpool1">.inputs[1] == 3);
static_assert(nc::layer<segnet, "max_unpool2">.inputs[0] == 6 && nc::layer<segnet, "max_unpool2">.inputs[1] == 1);
// Nothing but activations: torch's 29,760 and 61,488 elements.
static_assert(nc::layer<segnet, "max_unpool1">.activations == 29'760);
static_assert(nc::layer<segnet, "max_unpool2">.activations == 61'488);
static_assert(nc::layer<segnet, "max_unpool1">.parameters == 0 && nc::layer<segnet, "max_unpool1">.connections == 0 &&
              nc::layer<segnet, "max_unpool1">.units == 0 && nc::layer<segnet, "max_unpool1">.weights == 0);
// torch: 19,685 parameters; 15,071,616 MACs (the five convs); 245,871 activations (every
// module's output elements: 61,488 + 14,880 + 29,760 + 7,200 + 7,200 + 29,760 + 14,880 + 61,488
// + 19,215).
static_assert(nc::parameters<segnet> == 19'685);
static_assert(nc::connections<segnet> == 15'071'616);
static_assert(nc::activations<segnet> == 245'871);
// The peak, by hand: each entry's live elements are its own output and every earlier buffer
// read at or after it. pool1's output (14,880) stays alive until max_unpool2 reads it, so at
// max_unpool2: pool1 14,880 + dec2 14,880 + its own 61,488 = 91,248. (Were pool1 freed after
// enc2, the peak would be cls's 61,488 + 19,215 = 80,703.)
static_assert(nc::layer<segnet, "max_unpool2">.live_activations == 14'880 + 14'880 + 61'488);
static_assert(nc::peak_activations<segnet> == 91'248);
static_assert(nc::peak_layer<segnet>.name == "max_unpool2");
// At max_unpool1: pool1 14,880 + pool2 7,200 + mid 7,200 + its own 29,760 = 59,040.
static_assert(nc::layer<segnet, "max_unpool1">.live_activations == 59'040);
// An entry in between (mid) still counts pool1: 14,880 + pool2 7,200 + 7,200.
static_assert(nc::layer<segnet, "mid">.live_activations == 29'280);

// It follows the input: on 64 x 64 the pools give 32 x 32 and 16 x 16, the unpools 32 x 32 and
// 64 x 64.
static_assert(nc::output_shape<nc::with_input<segnet, 64, 64>> == nc::shape{64, 64, 5});
static_assert(nc::layer<nc::with_input<segnet, 64, 64>, "max_unpool1">.output == nc::shape{32, 32, 32});

// Edits pass it through and change what it reads: pool2 replaced by a 3 x 3 pool of stride 2
// and padding 1 gives 16 x 15 (torch: MaxPool2d(3, 2, 1) of 31 x 30), which mid keeps, and
// max_unpool1 still gives pool2's input's 31 x 30 (torch accepts output_size=(31, 30) there).
// (A replacement without the name would leave max_unpool<"pool2"> naming nothing: from_unknown.)
using repooled =
    nc::replace<segnet, "pool2", nc::max_pool<nc::kernel<3>, nc::stride<2>, nc::pad<1>, nc::name<"pool2">>>;
static_assert(nc::layer<repooled, "mid">.output == nc::shape{16, 15, 32});
static_assert(nc::layer<repooled, "max_unpool1">.output == nc::shape{31, 30, 32});
static_assert(nc::layer<repooled, "max_unpool1">.inputs[1] == 3);
static_assert(nc::output_shape<nc::resize<segnet, "cls", 3>> == nc::shape{63, 61, 3});
// scale_width halves every conv but the classifier: mid 16 against pool2's 16, dec2 8 against
// pool1's 8.
using half = nc::scale_width<segnet, 1, 2>;
static_assert(nc::layer<half, "max_unpool1">.output == nc::shape{31, 30, 16});
static_assert(nc::layer<half, "cls">.output == nc::shape{63, 61, 5});
// The schedule under other rules (layers<Net, Rules> walks the elements again) is the same here.
static_assert(nc::peak_activations<segnet, nc::schedule{.in_place_depthwise = true}> == 91'248);
// fold_batch_norm walks the elements too.
using with_norms = nc::network<nc::input<8, 8, 3>, nc::conv<4, nc::kernel<3>, nc::pad<1>>, nc::batch_norm,
                               nc::max_pool<nc::kernel<2>, nc::name<"p">>, nc::max_unpool<"p">>;
static_assert(nc::layers<nc::fold_batch_norm<with_norms>>.size() == 3);
static_assert(nc::output_shape<nc::fold_batch_norm<with_norms>> == nc::shape{8, 8, 4});

// The pool named as for from<>: a named block whose output is a max_pool's.
using by_block = nc::network<nc::input<10, 10, 2>,
                             nc::sequence<nc::name<"stage">, nc::conv<4, nc::kernel<1>>, nc::max_pool<nc::kernel<2>>>,
                             nc::conv<4, nc::kernel<1>>, nc::max_unpool<"stage">>;
static_assert(nc::output_shape<by_block> == nc::shape{10, 10, 4});
static_assert(nc::layers<by_block>[3].inputs[1] == 1); // stage/max_pool1

// ---------------------------------------------------------------------------------------------
// ENet-like (Paszke et al. 2016): a downsampling bottleneck whose shortcut max-pools (keeping
// the indices) and pads the channels, a regular conv, then an upsampling bottleneck whose
// shortcut reduces 64 channels to the pool's 16 and unpools with that pool's indices.
using enet = nc::network<
    nc::input<32, 30, 16>,
    nc::add<nc::name<"down">, nc::sequence<nc::max_pool<nc::kernel<2>, nc::name<"pool">>, nc::pad_channels<64>>,
            nc::sequence<nc::conv<16, nc::kernel<2>, nc::stride<2>, nc::no_bias>,
                         nc::conv<64, nc::kernel<1>, nc::no_bias>>>,
    nc::conv<64, nc::kernel<3>, nc::pad<1>, nc::name<"regular">>,
    nc::add<nc::name<"up">, nc::sequence<nc::conv<16, nc::kernel<1>, nc::no_bias>, nc::max_unpool<"down/pool">>,
            nc::sequence<
                nc::conv<4, nc::kernel<1>, nc::no_bias>,
                nc::transposed_conv<4, nc::kernel<3>, nc::stride<2>, nc::pad<1>, nc::output_padding<1>, nc::no_bias>,
                nc::conv<16, nc::kernel<1>, nc::no_bias>>>>;
// Entries: 0 down/pool, 1 down/pad_channels1, 2 down/conv1, 3 down/conv2, 4 down, 5 regular,
// 6 up/conv1, 7 up/max_unpool1, 8 up/conv2, 9 up/transposed_conv1, 10 up/conv3, 11 up.
static_assert(nc::layers<enet>[7].name == "up/max_unpool1");
static_assert(nc::layer<enet, "up/max_unpool1">.input == nc::shape{16, 15, 16});
static_assert(nc::layer<enet, "up/max_unpool1">.output == nc::shape{32, 30, 16});
static_assert(nc::layer<enet, "up/max_unpool1">.inputs[1] == 0);
static_assert(nc::output_shape<enet> == nc::shape{32, 30, 16});
// torch: 40,464 parameters; 9,742,080 MACs (the transposed conv's: each of its 960 inputs
// times 3 * 3 * 4 outputs); 123,840 activations (3,840 + 15,360 + 3,840 + 15,360 + 15,360 +
// 15,360 + 3,840 + 15,360 + 960 + 3,840 + 15,360 + 15,360).
static_assert(nc::parameters<enet> == 40'464);
static_assert(nc::connections<enet> == 9'742'080);
static_assert(nc::activations<enet> == 123'840);
// The peak, by hand: down/pool's 3,840 elements stay alive until the unpool reads them, so at
// the merge "down": pool 3,840 + pad_channels 15,360 + down/conv2 15,360 + its own 15,360 =
// 49,920. (Were the pool freed after pad_channels, the peak would be 46,080, at "up".)
static_assert(nc::layer<enet, "down">.live_activations == 49'920);
static_assert(nc::peak_activations<enet> == 49'920);
// At up/conv1: pool 3,840 + regular 15,360 (up/conv2 reads it later) + its own 3,840.
static_assert(nc::layer<enet, "up/conv1">.live_activations == 23'040);
