// The searches (widest, widest_scale, largest_input, largest_height, largest_width) and fits,
// checked by hand.
#include <netcount/netcount.hpp>
#include <netcount/search.hpp>
#include <netcount/zoo/alexnet.hpp>

#include <cstddef>
#include <limits>

namespace nc = netcount;
using nc::zoo::alexnet;

// The widest fc6 that keeps Krizhevsky et al. (2012)'s AlexNet (227 x 227 input, two towers as
// groups, no biases counted) under 20,000,000 weights. Of its 60,954,656 weights, fc6 holds
// 9216 * 4096 = 37,748,736 and fc7, which reads fc6, 4096 * 4096 = 16,777,216; the rest is
// 60,954,656 - 37,748,736 - 16,777,216 = 6,428,704. With N outputs in fc6:
//   6,428,704 + 9216 * N + 4096 * N = 6,428,704 + 13,312 * N <= 20,000,000
//   N <= 13,571,296 / 13,312 = 1019.5...
// N = 1019 gives 19,993,632 weights; N = 1020 gives 20,006,944.
constexpr nc::budget under_20m{.weights = 20'000'000};
static_assert(nc::widest<alexnet, "fc6", under_20m> == 1019);
static_assert(nc::weights<nc::resize<alexnet, "fc6", 1019>> == 19'993'632);
static_assert(nc::weights<nc::resize<alexnet, "fc6", 1020>> == 20'006'944);
// The whole interval fits: the answer is Max.
static_assert(nc::widest<alexnet, "fc6", nc::budget{}, 5000> == 5000);
// At the limit exactly: fc6's own 4096 outputs under AlexNet's own weights.
static_assert(nc::widest<alexnet, "fc6", nc::budget{.weights = 60'954'656}> == 4096);

// The largest input side for AlexNet's own connections: conv1 (11 x 11, stride 4, no padding)
// gives floor((S - 11) / 4) + 1 = 55 positions for every S from 227 to 230, and everything after
// it follows conv1's output; at 231 it gives 56. So 230.
static_assert(nc::largest_input<alexnet, nc::budget{.connections = 724'406'816}> == 230);
// Under 30,000,000 weights: only fc6 depends on the input, with 256 * P * P * 4096 weights for a
// P x P output of max_pool3; the other layers hold 34,848 + 307,200 + 884,736 + 663,552 +
// 442,368 (convolutions) + 16,777,216 + 4,096,000 (fc7, fc8) = 23,205,920. So
// 1,048,576 * P * P <= 6,794,080: P = 2. Going back through the pools (3 x 3, stride 2:
// floor((x - 3) / 2) + 1 <= 2 for x <= 6, <= 6 for x <= 14, <= 14 for x <= 30) and conv1
// (floor((S - 11) / 4) + 1 <= 30 for S <= 130): 130.
static_assert(nc::largest_input<alexnet, nc::budget{.weights = 30'000'000}> == 130);
// A multiple of a step: 128.
static_assert(nc::largest_input<alexnet, nc::budget{.weights = 30'000'000}, 32> == 128);
// The smallest valid side is 67 (conv1 15 x 15, the pools 7, 3 and 1): 24,254,496 weights, those
// above with fc6 reading 256 inputs; every smaller side is invalid. P stays 1 while max_pool2
// gives at most 4 (x <= 4: max_pool1 at most 10, conv1 at most 22, S <= 98).
static_assert(nc::weights<nc::with_input<alexnet, 67, 67>> == 24'254'496);
static_assert(nc::largest_input<alexnet, nc::budget{.weights = 24'254'496}> == 98);

// ---------------------------------------------------------------------------------------
// Large ranges: a candidate whose counts overflow 64 bits is over budget, not an invalid
// network, so Max may be as large as std::size_t allows.

