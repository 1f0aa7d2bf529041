#ifndef NETCOUNT_NETWORK_HPP
#define NETCOUNT_NETWORK_HPP

#include <netcount/detail/config.hpp> // first: below C++20, its error comes first

#include <cstddef>

#include <netcount/shape.hpp>

namespace netcount {

// input<Height, Width, Channels>: the first element of every network.
template<std::size_t Height, std::size_t Width, std::size_t Channels>
struct input {
    static_assert(Height > 0 && Width > 0 && Channels > 0,
                  "netcount: input dimensions must be positive");
    static constexpr shape value{Height, Width, Channels};
};

// network<input<H, W, C>, Layers...>: an architecture as a type. A large network reads
// better in compile errors under a name of its own: struct my_net : network<...> {};
template<class... Elements>
struct network {};

namespace detail {

template<class T>
struct is_input_impl { static constexpr bool value = false; };
template<std::size_t H, std::size_t W, std::size_t C>
struct is_input_impl<input<H, W, C>> { static constexpr bool value = true; };

template<class T>
inline constexpr bool is_input = is_input_impl<T>::value;

// Finds the network<...> a type is or derives from; void when there is none.
template<class... Elements>
network<Elements...> network_base(const network<Elements...>*);
void network_base(const void*);

} // namespace detail

// network_of<Net>: the network<...> that Net is or derives from (void if none).
template<class Net>
using network_of = decltype(detail::network_base(static_cast<const Net*>(nullptr)));

namespace detail {
using netcount::network_of;
} // namespace detail

} // namespace netcount

#endif
