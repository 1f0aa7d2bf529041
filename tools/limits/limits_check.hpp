// What tools/limits/limits.py's generated sources compare netcount's figures with: exact
// values worked out with Python's integers. One function per kind of fact, so that each
// generated static_assert is a single line whose message names the network and the entry.
#ifndef NETCOUNT_LIMITS_CHECK_HPP
#define NETCOUNT_LIMITS_CHECK_HPP

#include <cstddef>
#include <cstdint>

#include <netcount/flops.hpp>
#include <netcount/memory.hpp>
#include <netcount/netcount.hpp>

#include "../crosscheck/user_kinds.hpp" // the user's kinds the networks use (user::crop2d, ...)

namespace limits {

// An entry of layers<Net> as Python counts it; live_activations under docs/deploy.md's schedule.
struct entry {
    netcount::shape input, output;
    std::uint64_t units, weights, biases, parameters, connections, connections_with_bias, activations, live_activations;
};

constexpr bool same(const netcount::layer_info& l, const entry& e) noexcept {
    return l.input == e.input && l.output == e.output && l.units == e.units && l.weights == e.weights &&
           l.biases == e.biases && l.parameters == e.parameters && l.connections == e.connections &&
           l.connections_with_bias == e.connections_with_bias && l.activations == e.activations &&
           l.live_activations == e.live_activations;
}

// A receptive field along one axis, or `unfit` where it does not fit in its integers.
inline constexpr netcount::axis_field unfit{.size = 0, .jump = 0, .start = 0, .fits = false};

// netcount's verdict without a compile error: the code and the index of the entry where the
// summary stopped (error::none for a valid network). The real error is what the user sees;
// the script compiles a few rejected networks on their own to check its text too.
template<class Net>
constexpr bool rejects(netcount::error code, std::size_t index) noexcept {
    constexpr const auto& fail = netcount::detail::analyzed<Net>::totals.fail;
    return fail.code == code && fail.index == index;
}

// Whether the live activations of some entry of a valid network overflow 64 bits: then
// peak_activations<Net> (and memory<Net, ...>) is a compile error, and layers<Net> holds
// UINT64_MAX as live_activations from that entry on. Read without the error, like rejects().
template<class Net>
constexpr bool peak_overflows() noexcept {
    return netcount::detail::analyzed_layers<Net>::value.schedule.overflow;
}

// flops<Net> = 2 * connections, or a count overflow.
constexpr bool flops_are(std::uint64_t connections, bool overflow, std::uint64_t expected) noexcept {
    const auto r = netcount::detail::twice(connections);
    return r.overflow == overflow && (overflow || r.value == expected);
}

// memory<Net, Element, Batch> for an element of `bytes` bytes and a peak of `peak` elements
// (peak_activations<Net>), or a count overflow of one of its products.
constexpr bool memory_is(const netcount::counts& totals, const netcount::shape& input, std::uint64_t peak,
                         std::uint64_t bytes, std::uint64_t batch, bool overflow,
                         const netcount::memory_use& expected) noexcept {
    const auto r = netcount::detail::memory_of(totals, input, peak, bytes, batch);
    return r.overflow == overflow && (overflow || r.use == expected);
}

} // namespace limits

#endif
