// ShuffleNet V2 0.5x, 1.0x, 1.5x and 2.0x (torchvision's shufflenet_v2_x0_5 ...
// shufflenet_v2_x2_0) against what PyTorch reports for them, layer by layer and in total:
// tests/reference/torchvision-zoo.json, measured by tools/reference/make_reference.py with
// forward hooks (PyTorch 1.13.1, torchvision 0.14.1). A downsampling unit's branch1 is listed
// before its branch2, as torchvision runs them.
#include <cstddef>
#include <string_view>

#include <netcount/zoo/shufflenet.hpp>

#include "reference_check.hpp"
#include "reference_zoo.hpp"

namespace nc = netcount;
using reference::has_figures;

static_assert(reference::first_mismatch<nc::zoo::shufflenet_v2_x0_5>(reference_zoo::shufflenet_v2_x0_5) ==
              reference::all_match);
static_assert(reference::totals_match<nc::zoo::shufflenet_v2_x0_5>(reference_zoo::shufflenet_v2_x0_5));
static_assert(reference::first_mismatch<nc::zoo::shufflenet_v2_x1_0>(reference_zoo::shufflenet_v2_x1_0) ==
              reference::all_match);
static_assert(reference::totals_match<nc::zoo::shufflenet_v2_x1_0>(reference_zoo::shufflenet_v2_x1_0));
static_assert(reference::first_mismatch<nc::zoo::shufflenet_v2_x1_5>(reference_zoo::shufflenet_v2_x1_5) ==
              reference::all_match);
static_assert(reference::totals_match<nc::zoo::shufflenet_v2_x1_5>(reference_zoo::shufflenet_v2_x1_5));
static_assert(reference::first_mismatch<nc::zoo::shufflenet_v2_x2_0>(reference_zoo::shufflenet_v2_x2_0) ==
              reference::all_match);
static_assert(reference::totals_match<nc::zoo::shufflenet_v2_x2_0>(reference_zoo::shufflenet_v2_x2_0));

