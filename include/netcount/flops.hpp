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

NETCOUNT_DIAGNOSTICS_PUSH
namespace netcount {

namespace detail {

struct flops_result {
    std::uint64_t value = 0;
    bool overflow = false;
};

constexpr flops_result twice(std::uint64_t connections) noexcept {
    flops_result r{};
    r.overflow = detail::mul_overflows(2, connections, &r.value);
    return r;
}

template<class Net>
constexpr std::uint64_t checked_flops() noexcept {
    constexpr flops_result r = twice(connections<Net>);
    static_assert(!r.overflow, "netcount: a count overflows 64 bits");
    return r.value;
}

} // namespace detail

// Bias additions, activation functions, pooling and normalisation are not counted: the
// figure is the multiply-accumulates of conv and fc layers, doubled.
template<class Net>
inline constexpr std::uint64_t flops = detail::checked_flops<Net>();

} // namespace netcount

NETCOUNT_DIAGNOSTICS_POP

#endif
