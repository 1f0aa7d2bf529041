// The output-size rule and the counting conventions of the README, each held by an example
// worked out by hand, and the common textbook formulas checked against the rule.
#include <cstdint>

#include <netcount/netcount.hpp>

namespace nc = netcount;

// One conv layer of F filters with the given options on an H x W x C input.
template<std::size_t H, std::size_t W, std::size_t C, class Layer>
inline constexpr const nc::layer_info& only = nc::layers<nc::network<nc::input<H, W, C>, Layer>>[0];

// Output size: floor((in + pad_begin + pad_end - dilation * (k - 1) - 1) / stride) + 1.
static_assert(only<227, 227, 3, nc::conv<96, nc::kernel<11>, nc::stride<4>>>.output ==
              nc::shape{55, 55, 96}); // (227 - 11) / 4 + 1 = 55
static_assert(only<10, 10, 1, nc::conv<1, nc::kernel<3>, nc::pad<1>, nc::stride<2>>>.output ==
              nc::shape{5, 5, 1}); // (10 + 2 - 3) / 2 + 1 = 5 (4.5 floored)
static_assert(only<10, 12, 1, nc::conv<1, nc::kernel<3>, nc::dilation<2>>>.output ==
              nc::shape{6, 8, 1}); // span 2 * (3 - 1) + 1 = 5: 10 - 5 + 1 = 6, 12 - 5 + 1 = 8
static_assert(only<10, 10, 1, nc::conv<1, nc::kernel<3, 5>, nc::pad<0, 1, 2, 3>>>.output ==
              nc::shape{9, 11, 1}); // (10 + 1 - 3) + 1 = 9, (10 + 5 - 5) + 1 = 11
static_assert(only<10, 10, 1, nc::conv<1, nc::kernel<3>, nc::stride<1, 3>, nc::pad<1, 0>>>.output ==
              nc::shape{10, 3, 1}); // (10 + 2 - 3) / 1 + 1 = 10, (10 - 3) / 3 + 1 = 3

// same: ceil(in / stride), whatever the kernel (TensorFlow's rule).
static_assert(only<224, 224, 3, nc::conv<8, nc::kernel<7>, nc::stride<2>, nc::same>>.output == nc::shape{112, 112, 8});
static_assert(only<225, 225, 3, nc::conv<8, nc::kernel<7>, nc::stride<2>, nc::same>>.output == nc::shape{113, 113, 8});
// ...with the odd pixel of padding at the end: 4 wide, kernel 2, stride 1 needs 1 pixel.
static_assert(only<4, 4, 1, nc::conv<1, nc::kernel<2>, nc::same>>.window.width ==
              nc::axis_window{.kernel = 2, .stride = 1, .dilation = 1, .pad_begin = 0, .pad_end = 1});

// ceil_mode: ceil instead of floor; a last window starting in the end padding is dropped.
static_assert(only<112, 112, 64, nc::max_pool<nc::kernel<3>, nc::stride<2>, nc::ceil_mode>>.output ==
              nc::shape{56, 56, 64}); // ceil(109 / 2) + 1 = 56 (GoogLeNet's first pooling)
static_assert(only<112, 112, 64, nc::max_pool<nc::kernel<3>, nc::stride<2>>>.output ==
              nc::shape{55, 55, 64}); // floor(109 / 2) + 1 = 55
static_assert(only<5, 5, 1, nc::max_pool<nc::kernel<2>, nc::stride<2>, nc::pad<1>, nc::ceil_mode>>.output ==
              nc::shape{3, 3, 1}); // ceil(5 / 2) + 1 = 4, but the 4th window would start at 6 >= 5 + 1
static_assert(only<6, 6, 1, nc::max_pool<nc::kernel<2>, nc::stride<2>, nc::pad<1>, nc::ceil_mode>>.output ==
              nc::shape{4, 4, 1}); // ceil(6 / 2) + 1 = 4, the 4th window starts at 6 < 6 + 1

// Pooling strides default to the kernel.
static_assert(only<8, 8, 3, nc::avg_pool<nc::kernel<2>>>.output == nc::shape{4, 4, 3});

// The textbook formulas. "With padding": X = floor((W - 1) / S) + 1, which is our `same` for any
// kernel. "Without padding": X = floor((W - 2 * floor(w / 2) - 1) / S) + 1, which is our
// `valid` for every odd kernel. Checked for every odd kernel up to 11, stride up to 5 and input
// size from the kernel up to 40.
template<std::size_t W, std::size_t K, std::size_t S>
constexpr bool seed_formulas_hold() {
    constexpr std::uint64_t with_padding = (W - 1) / S + 1;
    constexpr std::uint64_t without_padding = (W - K / 2 - K / 2 - 1) / S + 1;
    return only<1, W, 1, nc::conv<1, nc::kernel<1, K>, nc::stride<1, S>, nc::same>>.output.width == with_padding &&
           only<1, W, 1, nc::conv<1, nc::kernel<1, K>, nc::stride<1, S>>>.output.width == without_padding;
}

