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
namespace detail {
// unknown_width<Layer>: instantiated when scale_width meets a layer whose width it does not
// know. Keyed on the layer alone, so that widest_scale, which scales by many multipliers,
// reports it once.
template<class Layer>
struct unknown_width {
    // An error here means scale_width met a layer it does not know how to scale: a
    // mapped_conv (whose connection table fixes its filters), an rbf, or a user's kind.
    static_assert(always_false<Layer>, "netcount: scale_width does not know this layer's width; specialise "
                                       "netcount::scaled_width<Layer, Num, Den, Divisor> for it");
    static constexpr bool reported = true; // see verdict in error.hpp
};
} // namespace detail

template<class Layer, std::size_t Num, std::size_t Den, std::size_t Divisor>
struct scaled_width {
    static_assert(detail::verdict<detail::follows_width<Layer>, detail::unknown_width<Layer>>::reported);
    static constexpr bool width_known = detail::follows_width<Layer>; // asked by widest_scale
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

// slice<Begin, End> and pad_channels<C> write fixed channel numbers, which depend on the widths
// around them in a way netcount cannot know (GhostNet's [:, :oup] keeps its block's output
// width, ENet's padding matches the next path's): scale_width rejects them rather than guess.
// A network that holds them is scaled by specialising scaled_width for each, with the numbers
// of the scaled network (an explicit specialisation, e.g. for slice<0, 16> at 1/2:
// template<> struct netcount::scaled_width<netcount::slice<0, 16>, 1, 2, 1> { using type =
// netcount::slice<0, 8>; };), or by writing the scaled network itself.
namespace detail {
// fixed_channels<Layer>: instantiated when scale_width meets a slice or a pad_channels; keyed on
// the layer alone, as unknown_width is, so that widest_scale reports it once.
template<class Layer>
struct fixed_channels {
    static_assert(always_false<Layer>, "netcount: scale_width cannot scale slice<Begin, End>, whose channels are "
                                       "fixed; specialise netcount::scaled_width<slice<Begin, End>, Num, Den, "
                                       "Divisor> with the slice the scaled network takes");
    static constexpr bool reported = true; // see verdict in error.hpp
};
template<std::size_t C>
struct fixed_channels<pad_channels<C>> {
    static_assert(always_false<pad_channels<C>>,
                  "netcount: scale_width cannot scale pad_channels<C>, whose channels are fixed; specialise "
                  "netcount::scaled_width<pad_channels<C>, Num, Den, Divisor> with the count the scaled network "
                  "takes");
    static constexpr bool reported = true;
};
} // namespace detail

template<std::size_t Begin, std::size_t End, std::size_t Num, std::size_t Den, std::size_t Divisor>
struct scaled_width<slice<Begin, End>, Num, Den, Divisor> {
    static_assert(detail::fixed_channels<slice<Begin, End>>::reported);
    static constexpr bool width_known = false; // asked by widest_scale
    using type = slice<Begin, End>;
};
template<std::size_t C, std::size_t Num, std::size_t Den, std::size_t Divisor>
struct scaled_width<pad_channels<C>, Num, Den, Divisor> {
    static_assert(detail::fixed_channels<pad_channels<C>>::reported);
    static constexpr bool width_known = false; // asked by widest_scale
    using type = pad_channels<C>;
};

namespace detail {

// The entries of layers<Net> that keep their width: the last with weights, the classifier, and
// so the last with weights of each auxiliary head (Inception v3's AuxLogits classifies into the
// same classes), heads side by side or one inside another each its own. Which head an entry
// belongs to is the blocks' business, not layers<Net>'s (an entry says only that it is in a
// head), so this walks the network's elements once more through the builder protocol of
// detail/node.hpp: a third builder, which counts nothing and follows the heads as a stack. Only
// scale_width evaluates it; the engine's two passes are as they were.
template<std::size_t Entries>
struct kept_width_builder : passive_builder {
    const layer_info* entries; // layers<Net>: which entries have weights
    std::array<bool, Entries> kept{};
    constexpr explicit kept_width_builder(const layer_info* of) noexcept : entries(of) {}
    std::size_t cursor = 0; // unused: the blocks copy it from path to path
    std::size_t entries_done = 0;
    std::size_t last_weighted = Entries; // of the innermost open head (or the network): Entries for none

