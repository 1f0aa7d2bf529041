#ifndef NETCOUNT_FOLD_HPP
#define NETCOUNT_FOLD_HPP

#include <netcount/detail/config.hpp> // first: below C++20, its error comes first

#include <array>
#include <cstddef>
#include <string_view>
#include <type_traits>

#include <netcount/block.hpp>
#include <netcount/conv.hpp>
#include <netcount/counts.hpp>
#include <netcount/detail/node.hpp>
#include <netcount/edit.hpp>
#include <netcount/fc.hpp>
#include <netcount/layer_info.hpp>
#include <netcount/network.hpp>
#include <netcount/norm.hpp>
#include <netcount/options.hpp>

// fold_batch_norm<Net>: the network as a deployment converter (TFLite's, ONNX's constant
// folding, torch.nn.utils.fusion) sees it. A batch_norm whose input is the output of a conv,
// depthwise_conv, transposed_conv, fc or linear that nothing else reads is folded into that
// layer: in inference it is a scale and a shift per channel, which the layer's weights and bias
// absorb. The batch_norm is removed (it becomes `identity`, which makes no entry) and the layer
// gains a bias if it had none (no_bias dropped from its options). A batch_norm with nothing to
// fold into (after a relu, a merge, a pool, a layer whose output another entry reads too, or a
// kind of one's own) stays as an unfolded_batch_norm: same counts, kind "unfolded_batch_norm",
// so that layers<fold_batch_norm<Net>> and every report say so.
//
//   using deployed = netcount::fold_batch_norm<netcount::zoo::resnet18>;
//   static_assert(netcount::biases<deployed> == 5'800); // 4,800 conv biases + the fc's 1,000

NETCOUNT_DIAGNOSTICS_PUSH
namespace netcount {

// unfolded_batch_norm: a batch_norm that fold_batch_norm<Net> left in place, as a converter
// keeps it (ONNX's BatchNormalization; a multiply and an add in TFLite): 2 * C parameters, runs
// in place.
struct unfolded_batch_norm {
    static constexpr std::string_view kind = "unfolded_batch_norm";
    static constexpr bool elementwise = true;
    static constexpr layer_result apply(const shape& in) noexcept { return batch_norm::apply(in); }
};

namespace detail {

// The kinds a batch_norm folds into: each has one output channel per filter (or output), which
// a bias per channel can shift.
template<class L>
inline constexpr bool folds_batch_norm = false;
template<std::size_t F, class... O>
inline constexpr bool folds_batch_norm<conv<F, O...>> = true;
template<class... O>
inline constexpr bool folds_batch_norm<depthwise_conv<O...>> = true;
template<std::size_t F, class... O>
inline constexpr bool folds_batch_norm<transposed_conv<F, O...>> = true;
template<std::size_t F, class... O>
inline constexpr bool folds_batch_norm<fc<F, O...>> = true;
template<std::size_t F, class... O>
inline constexpr bool folds_batch_norm<linear<F, O...>> = true;

// A layer's options without no_bias: a fold over its few options (never over the layer list).
template<class... T>
struct option_list {};
template<class... A, class... B>
option_list<A..., B...> operator+(option_list<A...>, option_list<B...>);
template<class O>
using unless_no_bias = std::conditional_t<std::is_same_v<O, no_bias>, option_list<>, option_list<O>>;
template<class... O>
using biased_options = decltype((option_list<>{} + ... + unless_no_bias<O>{}));

template<template<std::size_t, class...> class Layer, std::size_t F, class... O>
Layer<F, O...> sized_layer_with(option_list<O...>);
template<template<class...> class Layer, class... O>
Layer<O...> layer_with(option_list<O...>);

template<class L>
struct with_bias {
    using type = L;
};
template<std::size_t F, class... O>
struct with_bias<conv<F, O...>> {
    using type = decltype(sized_layer_with<conv, F>(biased_options<O...>{}));
};
template<class... O>
struct with_bias<depthwise_conv<O...>> {
    using type = decltype(layer_with<depthwise_conv>(biased_options<O...>{}));
};
template<std::size_t F, class... O>
struct with_bias<transposed_conv<F, O...>> {
    using type = decltype(sized_layer_with<transposed_conv, F>(biased_options<O...>{}));
};
template<std::size_t F, class... O>
struct with_bias<fc<F, O...>> {
    using type = decltype(sized_layer_with<fc, F>(biased_options<O...>{}));
};
template<std::size_t F, class... O>
struct with_bias<linear<F, O...>> {
    using type = decltype(sized_layer_with<linear, F>(biased_options<O...>{}));
};

// Which entries of layers<Net> are batch_norms and which are of a kind one folds into: types,
// not kind texts (a kind of one's own may call itself "conv"), so this walks the elements once
// more through the builder protocol of detail/node.hpp, as scale_width's kept_width_builder
// does; the counting passes are as they were.
template<std::size_t Entries>
struct fold_kinds_builder : passive_builder {
    std::array<bool, Entries> target{};     // a conv, depthwise_conv, transposed_conv, fc or linear
    std::array<bool, Entries> batch_norm{}; // a netcount::batch_norm
    std::size_t cursor = 0;                 // unused: the blocks copy it from path to path
    std::size_t entries_done = 0;

