// Several inputs (issue 16): input<H, W, C, name<"...">> at the start of a network, from<"...">
// reading any of them, input_shapes<Net>, and the memory schedule with every input live from
// the start. Counts from PyTorch 1.13 (torch.nn modules of two inputs, forward hooks on every
// Conv2d for the MACs; the script is in the comments); the schedules by hand.
#include <netcount/budget.hpp>
#include <netcount/edit.hpp>
#include <netcount/fold.hpp>
#include <netcount/memory.hpp>
#include <netcount/netcount.hpp>
#include <netcount/peak.hpp>
#include <netcount/scale.hpp>

#include <type_traits>

namespace nc = netcount;

// ---------------------------------------------------------------------------------------------
// An image and a mask: the image through a conv, then stacked with the mask.
//   class ImageMask(nn.Module):
//       conv1 = nn.Conv2d(3, 16, 3, padding=1); conv2 = nn.Conv2d(17, 8, 3, padding=1)
//       def forward(self, image, mask):
//           return self.conv2(torch.cat([torch.relu(self.conv1(image)), mask], 1))
//   on (1, 3, 64, 64) and (1, 1, 64, 64): parameters 1680, weights 1656, MACs 1769472 + 5013504
//   = 6782976, output (1, 8, 64, 64).
using image_mask = nc::network<nc::input<64, 64, 3, nc::name<"image">>, nc::input<64, 64, 1, nc::name<"mask">>,
                               nc::from<"image">, nc::conv<16, nc::kernel<3>, nc::pad<1>>, nc::relu,
                               nc::concat<nc::identity, nc::from<"mask">>, nc::conv<8, nc::kernel<3>, nc::pad<1>>>;
static_assert(nc::parameters<image_mask> == 1680);
static_assert(nc::weights<image_mask> == 1656);
static_assert(nc::connections<image_mask> == 6782976);
static_assert(nc::layers<image_mask>[0].connections == 1769472);
static_assert(nc::layers<image_mask>[3].connections == 5013504);
static_assert(nc::output_shape<image_mask> == nc::shape{64, 64, 8});
static_assert(nc::input_shapes<image_mask>.size() == 2);
static_assert(nc::input_shapes<image_mask>[0] == nc::shape{64, 64, 3});
static_assert(nc::input_shapes<image_mask>[1] == nc::shape{64, 64, 1});
static_assert(nc::input_names<image_mask>[0] == "image" && nc::input_names<image_mask>[1] == "mask");
static_assert(nc::input_indices<image_mask>[0] == nc::network_input);
static_assert(nc::input_indices<image_mask>[1] == nc::network_input - 1);
// The inputs are no entries: layers<Net> holds the layers, as for a network of one input.
static_assert(nc::layers<image_mask>.size() == 4);
static_assert(nc::layers<image_mask>[0].inputs.size() == 1 && nc::layers<image_mask>[0].inputs[0] == nc::network_input);
static_assert(nc::layers<image_mask>[2].inputs[0] == 1);
static_assert(nc::layers<image_mask>[2].inputs[1] == nc::network_input - 1);
static_assert(nc::layers<image_mask>[2].input == nc::shape{64, 64, 16});
static_assert(nc::layers<image_mask>[2].output == nc::shape{64, 64, 17});
// Activations leave the inputs out (64 * 64 * (16 + 16 + 17 + 8) = 233472); the memory counts
// both inputs' bytes: (64 * 64 * 3 + 64 * 64) * 4.
static_assert(nc::activations<image_mask> == 233472);
static_assert(nc::memory<image_mask, float>.input_bytes == 65536);
// The schedule, by hand: both inputs live from the start, 12288 + 4096 = 16384.
//   conv1 writes 65536: 81920 live; the image, read last, is freed: 69632.
//   relu1 in place: 69632.
//   concat1 writes 69632 (17 channels): 139264, the peak; relu1's buffer and the mask are freed.
//   conv2 writes 32768 beside the concat's 69632: 102400.
static_assert(nc::layers<image_mask>[0].live_activations == 81920);
static_assert(nc::layers<image_mask>[1].live_activations == 69632);
static_assert(nc::layers<image_mask>[2].live_activations == 139264);
static_assert(nc::layers<image_mask>[3].live_activations == 102400);
static_assert(nc::peak_activations<image_mask> == 139264);
static_assert(nc::peak_layer<image_mask>.name == "concat1");
// Under other rules the schedule is run again, from the same inputs (no depthwise conv here).
static_assert(nc::peak_activations<image_mask, nc::schedule{.in_place_depthwise = true}> == 139264);
static_assert(nc::layers<image_mask, nc::schedule{.in_place_depthwise = true}>[0].live_activations == 81920);
// Receptive fields start at either input: the concat's is the widest of its paths (conv1's 3 x 3,
// the mask's 1 x 1), conv2's 5 x 5.
static_assert(nc::layers<image_mask>[2].receptive_field.height.size == 3);
static_assert(nc::layers<image_mask>[3].receptive_field.width.size == 5);
static_assert(nc::layers<image_mask>[3].receptive_field.width.start == -2);
// A budget, an edit, scale_width, fold_batch_norm and with_inputs on several inputs.
static_assert(nc::within_budget<image_mask, nc::budget{.parameters = 1680, .peak_activations = 139264}>);
static_assert(nc::weights<nc::resize<image_mask, "conv1", 32>> == 3 * 3 * 3 * 32 + 3 * 3 * 33 * 8);
static_assert(nc::weights<nc::scale_width<image_mask, 1, 2>> == 3 * 3 * 3 * 8 + 3 * 3 * 9 * 8);
static_assert(std::is_same_v<nc::fold_batch_norm<image_mask>, image_mask>);
// At 32 x 32 every conv has a quarter of its MACs: 6782976 / 4 (torch on (1, 3, 32, 32) and
// (1, 1, 32, 32): 442368 + 1253376 = 1695744).
using image_mask_32 = nc::with_inputs<image_mask, nc::shape{32, 32, 3}, nc::shape{32, 32, 1}>;
static_assert(nc::connections<image_mask_32> == 1695744);
static_assert(nc::input_names<image_mask_32>[1] == "mask");

