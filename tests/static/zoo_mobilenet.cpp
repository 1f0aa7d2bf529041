// MobileNetV2 (torchvision's) against what PyTorch reports for it, layer by layer and in
// total: tests/reference/torchvision-zoo.json, measured by tools/reference/make_reference.py
// with forward hooks (PyTorch 1.13.1, torchvision 0.14.1).
#include <cstddef>

#include <netcount/zoo/mobilenet.hpp>

#include "reference_check.hpp"
#include "reference_zoo.hpp"

namespace nc = netcount;
using nc::zoo::mobilenet_v2;
using reference::has_figures;

static_assert(reference::first_mismatch<mobilenet_v2>(reference_zoo::mobilenet_v2) == reference::all_match);
static_assert(reference::totals_match<mobilenet_v2>(reference_zoo::mobilenet_v2));

// The first layer, by hand: 3 x 3 x 3 x 32 = 864 weights, no bias; stride 2 and padding 1
// give 112 x 112, so 401,408 units and 864 * 112 * 112 = 10,838,016 multiply-accumulates.
// The last: fc 1280 -> 1000, 1,280,000 weights and 1,000 biases.
static_assert(has_figures(nc::layer<mobilenet_v2, "conv1">, {{112, 112, 32}, 401'408, 864, 0, 10'838'016}));
static_assert(has_figures(nc::layer<mobilenet_v2, "fc1">, {{1, 1, 1000}, 1'000, 1'280'000, 1'000, 1'280'000}));

// Row 2 of Table 2 (t = 6, c = 24): its second block expands 24 channels to 144 at 56 x 56;
// the depthwise 3 x 3 has 9 * 144 = 1,296 weights and 1,296 * 56 * 56 = 4,064,256
// multiply-accumulates.
static_assert(has_figures(nc::layer<mobilenet_v2, "bottleneck2/residual1/depthwise_conv1">,
                          {{56, 56, 144}, 451'584, 1'296, 0, 4'064'256}));

// Of the 17 blocks of Table 2 (n = 1, 2, 3, 4, 3, 3, 1), all but the first of each row add
// their input: 0 + 1 + 2 + 3 + 2 + 2 + 0 = 10 shortcuts.
constexpr std::size_t shortcuts = [] {
    std::size_t n = 0;
    for (const nc::layer_info& l : nc::layers<mobilenet_v2>) n += l.kind == "add" ? 1 : 0;
    return n;
}();
static_assert(shortcuts == 10);
static_assert(nc::layer<mobilenet_v2, "bottleneck7/conv2">.output == nc::shape{7, 7, 320});

// Totals, from the reference. The parameters are also torchvision's "num_params" for its
// ImageNet weights (MobileNet_V2_Weights.IMAGENET1K_V1.meta).
static_assert(nc::parameters<mobilenet_v2> == 3'504'872);
static_assert(nc::weights<mobilenet_v2> == 3'469'760);
static_assert(nc::biases<mobilenet_v2> == 1'000);
static_assert(nc::connections<mobilenet_v2> == 300'774'272);
static_assert(nc::units<mobilenet_v2> == 6'679'112);