    template<class E>
    static constexpr void visit(fold_kinds_builder& b) noexcept {
        if constexpr (layer_kind<E>) {
            b.target[b.entries_done] = folds_batch_norm<E>;
            b.batch_norm[b.entries_done] = std::is_same_v<E, netcount::batch_norm>;
            ++b.entries_done;
        } else {
            node<E>::template emit<fold_kinds_builder>(b);
        }
    }
    template<class M>
    constexpr void merge(const std::size_t*, std::size_t) noexcept {
        ++entries_done;
    }
    template<class R>
    constexpr void sized_like(std::size_t, bool) noexcept {
        ++entries_done;
    }
    template<class R>
    constexpr void unpool(std::string_view) noexcept {
        ++entries_done;
    }
};

template<std::size_t Entries>
struct fold_plan {
    std::array<bool, Entries> removed{};    // a batch_norm folded into the entry it reads
    std::array<bool, Entries> gains_bias{}; // the entry a batch_norm folds into
};

// A batch_norm folds into the entry it reads when that entry is of a kind above, no other entry
// reads it (an auxiliary head's included: it would read the folded values), and both are in
// the network or both in a head (an auxiliary head that starts with a batch_norm reads a tensor
// the network goes on with).
template<class Net>
constexpr auto plan_folds() noexcept {
    using traits = network_traits<network_of<Net>>;
    constexpr std::size_t entries = traits::entries;
    using builder = fold_kinds_builder<entries>;
    builder b{};
    for (const auto emit : traits::template elements<builder>()) emit(b);
    const auto& info = layers<Net>;
    std::array<std::size_t, entries> readers{};
    for (const layer_info& e : info)
        for (const std::size_t from : e.inputs)
            if (from < entries) ++readers[from]; // not an input
    // An output (outputs<...>, or what a final from<> reads) is read after every entry: a
    // batch_norm after it cannot fold into it.
    for (const std::size_t o : output_indices<Net>)
        if (o < entries) ++readers[o];
    fold_plan<entries> plan{};
    for (std::size_t i = 0; i != entries; ++i) {
        if (!b.batch_norm[i] || info[i].inputs.size() != 1) continue;
        const std::size_t from = info[i].inputs[0];
        if (from >= entries || !b.target[from] || readers[from] != 1 || info[from].auxiliary != info[i].auxiliary)
            continue;
        plan.removed[i] = true;
        plan.gains_bias[from] = true;
    }
    return plan;
}

template<class Net>
inline constexpr auto fold_plan_of = plan_folds<Net>();

template<class Layer, bool Removed, bool GainsBias>
struct folded_layer {
    using type = std::conditional_t<GainsBias, typename with_bias<Layer>::type, Layer>;
};
template<bool GainsBias>
struct folded_layer<batch_norm, true, GainsBias> {
    using type = netcount::identity;
};
template<bool GainsBias>
struct folded_layer<batch_norm, false, GainsBias> {
    using type = unfolded_batch_norm;
};

template<class Net>
struct every_batch_norm_folded {
    static constexpr bool enters(std::size_t, std::size_t) noexcept { return true; }
    static constexpr bool targets(std::size_t) noexcept { return false; }
    template<class Layer, std::size_t Index>
    using apply =
        typename folded_layer<Layer, fold_plan_of<Net>.removed[Index], fold_plan_of<Net>.gains_bias[Index]>::type;
};

} // namespace detail

// fold_batch_norm<Net>: Net with every batch_norm that directly follows a conv, depthwise_conv,
// transposed_conv, fc or linear folded into it (see the top of this header); the other
// batch_norms become unfolded_batch_norm. Every other element is as it was, anywhere in the
// blocks.
template<class Net>
using fold_batch_norm = typename detail::edit_network<network_of<Net>, detail::every_batch_norm_folded<Net>>::type;

} // namespace netcount

NETCOUNT_DIAGNOSTICS_POP

#endif