// One 3 x 3 conv of 64 filters, padded: an S x S x 3 input gives S x S x 64 outputs and
// 3 * 3 * 3 * 64 * S * S = 1728 * S^2 connections (no bias).
struct stem : nc::network<nc::input<227, 227, 3>, nc::conv<64, nc::kernel<3>, nc::pad<1>, nc::no_bias>> {};
static_assert(nc::connections<stem> == 1728ull * 227 * 227);
// Under 1728 * 122^2 = 25,719,552 connections: 122 (123 gives 26,142,912). At S = 2^27 the
// connections are 1728 * 2^54 > 2^64: that candidate is over, not an error.
constexpr nc::budget stem_budget{.connections = 25'719'552};
static_assert(nc::largest_input<stem, stem_budget> == 122);
static_assert(nc::largest_input<stem, stem_budget, 1, std::size_t{1} << 27> == 122);
static_assert(nc::largest_input<stem, stem_budget, 1, std::size_t{1} << 40> == 122);
static_assert(nc::largest_input<stem, stem_budget, 1, std::numeric_limits<std::size_t>::max()> == 122);
// Without a budget the answer is the largest side whose counts fit in 64 bits: the largest S
// with 1728 * S^2 <= 2^64 - 1 is floor(sqrt((2^64 - 1) / 1728)) = 103,320,855 (Python's
// math.isqrt); the other counts (64 * S^2 outputs, 1728 weights) are smaller.
static_assert(nc::largest_input<stem, nc::budget{}, 1, std::numeric_limits<std::size_t>::max()> == 103'320'855);
static_assert(nc::largest_input<stem, nc::budget{}, 1, std::size_t{1} << 40> == 103'320'855);
// In steps of 2^20: 1728 * (k * 2^20)^2 <= 2^64 - 1 for k up to 98 (98^2 = 9,604 <= 2^24 / 1728
// = 9,709.04 < 99^2 = 9,801).
static_assert(nc::largest_input<stem, nc::budget{}, std::size_t{1} << 20, std::numeric_limits<std::size_t>::max()> ==
              98 * (std::size_t{1} << 20));
// widest over the whole of std::size_t: fc6 of AlexNet as above.
static_assert(nc::widest<alexnet, "fc6", under_20m, std::numeric_limits<std::size_t>::max()> == 1019);

// ---------------------------------------------------------------------------------------
// Validity that is not contiguous: the answer is still the largest that is valid and fits.

// A U-Net-like block: four 2 x 2 poolings and four 2x upsamplings beside the identity, then a
// concat that needs both paths S x S: floor(S / 16) * 16 = S, so S a multiple of 16, and S >= 16
// for the last pooling. Peak (docs/deploy.md's schedule): at the concat, conv1's S x S x 8 and
// the last upsampling's S x S x 8 are read while the S x S x 16 output is written: 32 * S^2
// (at conv1, 3 + 8 = 11 * S^2; at conv2, 16 + 4 = 20 * S^2).
using pool2 = nc::max_pool<nc::kernel<2>>;
using up2 = nc::upsample<2>;
struct unet16 : nc::network<nc::input<64, 64, 3>, nc::conv<8, nc::kernel<3>, nc::pad<1>>,
                            nc::concat<nc::identity, nc::sequence<pool2, pool2, pool2, pool2, up2, up2, up2, up2>>,
                            nc::conv<4, nc::kernel<1>>> {};
