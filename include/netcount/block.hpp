#ifndef NETCOUNT_BLOCK_HPP
#define NETCOUNT_BLOCK_HPP

#include <netcount/detail/config.hpp> // first: below C++20, its error comes first

#include <array>
#include <cstddef>
#include <string_view>
#include <type_traits>
#include <utility>

#include <netcount/detail/analysis.hpp>
#include <netcount/detail/node.hpp>
#include <netcount/detail/shared.hpp>
#include <netcount/layer_kind.hpp>
#include <netcount/merge.hpp>
#include <netcount/options.hpp>
#include <netcount/reshape.hpp>

// Blocks: networks that branch and merge.
//
//   sequence<Layers...>      layers one after the other, as a part of a bigger network
//   add<Paths...>            every path reads the block's input; their outputs are summed
//   concat<Paths...>         ... or stacked along the channels
//   multiply<Paths...>       ... or multiplied, broadcast as NumPy does (merge.hpp)
//   my_merge<Paths...>       ... or merged by a merge of one's own (merge_kind, layer_kind.hpp)
//   identity                 a path that passes its input through
//   residual<Layers...>      add<identity, sequence<Layers...>>
//   repeat<N, Element>       sequence<Element, ..., Element>, N times
//   auxiliary<Elements...>   a training-only side head: reads the tensor at its position, and
//                            its output goes nowhere (Inception v3's AuxLogits)
//   upsample_back<Elements...>  the elements, then their output interpolated back to the
//                            height and width of the tensor the block read (segmentation heads)
//   from<"name">             the output of an earlier entry or named block, read by its name in
//                            layers<Net>: a network is then any graph, not only branches that
//                            merge back (feature pyramids, U-Nets, YOLO necks)
//   max_unpool<"pool">       the tensor it reads unpooled to the size of the named max_pool's
//                            input, at the places that pool's indices say (ENet, SegNet)
//
// A path is any element: a layer, a block, identity. A name<"..."> among a block's elements
// names the block; its layers are then called "<block>/<layer>". Merges (add, concat,
// multiply, a merge of one's own) and residual are entries of layers<Net> themselves (their
// merge), named after the block ("add1", "residual2") unless given a name. An unnamed
// sequence adds no level to the names of its layers.

