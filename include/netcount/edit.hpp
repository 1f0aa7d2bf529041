#ifndef NETCOUNT_EDIT_HPP
#define NETCOUNT_EDIT_HPP

#include <netcount/detail/config.hpp> // first: below C++20, its error comes first

#include <array>
#include <cstddef>
#include <type_traits>
#include <utility>

#include <netcount/block.hpp>
#include <netcount/conv.hpp>
#include <netcount/counts.hpp>
#include <netcount/detail/node.hpp>
#include <netcount/fc.hpp>
#include <netcount/fixed_string.hpp>
#include <netcount/layer_kind.hpp>
#include <netcount/network.hpp>
#include <netcount/options.hpp>
#include <netcount/pool.hpp>
#include <netcount/squeeze_excitation.hpp>

// Editing a network type: variants of a network, written as the change they make.
//
//   replace<Net, "fc6", fc<1024, name<"fc6">>>   the layer named "fc6" becomes another layer
//   resize<Net, "conv2", 128>                     the same layer with 128 filters (or outputs)
//
// A layer is found by its name in layers<Net>, generated names ("max_pool2",
// "layer1/residual2/conv1") included, anywhere in the blocks; an unknown or repeated name is the
// compile error of layer<Net, "...">. The result is a netcount::network<...> with every other
// element as it was. Edits compose: resize<resize<Net, "fc6", 1024>, "fc7", 1024>.

