// MobileNet v1 against Howard et al. (2017): Table 1's layers, the 4,231,976 parameters and
// 568,740,352 multiply-accumulates of 1.0 MobileNet-224, and Tables 6 and 7 (width and
// resolution multipliers) within the paper's rounding.
#include <cstdint>

#include <netcount/netcount.hpp>
#include <netcount/scale.hpp>
#include <netcount/zoo/mobilenet.hpp>

namespace nc = netcount;
using nc::zoo::mobilenet_v1;

// Table 1, by hand. conv1: 3 x 3 x 3 x 32 = 864 weights, stride 2 to 112 x 112 x 32, so
// 864 * 112 * 112 = 10,838,016 multiply-accumulates. block1's depthwise 3 x 3 x 32 = 288 weights
// at 112 x 112 (3,612,672); its pointwise 32 x 64 = 2,048 (25,690,112). The last pointwise,
// 1024 x 1024 = 1,048,576 weights at 7 x 7 (51,380,224); the fc 1024 x 1000 plus 1000 biases.
static_assert(nc::layer<mobilenet_v1, "conv1">.output == nc::shape{112, 112, 32});
static_assert(nc::layer<mobilenet_v1, "conv1">.connections == 10'838'016);
static_assert(nc::layer<mobilenet_v1, "block1/depthwise_conv1">.weights == 288);
static_assert(nc::layer<mobilenet_v1, "block1/depthwise_conv1">.connections == 3'612'672);
static_assert(nc::layer<mobilenet_v1, "block1/conv1">.connections == 25'690'112);
static_assert(nc::layer<mobilenet_v1, "block12/depthwise_conv1">.output == nc::shape{7, 7, 512});
static_assert(nc::layer<mobilenet_v1, "block13/conv1">.output == nc::shape{7, 7, 1024});
static_assert(nc::layer<mobilenet_v1, "block13/conv1">.connections == 51'380'224);
static_assert(nc::layer<mobilenet_v1, "fc1">.parameters == 1'025'000);
static_assert(nc::output_shape<mobilenet_v1> == nc::shape{1, 1, 1000});

// The paper's 4.2 million parameters, to the unit: 4,231,976, the trainable parameters of
// keras.applications.MobileNet (alpha 1.0, 224): no conv biases, batch norm's scale and shift,
// the classifier's biases. Its 569 million mult-adds (Tables 6 to 8): 568,740,352.
static_assert(nc::parameters<mobilenet_v1> == 4'231'976);
static_assert(nc::connections<mobilenet_v1> == 568'740'352);
static_assert(nc::biases<mobilenet_v1> == 1'000);

// Within the paper's rounding: |figure - printed| <= half a unit of the last printed digit.
constexpr bool near(std::uint64_t figure, std::uint64_t printed, std::uint64_t half_unit) {
    return figure + half_unit >= printed && figure <= printed + half_unit;
}

// Table 6, width multiplier at 224: 1.0 569 M mult-adds and 4.2 M parameters, 0.75 325 M and
// 2.6 M, 0.5 149 M and 1.3 M, 0.25 41 M and 0.5 M. The width multiplier thins every layer but
// the classifier, whose 1000 outputs stay (Section 3.3).
static_assert(near(nc::connections<mobilenet_v1>, 569'000'000, 500'000));
static_assert(near(nc::parameters<mobilenet_v1>, 4'200'000, 50'000));
static_assert(near(nc::connections<nc::scale_width<mobilenet_v1, 3, 4>>, 325'000'000, 500'000));
static_assert(near(nc::parameters<nc::scale_width<mobilenet_v1, 3, 4>>, 2'600'000, 50'000));
static_assert(near(nc::connections<nc::scale_width<mobilenet_v1, 1, 2>>, 149'000'000, 500'000));
static_assert(near(nc::parameters<nc::scale_width<mobilenet_v1, 1, 2>>, 1'300'000, 50'000));
static_assert(near(nc::connections<nc::scale_width<mobilenet_v1, 1, 4>>, 41'000'000, 500'000));
static_assert(near(nc::parameters<nc::scale_width<mobilenet_v1, 1, 4>>, 500'000, 50'000));
// 0.75 in full: every width of Table 1 is a multiple of 4, so 32 -> 24, ..., 1024 -> 768.
static_assert(nc::layer<nc::scale_width<mobilenet_v1, 3, 4>, "block13/conv1">.output == nc::shape{7, 7, 768});

// Table 7, resolution multiplier at width 1.0: 192 gives 418 M, 128 gives 186 M, and the
// parameters stay 4.2 M. The paper prints 290 M for 160, where these layers give 290,675,200:
// 0.7 M more than its rounding allows (and the paper rounds 568.7 M up to 569 M at 224, so it
// does not truncate); no choice of padding changes these layers' output sizes at 160, so the
// figure is checked to the nearest million only.
static_assert(near(nc::connections<nc::with_input<mobilenet_v1, 192, 192>>, 418'000'000, 500'000));
static_assert(near(nc::connections<nc::with_input<mobilenet_v1, 128, 128>>, 186'000'000, 500'000));
static_assert(near(nc::connections<nc::with_input<mobilenet_v1, 160, 160>>, 290'000'000, 1'000'000));
static_assert(nc::parameters<nc::with_input<mobilenet_v1, 128, 128>> == 4'231'976);

// Peak activations of one inference run at 224: block1's pointwise conv reads the depthwise
// output, 112 * 112 * 32 = 401,408, and writes 112 * 112 * 64 = 802,816: 1,204,224 (the
// depthwise output wrote over nothing: conv1's relu output is still its input).
static_assert(nc::peak_activations<mobilenet_v1> == 1'204'224);
static_assert(nc::peak_layer<mobilenet_v1>.name == "block1/conv1");
