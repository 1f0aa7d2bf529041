// AlexNet (Krizhevsky et al. 2012) counted at 227 x 227, two towers as groups, without biases:
// every cell of its hand-worked table, its totals,
// the corrected caption of the paper's Figure 2, and the per-layer figures PyTorch reports for
// the same two-tower network (tests/reference/torchvision-counts.json, alexnet_two_tower).
#include <array>
#include <cstdint>

#include <netcount/netcount.hpp>
#include <netcount/zoo/alexnet.hpp>

#include "reference_check.hpp"

namespace nc = netcount;
using nc::zoo::alexnet;

// The table, row by row: units, weights, connections.
static_assert(nc::layer<alexnet, "conv1">.units == 290400);  // 55 * 55 * 96
static_assert(nc::layer<alexnet, "conv1">.weights == 34848); // 11 * 11 * 3 * 96
static_assert(nc::layer<alexnet, "conv1">.connections == 105415200);
static_assert(nc::layer<alexnet, "conv2">.units == 186624);   // 27 * 27 * 256
static_assert(nc::layer<alexnet, "conv2">.weights == 307200); // 5 * 5 * 48 * 256
static_assert(nc::layer<alexnet, "conv2">.connections == 223948800);
static_assert(nc::layer<alexnet, "conv3">.units == 64896);    // 13 * 13 * 384
static_assert(nc::layer<alexnet, "conv3">.weights == 884736); // 3 * 3 * 256 * 384
static_assert(nc::layer<alexnet, "conv3">.connections == 149520384);
static_assert(nc::layer<alexnet, "conv4">.units == 64896);    // 13 * 13 * 384
static_assert(nc::layer<alexnet, "conv4">.weights == 663552); // 3 * 3 * 192 * 384
static_assert(nc::layer<alexnet, "conv4">.connections == 112140288);
static_assert(nc::layer<alexnet, "conv5">.units == 43264);    // 13 * 13 * 256
static_assert(nc::layer<alexnet, "conv5">.weights == 442368); // 3 * 3 * 192 * 256
static_assert(nc::layer<alexnet, "conv5">.connections == 74760192);
static_assert(nc::layer<alexnet, "fc6">.units == 4096);
static_assert(nc::layer<alexnet, "fc6">.weights == 37748736); // 9216 * 4096
static_assert(nc::layer<alexnet, "fc6">.connections == 37748736);
static_assert(nc::layer<alexnet, "fc7">.units == 4096);
static_assert(nc::layer<alexnet, "fc7">.weights == 16777216); // 4096 * 4096
static_assert(nc::layer<alexnet, "fc7">.connections == 16777216);
static_assert(nc::layer<alexnet, "fc8">.units == 1000);
static_assert(nc::layer<alexnet, "fc8">.weights == 4096000); // 4096 * 1000
static_assert(nc::layer<alexnet, "fc8">.connections == 4096000);

// Totals (the figures; the sums of the table's columns).
static_assert(nc::units<alexnet> == 659'272);
static_assert(nc::weights<alexnet> == 60'954'656);
static_assert(nc::biases<alexnet> == 10'568); // 96 + 256 + 384 + 384 + 256 + 4096 + 4096 + 1000
static_assert(nc::parameters<alexnet> == 60'965'224);
static_assert(nc::connections<alexnet> == 724'406'816);
static_assert(nc::output_shape<alexnet> == nc::shape{1, 1, 1000});
static_assert(nc::layers<alexnet>[0].output == nc::shape{55, 55, 96});
static_assert(nc::layers<alexnet>.size() == 22); // 8 layers with weights, 14 without

// The pooling steps: 55 -> 27 -> 13 -> 6, so fc6 sees 6 * 6 * 256 = 9216 inputs.
static_assert(nc::layer<alexnet, "max_pool1">.output == nc::shape{27, 27, 96});
static_assert(nc::layer<alexnet, "max_pool2">.output == nc::shape{13, 13, 256});
static_assert(nc::layer<alexnet, "max_pool3">.output == nc::shape{6, 6, 256});
static_assert(nc::layer<alexnet, "fc6">.input == nc::shape{6, 6, 256});

// Figure 2's caption, corrected: the input is 227 * 227 * 3 = 154,587-dimensional, and the
// layers with weights have 290,400-186,624-64,896-64,896-43,264-4096-4096-1000 neurons.
static_assert(nc::input_shape<alexnet> == nc::shape{227, 227, 3});
static_assert(nc::input_shape<alexnet>.height * nc::input_shape<alexnet>.width * nc::input_shape<alexnet>.channels ==
              154'587);

constexpr std::array<std::uint64_t, 8> caption_neurons{290'400, 186'624, 64'896, 64'896, 43'264, 4096, 4096, 1000};
constexpr bool units_read_as_in_caption() {
    std::size_t k = 0;
    for (const auto& l : nc::layers<alexnet>) {
        if (l.units == 0) continue;
        if (k == caption_neurons.size() || l.units != caption_neurons[k]) return false;
        ++k;
    }
    return k == caption_neurons.size();
}
static_assert(units_read_as_in_caption());

// The same network in PyTorch (grouped Conv2d for the towers), layer by layer and in total.
static_assert(reference::first_mismatch<alexnet>(reference::alexnet_two_tower) == reference::all_match);
static_assert(reference::totals_match<alexnet>(reference::alexnet_two_tower));

// What a user gets wrong by ignoring the towers: groups 1 everywhere doubles the weights and
// connections of conv2, conv4 and conv5. Weights: 60,954,656 + 307,200 + 663,552 + 442,368 =
// 62,367,776; with the 10,568 biases that is the 62,378,344 parameters often quoted for
// AlexNet. Connections: 724,406,816 + 223,948,800 + 112,140,288 + 74,760,192 = 1,135,256,096.
struct alexnet_one_tower
    : nc::network<nc::input<227, 227, 3>, nc::conv<96, nc::kernel<11>, nc::stride<4>, nc::name<"conv1">>, nc::relu,
                  nc::lrn<5>, nc::max_pool<nc::kernel<3>, nc::stride<2>>,
                  nc::conv<256, nc::kernel<5>, nc::same, nc::name<"conv2">>, nc::relu, nc::lrn<5>,
                  nc::max_pool<nc::kernel<3>, nc::stride<2>>, nc::conv<384, nc::kernel<3>, nc::same, nc::name<"conv3">>,
                  nc::relu, nc::conv<384, nc::kernel<3>, nc::same, nc::name<"conv4">>, nc::relu,
                  nc::conv<256, nc::kernel<3>, nc::same, nc::name<"conv5">>, nc::relu,
                  nc::max_pool<nc::kernel<3>, nc::stride<2>>, nc::fc<4096, nc::name<"fc6">>, nc::relu, nc::dropout,
                  nc::fc<4096, nc::name<"fc7">>, nc::relu, nc::dropout, nc::fc<1000, nc::name<"fc8">>> {};

static_assert(nc::layer<alexnet_one_tower, "conv2">.weights == 614400);  // 5 * 5 * 96 * 256
static_assert(nc::layer<alexnet_one_tower, "conv4">.weights == 1327104); // 3 * 3 * 384 * 384
static_assert(nc::layer<alexnet_one_tower, "conv5">.weights == 884736);  // 3 * 3 * 384 * 256
static_assert(nc::weights<alexnet_one_tower> == 62'367'776);
static_assert(nc::parameters<alexnet_one_tower> == 62'378'344);
static_assert(nc::connections<alexnet_one_tower> == 1'135'256'096);
static_assert(nc::units<alexnet_one_tower> == nc::units<alexnet>); // the towers change no shape
