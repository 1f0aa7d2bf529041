// ConvNeXt-T, -S, -B and -L (torchvision's convnext_tiny ... convnext_large) against what
// PyTorch reports for them, layer by layer and in total: tests/reference/torchvision-zoo.json,
// measured by tools/reference/make_reference.py with forward hooks (PyTorch 1.13.1,
// torchvision 0.14.1). Its layers are the Conv2d and Linear modules, the pointwise layers
// (nn.Linear on channels-last tensors) once per position.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <netcount/zoo/convnext.hpp>

#include "reference_check.hpp"
#include "reference_zoo.hpp"

namespace nc = netcount;
using reference::has_figures;

static_assert(reference::first_mismatch<nc::zoo::convnext_tiny>(reference_zoo::convnext_tiny) == reference::all_match);
static_assert(reference::totals_match<nc::zoo::convnext_tiny>(reference_zoo::convnext_tiny));
static_assert(reference::first_mismatch<nc::zoo::convnext_small>(reference_zoo::convnext_small) ==
              reference::all_match);
static_assert(reference::totals_match<nc::zoo::convnext_small>(reference_zoo::convnext_small));
static_assert(reference::first_mismatch<nc::zoo::convnext_base>(reference_zoo::convnext_base) == reference::all_match);
static_assert(reference::totals_match<nc::zoo::convnext_base>(reference_zoo::convnext_base));
static_assert(reference::first_mismatch<nc::zoo::convnext_large>(reference_zoo::convnext_large) ==
              reference::all_match);
static_assert(reference::totals_match<nc::zoo::convnext_large>(reference_zoo::convnext_large));

// ConvNeXt-T by hand. The stem: 4 x 4 x 3 x 96 = 4,608 weights and 96 biases, at stride 4 on
// 224 x 224: 56 x 56 (3,136 positions), 14,450,688 multiply-accumulates; its layer norm has a
// scale and a shift per channel.
static_assert(has_figures(nc::layer<nc::zoo::convnext_tiny, "stem/conv1">,
                          {{56, 56, 96}, 301'056, 4'608, 96, 14'450'688}));
static_assert(nc::layer<nc::zoo::convnext_tiny, "stem/layer_norm1">.parameters == 2 * 96);
// A block of stage1: depthwise 7 x 7 x 96 = 4,704 weights, 96 biases, 14,751,744
// multiply-accumulates; the pointwise layers 96 -> 384 -> 96, 36,864 weights each, at each of
// the 3,136 positions: 115,605,504 multiply-accumulates each; the layer scale, 96 numbers.
static_assert(has_figures(nc::layer<nc::zoo::convnext_tiny, "stage1/residual1/depthwise_conv1">,
                          {{56, 56, 96}, 301'056, 4'704, 96, 14'751'744}));