NETCOUNT_DIAGNOSTICS_PUSH
namespace netcount {

template<class... Elements>
struct sequence {};

template<class... Layers>
struct residual {};

struct identity {};

// auxiliary<Elements...>: a side head that only training runs (Inception v3's AuxLogits,
// GoogLeNet's aux1 and aux2). It reads the tensor at its position; the next element reads that
// same tensor, as if the head were not there. Its entries of layers<Net> are marked
// `auxiliary`; its parameters, weights and biases count in the totals (they are trained and
// stored), its units, connections and activations do not (inference does not run it: the
// figures torchvision publishes), and the memory schedule skips it. A scope like a named
// block: "auxiliary1/conv1", or "<name>/conv1" with a name<...> among its elements.
template<class... Elements>
struct auxiliary {};

// upsample_back<Elements...>: the elements one after the other, then their output interpolated
// to the height and width of the tensor the block read, its channels kept: torchvision's
//
//   size = x.shape[-2:]; x = ...(x); x = F.interpolate(x, size=size)
//
// (the end of a segmentation model, back to the input image's size; DeepLabv3's image pooling,
// back to the map's size). Unlike upsample_to<H, W>, whose size is fixed, it follows the size
// it reads: with_input<Net, H, W> of a segmentation model ends at H x W. The interpolation is
// an entry of kind "upsample_back" that reads the elements' output only (the tensor the block
// read is not kept alive for it: only its size is), counts nothing but its activations, and is
// named after the block if it has a name<...>, else "upsample_back1", ... in the enclosing
// scope; an unnamed upsample_back, like an unnamed sequence, adds no level to its parts' names.
template<class... Elements>
struct upsample_back {};

// from<"name">: the output of the entry of layers<Net> of that name, or of the named block of
// that name (a named sequence's last entry; a merge's block name is its merge entry's name).
// As an element of a sequence, the chain goes on from that tensor; as a path of a merge, the
// path reads it instead of the block's input:
//     concat<identity, from<"backbone/layer2">>    the current tensor and an earlier one
// It adds no entry: the next entry's input is the named one (its `inputs` in layers<Net>), so
// the receptive field and the memory schedule follow the graph (a tensor stays alive until its
// last reader). The name must denote exactly one entry or block of the whole network, computed
// before the from<> (not a block that encloses it), and not inside an auxiliary head unless
// the from<> is in one too (heads do not run in inference): else a compile error names it.
template<fixed_string Name>
struct from {};

// max_unpool<"pool">: PyTorch's MaxUnpool2d as ENet and SegNet use it,
//
//   x, indices = pool(y)   (MaxPool2d(..., return_indices=True))
//   ...
//   x = unpool(x, indices, output_size=y.shape[-2:])
//
// The pool is named as for from<> (its name in layers<Net>, or a named block's whose output it
// is). The output has the height and width of the pool's input and the channels of the tensor
// it reads, which must have the pool's output shape, as MaxUnpool2d takes an input of its
// indices' shape. One entry of kind "max_unpool" (named max_unpool1, ...), which counts nothing
// but its activations and lists two inputs in layers<Net>: the tensor it unpools and the pool
// (whose indices it reads), so the memory schedule keeps the pool's output alive until the
// unpool, as PyTorch keeps the indices (netcount holds the indices as the pool's output: a tensor
// of that shape). Receptive fields through it are upsample_to's. Rejected: a name from<> would
// reject (unknown, ambiguous, not computed yet, in an auxiliary head), a name that reads no
// max_pool, and a tensor of another shape than the pool's output.
template<fixed_string Pool>
struct max_unpool {};

// outputs<"p3", "p4", "p5">: the last element of a network, at its top level: those tensors,
// named as for from<>, are the network's outputs, in that order (output_shapes<Net>,
// counts.hpp). Every tensor the network computes is counted, whether an output reads it or
// not; no output is ever freed by the memory schedule.
template<fixed_string... Names>
struct outputs {};

// shared<"head", Elements...> (declared in detail/shared.hpp): Elements, applied here and
// defined under that name; a later shared<"head"> anywhere in the network (one name for the
// whole network, whatever blocks hold them) applies the same layers again to the tensor it
// reads, as a detection head runs on every pyramid level. Parameters, weights and biases count
// once, at the definition; units, connections, activations and FLOPs at every application.
// layers<Net> lists every application: the definition's entries are named in a scope "head",
// the n-th application's in "head@n" (n from 2), each entry's `reuse_of` the index of the
// definition's entry it applies again. A reuse whose input gives a layer other weights (other
// input channels) is a compile error naming the layer; so is a reuse with no definition before
// it, a name defined twice, and a definition that uses itself.

// roi_align<Height, Width>: RoIAlign of one region to Height x Width, its channels kept
// (torchvision.ops.RoIAlign, MultiScaleRoIAlign): the first entry of a rois<...> block. It
// counts nothing but its activations; every output sees the whole map it reads (where the region
// lies depends on the image), so its window is global.
template<std::size_t Height, std::size_t Width>
struct roi_align {
    static constexpr std::string_view kind = "roi_align";
    static constexpr layer_result apply(const shape& in) noexcept {
        return {.output = {Height, Width, in.channels},
                .window = {.height = {.kernel = in.height}, .width = {.kernel = in.width}, .global = true}};
    }
};

// rois<Count, Height, Width, Elements...>: a two-stage detector's heads (torchvision's box,
// mask and keypoint heads): RoIAlign of Count regions to Height x Width from the tensor it reads,
// then Elements on each region. Parameters, weights and biases count once; units, connections
// and activations Count times (each region runs), as the memory schedule's buffers are: the
// regions are one batch of Count * Height * Width * C elements, as torchvision runs them. Its
// entries (roi_align1, then Elements) keep the shapes of one region, their figures the batch's.
// A scope like a named block: "rois1/roi_align1", or "<name>/..." with a name<...>.
template<std::size_t Count, std::size_t Height, std::size_t Width, class... Elements>
struct rois {};

namespace detail {

template<class Element, std::size_t>
using same_element = Element;

template<class Element, std::size_t... I>
sequence<same_element<Element, I>...> repeated(std::index_sequence<I...>);

} // namespace detail

// repeat<N, Element>: N copies of an element one after the other, as the stages of a ResNet.
template<std::size_t N, class Element>
using repeat = decltype(detail::repeated<Element>(std::make_index_sequence<N>{}));

namespace detail {

template<class T>
inline constexpr bool is_name_option = false;
template<fixed_string Name>
inline constexpr bool is_name_option<name<Name>> = true;

template<class T>
constexpr std::string_view name_option() noexcept {
    if constexpr (is_name_option<T>)
        return T::value;
    else
        return {};
}

// The name a block is given among its elements, or "".
template<class... Elements>
constexpr std::string_view block_name() noexcept {
    std::string_view given{};
    for (const std::string_view n : std::array<std::string_view, sizeof...(Elements)>{name_option<Elements>()...})
        if (!n.empty()) given = n;
    return given;
}

// How many name<...> a block's elements hold: at most one. What a name may hold, name<...>
// checks itself.
template<class... Elements>
constexpr std::size_t block_names() noexcept {
    return (std::size_t{0} + ... + (is_name_option<Elements> ? 1 : 0));
}

// Instantiated when a block has more than one name<...>; the block then takes the last.
template<class... Elements>
struct block_named_twice {
    static_assert(always_false<block_named_twice>, "netcount: a block takes at most one name<...>");
    static constexpr bool reported = true; // see verdict in error.hpp
};

// Instantiated for a merge without a path; it then merges its input alone.
template<class... Elements>
struct merge_without_paths {
    static_assert(always_false<merge_without_paths>,
                  "netcount: add and concat need at least one path (so does every merge)");
    static constexpr bool reported = true;
};

// A block's name<...>: no entry, only a name.
template<fixed_string Name>
struct node<name<Name>, false> {
    static constexpr bool is_option = true;
    static constexpr std::size_t entries = 0, edges = 0, names = 0, taps = 0, outputs = 0, shares = 0, shared_defs = 0,
                                 shared_entries = 0, batched = 0;
    static constexpr std::size_t name_capacity(std::size_t, std::size_t) noexcept { return 0; }
    template<class Builder>
    static constexpr void emit(Builder&) noexcept {}
};

template<>
struct node<netcount::identity, false> {
    static constexpr bool is_option = false;
    static constexpr std::size_t entries = 0, edges = 0, names = 0, taps = 0, outputs = 0, shares = 0, shared_defs = 0,
                                 shared_entries = 0, batched = 0;
    static constexpr std::size_t name_capacity(std::size_t, std::size_t) noexcept { return 0; }
    template<class Builder>
    static constexpr void emit(Builder&) noexcept {}
};

// What sequence, add, concat and residual share: a name and a scope for their parts.
template<std::string_view const& Stem, class... Elements>
struct block_node {