NETCOUNT_DIAGNOSTICS_PUSH
namespace netcount {

namespace detail {

// The index in layers<Net> of each element's first entry, for elements starting at `first`.
template<class... Elements>
constexpr std::array<std::size_t, sizeof...(Elements)> entry_offsets(std::size_t first) noexcept {
    std::array<std::size_t, sizeof...(Elements)> offsets{node<Elements>::entries...};
    for (std::size_t& at : offsets) {
        const std::size_t entries = at;
        at = first;
        first += entries;
    }
    return offsets;
}

// The machinery is shared by every edit: an Edit says which elements it enters, by the range
// of entries [first, first + count) of layers<Net> they hold, and what it makes of a layer at
// entry Index:
//   static constexpr bool enters(std::size_t first, std::size_t count);
//   static constexpr bool targets(std::size_t index);  // true: the edit means this merge
//   template<class Layer, std::size_t Index> using apply = ...;
// replace and resize enter only the element that holds their one layer; scale_width
// (<netcount/scale.hpp>) enters all of them.
template<class E, std::size_t Offset, class Edit>
struct edit_element;

// The parts of a block or network, each edited if the edit enters it. The offsets are one
// template argument so that the expansion substitutes the element list once, not per element.
template<template<class...> class List, class Edit, auto Offsets, class... Elements, std::size_t... I>
List<typename edit_element<Elements, Offsets[I], Edit>::type...> edit_parts(std::index_sequence<I...>);

template<template<class...> class List, std::size_t Offset, class Edit, class... Elements>
using edited_list = decltype(edit_parts<List, Edit, entry_offsets<Elements...>(Offset), Elements...>(
    std::index_sequence_for<Elements...>{}));

// An element the edit enters: a layer is edited; a block is entered part by part (a merge's
// last entry is the merge, which is not a layer and cannot be edited); anything else is an
// error, so that a kind of block added later is never passed over in silence, nor replaced
// whole. Merges are recognised as the engine recognises them (merge_kind), so a merge of
// one's own is entered like add.
template<class E, std::size_t Offset, class Edit, bool = layer_kind<E>>
struct edit_node {
    using type = typename Edit::template apply<E, Offset>;
};

template<class E, std::size_t Offset, class Edit>
struct edit_node<E, Offset, Edit, false> {
    // An error here means an edit reached an element that is neither a layer nor a block it
    // knows how to enter (sequence, a merge, residual, auxiliary, upsample_back,
    // squeeze_excitation, identity, name, from, outputs, max_unpool).
    static_assert(always_false<E>, "netcount: an edit cannot enter this element: it is not a layer, sequence, "
                                   "merge, residual, auxiliary, upsample_back, squeeze_excitation, identity, "
                                   "name, from, outputs or max_unpool");
    using type = E;
};

template<class... Elements, std::size_t Offset, class Edit>
struct edit_node<netcount::sequence<Elements...>, Offset, Edit, false> {
    using type = edited_list<netcount::sequence, Offset, Edit, Elements...>;
};

template<template<class...> class Merge, std::size_t Offset, class Edit, class... Elements>
struct edit_merge {
    // An error here means the name given to replace or resize is a block's merge (add,
    // concat, multiply, residual, a merge of one's own), not a layer.
    static_assert(!Edit::targets(Offset + node<Merge<Elements...>>::entries - 1),
                  "netcount: replace and resize edit layers; this name is the merge of a block");
    using type = edited_list<Merge, Offset, Edit, Elements...>;
};

template<template<class...> class Merge, class... Elements, std::size_t Offset, class Edit>
requires merge_kind<Merge<Elements...>>
struct edit_node<Merge<Elements...>, Offset, Edit, false> : edit_merge<Merge, Offset, Edit, Elements...> {
};
template<class... Elements, std::size_t Offset, class Edit>
struct edit_node<netcount::residual<Elements...>, Offset, Edit, false>
    : edit_merge<netcount::residual, Offset, Edit, Elements...> {};

// An auxiliary head has no merge: every entry is one of its parts.
template<class... Elements, std::size_t Offset, class Edit>
struct edit_node<netcount::auxiliary<Elements...>, Offset, Edit, false> {
    using type = edited_list<netcount::auxiliary, Offset, Edit, Elements...>;
};

// An upsample_back is entered part by part; its last entry, the interpolation, is the block's
// own, not a layer.
template<class... Elements, std::size_t Offset, class Edit>
struct edit_node<netcount::upsample_back<Elements...>, Offset, Edit, false> {
    // An error here means the name given to replace or resize is an upsample_back's
    // interpolation, which the block makes itself.
    static_assert(!Edit::targets(Offset + node<netcount::upsample_back<Elements...>>::entries - 1),
                  "netcount: replace and resize edit layers; this name is the interpolation of an upsample_back "
                  "block");
    using type = edited_list<netcount::upsample_back, Offset, Edit, Elements...>;
};

// A squeeze_excitation is entered as the layers it stands for, then written back as one, its
// counts taken from the edited fc1 and fc2. An edit that leaves another shape (fc1 replaced by
// a 3 x 3 conv, the pool by another) cannot be written as a squeeze_excitation: an error, not
// a guess.
template<class... Parts>
struct excitation_parts {};

template<class Original, class Edited>
struct excitation_rebuilt {
    // An error here means an edit changed a squeeze_excitation's layers into what its
    // parameters cannot express.
    static_assert(always_false<Original>,
                  "netcount: an edit of a squeeze_excitation may resize fc1 and fc2 and replace its activation "
                  "and gate, nothing else");
    using type = Original;
};
template<class Original, std::size_t Channels, std::size_t Squeeze, class Activation, class Gate>
struct excitation_rebuilt<Original, excitation_parts<global_avg_pool, conv<Squeeze, kernel<1>, name<"fc1">>, Activation,
                                                     conv<Channels, kernel<1>, name<"fc2">>, Gate>> {
    using type = netcount::squeeze_excitation<Channels, Squeeze, Activation, Gate>;
};

template<std::size_t Channels, std::size_t Squeeze, class Activation, class Gate, std::size_t Offset, class Edit>
struct edit_node<netcount::squeeze_excitation<Channels, Squeeze, Activation, Gate>, Offset, Edit, false> {
    using original = netcount::squeeze_excitation<Channels, Squeeze, Activation, Gate>;
    // An error here means the name given to replace or resize is a block's merge, not a layer.
    static_assert(!Edit::targets(Offset + node<original>::entries - 1),
                  "netcount: replace and resize edit layers; this name is the merge of a block");
    using type = typename excitation_rebuilt<
        original, edited_list<excitation_parts, Offset, Edit, global_avg_pool, conv<Squeeze, kernel<1>, name<"fc1">>,
                              Activation, conv<Channels, kernel<1>, name<"fc2">>, Gate>>::type;
};

// A path that passes its input through, and a block's name: nothing to edit.
template<std::size_t Offset, class Edit>
struct edit_node<netcount::identity, Offset, Edit, false> {
    using type = netcount::identity;
};
template<fixed_string Name, std::size_t Offset, class Edit>
struct edit_node<netcount::name<Name>, Offset, Edit, false> {
    using type = netcount::name<Name>;
};
// from<"name"> and outputs<...> read by name: an edit of the layer named changes what they
// read, not them.
template<fixed_string Name, std::size_t Offset, class Edit>
struct edit_node<netcount::from<Name>, Offset, Edit, false> {
    using type = netcount::from<Name>;
};
template<fixed_string... Names, std::size_t Offset, class Edit>
struct edit_node<netcount::outputs<Names...>, Offset, Edit, false> {
    using type = netcount::outputs<Names...>;
};
// A max_unpool reads its pool by name too: an edit of the pool changes what it reads (a pool
// replaced by another kind is then rejected as no max_pool). Its entry is its own, not a layer.
template<fixed_string Pool, std::size_t Offset, class Edit>
struct edit_node<netcount::max_unpool<Pool>, Offset, Edit, false> {
    // An error here means the name given to replace or resize is a max_unpool's.
    static_assert(!Edit::targets(Offset), "netcount: replace and resize edit layers; this name is a max_unpool, which "
                                          "unpools by its pool's indices");
    using type = netcount::max_unpool<Pool>;
};

// A shared<...> definition is edited part by part, and every application with it: edits walk
// the network with its reuses resolved (edit_network below), and write each reuse back as the
// shared<"name"> it was, which applies the edited definition again. A reuse's layers are the
// definition's: an edit that names one of them is an error that says which to name.
// A rois<...> block is entered part by part after its RoIAlign (its first entry, the block's
// own).
template<std::size_t Count, std::size_t Height, std::size_t Width>
struct rois_of {
    template<class... Elements>
    using list = netcount::rois<Count, Height, Width, Elements...>;
};
template<std::size_t Count, std::size_t Height, std::size_t Width, class... Elements, std::size_t Offset, class Edit>
struct edit_node<netcount::rois<Count, Height, Width, Elements...>, Offset, Edit, false> {
    // An error here means the name given to replace or resize is a rois block's RoIAlign.
    static_assert(!Edit::targets(Offset), "netcount: replace and resize edit layers; this name is the RoIAlign of a "
                                          "rois<...> block, which the block makes itself");
    using type = edited_list<rois_of<Count, Height, Width>::template list, Offset + 1, Edit, Elements...>;
};

template<fixed_string Name>
struct shared_named {
    template<class... Elements>
    using list = netcount::shared<Name, Elements...>;
};
template<fixed_string Name, class... Elements, std::size_t Offset, class Edit>
struct edit_node<netcount::shared<Name, Elements...>, Offset, Edit, false> {
    using type = edited_list<shared_named<Name>::template list, Offset, Edit, Elements...>;
};

template<class Edit>
constexpr bool targets_any(std::size_t first, std::size_t count) noexcept {
    for (std::size_t i = first; i != first + count; ++i)
        if (Edit::targets(i)) return true;
    return false;
}

template<fixed_string Name, class... Elements, std::size_t Offset, class Edit>
struct edit_node<shared_use<Name, Elements...>, Offset, Edit, false> {
    // An error here means replace or resize named a layer of a shared<"name"> reuse, whose
    // layers are its definition's.
    static_assert(!targets_any<Edit>(Offset, node<shared_use<Name, Elements...>>::entries),
                  "netcount: replace and resize edit a shared<...> definition's layers, which every reuse applies: "
                  "name the layer in the definition (\"head/conv1\"), not in a reuse (\"head@2/conv1\")");
    using type = netcount::shared<Name>;
};
template<fixed_string Name, std::size_t Offset, class Edit>
struct edit_node<shared_unresolved<Name>, Offset, Edit, false> {
    using type = netcount::shared<Name>;
};
template<fixed_string Name, std::size_t Offset, class Edit>
struct edit_node<shared_recursive<Name>, Offset, Edit, false> {
    using type = netcount::shared<Name>;
};

template<class E, std::size_t Offset, class Edit, bool Enters>
struct edit_if_enters {
    using type = E;
};
template<class E, std::size_t Offset, class Edit>
struct edit_if_enters<E, Offset, Edit, true> : edit_node<E, Offset, Edit> {};

template<class E, std::size_t Offset, class Edit>
struct edit_element : edit_if_enters<E, Offset, Edit, Edit::enters(Offset, node<E>::entries)> {};

template<class Network, class Edit>
struct edit_network;

template<bool Shared, template<class...> class List, class Edit, class... Elements>
struct edit_resolved {
    using type = edited_list<List, 0, Edit, Elements...>;
};
template<template<class...> class List, class Edit, class... Elements>
struct edit_resolved<true, List, Edit, Elements...> {
    using registry = registry_list<std::index_sequence_for<Elements...>, Elements...>;
    using type = typename unresolved<edited_list<List, 0, Edit, typename resolved<registry, Elements>::type...>>::type;
};

template<class Input, class... Elements, class Edit>
struct edit_network<network<Input, Elements...>, Edit> {
    template<class... Parts>
    using with_input = network<Input, Parts...>;
    using type = typename edit_resolved<facts_of<Elements...>.shares != 0, with_input, Edit, Elements...>::type;
};

// A network of named inputs: the inputs, then the elements after them edited.
template<class Split, class Edit>
struct edit_after_inputs;
template<class... Inputs, class... Elements, class Edit>
struct edit_after_inputs<split_inputs<input_list<Inputs...>, Elements...>, Edit> {
    template<class... Parts>
    using with_inputs = network<Inputs..., Parts...>;
    using type = typename edit_resolved<facts_of<Elements...>.shares != 0, with_inputs, Edit, Elements...>::type;
};
template<std::size_t H, std::size_t W, std::size_t C, fixed_string Name, class... Elements, class Edit>
struct edit_network<network<input<H, W, C, netcount::name<Name>>, Elements...>, Edit>
    : edit_after_inputs<typename split_inputs<input_list<input<H, W, C, netcount::name<Name>>>, Elements...>::self,
                        Edit> {};

// An edit of the one layer at entry Target.
template<std::size_t Target, class Change>
struct at_entry {
    static constexpr bool enters(std::size_t first, std::size_t count) noexcept {
        return first <= Target && Target < first + count;
    }
    static constexpr bool targets(std::size_t index) noexcept { return index == Target; }
    template<class Layer, std::size_t>
    using apply = typename Change::template apply<Layer>;
};

// The index of the layer called Name in layers<Net>; an unknown or repeated name fails as
// layer<Net, Name> does.
template<class Net, fixed_string Name>
constexpr std::size_t index_of() noexcept {
    return static_cast<std::size_t>(&find_layer<Net, Name>() - layers<Net>.data());
}

template<class Net, fixed_string Name, class Change>
using edit = typename edit_network<network_of<Net>, at_entry<index_of<Net, Name>(), Change>>::type;

template<class Layer>
struct replace_with {
    template<class Old>
    using apply = Layer;
};

// The same layer with another count of filters or outputs. `resizable` says whether the layer
// has such a count, without an error either way, so that a search can ask before it resizes
// (search.hpp); resize itself rejects a layer that has none (not_resizable).
template<class Layer, std::size_t N>
struct resized {
    static constexpr bool resizable = false;
    using type = Layer;
};
template<std::size_t F, class... Options, std::size_t N>
struct resized<conv<F, Options...>, N> {
    static constexpr bool resizable = true;
    using type = conv<N, Options...>;
};
template<std::size_t F, class... Options, std::size_t N>
struct resized<transposed_conv<F, Options...>, N> {
    static constexpr bool resizable = true;
    using type = transposed_conv<N, Options...>;
};
template<std::size_t F, class... Options, std::size_t N>
struct resized<fc<F, Options...>, N> {
    static constexpr bool resizable = true;
    using type = fc<N, Options...>;
};
template<std::size_t F, class... Options, std::size_t N>
struct resized<linear<F, Options...>, N> {
    static constexpr bool resizable = true;
    using type = linear<N, Options...>;
};

template<class Layer>
struct not_resizable {
    // An error here means resize named a layer that has no count of filters or outputs.
    static_assert(always_false<Layer>, "netcount: resize changes a conv, transposed_conv, fc or linear layer");
    using type = Layer;
};

template<std::size_t N>
struct resize_to {
    template<class Old>
    using apply = typename std::conditional_t<resized<Old, N>::resizable, resized<Old, N>, not_resizable<Old>>::type;
};

} // namespace detail

// replace<Net, "name", Layer>: Net with the layer of that name replaced by Layer. Give Layer the
// name<...> it should have: without one it is named after its kind and ordinal.
template<class Net, fixed_string Name, class Layer>
using replace = detail::edit<Net, Name, detail::replace_with<Layer>>;

// resize<Net, "name", N>: Net with that conv or transposed_conv given N filters, or that fc N
// outputs; its other options, name included, are kept.
template<class Net, fixed_string Name, std::size_t N>
using resize = detail::edit<Net, Name, detail::resize_to<N>>;

} // namespace netcount

NETCOUNT_DIAGNOSTICS_POP

#endif
