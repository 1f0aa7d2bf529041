#ifndef NETCOUNT_SCALE_HPP
#define NETCOUNT_SCALE_HPP

#include <netcount/detail/config.hpp> // first: below C++20, its error comes first

#include <array>
#include <cstddef>
#include <cstdint>
#include <type_traits>

#include <netcount/block.hpp>
#include <netcount/conv.hpp>
#include <netcount/counts.hpp>
#include <netcount/detail/checked.hpp>
#include <netcount/detail/schedule.hpp>
#include <netcount/edit.hpp>
#include <netcount/elementwise.hpp>
#include <netcount/fc.hpp>
#include <netcount/network.hpp>
#include <netcount/norm.hpp>
#include <netcount/pool.hpp>
#include <netcount/reshape.hpp>
#include <netcount/subsample.hpp>

// Scaling a network as type transformations: MobileNet's two multipliers (Howard et al. 2017).
//
//   scale_width<Net, Num, Den, Divisor = 1>   the width multiplier Num / Den: every conv,
//                                             transposed_conv and fc but the last layer with
//                                             weights gets make_divisible(N * Num / Den) filters
//                                             or outputs
//   with_input<Net, H, W>                     the same layers on an H x W input, channels kept:
//                                             the resolution multiplier
//
//   using mobilenet_075_160 = with_input<scale_width<zoo::mobilenet_v1, 3, 4>, 160, 160>;
//
// The results are networks like any other; a layer the scaling breaks (groups that no longer
// divide, an add whose paths now differ) is the usual compile error once the result is counted.