    static_assert(verdict<block_names<Elements...>() <= 1, block_named_twice<Elements...>>::reported);
    static constexpr std::string_view given = block_name<Elements...>();
    static constexpr const char* stem_id = &kind_tag<kind_text<Stem.size()>(Stem)>;

    // Characters of the block's own name and of its parts' names, which start with it.
    static constexpr std::size_t scope_capacity(std::size_t prefix, std::size_t digits,
                                                std::string_view name = given) noexcept {
        return name_chars(prefix, Stem, name, digits) +
               name_capacity<Elements...>(name_length(prefix, Stem, name, digits), digits);
    }
};

inline constexpr std::string_view sequence_stem = "sequence";
inline constexpr std::string_view residual_stem = "residual";
inline constexpr std::string_view auxiliary_stem = "auxiliary";
inline constexpr std::string_view upsample_back_stem = upsample_back_rule::kind;

template<class... Elements>
struct node<netcount::sequence<Elements...>, false> : block_node<sequence_stem, Elements...> {
    using base = block_node<sequence_stem, Elements...>;
    static constexpr bool named = !base::given.empty();
    static constexpr bool is_option = false;
    // One fold over the parts for every count below: a function template per count made
    // the zoo's totals cost 6% more CPU and 5% more memory (g++, bench/compare.py).
    static constexpr element_facts part_facts = total_facts<Elements...>();
    static constexpr std::size_t entries = part_facts.entries;
    static constexpr std::size_t edges = part_facts.edges;
    static constexpr std::size_t names = (named ? 1 : 0) + part_facts.names;
    static constexpr std::size_t taps = part_facts.taps;
    static constexpr std::size_t outputs = part_facts.outputs;
    static constexpr std::size_t shares = part_facts.shares, shared_defs = part_facts.shared_defs,
                                 shared_entries = part_facts.shared_entries, batched = part_facts.batched;

