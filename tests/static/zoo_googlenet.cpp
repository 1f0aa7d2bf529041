// GoogLeNet (torchvision's, aux_logits=False) against what PyTorch reports for it, layer by
// layer and in total: tests/reference/torchvision-zoo.json, measured by
// tools/reference/make_reference.py with forward hooks (PyTorch 1.13.1, torchvision 0.14.1).
#include <netcount/zoo/googlenet.hpp>

#include "reference_check.hpp"
#include "reference_zoo.hpp"

namespace nc = netcount;
using nc::zoo::googlenet;
using reference::has_figures;

static_assert(reference::first_mismatch<googlenet>(reference_zoo::googlenet) == reference::all_match);
static_assert(reference::totals_match<googlenet>(reference_zoo::googlenet));

// The first layer, by hand: 7 x 7 x 3 x 64 = 9,408 weights, no bias; stride 2 and padding 3
// give 112 x 112, so 802,816 units and 9,408 * 112 * 112 = 118,013,952 multiply-accumulates.
// The last: fc 1024 -> 1000, 1,024,000 weights and 1,000 biases.
static_assert(has_figures(nc::layer<googlenet, "conv1">, {{112, 112, 64}, 802'816, 9'408, 0, 118'013'952}));
static_assert(has_figures(nc::layer<googlenet, "fc1">, {{1, 1, 1000}, 1'000, 1'024'000, 1'000, 1'024'000}));

// Table 1, inception (4a): its 3 x 3 turns 96 channels into 208 at 14 x 14,
// 9 * 96 * 208 = 179,712 weights and 179,712 * 14 * 14 = 35,223,552 multiply-accumulates.
static_assert(has_figures(nc::layer<googlenet, "inception4a/branch2/conv2">,
                          {{14, 14, 208}, 40'768, 179'712, 0, 35'223'552}));
// Outputs: 64 + 128 + 32 + 32 = 256 channels for (3a), 384 + 384 + 128 + 128 = 1024 for (5b).
static_assert(nc::layer<googlenet, "inception3a">.output == nc::shape{28, 28, 256});
static_assert(nc::layer<googlenet, "inception5b">.output == nc::shape{7, 7, 1024});
// torchvision's "5 x 5" branch convolves 3 x 3.
static_assert(nc::layer<googlenet, "inception3a/branch3/conv2">.window.height.kernel == 3);

// Totals, from the reference. The parameters are also torchvision's "num_params" for its
// ImageNet weights (GoogLeNet_Weights.IMAGENET1K_V1.meta), which it loads without the
// auxiliary classifiers.
static_assert(nc::parameters<googlenet> == 6'624'904);
static_assert(nc::weights<googlenet> == 6'609'344);
static_assert(nc::biases<googlenet> == 1'000);
static_assert(nc::connections<googlenet> == 1'498'376'192);
static_assert(nc::units<googlenet> == 3'227'160);