NETCOUNT_DIAGNOSTICS_PUSH
namespace netcount {

namespace detail {

struct divisible {
    std::uint64_t value = 0;
    bool overflow = false;
};

// torchvision's _make_divisible(v, divisor) on the exact rational v = n * num / den, without
// floating point: max(divisor, floor((v + divisor / 2) / divisor) * divisor), plus divisor when
// that is below 0.9 * v. floor((v + d / 2) / d) = floor((2 * n * num + d * den) / (2 * d * den)),
// and new < 0.9 * v is 10 * new * den < 9 * n * num.
constexpr divisible make_divisible(std::uint64_t n, std::uint64_t num, std::uint64_t den, std::uint64_t d) noexcept {
    bool overflow = false;
    const std::uint64_t scaled = mul(n, num, overflow); // n * num
    const std::uint64_t d_den = mul(d, den, overflow);
    const std::uint64_t steps = add(mul(2, scaled, overflow), d_den, overflow) / mul(2, d_den, overflow);
    std::uint64_t value = mul(steps, d, overflow);
    if (value < d) value = d;
    if (mul(mul(10, value, overflow), den, overflow) < mul(9, scaled, overflow)) value = add(value, d, overflow);
    return {value, overflow};
}

template<std::size_t N, std::size_t Num, std::size_t Den, std::size_t Divisor>
constexpr std::size_t scaled_count() noexcept {
    static_assert(Num > 0 && Den > 0 && Divisor > 0,
                  "netcount: scale_width<Net, Num, Den, Divisor> needs Num, Den and Divisor above 0");
    constexpr divisible r = make_divisible(N, Num, Den, Divisor);
    static_assert(!r.overflow, "netcount: a count overflows 64 bits");
    return static_cast<std::size_t>(r.value);
}

// Layers that have no width of their own and keep their input's channels (or follow them, as a
// depthwise convolution does): scale_width leaves them as they are. Activations, dropout,
// batch_norm and user kinds that declare themselves elementwise or a view are among them.
template<class L>
inline constexpr bool follows_width = memory_role_of<L> != memory_role::buffer;
template<class... O>
inline constexpr bool follows_width<max_pool<O...>> = true;
template<class... O>
inline constexpr bool follows_width<avg_pool<O...>> = true;
template<std::size_t H, std::size_t W>
inline constexpr bool follows_width<adaptive_avg_pool<H, W>> = true;
template<std::size_t H, std::size_t W>
inline constexpr bool follows_width<adaptive_max_pool<H, W>> = true;
template<>
inline constexpr bool follows_width<global_avg_pool> = true;
template<>
inline constexpr bool follows_width<global_max_pool> = true;
template<std::size_t Size>
inline constexpr bool follows_width<lrn<Size>> = true;
template<class... O>
inline constexpr bool follows_width<depthwise_conv<O...>> = true;
template<class... O>
inline constexpr bool follows_width<subsample<O...>> = true;
// The reshaping kinds keep following their input: a chunk takes its share of the scaled
// channels, a shuffle or an upsampling keeps them (a count the scaling leaves indivisible is
// the layer's usual error).
template<std::size_t Index, std::size_t Count>
inline constexpr bool follows_width<chunk<Index, Count>> = true;
template<std::size_t Groups>
inline constexpr bool follows_width<channel_shuffle<Groups>> = true;
template<std::size_t FH, std::size_t FW>
inline constexpr bool follows_width<upsample<FH, FW>> = true;
template<std::size_t H, std::size_t W>
inline constexpr bool follows_width<upsample_to<H, W>> = true;

} // namespace detail

// scaled_width<Layer, Num, Den, Divisor>::type: what scale_width makes of one layer. A layer kind
// of your own that has a width specialises it; one without a width declares itself elementwise
// (static constexpr bool elementwise = true) or specialises it with `using type = Layer;`.
// Blocks need no hook: the edit enters them (merges of one's own included), and a
// squeeze_excitation is entered as its fc1 and fc2 convs, so its Channels and Squeeze are
// scaled by this same rule (edit.hpp).
template<class Layer, std::size_t Num, std::size_t Den, std::size_t Divisor>
struct scaled_width {
    // An error here means scale_width met a layer it does not know how to scale: a
    // mapped_conv (whose connection table fixes its filters), an rbf, or a user's kind.
    static_assert(detail::follows_width<Layer>, "netcount: scale_width does not know this layer's width; specialise "
                                                "netcount::scaled_width<Layer, Num, Den, Divisor> for it");
    using type = Layer;
};

template<std::size_t F, class... Options, std::size_t Num, std::size_t Den, std::size_t Divisor>
struct scaled_width<conv<F, Options...>, Num, Den, Divisor> {
    using type = conv<detail::scaled_count<F, Num, Den, Divisor>(), Options...>;
};
template<std::size_t F, class... Options, std::size_t Num, std::size_t Den, std::size_t Divisor>
struct scaled_width<transposed_conv<F, Options...>, Num, Den, Divisor> {
    using type = transposed_conv<detail::scaled_count<F, Num, Den, Divisor>(), Options...>;
};
template<std::size_t F, class... Options, std::size_t Num, std::size_t Den, std::size_t Divisor>
struct scaled_width<fc<F, Options...>, Num, Den, Divisor> {
    using type = fc<detail::scaled_count<F, Num, Den, Divisor>(), Options...>;
};
template<std::size_t F, class... Options, std::size_t Num, std::size_t Den, std::size_t Divisor>
struct scaled_width<linear<F, Options...>, Num, Den, Divisor> {
    using type = linear<detail::scaled_count<F, Num, Den, Divisor>(), Options...>;
};

namespace detail {

// The entries of layers<Net> that keep their width: the last with weights, the classifier,
// and so the last with weights of each auxiliary head (Inception v3's AuxLogits classifies
// into the same classes).
template<class Net>
constexpr auto kept_widths() noexcept {
    constexpr const auto& entries = layers<Net>;
    std::array<bool, entries.size()> kept{};
    bool main_found = false, in_head = false;
    for (std::size_t i = entries.size(); i-- != 0;) {
        const bool weighted = entries[i].weights != 0;
        if (!entries[i].auxiliary) {
            in_head = false;
            if (weighted && !main_found) kept[i] = main_found = true;
        } else if (!in_head && weighted) {
            kept[i] = in_head = true; // the last one with weights of this run of head entries
        }
    }
    return kept;
}

template<class Net>
inline constexpr auto kept_width = kept_widths<Net>();

template<class Net, std::size_t Num, std::size_t Den, std::size_t Divisor>
struct every_layer_scaled {
    static constexpr bool enters(std::size_t, std::size_t) noexcept { return true; }
    static constexpr bool targets(std::size_t) noexcept { return false; }
    template<class Layer, std::size_t Index>
    using apply = typename std::conditional_t<kept_width<Net>[Index], std::type_identity<Layer>,
                                              scaled_width<Layer, Num, Den, Divisor>>::type;
};

template<class Net, std::size_t H, std::size_t W>
struct reinput {
    // An error here means the type given to with_input is not a network<input<...>, ...>.
    static_assert(always_false<Net>, "netcount: expected a network<input<Height, Width, Channels>, layers...> or a "
                                     "type derived from one");
    using type = Net;
};
template<std::size_t H0, std::size_t W0, std::size_t C, class... Elements, std::size_t H, std::size_t W>
struct reinput<network<input<H0, W0, C>, Elements...>, H, W> {
    using type = network<input<H, W, C>, Elements...>;
};

} // namespace detail

// scale_width<Net, Num, Den, Divisor = 1>: Net with every conv, transposed_conv and fc except
// the last layer with weights (and the last of each auxiliary head, whose classes do not
// change either) given make_divisible(N * Num / Den, Divisor) filters or outputs, anywhere in
// the blocks, squeeze_excitation's fc1 and fc2 included; depthwise convolutions follow their
// input. MobileNet's width
// multiplier 0.75 is scale_width<mobilenet_v1, 3, 4>; MobileNetV2's is Divisor 8.
template<class Net, std::size_t Num, std::size_t Den, std::size_t Divisor = 1>
using scale_width =
    typename detail::edit_network<network_of<Net>, detail::every_layer_scaled<Net, Num, Den, Divisor>>::type;

// with_input<Net, H, W>: the same layers on an H x W input with the same channels.
template<class Net, std::size_t H, std::size_t W>
using with_input = typename detail::reinput<network_of<Net>, H, W>::type;

} // namespace netcount

NETCOUNT_DIAGNOSTICS_POP

#endif
