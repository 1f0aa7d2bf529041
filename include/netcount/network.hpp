#ifndef NETCOUNT_NETWORK_HPP
#define NETCOUNT_NETWORK_HPP

#include <netcount/detail/config.hpp> // first: below C++20, its error comes first

#include <cstddef>
#include <string_view>
#include <type_traits>

#include <netcount/error.hpp>
#include <netcount/options.hpp>
#include <netcount/shape.hpp>

NETCOUNT_DIAGNOSTICS_PUSH
namespace netcount {

namespace detail {
// Instantiated for an input with a zero dimension; the input is then read as if each zero were
// 1, so that this is the only error.
template<std::size_t Height, std::size_t Width, std::size_t Channels>
struct input_without_pixels {
    static_assert(Height > 0 && Width > 0 && Channels > 0, "netcount: input dimensions must be positive");
    static constexpr bool reported = true; // see verdict in error.hpp
};
} // namespace detail

namespace detail {
// The name an input is given (input<H, W, C, name<"image">>), empty for none.
template<class... Options>
struct input_name_of {
    static constexpr std::string_view value{};
    static constexpr bool valid = sizeof...(Options) == 0;
};
template<fixed_string Name>
struct input_name_of<netcount::name<Name>> {
    static constexpr std::string_view value = netcount::name<Name>::value;
    static constexpr bool valid = true;
};

// Instantiated for an input whose options are anything but one name<"...">.
template<class Input>
struct input_option_not_a_name {
    static_assert(always_false<Input>, "netcount: input<Height, Width, Channels, Options...> takes at most one "
                                       "option, its name<\"...\">");
    static constexpr bool reported = true; // see verdict in error.hpp
};
} // namespace detail

// input<Height, Width, Channels>: the first element of every network. A network of several
// inputs starts with all of them, each named: input<H, W, C, name<"image">>, input<...,
// name<"mask">>, ...; the layers after them read the last, and from<"image"> reads any.
template<std::size_t Height, std::size_t Width, std::size_t Channels, class... Options>
struct input {
    static_assert(detail::verdict < Height != 0 && Width != 0 && Channels != 0, detail::input_without_pixels < Height,
                  Width, Channels >> ::reported);
    static_assert(
        detail::verdict<detail::input_name_of<Options...>::valid, detail::input_option_not_a_name<input>>::reported);
    static constexpr shape value{Height == 0 ? 1 : Height, Width == 0 ? 1 : Width, Channels == 0 ? 1 : Channels};
    // The name from<"..."> reads it by; empty for an unnamed input.
    static constexpr std::string_view given = detail::input_name_of<Options...>::value;
};

namespace detail {
// Every network<...> derives from it, so that a type derived from several can be told from a
// type that is no network at all.
struct network_tag {};
} // namespace detail

template<class... Elements>
struct network : detail::network_tag {};

namespace detail {

template<class T>
struct is_input_impl {
    static constexpr bool value = false, valid = false;
};
template<std::size_t H, std::size_t W, std::size_t C, class... Options>
struct is_input_impl<input<H, W, C, Options...>> {
    static constexpr bool value = true, valid = H != 0 && W != 0 && C != 0;
};

template<class T>
inline constexpr bool is_input = is_input_impl<T>::value;

// An input<...> with no zero dimension.
template<class T>
inline constexpr bool is_valid_input = is_input_impl<T>::valid;

// The inputs a network starts with, split from the elements after them: recursion over the
// inputs (a handful), not over the layers.
template<class... Inputs>
struct input_list {};

template<class Inputs, class... Rest>
struct split_inputs {
    using self = split_inputs; // the last of the chain below
    using inputs = Inputs;
    template<template<class...> class List>
    using rest = List<Rest...>;
};
template<class... Inputs, class Next, class... Rest>
requires is_input<Next>
struct split_inputs<input_list<Inputs...>, Next, Rest...> : split_inputs<input_list<Inputs..., Next>, Rest...> {
};

// Finds the network<...> a type is or derives from; void when there is none. Deduction finds
// none either when there are several (each a different base), or when the only one is not a
// public base.
template<class... Elements>
network<Elements...> network_base(const network<Elements...>*);
void network_base(const void*);

template<class T>
concept has_network_base = requires(const T* p) {
    network_base(p);
};

template<class T>
constexpr auto find_network() noexcept {
    if constexpr (has_network_base<T>)
        return std::type_identity<decltype(network_base(static_cast<const T*>(nullptr)))>{};
    else
        return std::type_identity<void>{}; // a function type
}

// Instantiated for a type that derives from network<...> more than once, or from one not
// publicly: no network is the one to count. It then counts as an empty network, so that this
// is the only error.
template<class T>
struct several_networks {
    static_assert(always_false<T>, "netcount: this type derives from more than one network<...> (or from one not "
                                   "publicly): a network type derives publicly from exactly one");
    static constexpr bool reported = true;
};

template<class T, class Found = typename decltype(find_network<T>())::type>
struct network_of_impl {
    using type = Found;
};

template<class T>
struct network_of_impl<T, void> {
    static constexpr bool derives = [] {
        if constexpr (requires { sizeof(T); })
            return std::is_base_of_v<network_tag, T>; // complete
        else
            return false;
    }();
    static_assert(verdict<!derives, several_networks<T>>::reported);
    using type = std::conditional_t<derives, network<input<1, 1, 1>>, void>;
};

} // namespace detail

// network_of<Net>: the network<...> that Net is or derives from (void if none). A network is
// a type, and const, volatile or a reference do not change it: weights<const my_net&> is
// weights<my_net>, so that decltype of a network object works too.
template<class Net>
using network_of = typename detail::network_of_impl<std::remove_cvref_t<Net>>::type;

namespace detail {
using netcount::network_of;
} // namespace detail

} // namespace netcount

NETCOUNT_DIAGNOSTICS_POP

#endif