    static constexpr std::size_t name_capacity(std::size_t prefix, std::size_t digits) noexcept {
        if (named) return base::scope_capacity(prefix, digits);
        return detail::name_capacity<Elements...>(prefix, digits);
    }

    template<class Builder>
    static constexpr void emit(Builder& b) noexcept {
        if constexpr (named) {
            const auto outer = b.open_scope(base::stem_id, sequence_stem, base::given);
            emit_chain<Builder, Elements...>(b);
            b.close_scope(outer);
        } else {
            emit_chain<Builder, Elements...>(b);
        }
    }
};

// A merge M (merge_kind) of paths: each path reads the block's input, then one entry of kind
// M::kind merges their outputs. Stem is the stem of the block's generated name: the merge's
// kind, or the block's (squeeze_excitation). A name<...> among the paths names the block, or
// else M's own `name`, if it has one.
template<class M, std::string_view const& Stem, class... Elements>
struct merge_node : block_node<Stem, Elements...> {
    using base = block_node<Stem, Elements...>;
    static constexpr std::size_t paths = sizeof...(Elements) - option_count<Elements...>();
    static_assert(verdict<paths >= 1, merge_without_paths<Elements...>>::reported);
    // A merge of one's own keeps the rule of names (error.hpp) in its kind and its name.
    static_assert(name_verdict<kind_v<M>>::reported);
    static_assert(given_name_verdict<given_name_v<M>>::reported);
    static constexpr std::string_view given = base::given.empty() ? given_name_v<M> : base::given;
    // A merge named after its kind is no level of the names when unnamed in an unnamed merge; a
    // block built on one (squeeze_excitation: fc1, fc2) keeps its scope, so that its parts'
    // names stay its own.
    static constexpr bool flattens = Stem == kind_v<M>;

    static constexpr bool is_option = false;
    static constexpr element_facts part_facts = total_facts<Elements...>();
    static constexpr std::size_t entries = part_facts.entries + 1;
    static constexpr std::size_t edges = part_facts.edges + (paths == 0 ? 1 : paths);
    static constexpr std::size_t names = 1 + part_facts.names;
    static constexpr std::size_t taps = part_facts.taps;
    static constexpr std::size_t outputs = part_facts.outputs;
    static constexpr std::size_t shares = part_facts.shares, shared_defs = part_facts.shared_defs,
                                 shared_entries = part_facts.shared_entries, batched = part_facts.batched;

    static constexpr std::size_t name_capacity(std::size_t prefix, std::size_t digits) noexcept {
        return base::scope_capacity(prefix, digits, given);
    }