template<std::size_t K, std::size_t S, std::size_t... I>
constexpr bool seed_formulas_hold_for(std::index_sequence<I...>) {
    return (seed_formulas_hold<K + I, K, S>() && ...);
}

template<std::size_t K, std::size_t... S>
constexpr bool seed_formulas_hold_for_strides(std::index_sequence<S...>) {
    return (seed_formulas_hold_for<K, S + 1>(std::make_index_sequence<41 - K>{}) && ...);
}

template<std::size_t... J>
constexpr bool seed_formulas_hold_for_odd_kernels(std::index_sequence<J...>) {
    return (seed_formulas_hold_for_strides<2 * J + 1>(std::make_index_sequence<5>{}) && ...);
}

static_assert(seed_formulas_hold_for_odd_kernels(std::make_index_sequence<6>{}));

// For an even kernel the textbook "without padding" subtracts w instead of w - 1 and so falls
// one short of the true count exactly when the stride divides W - w: with W = 8, w = 2, S = 2
// it gives floor(5 / 2) + 1 = 3, the layer has floor(6 / 2) + 1 = 4 positions; with S = 4 it
// gives floor(5 / 4) + 1 = 2, and the layer has floor(6 / 4) + 1 = 2 as well.
static_assert(only<1, 8, 1, nc::conv<1, nc::kernel<1, 2>, nc::stride<1, 2>>>.output.width == 4);
static_assert(only<1, 8, 1, nc::conv<1, nc::kernel<1, 2>, nc::stride<1, 4>>>.output.width == 2);

// Conv counts: units = X * Y * N, weights = h * w * (C / groups) * N, biases = N,
// connections = weights * X * Y. A 3 x 3 conv of 16 filters in 4 groups on 10 x 10 x 8:
// X = Y = 8, weights = 3 * 3 * 2 * 16 = 288, connections = 288 * 64 = 18,432, units = 1024.
using grouped = nc::conv<16, nc::kernel<3>, nc::groups<4>>;
static_assert(only<10, 10, 8, grouped>.units == 1024);
static_assert(only<10, 10, 8, grouped>.weights == 288);
static_assert(only<10, 10, 8, grouped>.biases == 16);
static_assert(only<10, 10, 8, grouped>.parameters == 304);
static_assert(only<10, 10, 8, grouped>.connections == 18432);
static_assert(only<10, 10, 8, nc::conv<16, nc::kernel<3>, nc::groups<4>, nc::no_bias>>.biases == 0);
static_assert(only<10, 10, 8, nc::conv<16, nc::kernel<3>, nc::groups<4>, nc::no_bias>>.parameters == 288);

// fc flattens: 6 x 6 x 256 = 9216 inputs, 10 outputs: weights = connections = 92,160.
static_assert(only<6, 6, 256, nc::fc<10>>.weights == 92160);
static_assert(only<6, 6, 256, nc::fc<10>>.connections == 92160);
static_assert(only<6, 6, 256, nc::fc<10>>.units == 10);
static_assert(only<6, 6, 256, nc::fc<10>>.output == nc::shape{1, 1, 10});
static_assert(only<6, 6, 256, nc::fc<10, nc::no_bias>>.parameters == 92160);

// Layers without weights have no units, weights or connections, but report their shapes.
static_assert(only<6, 6, 256, nc::flatten>.output == nc::shape{1, 1, 9216});
static_assert(only<6, 6, 256, nc::flatten>.units == 0);
static_assert(only<13, 13, 256, nc::max_pool<nc::kernel<3>, nc::stride<2>>>.units == 0);
static_assert(only<13, 13, 256, nc::max_pool<nc::kernel<3>, nc::stride<2>>>.connections == 0);
static_assert(only<13, 13, 256, nc::relu>.output == nc::shape{13, 13, 256});
static_assert(only<13, 13, 256, nc::lrn<5>>.parameters == 0);

// Options come in any order.
static_assert(only<27, 27, 96, nc::conv<256, nc::groups<2>, nc::same, nc::kernel<5>>>.weights ==
              only<27, 27, 96, nc::conv<256, nc::kernel<5>, nc::same, nc::groups<2>>>.weights);

// Counts are 64-bit and exact up to the last one: (2^32 - 1) * (2^32 + 1) = 2^64 - 1 weights.
static_assert(only<1, 1, 4294967297, nc::fc<4294967295, nc::no_bias>>.weights == 18446744073709551615u);

// activations: output elements of every layer, with or without weights. conv 3 x 3 on
// 6 x 6 x 2 with 4 filters: 4 * 4 * 4 = 64; relu: 64; 2 x 2 max pool: 2 * 2 * 4 = 16.
struct small : nc::network<nc::input<6, 6, 2>, nc::conv<4, nc::kernel<3>>, nc::relu, nc::max_pool<nc::kernel<2>>> {};
static_assert(nc::layers<small>[1].activations == 64);
static_assert(nc::layers<small>[2].activations == 16);
static_assert(nc::activations<small> == 144);
