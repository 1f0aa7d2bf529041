#ifndef NETCOUNT_DETAIL_NODE_HPP
#define NETCOUNT_DETAIL_NODE_HPP

#include <netcount/detail/config.hpp> // NETCOUNT_DIAGNOSTICS_PUSH, _POP

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <type_traits>

#include <netcount/error.hpp>
#include <netcount/layer_kind.hpp>
#include <netcount/options.hpp>

// node<Element>: what one element of a network (a layer, a block, or an option of a block)
// contributes. Every node says how many entries of layers<Net> it adds, how many input
// references they hold, how many characters their generated names may take, and emits its
// entries into a builder. Two builders share this protocol (detail/analysis.hpp): one writes
// names and the layer graph, the other threads shapes and counts; a third follows the
// auxiliary heads for scale_width (kept_width_builder, scale.hpp).

NETCOUNT_DIAGNOSTICS_PUSH
namespace netcount::detail {

// One expression, no loop: the naming pass calls this for every generated name.
constexpr std::size_t decimal_digits(std::size_t n) noexcept {
    return n < 10           ? 1
           : n < 100        ? 2
           : n < 1000       ? 3
           : n < 10000      ? 4
           : n < 100000     ? 5
           : n < 1000000    ? 6
           : n < 10000000   ? 7
           : n < 100000000  ? 8
           : n < 1000000000 ? 9
                            : 9 + decimal_digits(n / 1000000000);
}

template<std::size_t K>
constexpr std::size_t sum(const std::array<std::size_t, K>& values) noexcept {
    std::size_t total = 0;
    for (const std::size_t v : values) total += v;
    return total;
}

// The length of a name made in a scope whose path is `prefix` characters long: either the
// given name or the stem followed by an ordinal of at most `digits` digits (and perhaps '_').
constexpr std::size_t name_length(std::size_t prefix, std::string_view stem, std::string_view given,
                                  std::size_t digits) noexcept {
    return (prefix == 0 ? 0 : prefix + 1) + (given.empty() ? stem.size() + 1 + digits : given.size());
}

// The characters a name needs in the name buffer: none for a name given at the top level,
// which is used in place.
constexpr std::size_t name_chars(std::size_t prefix, std::string_view stem, std::string_view given,
                                 std::size_t digits) noexcept {
    return prefix == 0 && !given.empty() ? 0 : name_length(prefix, stem, given, digits);
}

// kind_id<L>: one address per kind text, shared by all the types of that kind (every conv<...>),
// so that the naming pass tells kinds apart by comparing pointers, not strings.
template<std::size_t N>
struct kind_text {
    char chars[N + 1]{};
    constexpr kind_text(std::string_view text) noexcept {
        for (std::size_t i = 0; i != N; ++i) chars[i] = text[i];
    }
};

// The deduction kind_tag<Text> relies on, spelled out (clang's -Wctad-maybe-unsupported).
template<std::size_t N>
kind_text(const kind_text<N>&) -> kind_text<N>;

template<kind_text Text>
inline constexpr char kind_tag = 0;

template<class L>
inline constexpr const char* kind_id = &kind_tag<kind_text<std::string_view(L::kind).size()>(L::kind)>;

template<class L>
inline constexpr std::string_view given_name_v = given_name<L>();

// A layer's kind and given name keep the rule of every name (error.hpp). A name<"..."> option
// checks itself where it is written; a kind defined outside the library is checked here, once
// per layer type, when the counting pass meets it (its `kind` is the stem of generated
// names, its `name` may be empty: no name given). rejected_name reports a bad one and the
// counting goes on, so the check is always true: one bad name, one error.
template<class L>
inline constexpr std::string_view kind_v = L::kind;

template<const std::string_view& Text>
using given_name_verdict =
    typename name_verdict_of<Text.empty() || name_problem_of(Text) == name_problem::none>::template type<Text>;

template<class L>
struct names_checked {
    static_assert(name_verdict<kind_v<L>>::reported);
    static_assert(given_name_verdict<given_name_v<L>>::reported);
};

// Read by the counting pass for every layer; names_checked is only instantiated for a bad name
// (sizeof, not a member: see verdict in error.hpp).
template<class L>
inline constexpr bool given_name_is_valid =
    sizeof(verdict<name_problem_of(kind_v<L>) == name_problem::none &&
                       (given_name_v<L>.empty() || name_problem_of(given_name_v<L>) == name_problem::none),
                   names_checked<L>>) != 0;

// A kind whose name comes from its options (conv, max_pool, fc, ...) has it checked by name<...>
// already, and a kind of the library's own: nothing to check again. (The check cost 35% of
// clang's time on a network of 1,500 named convs.)
template<class L>
requires std::is_same_v<std::remove_cv_t<decltype(L::options)>, layer_options>
inline constexpr bool given_name_is_valid<L> = true;

template<class L>
inline constexpr bool kind_ends_with_digit = [] {
    constexpr std::string_view kind = L::kind;
    return !kind.empty() && kind.back() >= '0' && kind.back() <= '9';
}();

// not_a_layer<T>: instantiated when an element of a network is neither a layer nor a block.
template<class T>
struct not_a_layer {
    static_assert(always_false<T>, "netcount: a network element must be a layer kind: a type with a static "
                                   "`kind` and a static `apply(shape)` returning netcount::layer_result");
    static constexpr bool reported = true; // see verdict in error.hpp
};

template<class L, bool = layer_kind<L>>
struct node {
    static constexpr bool is_option = false;
    static constexpr std::size_t entries = 1;
    static constexpr std::size_t edges = 1;
    static constexpr std::size_t names = 1;   // names made, of entries and of scopes
    static constexpr std::size_t taps = 0;    // from<...> elements: tensors read by name (block.hpp)
    static constexpr std::size_t outputs = 0; // names in an outputs<...> (block.hpp)
    // shared<...> elements (definitions and reuses), definitions, and entries in definitions
    static constexpr std::size_t shares = 0, shared_defs = 0, shared_entries = 0;
    static constexpr std::size_t batched = 0; // rois<...> blocks (block.hpp)

