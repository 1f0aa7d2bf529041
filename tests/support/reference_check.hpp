// Compares a network's layers with weights (conv and fc) with the reference layers measured
// with PyTorch, in order: output shape, units, weights, bias and multiply-accumulates.
#pragma once

#include <cstddef>

#include <netcount/netcount.hpp>

#include "reference_counts.hpp"

namespace reference {

inline constexpr std::size_t all_match = static_cast<std::size_t>(-1);

// The index (among layers with weights) of the first layer that differs from the reference,
// reference layer count if netcount has a different number of such layers, or all_match.
template<class Net, std::size_t N>
constexpr std::size_t first_mismatch(const model<N>& ref) noexcept {
    std::size_t k = 0;
    for (const netcount::layer_info& l : netcount::layers<Net>) {
        if (l.weights == 0) continue;
        if (k == N) return N;
        const layer& r = ref.layers[k];
        if (l.output != netcount::shape{r.height, r.width, r.channels} || l.units != r.units ||
            l.weights != r.weights || l.biases != r.bias || l.connections != r.macs)
            return k;
        ++k;
    }
    return k == N ? all_match : N;
}

// Totals: parameters, weights, biases, multiply-accumulates and units.
template<class Net, std::size_t N>
constexpr bool totals_match(const model<N>& ref) noexcept {
    const netcount::counts& t = netcount::totals<Net>;
    return t.parameters == ref.params_total && t.weights == ref.weights_no_bias &&
           t.biases == ref.bias && t.connections == ref.macs && t.units == ref.units &&
           netcount::input_shape<Net> == netcount::shape{ref.height, ref.width, ref.channels};
}

} // namespace reference
