// Compares a network's layers with weights (conv and fc) with the reference layers measured
// with PyTorch, in order: output shape, units, weights, bias and multiply-accumulates.
//
// A reference model is any of the generated models: reference::<name> (reference_counts.hpp,
// included here) or reference_zoo::<name> (reference_zoo.hpp, the zoo's). Both generated
// headers give their models the same members, so the checks are templates on the model type.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

#include <netcount/netcount.hpp>

#include "reference_counts.hpp"

namespace reference {

inline constexpr std::size_t all_match = static_cast<std::size_t>(-1);

// The index (among layers with weights) of the first layer that differs from the reference,
// reference layer count if netcount has a different number of such layers, or all_match.
template<class Net, class Model>
constexpr std::size_t first_mismatch(const Model& ref) noexcept {
    const std::size_t n = ref.layers.size();
    std::size_t k = 0;
    for (const netcount::layer_info& l : netcount::layers<Net>) {
        if (l.weights == 0) continue;
        if (k == n) return n;
        const auto& r = ref.layers[k];
        if (l.output != netcount::shape{r.height, r.width, r.channels} || l.units != r.units ||
            l.weights != r.weights || l.biases != r.bias || l.connections != r.macs)
            return k;
        ++k;
    }
    return k == n ? all_match : n;
}

// Totals: parameters, weights, biases, multiply-accumulates and units.
template<class Net, class Model>
constexpr bool totals_match(const Model& ref) noexcept {
    const netcount::counts& t = netcount::totals<Net>;
    return t.parameters == ref.params_total && t.weights == ref.weights_no_bias && t.biases == ref.bias &&
           t.connections == ref.macs && t.units == ref.units &&
           netcount::input_shape<Net> == netcount::shape{ref.height, ref.width, ref.channels};
}

// The memory schedule against the one tools/reference/schedule_twins.py applies to a torch.fx
// trace (a reference's <name>_peak and <name>_live): the peak, and the live elements at every
// layer with weights, in order (each application of a shared<> definition is one). The index
// (among layers with weights) of the first that differs, live.size() if netcount has another
// number of them, or all_match.
template<class Net, std::size_t N>
constexpr std::size_t first_live_mismatch(const std::array<std::uint64_t, N>& live) noexcept {
    std::size_t k = 0;
    for (const netcount::layer_info& l : netcount::layers<Net>) {
        if (l.weights == 0) continue;
        if (k == N || l.live_activations != live[k]) return k == N ? N : k;
        ++k;
    }
    return k == N ? all_match : N;
}

template<class Net, std::size_t N>
constexpr bool schedule_matches(std::uint64_t peak, const std::array<std::uint64_t, N>& live) noexcept {
    return netcount::peak_activations<Net> == peak && first_live_mismatch<Net>(live) == all_match;
}

// One layer's figures, written out in a test: output shape, units, weights, biases and
// multiply-accumulates.
struct figures {
    netcount::shape output;
    std::uint64_t units, weights, biases, connections;
};

constexpr bool has_figures(const netcount::layer_info& l, const figures& f) noexcept {
    return l.output == f.output && l.units == f.units && l.weights == f.weights && l.biases == f.biases &&
           l.connections == f.connections;
}

} // namespace reference