    static constexpr std::size_t name_capacity(std::size_t prefix, std::size_t digits) noexcept {
        return name_chars(prefix, L::kind, given_name_v<L>, digits);
    }
};

template<class T>
struct node<T, false> {
    static_assert(verdict<layer_kind<T>, not_a_layer<T>>::reported);
    static constexpr bool is_option = false;
    static constexpr std::size_t entries = 0;
    static constexpr std::size_t edges = 0;
    static constexpr std::size_t names = 0;
    static constexpr std::size_t taps = 0;
    static constexpr std::size_t outputs = 0;
    static constexpr std::size_t shares = 0, shared_defs = 0, shared_entries = 0;
    static constexpr std::size_t batched = 0; // rois<...> blocks (block.hpp)
    static constexpr std::size_t name_capacity(std::size_t, std::size_t) noexcept { return 0; }
    template<class Builder>
    static constexpr void emit(Builder&) noexcept {}
};

// The pack expansions over elements live in function templates whose only parameters are the
// elements (and a builder type): on g++, an expansion that names a member of a class templated
// on the whole list re-substitutes the list for every element, which made a 2,000-layer
// network cost 2.5 GB.
//
// On clang, an expansion that names a variable per element is quadratic too: each reference
// to a constant variable joins a list of possible odr-uses that every lvalue-to-rvalue
// conversion in the same full-expression searches and erases from. So the expansions below
// name functions: facts<E>() is a call, &Builder::visit<E> an address.
struct element_facts {
    std::size_t entries, edges, names, taps, outputs, shares, shared_defs, shared_entries, batched;
};

// One object per element type, and the expansion below makes an array of pointers to them:
// on g++ every scalar of a constexpr array costs memory, and an element_facts has nine, so an
// array of them made a 10,000-layer chain's totals cost 12 MB more than these pointers
// (measured: 171 against 159 MB, /usr/bin/time -v, with four fields).
template<class Element>
inline constexpr element_facts element_facts_of{.entries = node<Element>::entries,
                                                .edges = node<Element>::edges,
                                                .names = node<Element>::names,
                                                .taps = node<Element>::taps,
                                                .outputs = node<Element>::outputs,
                                                .shares = node<Element>::shares,
                                                .shared_defs = node<Element>::shared_defs,
                                                .shared_entries = node<Element>::shared_entries,
                                                .batched = node<Element>::batched};

template<class Element>
constexpr const element_facts* facts() noexcept {
    return &element_facts_of<Element>;
}

template<class... Elements>
constexpr element_facts total_facts() noexcept {
    element_facts total{.entries = 0,
                        .edges = 0,
                        .names = 0,
                        .taps = 0,
                        .outputs = 0,
                        .shares = 0,
                        .shared_defs = 0,
                        .shared_entries = 0,
                        .batched = 0};
    for (const element_facts* f : std::array<const element_facts*, sizeof...(Elements)>{facts<Elements>()...}) {
        total.entries += f->entries;
        total.edges += f->edges;
        total.names += f->names;
        total.taps += f->taps;
        total.outputs += f->outputs;
        total.shares += f->shares;
        total.shared_defs += f->shared_defs;
        total.shared_entries += f->shared_entries;
        total.batched += f->batched;
    }
    return total;
}

template<class... Elements>
constexpr std::size_t name_capacity([[maybe_unused]] std::size_t prefix, [[maybe_unused]] std::size_t digits) noexcept {
    return sum(std::array<std::size_t, sizeof...(Elements)>{node<Elements>::name_capacity(prefix, digits)...});
}

template<class... Elements>
constexpr std::size_t option_count() noexcept {
    return sum(std::array<std::size_t, sizeof...(Elements)>{(node<Elements>::is_option ? 1u : 0u)...});
}

// The emit functions of elements, in order: a layer is handled by the builder itself (one call
// per layer in the counting loop), a block by its node, through Builder::visit.
template<class Builder, class... Elements>
constexpr std::array<void (*)(Builder&) noexcept, sizeof...(Elements)> emitters() noexcept {
    return {&Builder::template visit<Elements>...};
}

// A builder that only walks the entries (scale.hpp's kept widths, rescheduled.hpp's memory
// roles) derives from this one: at every event of the protocol but a layer, a merge and an
// upsample_back's entry, which it defines itself, it does nothing.
struct passive_builder {
    struct scope_state {};
    static constexpr bool failed() noexcept { return false; }
    static constexpr scope_state open_scope(const char*, std::string_view, std::string_view) noexcept { return {}; }
    static constexpr scope_state open_merge(const char*, std::string_view, std::string_view, bool) noexcept {
        return {};
    }
    static constexpr void close_scope(const scope_state&) noexcept {}
    template<class R>
    static constexpr bool entry_name(bool) noexcept {
        return true;
    }
    static constexpr bool enter_auxiliary() noexcept { return true; }
    static constexpr void leave_auxiliary(bool) noexcept {}
    static constexpr void tap(std::string_view) noexcept {}
    static constexpr void end_outputs(std::size_t) noexcept {}
    static constexpr scope_state open_definition(const char*, std::string_view, std::size_t) noexcept { return {}; }
    static constexpr void close_definition(const scope_state&) noexcept {}
    static constexpr scope_state open_use(const char*, std::string_view) noexcept { return {}; }
    static constexpr void close_use(const scope_state&) noexcept {}
    static constexpr void shared_error(error, std::string_view) noexcept {}
    static constexpr std::uint64_t enter_batch(std::uint64_t) noexcept { return 1; }
    static constexpr void leave_batch(std::uint64_t) noexcept {}
};

// Emits elements one after the other, each reading what the one before produced.
template<class Builder, class... Elements>
constexpr void emit_chain(Builder& b) noexcept {
    for (const auto emit : emitters<Builder, Elements...>()) {
        emit(b);
        if (b.failed()) return;
    }
}

} // namespace netcount::detail

NETCOUNT_DIAGNOSTICS_POP

#endif