// ---------------------------------------------------------------------------------------------
// A Siamese network: one tower applied to both inputs (shared weights), the two outputs stacked.
//   tower = nn.Sequential(nn.Conv2d(3, 8, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))
//   head = nn.Conv2d(16, 4, 1)
//   def forward(self, left, right):
//       return self.head(torch.cat([self.tower(right), self.tower(left)], 1))
//   on two (1, 3, 32, 32): parameters 292, weights 280, MACs 221184 + 221184 + 16384 = 458752,
//   output (1, 4, 16, 16).
using siamese = nc::network<
    nc::input<32, 32, 3, nc::name<"left">>, nc::input<32, 32, 3, nc::name<"right">>, nc::from<"left">,
    nc::shared<"tower", nc::conv<8, nc::kernel<3>, nc::pad<1>>, nc::relu, nc::max_pool<nc::kernel<2>, nc::stride<2>>>,
    nc::from<"right">, nc::shared<"tower">, nc::concat<nc::identity, nc::from<"tower">>, nc::conv<4, nc::kernel<1>>>;
static_assert(nc::parameters<siamese> == 292);
static_assert(nc::weights<siamese> == 280);
static_assert(nc::connections<siamese> == 458752);
static_assert(nc::output_shape<siamese> == nc::shape{16, 16, 4});
static_assert(nc::layers<siamese>[3].name == "tower@2/conv1");
static_assert(nc::layers<siamese>[3].inputs[0] == nc::network_input - 1);
// The schedule, by hand: both inputs live from the start, 3072 + 3072 = 6144.
//   tower/conv1 writes 8192: 14336, the peak; the left input is freed: 11264.
//   tower/relu1 in place: 11264. tower/max_pool1 writes 2048: 13312; conv1's buffer freed: 5120.
//   tower@2/conv1 writes 8192: 13312; the right input is freed: 10240. relu1: 10240.
//   tower@2/max_pool1 writes 2048: 12288, then 4096. concat1 writes 4096: 8192, then 4096.
//   conv1 writes 1024: 5120.
static_assert(nc::layers<siamese>[0].live_activations == 14336);
static_assert(nc::layers<siamese>[1].live_activations == 11264);
static_assert(nc::layers<siamese>[2].live_activations == 13312);
static_assert(nc::layers<siamese>[3].live_activations == 13312);
static_assert(nc::layers<siamese>[4].live_activations == 10240);
static_assert(nc::layers<siamese>[5].live_activations == 12288);
static_assert(nc::layers<siamese>[6].live_activations == 8192);
static_assert(nc::layers<siamese>[7].live_activations == 5120);
static_assert(nc::peak_activations<siamese> == 14336);

// ---------------------------------------------------------------------------------------------
// One named input is a network of one input: the same figures and names as unnamed, and
// from<"image"> reads it.
using unnamed = nc::network<nc::input<32, 32, 3>, nc::conv<8, nc::kernel<3>>, nc::relu,
                            nc::concat<nc::identity, nc::conv<4, nc::kernel<1>>>>;
using named = nc::network<nc::input<32, 32, 3, nc::name<"image">>, nc::conv<8, nc::kernel<3>>, nc::relu,
                          nc::concat<nc::identity, nc::conv<4, nc::kernel<1>>>>;
static_assert(nc::totals<named> == nc::totals<unnamed>);
static_assert(nc::peak_activations<named> == nc::peak_activations<unnamed>);
static_assert(nc::input_shape<named> == nc::shape{32, 32, 3});
static_assert(nc::input_shapes<named>.size() == 1 && nc::input_shapes<unnamed>.size() == 1);
static_assert(nc::input_names<named>[0] == "image" && nc::input_names<unnamed>[0].empty());
static_assert(nc::layers<named>[3].name == nc::layers<unnamed>[3].name);
static_assert(nc::output_shape<nc::with_input<named, 16, 16>> == nc::output_shape<nc::with_input<unnamed, 16, 16>>);
// from<"image"> reads the input again: a 1 x 1 conv's 32 x 32 x 8 stacked with the input's 3
// channels.
using reread = nc::network<nc::input<32, 32, 3, nc::name<"image">>, nc::conv<8, nc::kernel<1>>,
                           nc::concat<nc::identity, nc::from<"image">>>;
static_assert(nc::output_shape<reread> == nc::shape{32, 32, 11});
static_assert(nc::layers<reread>[1].inputs[1] == nc::network_input);
// An input may be an output: the mask passed through beside the result.
using passes = nc::network<nc::input<8, 8, 3, nc::name<"image">>, nc::input<8, 8, 1, nc::name<"mask">>,
                           nc::from<"image">, nc::conv<2, nc::kernel<1>, nc::name<"out">>, nc::outputs<"out", "mask">>;
static_assert(nc::output_shapes<passes>[1] == nc::shape{8, 8, 1});
static_assert(nc::output_indices<passes>[1] == nc::network_input - 1);
// Never freed: 64 + 192 live, conv writes 128: 384.
static_assert(nc::peak_activations<passes> == 384);