    constexpr void add_entry() noexcept {
        if (entries[entries_done].weights != 0) last_weighted = entries_done;
        ++entries_done;
    }
    template<class E>
    static constexpr void visit(kept_width_builder& b) noexcept {
        if constexpr (layer_kind<E>)
            b.add_entry();
        else
            node<E>::template emit<kept_width_builder>(b);
    }
    template<class M>
    constexpr void merge(const std::size_t*, std::size_t) noexcept {
        add_entry();
    }
    template<class R>
    constexpr void sized_like(std::size_t, bool) noexcept {
        add_entry();
    }
    template<class R>
    constexpr void unpool(std::string_view) noexcept {
        add_entry();
    }
    // A head starts with no layer of its own; leaving it keeps its last, and the enclosing
    // head (or the network) goes on from where it was.
    constexpr std::size_t enter_auxiliary() noexcept {
        const std::size_t outer = last_weighted;
        last_weighted = Entries;
        return outer;
    }
    constexpr void leave_auxiliary(std::size_t outer) noexcept {
        if (last_weighted != Entries) kept[last_weighted] = true;
        last_weighted = outer;
    }
};

template<class Net>
constexpr auto kept_widths() noexcept {
    using traits = network_traits<network_of<Net>>;
    using builder = kept_width_builder<traits::entries>;
    builder b{layers<Net>.data()};
    for (const auto emit : traits::template elements<builder>()) emit(b);
    if (b.last_weighted != traits::entries) b.kept[b.last_weighted] = true;
    // Several outputs (outputs<...>): each keeps its classifier too, the layer with weights that
    // its output comes from through layers without (a YOLO's Detect conv on every level).
    if constexpr (traits::outputs != 0) {
        for (std::size_t e : output_indices<Net>) {
            while (e < traits::entries && layers<Net>[e].weights == 0) e = layers<Net>[e].inputs[0];
            if (e < traits::entries) b.kept[e] = true; // not an input
        }
    }
    return b.kept;
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
template<std::size_t H0, std::size_t W0, std::size_t C, class... Options, class... Elements, std::size_t H,
         std::size_t W>
struct reinput<network<input<H0, W0, C, Options...>, Elements...>, H, W> {
    using type = network<input<H, W, C, Options...>, Elements...>;
};

// Instantiated for with_input<Net, H, W> of a network of several inputs.
template<class Net>
struct reinput_of_several_inputs {
    static_assert(always_false<Net>, "netcount: with_input<Net, H, W> gives a network of one input another size; "
                                     "this one has several: give each its shape with with_inputs<Net, shape{H, W, "
                                     "C}...>");
    static constexpr bool reported = true; // see verdict in error.hpp
};
template<std::size_t H0, std::size_t W0, std::size_t C, fixed_string Name, class Second, class... Elements,
         std::size_t H, std::size_t W>
requires is_input<Second>
struct reinput<network<input<H0, W0, C, netcount::name<Name>>, Second, Elements...>, H, W> {
    static_assert(
        reinput_of_several_inputs<network<input<H0, W0, C, netcount::name<Name>>, Second, Elements...>>::reported);
    using type = network<input<H0, W0, C, netcount::name<Name>>, Second, Elements...>;
};

// with_inputs<Net, Shapes...>: the inputs given those shapes, in order, each keeping its name.
template<class Input, shape S>
struct reshaped_input;
template<std::size_t H, std::size_t W, std::size_t C, class... Options, shape S>
struct reshaped_input<input<H, W, C, Options...>, S> {
    using type = input<S.height, S.width, S.channels, Options...>;
};

// Instantiated for with_inputs<Net, Shapes...> with another number of shapes than of inputs.
template<std::size_t Inputs, std::size_t Shapes>
struct reinputs_count_mismatch {
    static_assert(Inputs == Shapes, "netcount: with_inputs<Net, Shapes...> takes one shape per input of Net, in "
                                    "order (input_shapes<Net>.size())");
    static constexpr bool reported = true;
};

template<class Split, shape... Shapes>
struct reinputs_split;
template<class... Inputs, class... Elements, shape... Shapes>
struct reinputs_split<split_inputs<input_list<Inputs...>, Elements...>, Shapes...> {
    static_assert(reinputs_count_mismatch<sizeof...(Inputs), sizeof...(Shapes)>::reported);
    template<bool Matches, class = void>
    struct pick {
        using type = network<Inputs..., Elements...>;
    };
    template<class Unused>
    struct pick<true, Unused> {
        using type = network<typename reshaped_input<Inputs, Shapes>::type..., Elements...>;
    };
    using type = typename pick<sizeof...(Inputs) == sizeof...(Shapes)>::type;
};

template<class Net, shape... Shapes>
struct reinputs {
    // An error here means the type given to with_inputs is not a network<input<...>, ...>.
    static_assert(always_false<Net>, "netcount: expected a network<input<Height, Width, Channels>, layers...> or a "
                                     "type derived from one");
    using type = Net;
};
template<std::size_t H, std::size_t W, std::size_t C, class... Options, class... Elements, shape... Shapes>
struct reinputs<network<input<H, W, C, Options...>, Elements...>, Shapes...>
    : reinputs_split<typename split_inputs<input_list<input<H, W, C, Options...>>, Elements...>::self, Shapes...> {};

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

// with_input<Net, H, W>: the same layers on an H x W input with the same channels. A compile
// error for a network of several inputs, which with_inputs gives their sizes.
template<class Net, std::size_t H, std::size_t W>
using with_input = typename detail::reinput<network_of<Net>, H, W>::type;

// with_inputs<Net, Shapes...>: the same layers with each input given its shape, in the order of
// input_shapes<Net> (names kept):
//   with_inputs<image_and_mask, shape{160, 160, 3}, shape{160, 160, 1}>
template<class Net, shape... Shapes>
using with_inputs = typename detail::reinputs<network_of<Net>, Shapes...>::type;

} // namespace netcount

NETCOUNT_DIAGNOSTICS_POP

#endif
