// Every search against a brute force: fits<...> of every candidate in a small range, the
// largest that fits taken from the scan, on networks whose validity is not contiguous (a
// U-Net-like concat valid at multiples of 16, groups that must divide a width, a height that
// must be even), under budgets on every kind of figure. The same searches over ranges up to
// 2^40 give the same answers where the figures show that nothing larger fits (the comments).
// tests/runtime/search.cpp checks the search core itself on every small pattern.
#include <netcount/netcount.hpp>
#include <netcount/search.hpp>

#include <array>
#include <cstddef>
#include <utility>

namespace nc = netcount;

namespace {

// The largest K in [1, N] for which Candidate<K> fits B, from fits<> of each (an array made by
// pack expansion, not a fold: clang limits the nesting of a fold's parentheses); 0 if none.
template<template<std::size_t> class Candidate, nc::budget B, std::size_t... K>
constexpr std::size_t largest_fitting(std::index_sequence<K...>) {
    constexpr std::array<bool, sizeof...(K)> fit{nc::fits<Candidate<K + 1>, B>...};
    std::size_t largest = 0;
    for (std::size_t k = 0; k != fit.size(); ++k)
        if (fit[k]) largest = k + 1;
    return largest;
}

template<template<std::size_t> class Candidate, nc::budget B, std::size_t N>
inline constexpr std::size_t brute = largest_fitting<Candidate, B>(std::make_index_sequence<N>{});

// Each check below compares one search with the scan and counts it; where nothing fits, the
// search is a compile error instead (tests/compile_fail/*nothing_fits*.cpp), so it is left
// out, and the count says how many were compared.
template<std::size_t Brute, std::size_t Unit = 1>
constexpr std::size_t compare(std::size_t found) {
    return found == Brute * Unit ? 1 : 1000; // a wrong answer makes the count wrong
}

// Valid at sides that are multiples of 16 (tests/static/search.cpp works out its figures):
// peak activations 32 * S^2, weights 3 * 3 * 3 * 8 + 16 * 4 = 280, parameters 280 + 8 + 4.
using pool2 = nc::max_pool<nc::kernel<2>>;
using up2 = nc::upsample<2>;
struct unet16 : nc::network<nc::input<64, 64, 3>, nc::conv<8, nc::kernel<3>, nc::pad<1>>,
                            nc::concat<nc::identity, nc::sequence<pool2, pool2, pool2, pool2, up2, up2, up2, up2>>,
                            nc::conv<4, nc::kernel<1>>> {};
template<std::size_t S>
using unet_side = nc::with_input<unet16, S, S>;
template<std::size_t K>
using unet_side_48 = nc::with_input<unet16, K * 48, K * 48>;
template<std::size_t H>
using unet_height = nc::with_input<unet16, H, 64>;

template<nc::budget B>
constexpr std::size_t unet_agrees() {
    std::size_t compared = 0;
    if constexpr (brute<unet_side, B, 100> != 0)
        compared += compare<brute<unet_side, B, 100>>(nc::largest_input<unet16, B, 1, 100>);
    if constexpr (brute<unet_side_48, B, 40> != 0)
        compared += compare<brute<unet_side_48, B, 40>, 48>(nc::largest_input<unet16, B, 48, 48 * 40>);
    if constexpr (brute<unet_height, B, 100> != 0)
        compared += compare<brute<unet_height, B, 100>>(nc::largest_height<unet16, B, 1, 100>);
    return compared;
}
// Peaks: 16 -> 8,192, 32 -> 32,768, 48 -> 73,728, 80 -> 204,800, 96 -> 294,912.
static_assert(unet_agrees<nc::budget{.peak_activations = 8'192}>() == 1);
static_assert(unet_agrees<nc::budget{.peak_activations = 32'768}>() == 2);
static_assert(unet_agrees<nc::budget{.peak_activations = 73'727}>() == 2);
static_assert(unet_agrees<nc::budget{.peak_activations = 204'800}>() == 3);
static_assert(unet_agrees<nc::budget{.peak_activations = 294'911}>() == 3);
static_assert(unet_agrees<nc::budget{.peak_activations = 10'000'000}>() == 3);
static_assert(unet_agrees<nc::budget{.activations = 100'000}>() == 3);
static_assert(unet_agrees<nc::budget{.connections = 1'000'000}>() == 3);
static_assert(unet_agrees<nc::budget{.layer_activations = 80'000}>() == 3);
static_assert(unet_agrees<nc::budget{}>() == 3);
// Over 2^40 sides: 32 * S^2 <= 204,800 holds for S <= 80, so nothing above 100 fits.
static_assert(nc::largest_input<unet16, nc::budget{.peak_activations = 204'800}, 1, std::size_t{1} << 40> ==
              brute<unet_side, nc::budget{.peak_activations = 204'800}, 100>);

// Validity at N = 1, 5, 9, ... (N + 3 divisible by 4; tests/static/search.cpp): 21 * N + 54
// weights.
struct grouped : nc::network<nc::input<8, 8, 3>, nc::concat<nc::conv<5, nc::kernel<1>, nc::name<"a">>, nc::identity>,
                             nc::conv<8, nc::kernel<3>, nc::pad<1>, nc::groups<4>, nc::name<"g">>> {};
template<std::size_t N>
using grouped_width = nc::resize<grouped, "concat1/a", N>;

template<nc::budget B>
constexpr std::size_t grouped_agrees() {
    if constexpr (brute<grouped_width, B, 64> != 0)
        return compare<brute<grouped_width, B, 64>>(nc::widest<grouped, "concat1/a", B, 64>);
    else
        return 0;
}
static_assert(grouped_agrees<nc::budget{.weights = 75}>() == 1); // N = 1 exactly
static_assert(grouped_agrees<nc::budget{.weights = 200}>() == 1);
static_assert(grouped_agrees<nc::budget{.weights = 999}>() == 1);
static_assert(grouped_agrees<nc::budget{.weights = 1'082}>() == 1);
static_assert(grouped_agrees<nc::budget{.weights = 1'083}>() == 1);
static_assert(grouped_agrees<nc::budget{.connections = 50'000}>() == 1);
static_assert(grouped_agrees<nc::budget{.peak_activations = 2'000}>() == 1);
static_assert(grouped_agrees<nc::budget{.layer_weights = 600}>() == 1);
static_assert(grouped_agrees<nc::budget{}>() == 1);
// Over 2^40 widths: 21 * N + 54 <= 999 holds for N <= 45 only.
static_assert(nc::widest<grouped, "concat1/a", nc::budget{.weights = 999}, std::size_t{1} << 40> ==
              brute<grouped_width, nc::budget{.weights = 999}, 64>);

// widest_scale on c1 (16 filters) and c2 (32 filters in 4 groups): valid where both scaled
// counts are divisible by 4, which at Divisor 3 needs multiples of 12.
struct two_convs : nc::network<nc::input<8, 8, 3>, nc::conv<16, nc::kernel<3>, nc::pad<1>, nc::name<"c1">>,
                               nc::conv<32, nc::kernel<3>, nc::pad<1>, nc::groups<4>, nc::name<"c2">>,
                               nc::global_avg_pool, nc::fc<10, nc::name<"head">>> {};
template<std::size_t K>
using scaled_24 = nc::scale_width<two_convs, K, 24>;
template<std::size_t K>
using scaled_24_by_3 = nc::scale_width<two_convs, K, 24, 3>;
template<std::size_t K>
using scaled_7 = nc::scale_width<two_convs, K, 7>;

template<nc::budget B>
constexpr std::size_t scale_agrees() {
    std::size_t compared = 0;
    if constexpr (brute<scaled_24, B, 24> != 0)
        compared += compare<brute<scaled_24, B, 24>>(nc::widest_scale<two_convs, B, 24>);
    if constexpr (brute<scaled_24_by_3, B, 24> != 0)
        compared += compare<brute<scaled_24_by_3, B, 24>>(nc::widest_scale<two_convs, B, 24, 3>);
    if constexpr (brute<scaled_7, B, 7> != 0)
        compared += compare<brute<scaled_7, B, 7>>(nc::widest_scale<two_convs, B, 7>);
    return compared;
}
static_assert(scale_agrees<nc::budget{.weights = 400}>() == 1);
static_assert(scale_agrees<nc::budget{.weights = 1'500}>() == 2);
static_assert(scale_agrees<nc::budget{.weights = 1'904}>() == 3);
static_assert(scale_agrees<nc::budget{.connections = 60'000}>() == 1);
static_assert(scale_agrees<nc::budget{.peak_activations = 3'000}>() == 2);
static_assert(scale_agrees<nc::budget{}>() == 3);

// A spectrogram network whose height must be even (a 2 x 1 pooling and upsampling beside the
// identity), its width free: a 3 x 3 conv of 4 filters, padded, then the concat (8 channels)
// and an fc of 5 over H x W x 8.
struct even_height
    : nc::network<nc::input<48, 10, 1>, nc::conv<4, nc::kernel<3>, nc::pad<1>>,
                  nc::concat<nc::identity, nc::sequence<nc::max_pool<nc::kernel<2, 1>>, nc::upsample<2, 1>>>,
                  nc::flatten, nc::fc<5>> {};
template<std::size_t H>
using even_height_h = nc::with_input<even_height, H, 10>;
template<std::size_t W>
using even_height_w = nc::with_input<even_height, 48, W>;

template<nc::budget B>
constexpr std::size_t audio_agrees() {
    std::size_t compared = 0;
    if constexpr (brute<even_height_h, B, 90> != 0)
        compared += compare<brute<even_height_h, B, 90>>(nc::largest_height<even_height, B, 1, 90>);
    if constexpr (brute<even_height_w, B, 40> != 0)
        compared += compare<brute<even_height_w, B, 40>>(nc::largest_width<even_height, B, 1, 40>);
    return compared;
}
static_assert(audio_agrees<nc::budget{.weights = 5'000}>() == 2);
static_assert(audio_agrees<nc::budget{.weights = 20'000}>() == 2);
static_assert(audio_agrees<nc::budget{.peak_activations = 3'000}>() == 2);
static_assert(audio_agrees<nc::budget{.layer_weights = 10'000}>() == 2);

} // namespace
