#ifndef NETCOUNT_FLOPS_HPP
#define NETCOUNT_FLOPS_HPP

#include <netcount/detail/config.hpp> // first: below C++20, its error comes first

#include <cstdint>

#include <netcount/counts.hpp>
#include <netcount/detail/checked.hpp>

// flops<Net>: floating-point operations of one forward pass of one input, two per connection
// (a multiply and an add). Tools disagree on the word: many report multiply-accumulates as
// "FLOPs" (docs/conventions.md); netcount calls those connections<Net> and keeps flops<Net>
// for the doubled figure.
//   static_assert(netcount::flops<my_net> == 2 * netcount::connections<my_net>);

namespace netcount {

namespace detail {

template<class Net>
constexpr std::uint64_t checked_flops() noexcept {
    constexpr bool overflow = connections<Net> > UINT64_MAX / 2;
    static_assert(!overflow, "netcount: a count overflows 64 bits");
    return 2 * connections<Net>;
}

} // namespace detail

// Bias additions, activation functions, pooling and normalisation are not counted: the
// figure is the multiply-accumulates of conv and fc layers, doubled.
template<class Net>
inline constexpr std::uint64_t flops = detail::checked_flops<Net>();

} // namespace netcount

#endif
