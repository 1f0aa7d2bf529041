#ifndef NETCOUNT_DETAIL_SHARED_HPP
#define NETCOUNT_DETAIL_SHARED_HPP

#include <netcount/detail/config.hpp> // NETCOUNT_DIAGNOSTICS_PUSH, _POP

#include <cstddef>
#include <type_traits>
#include <utility>

#include <netcount/fixed_string.hpp>

// shared<"head", Elements...> and its reuses shared<"head"> (the block is documented, and its
// nodes defined, in block.hpp): the type-level half. A reuse names its definition, which may be
// anywhere in the network, so before a network with shared<> is counted each reuse is resolved
// to shared_use<"head", Elements...>, the definition's elements, and the engine then emits them
// like any block's. A network without shared<> is not rewritten (network_traits, analysis.hpp).

NETCOUNT_DIAGNOSTICS_PUSH
namespace netcount {

template<fixed_string Name, class... Elements>
struct shared {};

// A block whose elements follow values, not only types (block.hpp defines it): its elements
// are looked through as any block's.
template<std::size_t Count, std::size_t Height, std::size_t Width, class... Elements>
struct rois;

namespace detail {

// A reuse, resolved: the definition's elements, applied again.
template<fixed_string Name, class... Elements>
struct shared_use {};

// A reuse of a name that has no definition, or more than one: the structure pass reports it.
template<fixed_string Name>
struct shared_unresolved {};

// The registry of a network's definitions is a class that derives, through its elements'
// registries, from shared_definition<Name, Definition> for each definition in it, so that one
// overload resolution finds a name's definition. Elements are told apart by their position
// and by the list that holds them (registry_at), so that two equal layers of one block are not
// one base, and a direct base of a list is never also one of its indirect bases: with the
// position alone, a batch_norm third in a block and third in a block inside it would be both,
// which g++ and clang++ warn about (-Winaccessible-base) in any network that reuses a name.
template<fixed_string Name, class Definition>
struct shared_definition {};

template<class Element>
struct registry_of {};

template<std::size_t I, class Element, class List>
struct registry_at : registry_of<Element> {};

template<class Indices, class... Elements>
struct registry_list {};
template<std::size_t... I, class... Elements>
struct registry_list<std::index_sequence<I...>, Elements...>
    : registry_at<I, Elements, registry_list<std::index_sequence<I...>, Elements...>>... {};

// Every block is a class template of elements (sequence, the merges, residual, auxiliary,
// upsample_back); a layer kind that is one (max_pool<kernel<3>>) has no definition in it.
template<template<class...> class Block, class... Elements>
struct registry_of<Block<Elements...>> : registry_list<std::index_sequence_for<Elements...>, Elements...> {};

template<std::size_t Count, std::size_t Height, std::size_t Width, class... Elements>
struct registry_of<rois<Count, Height, Width, Elements...>>
    : registry_list<std::index_sequence_for<Elements...>, Elements...> {};

template<fixed_string Name, class... Elements>
struct registry_of<shared<Name, Elements...>> : shared_definition<Name, shared<Name, Elements...>>,
                                                registry_list<std::index_sequence_for<Elements...>, Elements...> {};

template<fixed_string Name>
struct registry_of<shared<Name>> {};

// The definition of Name: found when exactly one base of the registry is one. None, or two
// (different ones fail deduction, equal ones make the conversion ambiguous), is
// shared_unresolved, which the structure pass reports (a name defined twice, it says so).
template<fixed_string Name, class... Elements>
shared_use<Name, Elements...> use_of(const shared_definition<Name, shared<Name, Elements...>>*);

template<class Registry, fixed_string Name>
struct definition_of {
    using type = shared_unresolved<Name>;
};
template<class Registry, fixed_string Name>
requires requires(const Registry* r) { use_of<Name>(r); }
struct definition_of<Registry, Name> {
    using type = decltype(use_of<Name>(static_cast<const Registry*>(nullptr)));
};

// A reuse inside its own definition, directly or through other reuses: never resolved (its
// elements would hold it again), the structure pass reports it.
template<fixed_string Name>
struct shared_recursive {};

template<fixed_string Name, fixed_string... Open>
inline constexpr bool is_open = ((Name.view() == Open.view()) || ...);

// resolved<Registry, Element, Open...>: the element with every reuse in it resolved; Open are
// the definitions being resolved around it.
template<class Registry, class Element, fixed_string... Open>
struct resolved {
    using type = Element;
};
template<class Registry, template<class...> class Block, class... Elements, fixed_string... Open>
struct resolved<Registry, Block<Elements...>, Open...> {
    using type = Block<typename resolved<Registry, Elements, Open...>::type...>;
};
template<class Registry, std::size_t Count, std::size_t Height, std::size_t Width, class... Elements,
         fixed_string... Open>
struct resolved<Registry, rois<Count, Height, Width, Elements...>, Open...> {
    using type = rois<Count, Height, Width, typename resolved<Registry, Elements, Open...>::type...>;
};
template<class Registry, fixed_string Name, class... Elements, fixed_string... Open>
struct resolved<Registry, shared<Name, Elements...>, Open...> {
    using type = shared<Name, typename resolved<Registry, Elements, Name, Open...>::type...>;
};
template<class Registry, class Use, fixed_string... Open>
struct resolved_use {
    using type = Use; // shared_unresolved
};
template<class Registry, fixed_string Name, class... Elements, fixed_string... Open>
struct resolved_use<Registry, shared_use<Name, Elements...>, Open...> {
    using type = shared_use<Name, typename resolved<Registry, Elements, Name, Open...>::type...>;
};
template<class Registry, fixed_string Name, fixed_string... Open>
struct resolved<Registry, shared<Name>, Open...> {
    using type = typename std::conditional_t<
        is_open<Name, Open...>, std::type_identity<shared_recursive<Name>>,
        resolved_use<Registry, typename definition_of<Registry, Name>::type, Open...>>::type;
};

// unresolved<Element>: the inverse, for what an edit writes back: every resolved reuse is the
// shared<"name"> it was, which applies its (perhaps edited) definition again.
template<class Element>
struct unresolved {
    using type = Element;
};
template<template<class...> class Block, class... Elements>
struct unresolved<Block<Elements...>> {
    using type = Block<typename unresolved<Elements>::type...>;
};
template<std::size_t Count, std::size_t Height, std::size_t Width, class... Elements>
struct unresolved<rois<Count, Height, Width, Elements...>> {
    using type = rois<Count, Height, Width, typename unresolved<Elements>::type...>;
};
template<fixed_string Name, class... Elements>
struct unresolved<shared<Name, Elements...>> {
    using type = shared<Name, typename unresolved<Elements>::type...>;
};
template<fixed_string Name, class... Elements>
struct unresolved<shared_use<Name, Elements...>> {
    using type = shared<Name>;
};
template<fixed_string Name>
struct unresolved<shared_unresolved<Name>> {
    using type = shared<Name>;
};
template<fixed_string Name>
struct unresolved<shared_recursive<Name>> {
    using type = shared<Name>;
};

} // namespace detail

} // namespace netcount

NETCOUNT_DIAGNOSTICS_POP

#endif