// ShuffleNet V2 1.0x by hand. conv1: 3 x 3 x 3 x 24 = 648 weights at 112 x 112 (12,544
// positions), 8,128,512 multiply-accumulates; the max pool then halves it to 56 x 56.
static_assert(has_figures(nc::layer<nc::zoo::shufflenet_v2_x1_0, "conv1/conv1">,
                          {{112, 112, 24}, 301'056, 648, 0, 8'128'512}));
static_assert(nc::layer<nc::zoo::shufflenet_v2_x1_0, "max_pool1">.output == nc::shape{56, 56, 24});
// stage2's downsampling unit makes 116 channels, 58 per branch, at 28 x 28 (784 positions).
// branch1: depthwise 3 x 3 on the 24 input channels at stride 2, 216 weights, 169,344
// multiply-accumulates; then 1 x 1, 24 -> 58: 1,392 weights, 1,091,328.
static_assert(has_figures(nc::layer<nc::zoo::shufflenet_v2_x1_0, "stage2/concat1/branch1/depthwise_conv1">,
                          {{28, 28, 24}, 18'816, 216, 0, 169'344}));
static_assert(has_figures(nc::layer<nc::zoo::shufflenet_v2_x1_0, "stage2/concat1/branch1/conv1">,
                          {{28, 28, 58}, 45'472, 1'392, 0, 1'091'328}));
// branch2 reads the same 24 channels at 56 x 56 (3,136 positions) before its depthwise
// convolution strides: 1 x 1, 24 -> 58, 4,365,312; depthwise 3 x 3 x 58 = 522 weights at
// 28 x 28, 409,248.
static_assert(has_figures(nc::layer<nc::zoo::shufflenet_v2_x1_0, "stage2/concat1/branch2/conv1">,
                          {{56, 56, 58}, 181'888, 1'392, 0, 4'365'312}));
static_assert(has_figures(nc::layer<nc::zoo::shufflenet_v2_x1_0, "stage2/concat1/branch2/depthwise_conv1">,
                          {{28, 28, 58}, 45'472, 522, 0, 409'248}));
// The two halves stacked, then shuffled: 28 x 28 x 116.
static_assert(nc::layer<nc::zoo::shufflenet_v2_x1_0, "stage2/concat1">.output == nc::shape{28, 28, 116});
static_assert(nc::layer<nc::zoo::shufflenet_v2_x1_0, "stage2/channel_shuffle1">.output == nc::shape{28, 28, 116});
// stage3's second unit (a basic unit) splits 232 channels at 14 x 14 (196 positions) into
// two halves of 116; branch2 reads the second: 1 x 1, 116 -> 116, 13,456 weights, 2,637,376.
static_assert(nc::layer<nc::zoo::shufflenet_v2_x1_0, "stage3/concat2/chunk1">.output == nc::shape{14, 14, 116});
static_assert(nc::layer<nc::zoo::shufflenet_v2_x1_0, "stage3/concat2/chunk2">.output == nc::shape{14, 14, 116});
static_assert(has_figures(nc::layer<nc::zoo::shufflenet_v2_x1_0, "stage3/concat2/branch2/conv1">,
                          {{14, 14, 116}, 22'736, 13'456, 0, 2'637'376}));
// conv5: 1 x 1, 464 -> 1024 at 7 x 7: 475,136 weights, 23,281,664; fc 1024 -> 1000.
static_assert(has_figures(nc::layer<nc::zoo::shufflenet_v2_x1_0, "conv5/conv1">,
                          {{7, 7, 1024}, 50'176, 475'136, 0, 23'281'664}));
static_assert(has_figures(nc::layer<nc::zoo::shufflenet_v2_x1_0, "fc1">,
                          {{1, 1, 1000}, 1'000, 1'024'000, 1'000, 1'024'000}));

// 4 + 8 + 4 units, each a concatenation and a shuffle; the 3 + 7 + 3 basic units split
// their input in two chunks.
constexpr std::size_t count_kind(std::string_view kind) {
    std::size_t n = 0;
    for (const nc::layer_info& l : nc::layers<nc::zoo::shufflenet_v2_x1_0>) n += l.kind == kind ? 1 : 0;
    return n;
}
static_assert(count_kind("concat") == 16);
static_assert(count_kind("channel_shuffle") == 16);
static_assert(count_kind("chunk") == 2 * 13);
// Every unit has 3 convolutions in branch2 (one depthwise), a downsampling unit 2 more in
// branch1 (one depthwise); with conv1 and conv5: 16 * 3 + 3 * 2 + 2 = 56, and the fc makes
// the reference's 57 layers with weights.
static_assert(count_kind("conv") + count_kind("depthwise_conv") == 56);

// Totals, from the reference (its "output" is [1000]). The parameters are also torchvision's
// "num_params" for its ImageNet weights (ShuffleNet_V2_X0_5_Weights ...
// ShuffleNet_V2_X2_0_Weights.IMAGENET1K_V1.meta).
static_assert(nc::output_shape<nc::zoo::shufflenet_v2_x0_5> == nc::shape{1, 1, 1000});
static_assert(nc::parameters<nc::zoo::shufflenet_v2_x0_5> == 1'366'792);
static_assert(nc::weights<nc::zoo::shufflenet_v2_x0_5> == 1'357'840);
static_assert(nc::biases<nc::zoo::shufflenet_v2_x0_5> == 1'000);
static_assert(nc::connections<nc::zoo::shufflenet_v2_x0_5> == 40'476'448);
static_assert(nc::units<nc::zoo::shufflenet_v2_x0_5> == 1'024'904);

static_assert(nc::output_shape<nc::zoo::shufflenet_v2_x1_0> == nc::shape{1, 1, 1000});
static_assert(nc::parameters<nc::zoo::shufflenet_v2_x1_0> == 2'278'604);
static_assert(nc::weights<nc::zoo::shufflenet_v2_x1_0> == 2'261'424);
static_assert(nc::biases<nc::zoo::shufflenet_v2_x1_0> == 1'000);
static_assert(nc::connections<nc::zoo::shufflenet_v2_x1_0> == 144'907'992);
static_assert(nc::units<nc::zoo::shufflenet_v2_x1_0> == 1'951'200);

static_assert(nc::output_shape<nc::zoo::shufflenet_v2_x1_5> == nc::shape{1, 1, 1000});
static_assert(nc::parameters<nc::zoo::shufflenet_v2_x1_5> == 3'503'624);
static_assert(nc::weights<nc::zoo::shufflenet_v2_x1_5> == 3'479'184);
static_assert(nc::biases<nc::zoo::shufflenet_v2_x1_5> == 1'000);
static_assert(nc::connections<nc::zoo::shufflenet_v2_x1_5> == 295'759'392);
static_assert(nc::units<nc::zoo::shufflenet_v2_x1_5> == 2'768'520);

static_assert(nc::output_shape<nc::zoo::shufflenet_v2_x2_0> == nc::shape{1, 1, 1000});
static_assert(nc::parameters<nc::zoo::shufflenet_v2_x2_0> == 7'393'996);
static_assert(nc::weights<nc::zoo::shufflenet_v2_x2_0> == 7'359'280);
static_assert(nc::biases<nc::zoo::shufflenet_v2_x2_0> == 1'000);
static_assert(nc::connections<nc::zoo::shufflenet_v2_x2_0> == 583'253'464);
static_assert(nc::units<nc::zoo::shufflenet_v2_x2_0> == 3'744'992);
