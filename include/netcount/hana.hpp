#ifndef NETCOUNT_HANA_HPP
#define NETCOUNT_HANA_HPP

#include <netcount/detail/config.hpp> // first: below C++20, its error comes first

// A network as a Boost.Hana sequence of types, so that architecture edits read like value
// code:
//
//   namespace hana = boost::hana;
//   constexpr auto parts = netcount::element_types<netcount::zoo::alexnet>;
//   constexpr auto lean = hana::remove_if(parts, hana::equal.to(hana::type_c<netcount::dropout>));
//   using alexnet_lean = netcount::network_with<netcount::zoo::alexnet, decltype(lean)>;
//
// Opt-in: <netcount/netcount.hpp> does not include Hana, whose headers cost more to compile
// than the counting itself for most networks.

#include <boost/hana/basic_tuple.hpp>
#include <boost/hana/type.hpp>
#include <boost/hana/unpack.hpp>

#include <netcount/network.hpp>

NETCOUNT_DIAGNOSTICS_PUSH
namespace netcount {

namespace detail {

template<class Input, class... Elements>
constexpr auto element_types_of(const network<Input, Elements...>*) noexcept {
    return boost::hana::make_basic_tuple(boost::hana::type_c<Elements>...);
}

template<class Input, class... Elements>
Input input_of(const network<Input, Elements...>*);

template<class Input>
struct network_builder {
    template<class... Types>
    constexpr auto operator()(Types...) const noexcept {
        return boost::hana::type_c<network<Input, typename Types::type...>>;
    }
};

} // namespace detail

// element_types<Net>: the elements of Net after its input, as a Hana sequence of
// hana::type<Element>, in order. Blocks stay whole: their parts are inside their types.
template<class Net>
inline constexpr auto element_types = detail::element_types_of(static_cast<const network_of<Net>*>(nullptr));

// input_of<Net>: the input<H, W, C> of Net.
template<class Net>
using input_of = decltype(detail::input_of(static_cast<const network_of<Net>*>(nullptr)));

// network_with<Net, Types>: a network with Net's input and the elements of Types, a Hana
// sequence of hana::type<Element> (as element_types gives and Hana's algorithms return).
template<class Net, class Types>
using network_with = typename decltype(boost::hana::unpack(Types{}, detail::network_builder<input_of<Net>>{}))::type;

} // namespace netcount

NETCOUNT_DIAGNOSTICS_POP

#endif
