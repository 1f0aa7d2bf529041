// peak_activations<Net, schedule{.in_place_depthwise = true}>: MCUNetV2's in-place depthwise
// convolution (Lin et al., "MCUNetV2: Memory-Efficient Patch-based Inference for Tiny Deep
// Learning", 2021): a depthwise convolution whose input nothing later reads writes over it,
// with one channel of its output as scratch (N + 1 channels for N).
#include <cstdint>

#include <netcount/netcount.hpp>
#include <netcount/zoo/mobilenet.hpp>

namespace nc = netcount;

constexpr nc::schedule in_place{.in_place_depthwise = true};

// The default rules are today's, whether written or not.
static_assert(nc::schedule{} == nc::schedule{.in_place_depthwise = false});
static_assert(nc::peak_activations<nc::zoo::mobilenet_v2, nc::schedule{}> ==
              nc::peak_activations<nc::zoo::mobilenet_v2>);

// MobileNetV2 at 224, int8 (one byte an element): MCUNetV2 publishes a peak of 1,372 KiB with
// in-place depthwise, at the expand conv of the second block: 112 x 112 x 16 in (200,704) and
// 112 x 112 x 96 out (1,204,224), 1,404,928 bytes = 1,372 KiB. Without it the peak is that
// block's stride-2 depthwise: 1,204,224 in + 56 x 56 x 96 = 301,056 out = 1,505,280; in place it
// holds 1,204,224 + one output channel, 56 x 56 = 3,136: 1,207,360.
static_assert(nc::peak_activations<nc::zoo::mobilenet_v2> == 1'505'280);
static_assert(nc::peak_layer<nc::zoo::mobilenet_v2>.name == "bottleneck2/depthwise_conv1");
static_assert(nc::peak_activations<nc::zoo::mobilenet_v2, in_place> == 1'404'928);
static_assert(1'404'928 == 1'372 * 1'024);
static_assert(nc::peak_layer<nc::zoo::mobilenet_v2, in_place>.name == "bottleneck2/conv1");
static_assert(nc::layer<nc::zoo::mobilenet_v2, "bottleneck2/depthwise_conv1">.live_activations == 1'505'280);
static_assert(nc::layers<nc::zoo::mobilenet_v2, in_place>[nc::layers<nc::zoo::mobilenet_v2>.size() - 1].name ==
              nc::layers<nc::zoo::mobilenet_v2>.back().name);
static_assert(nc::memory<nc::zoo::mobilenet_v2, std::int8_t, 1, in_place>.peak_activation_bytes == 1'404'928);
static_assert(nc::memory<nc::zoo::mobilenet_v2, std::int8_t>.peak_activation_bytes == 1'505'280);

// By hand, on an 8 x 8 x 4 input (256 elements): a 1 x 1 conv to 8 channels (512), then each
// sort of depthwise convolution.
template<class Depthwise>
using after_expand = nc::network<nc::input<8, 8, 4>, nc::conv<8, nc::kernel<1>>, Depthwise, nc::relu>;
template<class Net>
constexpr std::uint64_t live_at(std::size_t i, nc::schedule rules) {
    return rules.in_place_depthwise ? nc::layers<Net, in_place>[i].live_activations
                                    : nc::layers<Net>[i].live_activations;
}

// Stride 1: 512 in + 512 out = 1,024; in place 512 + one 8 x 8 channel = 576. The conv before
// it holds 256 + 512 = 768, the peak in place.
using dw = after_expand<nc::depthwise_conv<nc::kernel<3>, nc::same>>;
static_assert(live_at<dw>(1, {}) == 1'024 && live_at<dw>(1, in_place) == 576);
static_assert(nc::peak_activations<dw> == 1'024 && nc::peak_activations<dw, in_place> == 768);
// The relu after it runs in place either way: 512.
static_assert(live_at<dw>(2, {}) == 512 && live_at<dw>(2, in_place) == 512);

// Stride 2: 512 in, 4 x 4 x 8 = 128 out; in place the output is written over the input's
// buffer (which stays 512 until freed) with one 4 x 4 output channel beyond it: 528.
using dw2 = after_expand<nc::depthwise_conv<nc::kernel<3>, nc::stride<2>, nc::same>>;
static_assert(live_at<dw2>(1, {}) == 640 && live_at<dw2>(1, in_place) == 528);
static_assert(live_at<dw2>(2, in_place) == 512);

// A depthwise convolution written as conv<C, groups<C>> is one too.
using grouped = after_expand<nc::conv<8, nc::kernel<3>, nc::same, nc::groups<8>>>;
static_assert(live_at<grouped>(1, in_place) == 576);

// Not in place: the input read later (a residual's add: 512 + 512, then the add 512 more);
// a multiplier (16 channels out of 8); an output larger than the input (padding: 10 x 10 x 8 =
// 800); a grouped conv that is not depthwise (groups<4> of 2 channels).
using kept = after_expand<nc::residual<nc::depthwise_conv<nc::kernel<3>, nc::same>>>;
static_assert(live_at<kept>(1, in_place) == 1'024 && live_at<kept>(2, in_place) == 1'536);
using multiplied = after_expand<nc::depthwise_conv<nc::kernel<3>, nc::same, nc::multiplier<2>>>;
static_assert(live_at<multiplied>(1, in_place) == 512 + 1'024);
using padded = after_expand<nc::depthwise_conv<nc::kernel<1>, nc::pad<1>>>;
static_assert(live_at<padded>(1, in_place) == 512 + 800);
using quartered = after_expand<nc::conv<8, nc::kernel<3>, nc::same, nc::groups<4>>>;
static_assert(live_at<quartered>(1, in_place) == 1'024);

// On the network input, which it reads last: 8 x 8 x 4 = 256 + one 8 x 8 channel.
using first = nc::network<nc::input<8, 8, 4>, nc::depthwise_conv<nc::kernel<3>, nc::same>>;
static_assert(nc::peak_activations<first> == 512 && nc::peak_activations<first, in_place> == 320);