    template<class Builder>
    static constexpr void emit(Builder& b) noexcept {
        using cursor = std::remove_cvref_t<decltype(b.cursor)>;
        constexpr std::array<bool, sizeof...(Elements)> option{node<Elements>::is_option...};
        const auto outer = b.open_merge(base::stem_id, Stem, given, flattens);
        const cursor in = b.cursor;
        // Without a path (rejected above) the merge reads the block's input, so that the
        // rejection is the only error.
        std::array<cursor, paths == 0 ? 1 : paths> outs{in};
        std::size_t k = 0;
        const auto parts = emitters<Builder, Elements...>();
        for (std::size_t i = 0; i != parts.size(); ++i) {
            if (option[i]) continue;
            b.cursor = in;
            parts[i](b);
            if (b.failed()) return;
            outs[k++] = b.cursor;
        }
        b.template merge<M>(outs.data(), outs.size());
        b.close_scope(outer);
    }
};

// Any merge: add, concat, multiply, or one's own. Recognised by what it is (a class template
// of types that models merge_kind), not by its name, so that a merge defined outside the
// library is a block like add.
template<template<class...> class M, class... Paths>
requires merge_kind<M<Paths...>>
struct node<M<Paths...>, false> : merge_node<M<Paths...>, kind_v<M<Paths...>>, Paths...> {
};

// residual<Layers...>: the layers, then their output added to the block's input.
template<class... Layers>
struct node<netcount::residual<Layers...>, false> : block_node<residual_stem, Layers...> {
    using base = block_node<residual_stem, Layers...>;
    static constexpr bool is_option = false;
    static constexpr element_facts part_facts = total_facts<Layers...>();
    static constexpr std::size_t entries = part_facts.entries + 1;
    static constexpr std::size_t edges = part_facts.edges + 2;
    static constexpr std::size_t names = 1 + part_facts.names;
    static constexpr std::size_t taps = part_facts.taps;
    static constexpr std::size_t outputs = part_facts.outputs;
    static constexpr std::size_t shares = part_facts.shares, shared_defs = part_facts.shared_defs,
                                 shared_entries = part_facts.shared_entries, batched = part_facts.batched;

    static constexpr std::size_t name_capacity(std::size_t prefix, std::size_t digits) noexcept {
        return base::scope_capacity(prefix, digits);
    }

    template<class Builder>
    static constexpr void emit(Builder& b) noexcept {
        using cursor = std::remove_cvref_t<decltype(b.cursor)>;
        const auto outer = b.open_merge(base::stem_id, residual_stem, base::given, true);
        const cursor in = b.cursor;
        emit_chain<Builder, Layers...>(b);
        if (b.failed()) return;
        const std::array<cursor, 2> outs{in, b.cursor};
        b.template merge<add_rule>(outs.data(), 2);
        b.close_scope(outer);
    }
};

// auxiliary<Elements...>: its elements in a scope of their own, from the tensor at its
// position; the builder marks what they emit as auxiliary, and the next element reads that
// tensor again.
template<class... Elements>
struct node<netcount::auxiliary<Elements...>, false> : block_node<auxiliary_stem, Elements...> {
    using base = block_node<auxiliary_stem, Elements...>;
    static constexpr bool is_option = false;
    static constexpr element_facts part_facts = total_facts<Elements...>();
    static constexpr std::size_t entries = part_facts.entries;
    static constexpr std::size_t edges = part_facts.edges;
    static constexpr std::size_t names = 1 + part_facts.names;
    static constexpr std::size_t taps = part_facts.taps;
    static constexpr std::size_t outputs = part_facts.outputs;
    static constexpr std::size_t shares = part_facts.shares, shared_defs = part_facts.shared_defs,
                                 shared_entries = part_facts.shared_entries, batched = part_facts.batched;

    static constexpr std::size_t name_capacity(std::size_t prefix, std::size_t digits) noexcept {
        return base::scope_capacity(prefix, digits);
    }

