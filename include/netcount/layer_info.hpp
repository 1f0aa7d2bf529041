#ifndef NETCOUNT_LAYER_INFO_HPP
#define NETCOUNT_LAYER_INFO_HPP

#include <netcount/detail/config.hpp> // first: below C++20, its error comes first

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include <netcount/error.hpp>
#include <netcount/shape.hpp>

NETCOUNT_DIAGNOSTICS_PUSH
namespace netcount {

// How a sliding window meets one axis of its input. Layers without a window report a
// 1-wide, stride-1 window, so that receptive fields and formulas can treat all layers alike.
struct axis_window {
    std::uint64_t kernel = 1;
    std::uint64_t stride = 1;
    std::uint64_t dilation = 1;
    std::uint64_t pad_begin = 0;
    std::uint64_t pad_end = 0;

    friend constexpr bool operator==(const axis_window&, const axis_window&) = default;
};

struct layer_window {
    axis_window height{};
    axis_window width{};
    std::uint64_t groups = 1;
    bool global = false;     // every output sees the whole input (fc, global pooling)
    bool transposed = false; // the window runs over the output (transposed_conv)

    friend constexpr bool operator==(const layer_window&, const layer_window&) = default;
};

// The part of the network's input that one output position of a layer sees, along one axis:
// output position i sees input positions [start + i * jump, start + i * jump + size). A start
// below zero reaches into padding; -start is the effective padding.
//
// A field can outgrow its integers where the counts do not: 64 stride-2 layers make the jump
// 2^64 even on a 1 x 1 input. Such a field is not rounded or cut: `fits` is false, and size,
// jump and start all read 0, which no field that fits has (its size and jump are at least 1).
// Every layer after it, and a merge of any path with it, has a field that does not fit either.
struct axis_field {
    std::uint64_t size = 1;
    std::uint64_t jump = 1; // effective stride: input positions between neighbouring outputs
    std::int64_t start = 0;
    bool fits = true; // size in 64 bits, jump in 64 bits, start in 64 signed bits

    friend constexpr bool operator==(const axis_field&, const axis_field&) = default;
};

struct receptive_field {
    axis_field height{};
    axis_field width{};

    friend constexpr bool operator==(const receptive_field&, const receptive_field&) = default;
};

// Stands for the network's input where a layer names the layers it reads from.
inline constexpr std::size_t network_input = static_cast<std::size_t>(-1);

// layer_info::reuse_of of an entry that is no reuse of a shared<...> definition.
inline constexpr std::size_t not_a_reuse = static_cast<std::size_t>(-1);

struct layer_info;

// The factors a report shows for a layer's figures: units = the product of `units`, weights =
// the product of `weights`, connections = the product of `connections`; a 0 ends a list (no
// factor is 0 in a layer that counts). A layer kind supplies its own by a static member
//     static constexpr table_formula formula(const layer_info& entry) noexcept;
// which reads the entry's shapes and window: for a conv, units {Y, X, N}, weights
// {h, w, C / groups, N}, connections {h, w, C / groups, N, Y, X}. A report shows a formula only
// where its product is the figure (as "h * w * C * N = 864"), the number alone otherwise, and
// for a kind without one.
struct table_formula {
    std::uint64_t units[3]{};
    std::uint64_t weights[4]{};
    std::uint64_t connections[6]{};
};

using formula_function = table_formula (*)(const layer_info&);

// One entry of layers<Net>: a layer with the shape it received and what it counts.
struct layer_info {
    std::string_view name;
    std::string_view kind;
    shape input{};
    shape output{};
    std::uint64_t units = 0;
    std::uint64_t weights = 0;
    std::uint64_t biases = 0;
    std::uint64_t parameters = 0;
    std::uint64_t connections = 0;
    std::uint64_t connections_with_bias = 0; // LeCun's convention
    std::uint64_t activations = 0;           // output elements, whatever the kind
    layer_window window{};
    netcount::receptive_field receptive_field{}; // in the network input; the largest over paths after a merge
    // Indices in layers<Net> of the layers this one reads (network_input for the input):
    // one for a layer, one per path for a merge.
    std::span<const std::size_t> inputs{};
    // Activation elements alive while this entry runs in one inference pass (batch 1), the
    // network input included while it is read: the schedule of peak_activations<Net>
    // (docs/deploy.md). UINT64_MAX from the first entry whose sum does not fit in 64 bits on:
    // peak_activations<Net>, peak_layer<Net>, memory<Net>, a budget that limits it and every
    // report that shows it are then a compile error, so only a direct read sees this value.
    // 0 for an auxiliary entry, which does not run in inference.
    std::uint64_t live_activations = 0;
    // The kind's table formula (table_formula above), or null: a kind without one, a merge.
    formula_function formula = nullptr;
    bool merge = false;     // the entry where a block's paths meet (add, concat, multiply, ...)
    bool auxiliary = false; // inside an auxiliary<...> head: counted in the parameters, weights
                            // and biases, not in units, connections or activations
    // In a second or later application of a shared<...> definition: the index of the
    // definition's entry it applies again, whose weights it uses (its own weights, biases and
    // parameters are not in the totals); not_a_reuse otherwise.
    std::size_t reuse_of = not_a_reuse;
};

// A network's totals, summed over its layers.
struct counts {
    std::uint64_t units = 0;
    std::uint64_t weights = 0;
    std::uint64_t biases = 0;
    std::uint64_t parameters = 0;
    std::uint64_t connections = 0;
    std::uint64_t connections_with_bias = 0;
    std::uint64_t activations = 0;

    friend constexpr bool operator==(const counts&, const counts&) = default;
};

namespace detail {

// What an entry of layers<Net> adds to totals<Net>: the one rule that everything reading the
// entries follows (budgets, the reports' shares), so that none of them counts a figure the
// totals leave out. Every figure of an entry counts, but for an entry of an auxiliary head,
// which only training runs: its weights, biases and parameters count (they are trained and
// stored), its units, connections (so its FLOPs) and activations do not (inference never
// computes them); and for a reuse of a shared<...> definition: its units, connections and
// activations count (it runs), its weights, biases and parameters do not (the definition's are
// the same numbers, stored once). The engine sums the totals by the same rule
// (count_builder::record, which tests/static/budget.cpp holds to this one over heads anywhere).
constexpr bool in_totals(const layer_info& entry, std::uint64_t counts::*figure) noexcept {
    const bool stored = figure == &counts::weights || figure == &counts::biases || figure == &counts::parameters;
    return stored ? entry.reuse_of == not_a_reuse : !entry.auxiliary;
}

constexpr counts contribution(const layer_info& entry) noexcept {
    const auto take = [&entry](std::uint64_t counts::*figure, std::uint64_t value) {
        return in_totals(entry, figure) ? value : 0;
    };
    return {.units = take(&counts::units, entry.units),
            .weights = take(&counts::weights, entry.weights),
            .biases = take(&counts::biases, entry.biases),
            .parameters = take(&counts::parameters, entry.parameters),
            .connections = take(&counts::connections, entry.connections),
            .connections_with_bias = take(&counts::connections_with_bias, entry.connections_with_bias),
            .activations = take(&counts::activations, entry.activations)};
}

} // namespace detail

} // namespace netcount

// layer_result, what a kind returns, is defined with the contract it belongs to: a header that
// includes only this one (as kinds written before the move do) still has it.
#include <netcount/layer_kind.hpp>

NETCOUNT_DIAGNOSTICS_POP

#endif
