// MobileNetV3-Large and -Small (torchvision's mobilenet_v3_large and mobilenet_v3_small)
// against what PyTorch reports for them, layer by layer and in total:
// tests/reference/torchvision-zoo.json, measured by tools/reference/make_reference.py with
// forward hooks (PyTorch 1.13.1, torchvision 0.14.1).
#include <cstddef>
#include <string_view>
#include <type_traits>

#include <netcount/zoo/mobilenet_v3.hpp>

#include "reference_check.hpp"
#include "reference_zoo.hpp"

namespace nc = netcount;
using nc::zoo::mobilenet_v3_divisible;
using reference::has_figures;

static_assert(reference::first_mismatch<nc::zoo::mobilenet_v3_large>(reference_zoo::mobilenet_v3_large) ==
              reference::all_match);
static_assert(reference::totals_match<nc::zoo::mobilenet_v3_large>(reference_zoo::mobilenet_v3_large));
static_assert(reference::first_mismatch<nc::zoo::mobilenet_v3_small>(reference_zoo::mobilenet_v3_small) ==
              reference::all_match);
static_assert(reference::totals_match<nc::zoo::mobilenet_v3_small>(reference_zoo::mobilenet_v3_small));

// The squeeze widths, as torchvision 0.14's _make_divisible(expanded // 4, 8) returns them for
// every expanded width of the two tables: 16 -> 8, 72 -> 24, 96 -> 24, 120 -> 32, 144 -> 40,
// 240 -> 64, 288 -> 72, 480 -> 120, 576 -> 144, 672 -> 168, 960 -> 240. E.g. 72 / 4 = 18:
// 18 + 4 = 22 rounds down to 16, which loses more than 10% of 18, so 24; 16 / 4 = 4 is raised to
// 8 (at least 8); 144 / 4 = 36: 40.
constexpr bool squeezes() {
    constexpr std::size_t expanded[11] = {16, 72, 96, 120, 144, 240, 288, 480, 576, 672, 960};
    constexpr std::size_t squeeze[11] = {8, 24, 24, 32, 40, 64, 72, 120, 144, 168, 240};
    for (std::size_t i = 0; i < 11; ++i)
        if (mobilenet_v3_divisible(expanded[i] / 4) != squeeze[i]) return false;
    return true;
}
static_assert(squeezes());
// A width past 64 bits is 0 (which the convolution rejects), never a wrapped number.
static_assert(mobilenet_v3_divisible(~std::size_t{0}) == 0);
static_assert(mobilenet_v3_divisible(~std::size_t{0} / 8) == 0);