    template<class Builder>
    static constexpr void emit(Builder& b) noexcept {
        using cursor = std::remove_cvref_t<decltype(b.cursor)>;
        const auto outer = b.open_scope(base::stem_id, auxiliary_stem, base::given);
        const cursor in = b.cursor;
        const auto before = b.enter_auxiliary();
        emit_chain<Builder, Elements...>(b);
        if (b.failed()) return;
        b.leave_auxiliary(before);
        b.close_scope(outer); // while the cursor is the head's output: a named head's output
        b.cursor = in;
    }
};

// upsample_back<Elements...>: its elements, in a scope if it is named, then the interpolation,
// which the builder records from the elements' output and the size of the tensor read first.
template<class... Elements>
struct node<netcount::upsample_back<Elements...>, false> : block_node<upsample_back_stem, Elements...> {
    using base = block_node<upsample_back_stem, Elements...>;
    static constexpr bool named = !base::given.empty();
    static constexpr bool is_option = false;
    static constexpr element_facts part_facts = total_facts<Elements...>();
    static constexpr std::size_t entries = part_facts.entries + 1;
    static constexpr std::size_t edges = part_facts.edges + 1;
    static constexpr std::size_t names = 1 + part_facts.names; // its scope's, or its entry's
    static constexpr std::size_t taps = part_facts.taps;
    static constexpr std::size_t outputs = part_facts.outputs;
    static constexpr std::size_t shares = part_facts.shares, shared_defs = part_facts.shared_defs,
                                 shared_entries = part_facts.shared_entries, batched = part_facts.batched;

    static constexpr std::size_t name_capacity(std::size_t prefix, std::size_t digits) noexcept {
        if (named) return base::scope_capacity(prefix, digits);
        return name_chars(prefix, upsample_back_stem, {}, digits) + detail::name_capacity<Elements...>(prefix, digits);
    }

    // The parts, then the interpolation from their output to the size of `read`. Its entry is
    // named before the parts, so that it has the first ordinal of those in its scope, as a
    // merge does.
    template<class Builder, class Cursor>
    static constexpr void parts_then_back(Builder& b, const Cursor& read) noexcept {
        const auto label = b.template entry_name<upsample_back_rule>(named);
        emit_chain<Builder, Elements...>(b);
        if (b.failed()) return;
        b.template sized_like<upsample_back_rule>(read, label);
    }

