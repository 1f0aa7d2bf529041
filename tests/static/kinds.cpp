// The layer kinds beyond AlexNet's, each checked against arithmetic done by hand (and, for the
// PyTorch kinds, against what torch reports for the same layer: see tools/crosscheck).
#include <netcount/netcount.hpp>

namespace nc = netcount;

template<std::size_t H, std::size_t W, std::size_t C, class Layer>
inline constexpr const nc::layer_info& only = nc::layers<nc::network<nc::input<H, W, C>, Layer>>[0];

// depthwise_conv: groups = C, filters = C * multiplier. On 10 x 10 x 8, 3 x 3, multiplier 2:
// 16 filters of one channel: weights 3 * 3 * 1 * 16 = 144; 8 x 8 positions: connections 9,216.
using dw = nc::depthwise_conv<nc::kernel<3>, nc::multiplier<2>>;
static_assert(only<10, 10, 8, dw>.output == nc::shape{8, 8, 16});
static_assert(only<10, 10, 8, dw>.weights == 144);
static_assert(only<10, 10, 8, dw>.biases == 16);
static_assert(only<10, 10, 8, dw>.connections == 9216);
static_assert(only<10, 10, 8, dw>.window.groups == 8);
static_assert(only<10, 10, 8, nc::depthwise_conv<nc::kernel<3>, nc::same, nc::stride<2>>>.output == nc::shape{5, 5, 8});

// transposed_conv: out = (in - 1) * s - pads + d * (k - 1) + output_padding + 1.
// 7 x 7 x 16 -> 4 x 4 kernel, stride 2, pad 1: (7 - 1) * 2 - 2 + 3 + 1 = 14.
// weights 4 * 4 * 16 * 8 = 2,048; connections over the 49 input positions: 100,352.
using up = nc::transposed_conv<8, nc::kernel<4>, nc::stride<2>, nc::pad<1>>;
static_assert(only<7, 7, 16, up>.output == nc::shape{14, 14, 8});
static_assert(only<7, 7, 16, up>.weights == 2048);
static_assert(only<7, 7, 16, up>.connections == 100'352);
static_assert(only<7, 7, 16, up>.units == 14 * 14 * 8);
// output_padding picks 15 instead of 14 for 3 x 3, stride 2, pad 1 on 8: (8-1)*2 - 2 + 2 + 1 + 1.
static_assert(
    only<8, 8, 4, nc::transposed_conv<4, nc::kernel<3>, nc::stride<2>, nc::pad<1>, nc::output_padding<1>>>.output ==
    nc::shape{16, 16, 4});

// batch_norm: 2 per channel, in parameters only.
static_assert(only<7, 7, 64, nc::batch_norm>.parameters == 128);
static_assert(only<7, 7, 64, nc::batch_norm>.weights == 0);
static_assert(only<7, 7, 64, nc::batch_norm>.output == nc::shape{7, 7, 64});

// Adaptive and global pooling (PyTorch's window rule).
static_assert(only<13, 13, 256, nc::adaptive_avg_pool<6>>.output == nc::shape{6, 6, 256});
static_assert(only<13, 13, 256, nc::adaptive_avg_pool<6>>.window.height.kernel == 3); // [0, 3) .. [10, 13)
static_assert(only<12, 12, 8, nc::adaptive_max_pool<3, 4>>.output == nc::shape{3, 4, 8});
static_assert(only<12, 12, 8, nc::adaptive_max_pool<3, 4>>.window.width == nc::axis_window{.kernel = 3, .stride = 3});
static_assert(only<7, 7, 2048, nc::global_avg_pool>.output == nc::shape{1, 1, 2048});

// connections_with_bias: LeCun's convention adds one connection per output of a layer with a
// bias. A 3 x 3 conv of 4 filters on 6 x 6 x 2: 4 x 4 x 4 = 64 outputs,
// connections 3 * 3 * 2 * 4 * 16 = 1,152, with bias 1,216.
static_assert(only<6, 6, 2, nc::conv<4, nc::kernel<3>>>.connections_with_bias == 1216);
static_assert(only<6, 6, 2, nc::conv<4, nc::kernel<3>, nc::no_bias>>.connections_with_bias == 1152);
static_assert(only<6, 6, 2, nc::fc<10>>.connections_with_bias == 72 * 10 + 10);

// A kind written outside the library: space_to_depth<B> moves B x B blocks into channels.
template<std::size_t B>
struct space_to_depth {
    static constexpr std::string_view kind = "space_to_depth";
    static constexpr nc::layer_result apply(const nc::shape& in) noexcept {
        if (in.height % B != 0 || in.width % B != 0) return {.status = nc::error::invalid_input};
        return {.output = {in.height / B, in.width / B, in.channels * B * B},
                .window = {{.kernel = B, .stride = B}, {.kernel = B, .stride = B}}};
    }
};
static_assert(nc::layer_kind<space_to_depth<2>>);

struct with_custom : nc::network<nc::input<8, 8, 3>, space_to_depth<2>, nc::conv<16, nc::kernel<1>>, nc::relu> {};
static_assert(nc::layers<with_custom>[0].name == "space_to_depth1");
static_assert(nc::layers<with_custom>[0].output == nc::shape{4, 4, 12});
static_assert(nc::weights<with_custom> == 12 * 16); // the conv reads 12 channels
static_assert(nc::weights<with_custom> <= 200);     // and budgets work as for any network
static_assert(nc::layers<with_custom>[1].receptive_field.height == nc::axis_field{.size = 2, .jump = 2, .start = 0});