static_assert(has_figures(nc::layer<nc::zoo::convnext_tiny, "stage1/residual1/linear1">,
                          {{56, 56, 384}, 1'204'224, 36'864, 384, 115'605'504}));
static_assert(has_figures(nc::layer<nc::zoo::convnext_tiny, "stage1/residual1/linear2">,
                          {{56, 56, 96}, 301'056, 36'864, 96, 115'605'504}));
static_assert(nc::layer<nc::zoo::convnext_tiny, "stage1/residual1/layer_scale1">.parameters == 96);
static_assert(nc::layer<nc::zoo::convnext_tiny, "stage1/residual1/layer_scale1">.weights == 0);
// The first downsampling layer: 2 x 2 x 96 x 192 = 73,728 weights, 192 biases, at 28 x 28
// (784 positions): 57,802,752.
static_assert(has_figures(nc::layer<nc::zoo::convnext_tiny, "downsample1/conv1">,
                          {{28, 28, 192}, 150'528, 73'728, 192, 57'802'752}));
// The last block of stage3 (9 blocks): 384 -> 1536 at 14 x 14 (196 positions): 589,824
// weights, 115,605,504 multiply-accumulates.
static_assert(has_figures(nc::layer<nc::zoo::convnext_tiny, "stage3/residual9/linear1">,
                          {{14, 14, 1536}, 301'056, 589'824, 1'536, 115'605'504}));
// The classifier: a layer norm of the pooled 768 channels, fc 768 -> 1000.
static_assert(nc::layer<nc::zoo::convnext_tiny, "classifier/layer_norm1">.parameters == 2 * 768);
static_assert(has_figures(nc::layer<nc::zoo::convnext_tiny, "classifier/fc1">,
                          {{1, 1, 1000}, 1'000, 768'000, 1'000, 768'000}));

// ConvNeXt-T's parameters beside the weights, by hand. Its 3 + 3 + 9 + 3 blocks hold
// 3 * 96 + 3 * 192 + 9 * 384 + 3 * 768 = 6,624 channels in all, so 6,624 layer-scale numbers.
// Layer norms: 2 * 6,624 = 13,248 in the blocks, 2 * 96 in the stem, 2 * (96 + 192 + 384) =
// 1,344 before the downsampling convolutions, 2 * 768 in the classifier: 16,320. Biases:
// 96 (stem) + 6 * 6,624 (each block: C depthwise, 4C and C pointwise) + 192 + 384 + 768
// (downsampling) + 1,000 = 42,184. With the reference's 28,524,000 weights that makes
// torchvision's 28,589,128 parameters.
constexpr std::uint64_t parameters_of_kind(std::string_view kind) {
    std::uint64_t n = 0;
    for (const nc::layer_info& l : nc::layers<nc::zoo::convnext_tiny>) n += l.kind == kind ? l.parameters : 0;
    return n;
}
static_assert(parameters_of_kind("layer_scale") == 6'624);
static_assert(parameters_of_kind("layer_norm") == 16'320);
static_assert(nc::biases<nc::zoo::convnext_tiny> == 96 + 6 * 6'624 + 192 + 384 + 768 + 1'000);
static_assert(nc::parameters<nc::zoo::convnext_tiny> == 28'524'000 + 42'184 + 16'320 + 6'624);

// 18 blocks, each adding its input: 18 adds and as many layer scales, and 18 depthwise
// convolutions and 36 pointwise layers; with the stem, the 3 downsampling convolutions and the
// fc, the reference's 59 layers with weights.
constexpr std::size_t count_kind(std::string_view kind) {
    std::size_t n = 0;
    for (const nc::layer_info& l : nc::layers<nc::zoo::convnext_tiny>) n += l.kind == kind ? 1 : 0;
    return n;
}
static_assert(count_kind("add") == 18);
static_assert(count_kind("layer_scale") == 18);
static_assert(count_kind("stochastic_depth") == 18);
static_assert(count_kind("depthwise_conv") + count_kind("linear") == 18 * 3);
static_assert(count_kind("conv") + count_kind("depthwise_conv") + count_kind("linear") + count_kind("fc") == 59);

// Totals, from the reference (its "output" is [1000]). The parameters are also torchvision's
// "num_params" for its ImageNet weights (ConvNeXt_Tiny_Weights ...
// ConvNeXt_Large_Weights.IMAGENET1K_V1.meta).
static_assert(nc::output_shape<nc::zoo::convnext_tiny> == nc::shape{1, 1, 1000});
static_assert(nc::parameters<nc::zoo::convnext_tiny> == 28'589'128);
static_assert(nc::weights<nc::zoo::convnext_tiny> == 28'524'000);
static_assert(nc::biases<nc::zoo::convnext_tiny> == 42'184);
static_assert(nc::connections<nc::zoo::convnext_tiny> == 4'455'531'264);
static_assert(nc::units<nc::zoo::convnext_tiny> == 13'435'624);

static_assert(nc::output_shape<nc::zoo::convnext_small> == nc::shape{1, 1, 1000});
static_assert(nc::parameters<nc::zoo::convnext_small> == 50'223'688);
static_assert(nc::weights<nc::zoo::convnext_small> == 50'096'352);
static_assert(nc::biases<nc::zoo::convnext_small> == 83'656);
static_assert(nc::connections<nc::zoo::convnext_small> == 8'683'712'256);
static_assert(nc::units<nc::zoo::convnext_small> == 21'564'136);

static_assert(nc::output_shape<nc::zoo::convnext_base> == nc::shape{1, 1, 1000});
static_assert(nc::parameters<nc::zoo::convnext_base> == 88'591'464);
static_assert(nc::weights<nc::zoo::convnext_base> == 88'422'016);
static_assert(nc::biases<nc::zoo::convnext_base> == 111'208);
static_assert(nc::connections<nc::zoo::convnext_base> == 15'354'729'472);
static_assert(nc::units<nc::zoo::convnext_base> == 28'751'848);

static_assert(nc::output_shape<nc::zoo::convnext_large> == nc::shape{1, 1, 1000});
static_assert(nc::parameters<nc::zoo::convnext_large> == 197'767'336);
static_assert(nc::weights<nc::zoo::convnext_large> == 197'513'664);
static_assert(nc::biases<nc::zoo::convnext_large> == 166'312);
static_assert(nc::connections<nc::zoo::convnext_large> == 34'361'433'600);
static_assert(nc::units<nc::zoo::convnext_large> == 43'127'272);