    template<class Builder>
    static constexpr void emit(Builder& b) noexcept {
        const auto read = b.cursor;
        if constexpr (named) {
            const auto outer = b.open_scope(base::stem_id, upsample_back_stem, base::given);
            parts_then_back(b, read);
            b.close_scope(outer);
        } else {
            parts_then_back(b, read);
        }
    }
};

// from<"name">: no entry; the builder moves its cursor to the named tensor. Taps are counted
// (element_facts::taps) so that a network without one pays nothing for them.
template<fixed_string Name>
struct node<netcount::from<Name>, false> {
    static constexpr bool is_option = false;
    static constexpr std::size_t entries = 0, edges = 0, names = 0, taps = 1, outputs = 0, shares = 0, shared_defs = 0,
                                 shared_entries = 0, batched = 0;
    static constexpr std::size_t name_capacity(std::size_t, std::size_t) noexcept { return 0; }
    template<class Builder>
    static constexpr void emit(Builder& b) noexcept {
        b.tap(Name.view());
    }
};

// max_unpool's entry: the tensor it reads (`in`) unpooled to the pool's input's height and width.
// pool_input is {} when the name reads no max_pool.
struct max_unpool_rule {
    static constexpr std::string_view kind = "max_unpool";
    static constexpr layer_result apply(const shape& in, const shape& pool_input, const shape& pool_output) noexcept {
        if (pool_input == shape{}) return {.output = in, .status = error::unpool_reads_no_max_pool};
        if (in != pool_output) return {.output = in, .status = error::unpool_shape_mismatch};
        return apply_upsample_to(in, pool_input.height, pool_input.width);
    }
};

// max_unpool<"pool">: one entry, two taps of the pool's name (analysis.hpp).
template<fixed_string Pool>
struct node<netcount::max_unpool<Pool>, false> {
    static constexpr bool is_option = false;
    static constexpr std::size_t entries = 1, edges = 2, names = 1, taps = 2, outputs = 0, shares = 0, shared_defs = 0,
                                 shared_entries = 0, batched = 0;
    static constexpr std::size_t name_capacity(std::size_t prefix, std::size_t digits) noexcept {
        return name_chars(prefix, max_unpool_rule::kind, {}, digits);
    }
    template<class Builder>
    static constexpr void emit(Builder& b) noexcept {
        b.template unpool<max_unpool_rule>(Pool.view());
    }
};

inline constexpr std::string_view shared_stem = "shared";
inline constexpr std::string_view rois_stem = "rois";

// Instantiated for rois<0, ...>.
template<class Rois>
struct rois_without_regions {
    static_assert(always_false<Rois>, "netcount: rois<Count, Height, Width, ...> needs Count of at least 1");
    static constexpr bool reported = true; // see verdict in error.hpp
};

// rois<...>: a scope, its RoIAlign and elements counted as a batch of Count.
template<std::size_t Count, std::size_t Height, std::size_t Width, class... Elements>
struct node<netcount::rois<Count, Height, Width, Elements...>, false> : block_node<rois_stem, Elements...> {
    using base = block_node<rois_stem, Elements...>;
    static_assert(
        verdict<Count != 0, rois_without_regions<netcount::rois<Count, Height, Width, Elements...>>>::reported);
    static constexpr element_facts part_facts = total_facts<roi_align<Height, Width>, Elements...>();
    static constexpr bool is_option = false;
    static constexpr std::size_t entries = part_facts.entries, edges = part_facts.edges, names = 1 + part_facts.names,
                                 taps = part_facts.taps, outputs = part_facts.outputs, shares = part_facts.shares,
                                 shared_defs = part_facts.shared_defs, shared_entries = part_facts.shared_entries,
                                 batched = 1 + part_facts.batched;

    static constexpr std::size_t name_capacity(std::size_t prefix, std::size_t digits) noexcept {
        return name_chars(prefix, rois_stem, base::given, digits) +
               detail::name_capacity<roi_align<Height, Width>, Elements...>(
                   name_length(prefix, rois_stem, base::given, digits), digits);
    }

    template<class Builder>
    static constexpr void emit(Builder& b) noexcept {
        const auto outer = b.open_scope(base::stem_id, rois_stem, base::given);
        const auto before = b.enter_batch(Count);
        emit_chain<Builder, roi_align<Height, Width>, Elements...>(b);
        if (b.failed()) return;
        b.leave_batch(before);
        b.close_scope(outer);
    }
};

// A definition: its elements in a scope of its name; the builders record where it starts.
template<fixed_string Name, class... Elements>
struct node<netcount::shared<Name, Elements...>, false> {
    static constexpr std::string_view given = Name.view();
    static_assert(name_verdict<given>::reported);
    static constexpr const char* stem_id = &kind_tag<kind_text<shared_stem.size()>(shared_stem)>;
    static constexpr element_facts part_facts = total_facts<Elements...>();
    static constexpr bool is_option = false;
    static constexpr std::size_t entries = part_facts.entries, edges = part_facts.edges, names = 1 + part_facts.names,
                                 taps = part_facts.taps, outputs = part_facts.outputs, shares = 1 + part_facts.shares,
                                 shared_defs = 1 + part_facts.shared_defs,
                                 shared_entries = part_facts.entries + part_facts.shared_entries,
                                 batched = part_facts.batched;

    static constexpr std::size_t name_capacity(std::size_t prefix, std::size_t digits) noexcept {
        return name_chars(prefix, shared_stem, given, digits) +
               detail::name_capacity<Elements...>(name_length(prefix, shared_stem, given, digits), digits);
    }