static_assert(nc::peak_activations<unet16> == 32 * 64 * 64);
static_assert(!nc::fits<nc::with_input<unet16, 72, 72>, nc::budget{}>); // 72 = 4 * 16 + 8: invalid
// Under 32 * 80^2 = 204,800: 80 (96 gives 294,912; 81 to 95 are invalid). The bisection of the
// old search met only invalid sides above 16 and answered 16.
constexpr nc::budget unet_peak{.peak_activations = 204'800};
static_assert(nc::largest_input<unet16, unet_peak> == 80);
static_assert(nc::largest_input<unet16, unet_peak, 16> == 80);
static_assert(nc::largest_input<unet16, unet_peak, 1, std::size_t{1} << 40> == 80);
// Max = 4000 (= 250 * 16): the old search looked for the smallest valid side by bisection,
// which found 1952 (every side it tried below was invalid) and reported that nothing fits.
static_assert(nc::largest_input<unet16, unet_peak, 1, 4000> == 80);
// At 32 * 16^2 = 8,192, exactly the smallest valid side.
static_assert(nc::largest_input<unet16, nc::budget{.peak_activations = 8'192}> == 16);
// Height alone, the width kept at 64: 32 * H * 64 = 2,048 * H <= 204,800 for H <= 100, and
// the largest multiple of 16 up to 100 is 96.
static_assert(nc::largest_height<unet16, unet_peak> == 96);
static_assert(nc::largest_width<unet16, unet_peak> == 96);

// widest where groups make validity periodic: conv a's N outputs join the input's 3 channels,
// and g's 4 groups need N + 3 divisible by 4: N = 1, 5, 9, ... Weights: a holds 3 * N (a 1 x 1
// conv on 3 channels), g 3 * 3 * (N + 3) / 4 * 8 = 18 * (N + 3): 21 * N + 54 in all.
struct grouped : nc::network<nc::input<8, 8, 3>, nc::concat<nc::conv<5, nc::kernel<1>, nc::name<"a">>, nc::identity>,
                             nc::conv<8, nc::kernel<3>, nc::pad<1>, nc::groups<4>, nc::name<"g">>> {};
static_assert(nc::weights<grouped> == 21 * 5 + 54);
// Under 999 weights: 21 * N <= 945, N <= 45, which is valid (45 + 3 = 48). The old search
// answered 1: every middle it tried (32768, 16384, ...) was invalid.
static_assert(nc::widest<grouped, "concat1/a", nc::budget{.weights = 999}> == 45);
static_assert(nc::widest<grouped, "concat1/a", nc::budget{.weights = 999}, std::size_t{1} << 40> == 45);
// 1,082 weights allow 21 * N <= 1028, N <= 48.95: still 45 (46 to 48 are invalid, 49 holds
// 1,083).
static_assert(nc::widest<grouped, "concat1/a", nc::budget{.weights = 1'082}> == 45);
static_assert(nc::widest<grouped, "concat1/a", nc::budget{.weights = 1'083}> == 49);

// ---------------------------------------------------------------------------------------
// widest_scale: the widest width multiplier k / Den.

// c1 (16 filters) and c2 (32 filters, 4 groups) are scaled; head, the last layer with weights,
// keeps its 10 outputs. At k / 8 they have 2k and 4k filters (make_divisible of a whole number
// is that number), valid when 2k is divisible by 4: k even. Weights: c1 3 * 3 * 3 * 2k = 54k,
// c2 3 * 3 * (2k / 4) * 4k = 18k^2, head 4k * 10 = 40k: 18k^2 + 94k, 1,904 at k = 8.
struct two_convs : nc::network<nc::input<8, 8, 3>, nc::conv<16, nc::kernel<3>, nc::pad<1>, nc::name<"c1">>,
                               nc::conv<32, nc::kernel<3>, nc::pad<1>, nc::groups<4>, nc::name<"c2">>,
                               nc::global_avg_pool, nc::fc<10, nc::name<"head">>> {};
static_assert(nc::weights<two_convs> == 1'904);
// Under 1,500: k = 6 holds 648 + 564 = 1,212; k = 7 is invalid (14 filters in 4 groups);
// k = 8 holds 1,904.
static_assert(nc::widest_scale<two_convs, nc::budget{.weights = 1'500}, 8> == 6);
static_assert(nc::weights<nc::scale_width<two_convs, 6, 8>> == 1'212);
// At k / 16: k and 2k filters, valid when k is divisible by 4; 4.5k^2 + 47k weights, the same
// 1,212 at k = 12, and 13 to 15 invalid.
static_assert(nc::widest_scale<two_convs, nc::budget{.weights = 1'500}, 16> == 12);
// Everything fits: Den itself.
static_assert(nc::widest_scale<two_convs, nc::budget{}, 8> == 8);

// ---------------------------------------------------------------------------------------
// One side of the input, the other kept: a 49 x 10 spectrogram (keyword spotting).

// A 3 x 3 conv of 8 filters, then an fc of 12 over its (H - 2) x (W - 2) x 8 outputs: weights
// 72 + 96 * (H - 2) * (W - 2), 36,168 on 49 x 10.
struct keyword
    : nc::network<nc::input<49, 10, 1>, nc::conv<8, nc::kernel<3>, nc::no_bias>, nc::flatten, nc::fc<12, nc::no_bias>> {
};
static_assert(nc::weights<keyword> == 36'168);
// Under 50,000 weights, the width kept at 10: 768 * (H - 2) <= 49,928, H - 2 <= 65: 67.
static_assert(nc::largest_height<keyword, nc::budget{.weights = 50'000}> == 67);
// The height kept at 49: 4,512 * (W - 2) <= 49,928, W - 2 <= 11: 13.
static_assert(nc::largest_width<keyword, nc::budget{.weights = 50'000}> == 13);
// A multiple of 4: 64. The network's own 49 x 10 at its own weights: 49 and 10.
static_assert(nc::largest_height<keyword, nc::budget{.weights = 50'000}, 4> == 64);
static_assert(nc::largest_height<keyword, nc::budget{.weights = 36'168}> == 49);
static_assert(nc::largest_width<keyword, nc::budget{.weights = 36'168}> == 10);

// ---------------------------------------------------------------------------------------
// fits<Net, Budget>: a bool, never an error.
static_assert(nc::fits<alexnet, nc::budget{.weights = 60'954'656}>);
static_assert(!nc::fits<alexnet, nc::budget{.weights = 60'954'655}>);
static_assert(!nc::fits<nc::with_input<alexnet, 66, 66>, nc::budget{}>); // invalid: too small
static_assert(!nc::fits<nc::with_input<stem, std::size_t{1} << 27, std::size_t{1} << 27>, nc::budget{}>); // overflows
static_assert(nc::fits<nc::with_input<stem, 103'320'855, 103'320'855>, nc::budget{}>);
template<class Net>
requires nc::fits<Net, nc::budget{.weights = 1'000'000}>
constexpr bool small_enough() { return true; }
template<class Net>
constexpr bool small_enough() {
    return false;
}
static_assert(small_enough<unet16>() && !small_enough<alexnet>());