// MobileNetV3-Large by hand. The first convolution: 3 x 3 x 3 x 16 = 432 weights at 112 x 112
// (12,544 positions), 5,419,008 multiply-accumulates.
static_assert(has_figures(nc::layer<nc::zoo::mobilenet_v3_large, "conv1">,
                          {{112, 112, 16}, 200'704, 432, 0, 5'419'008}));
// bneck4 (5 x 5, SE, stride 2): depthwise 5 x 5 x 72 = 1,800 weights at 28 x 28 (784
// positions), 1,411,200 multiply-accumulates; the gate squeezes 72 channels to 24 and back:
// 72 x 24 = 1,728 weights each way, with 24 and 72 biases, on a 1 x 1 map.
static_assert(has_figures(nc::layer<nc::zoo::mobilenet_v3_large, "bneck4/depthwise_conv1">,
                          {{28, 28, 72}, 56'448, 1'800, 0, 1'411'200}));
static_assert(has_figures(nc::layer<nc::zoo::mobilenet_v3_large, "bneck4/squeeze_excitation1/fc1">,
                          {{1, 1, 24}, 24, 1'728, 24, 1'728}));
static_assert(has_figures(nc::layer<nc::zoo::mobilenet_v3_large, "bneck4/squeeze_excitation1/fc2">,
                          {{1, 1, 72}, 72, 1'728, 72, 1'728}));
static_assert(nc::layer<nc::zoo::mobilenet_v3_large, "bneck4/squeeze_excitation1">.output == nc::shape{28, 28, 72});
// The last convolution, 1 x 1 160 -> 960 at 7 x 7: 153,600 weights, 7,526,400
// multiply-accumulates; the classifier 960 -> 1280 -> 1000.
static_assert(has_figures(nc::layer<nc::zoo::mobilenet_v3_large, "conv2">,
                          {{7, 7, 960}, 47'040, 153'600, 0, 7'526'400}));
static_assert(has_figures(nc::layer<nc::zoo::mobilenet_v3_large, "fc1">,
                          {{1, 1, 1280}, 1'280, 1'228'800, 1'280, 1'228'800}));
static_assert(has_figures(nc::layer<nc::zoo::mobilenet_v3_large, "fc2">,
                          {{1, 1, 1000}, 1'000, 1'280'000, 1'000, 1'280'000}));

// MobileNetV3-Small: bneck1 has no expansion (16 to 16) and strides to 56 x 56 (3,136
// positions): depthwise 3 x 3 x 16 = 144 weights, 451,584 multiply-accumulates; its gate
// squeezes 16 channels to 8: 128 weights and 8 biases. The classifier: 576 -> 1024 -> 1000.
static_assert(has_figures(nc::layer<nc::zoo::mobilenet_v3_small, "bneck1/depthwise_conv1">,
                          {{56, 56, 16}, 50'176, 144, 0, 451'584}));
static_assert(has_figures(nc::layer<nc::zoo::mobilenet_v3_small, "bneck1/squeeze_excitation1/fc1">,
                          {{1, 1, 8}, 8, 128, 8, 128}));
static_assert(has_figures(nc::layer<nc::zoo::mobilenet_v3_small, "fc1">,
                          {{1, 1, 1024}, 1'024, 589'824, 1'024, 589'824}));

// The gates and the shortcuts, as torchvision builds them (SqueezeExcitation modules and
// InvertedResidual.use_res_connect): Large 8 and 10 (bneck1, 3, 5, 6, 8, 9, 10, 12, 14, 15),
// Small 9 and 6 (bneck3, 5, 6, 8, 10, 11).
template<class Net>
constexpr std::size_t count_kind(std::string_view kind) {
    std::size_t n = 0;
    for (const nc::layer_info& l : nc::layers<Net>) n += l.kind == kind ? 1 : 0;
    return n;
}
static_assert(count_kind<nc::zoo::mobilenet_v3_large>("multiply") == 8);
static_assert(count_kind<nc::zoo::mobilenet_v3_large>("add") == 10);
static_assert(count_kind<nc::zoo::mobilenet_v3_small>("multiply") == 9);
static_assert(count_kind<nc::zoo::mobilenet_v3_small>("add") == 6);
static_assert(nc::layer<nc::zoo::mobilenet_v3_large, "bneck15">.kind == "add");

// The dilation parameter (torchvision's dilated=True, for segmentation backbones) leaves the
// classification models as they were: undilated, a bneck's depthwise convolution is the one
// mobilenet_v3_large spelled before, type for type. Dilated, it has stride 1 whatever the row
// says and torchvision's padding (kernel - 1) // 2 * dilation: 4 for 5 x 5 at dilation 2, 2 for
// an even 4 x 4 at 2 (where kernel / 2 * dilation would say 4); a product past 64 bits is the
// largest value, which the convolution rejects (a count overflows), never a wrapped number.
static_assert(std::is_same_v<nc::zoo::mobilenet_v3_depthwise<5, 2, 1>,
                             nc::depthwise_conv<nc::kernel<5>, nc::stride<2>, nc::pad<2>, nc::no_bias>>);
static_assert(std::is_same_v<nc::zoo::mobilenet_v3_depthwise<5, 2, 2>,
                             nc::depthwise_conv<nc::kernel<5>, nc::pad<4>, nc::dilation<2>, nc::no_bias>>);
static_assert(nc::zoo::mobilenet_v3_pad(5, 2) == 4);
static_assert(nc::zoo::mobilenet_v3_pad(4, 2) == 2);
static_assert(nc::zoo::mobilenet_v3_pad(5, ~std::size_t{0} / 2 + 1) == ~std::size_t{0});
static_assert(nc::zoo::mobilenet_v3_depthwise<5, 1, ~std::size_t{0} / 2 + 1>::apply(nc::shape{8, 8, 4}).status ==
              nc::error::count_overflow);

// Totals, from the reference. The parameters are also torchvision's "num_params" for its
// ImageNet weights (MobileNet_V3_Large_Weights and MobileNet_V3_Small_Weights.IMAGENET1K_V1.meta).
static_assert(nc::parameters<nc::zoo::mobilenet_v3_large> == 5'483'032);
static_assert(nc::weights<nc::zoo::mobilenet_v3_large> == 5'451'272);
static_assert(nc::biases<nc::zoo::mobilenet_v3_large> == 7'360);
static_assert(nc::connections<nc::zoo::mobilenet_v3_large> == 216'589'760);
static_assert(nc::units<nc::zoo::mobilenet_v3_large> == 4'407'168);

static_assert(nc::parameters<nc::zoo::mobilenet_v3_small> == 2'542'856);
static_assert(nc::weights<nc::zoo::mobilenet_v3_small> == 2'525'832);
static_assert(nc::biases<nc::zoo::mobilenet_v3_small> == 4'912);
static_assert(nc::connections<nc::zoo::mobilenet_v3_small> == 56'510'400);
static_assert(nc::units<nc::zoo::mobilenet_v3_small> == 1'417'680);