    template<class Builder>
    static constexpr void emit(Builder& b) noexcept {
        const auto outer = b.open_definition(stem_id, given, entries);
        emit_chain<Builder, Elements...>(b);
        if (b.failed()) return;
        b.close_definition(outer);
    }
};

// A reuse, resolved (detail/shared.hpp): the definition's elements again, in a scope "<name>@n".
template<fixed_string Name, class... Elements>
struct node<shared_use<Name, Elements...>, false> {
    static constexpr std::string_view given = Name.view();
    static constexpr const char* stem_id = &kind_tag<kind_text<shared_stem.size()>(shared_stem)>;
    static constexpr element_facts part_facts = total_facts<Elements...>();
    static constexpr bool is_option = false;
    static constexpr std::size_t entries = part_facts.entries, edges = part_facts.edges, names = 1 + part_facts.names,
                                 taps = part_facts.taps, outputs = part_facts.outputs, shares = 1 + part_facts.shares,
                                 shared_defs = part_facts.shared_defs, shared_entries = part_facts.shared_entries,
                                 batched = part_facts.batched;

    // "<name>@<n>": as long as a generated name of stem <name> and one separator.
    static constexpr std::size_t name_capacity(std::size_t prefix, std::size_t digits) noexcept {
        return name_length(prefix, given, {}, digits) +
               detail::name_capacity<Elements...>(name_length(prefix, given, {}, digits), digits);
    }

    template<class Builder>
    static constexpr void emit(Builder& b) noexcept {
        const auto outer = b.open_use(stem_id, given);
        emit_chain<Builder, Elements...>(b);
        if (b.failed()) return;
        b.close_use(outer);
    }
};

// A reuse before resolution (never emitted: network_traits resolves it first), and the two
// that resolution leaves for the structure pass to report.
template<fixed_string Name>
struct node<netcount::shared<Name>, false> {
    static constexpr bool is_option = false;
    static constexpr std::size_t entries = 0, edges = 0, names = 0, taps = 0, outputs = 0, shares = 1, shared_defs = 0,
                                 shared_entries = 0, batched = 0;
    static constexpr std::size_t name_capacity(std::size_t, std::size_t) noexcept { return 0; }
    template<class Builder>
    static constexpr void emit(Builder& b) noexcept {
        b.shared_error(error::shared_unknown, Name.view());
    }
};
template<fixed_string Name>
struct node<shared_unresolved<Name>, false> : node<netcount::shared<Name>, false> {};
template<fixed_string Name>
struct node<shared_recursive<Name>, false> : node<netcount::shared<Name>, false> {
    template<class Builder>
    static constexpr void emit(Builder& b) noexcept {
        b.shared_error(error::shared_recursive, Name.view());
    }
};

// Instantiated for an outputs<> without a name.
template<class Outputs>
struct outputs_without_names {
    static_assert(always_false<Outputs>, "netcount: outputs<...> names at least one tensor");
    static constexpr bool reported = true; // see verdict in error.hpp
};

// outputs<Names...>: a tap per name, then the builder takes the last of them as the outputs.
template<fixed_string... Names>
struct node<netcount::outputs<Names...>, false> {
    static_assert(verdict<sizeof...(Names) != 0, outputs_without_names<netcount::outputs<Names...>>>::reported);
    static constexpr bool is_option = false;
    static constexpr std::size_t entries = 0, edges = 0, names = 0, taps = sizeof...(Names), outputs = sizeof...(Names),
                                 shares = 0, shared_defs = 0, shared_entries = 0, batched = 0;
    static constexpr std::size_t name_capacity(std::size_t, std::size_t) noexcept { return 0; }
    template<class Builder>
    static constexpr void emit(Builder& b) noexcept {
        (b.tap(Names.view()), ...);
        b.end_outputs(sizeof...(Names));
    }
};

} // namespace detail

} // namespace netcount

NETCOUNT_DIAGNOSTICS_POP

#endif
