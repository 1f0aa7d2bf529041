#ifndef NETCOUNT_BUDGET_HPP
#define NETCOUNT_BUDGET_HPP

#include <netcount/detail/config.hpp> // first: below C++20, its error comes first

#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string_view>
#include <utility>

#include <netcount/counts.hpp>
#include <netcount/detail/analysis.hpp>
#include <netcount/detail/checked.hpp>
#include <netcount/flops.hpp>
#include <netcount/layer_info.hpp>
#include <netcount/peak.hpp>
#include <netcount/tflm.hpp>

// Budgets the compiler enforces, with the numbers in the error:
//
//   static_assert(netcount::within_budget<my_net, netcount::budget{.weights = 5'000'000}>);
//
// An exceeded budget fails with a message naming the figure, and the template arguments of
// netcount::over_budget show the network's figure, the limit and the layer that contributes
// most to it (the first one to shrink). A plain static_assert(weights<Net> <= N) works too,
// but clang does not print the value it compared.

NETCOUNT_DIAGNOSTICS_PUSH
namespace netcount {

// The limits of a budget; a figure left out is not limited. Limits are counts of numbers, not
// bytes: a budget in bytes divides by the element size (int8: elements = bytes).
struct budget {
    static constexpr std::uint64_t unlimited = std::numeric_limits<std::uint64_t>::max();
    std::uint64_t units = unlimited;
    std::uint64_t weights = unlimited;
    std::uint64_t parameters = unlimited;
    std::uint64_t connections = unlimited;
    std::uint64_t activations = unlimited;
    std::uint64_t flops = unlimited;            // flops<Net>: two per connection
    std::uint64_t peak_activations = unlimited; // peak_activations<Net>: one inference run
    // No single entry of layers<Net> above these, each counted as in the totals: an auxiliary
    // head's weights and parameters are limited, its connections and activations are not
    // (inference does not run it).
    std::uint64_t layer_weights = unlimited;
    std::uint64_t layer_parameters = unlimited;
    std::uint64_t layer_connections = unlimited;
    std::uint64_t layer_activations = unlimited; // a layer's output elements
    // The rules of the schedule .peak_activations is checked under (peak_activations<Net,
    // peak_schedule>): schedule{.in_place_depthwise = true} for an MCUNet-style engine.
    schedule peak_schedule = {};
    // Bytes, not elements: TFLite Micro's arena head, tflm_arena<Net, T, arena_scratch>.head_bytes
    // for a T of arena_element_bytes bytes (1: int8, 2: int16, 4: float).
    std::uint64_t arena_bytes = unlimited;
    std::size_t arena_element_bytes = 1;
    kernel_scratch arena_scratch = kernel_scratch::none;
};

enum class budget_figure : unsigned {
    units,
    weights,
    parameters,
    connections,
    activations,
    flops,
    peak_activations,
    scheduled_peak_activations, // peak_activations under a budget's peak_schedule other than schedule{}
    arena_bytes,
};

// over_budget<Figure, Actual, Limit, Layer...>: instantiated only when a network's total is
// over budget; Layer spells the name of the layer with the most of that figure (the first one
// to shrink), or for peak activations the layer at which the peak is live.
template<budget_figure Figure, std::uint64_t Actual, std::uint64_t Limit, char... Layer>
struct over_budget {
    static_assert(Figure != budget_figure::units, "netcount: the network has more units than its budget allows");
    static_assert(Figure != budget_figure::weights, "netcount: the network has more weights than its budget allows");
    static_assert(Figure != budget_figure::parameters,
                  "netcount: the network has more parameters than its budget allows");
    static_assert(Figure != budget_figure::connections,
                  "netcount: the network has more connections than its budget allows");
    static_assert(Figure != budget_figure::activations,
                  "netcount: the network has more activations than its budget allows");
    static_assert(Figure != budget_figure::flops, "netcount: the network has more FLOPs than its budget allows");
    static_assert(Figure != budget_figure::peak_activations,
                  "netcount: the network has more peak activations than its budget allows");
    static_assert(Figure != budget_figure::scheduled_peak_activations,
                  "netcount: the network has more peak activations under the budget's peak_schedule than its budget "
                  "allows");
    static_assert(Figure != budget_figure::arena_bytes,
                  "netcount: the network's TFLite Micro tensor arena (tflm_arena's head_bytes) is larger than its "
                  "budget allows");
    static constexpr bool reported = true; // see verdict in error.hpp
};

// invalid_arena_budget<ElementBytes, Scratch>: instantiated for a budget that limits the arena
// with an element of 0 bytes, or with CMSIS-NN's int8 kernel scratch and another element size.
template<std::size_t ElementBytes, kernel_scratch Scratch>
struct invalid_arena_budget {
    static_assert(ElementBytes != 0, "netcount: budget: arena_element_bytes must be at least 1");
    static_assert(ElementBytes == 0 || Scratch == kernel_scratch::none,
                  "netcount: budget: arena_scratch = kernel_scratch::cmsis_nn_dsp is the scratch of CMSIS-NN's int8 "
                  "convolutions, so arena_element_bytes must be 1");
    static constexpr bool reported = true; // see verdict in error.hpp
};

// layer_over_budget<Figure, Actual, Limit, Layer...>: instantiated only when a layer is over a
// per-layer limit; Actual is that layer's figure, Layer spells its name. Where several layers
// are over, the one with the most is named.
template<budget_figure Figure, std::uint64_t Actual, std::uint64_t Limit, char... Layer>
struct layer_over_budget {
    static_assert(Figure != budget_figure::weights,
                  "netcount: a layer has more weights than the per-layer budget allows");
    static_assert(Figure != budget_figure::parameters,
                  "netcount: a layer has more parameters than the per-layer budget allows");
    static_assert(Figure != budget_figure::connections,
                  "netcount: a layer has more connections than the per-layer budget allows");
    static_assert(Figure != budget_figure::activations,
                  "netcount: a layer has more activations than the per-layer budget allows");
    static constexpr bool reported = true; // see verdict in error.hpp
};

namespace detail {

// Two per connection; a flop count over 64 bits is flops<Net>'s compile error, and counts as
// over every limit where nothing may fail (the search).
constexpr std::uint64_t flops_of(std::uint64_t connections) noexcept {
    std::uint64_t f = 0;
    return mul_overflows(connections, 2, &f) ? budget::unlimited : f;
}

constexpr std::uint64_t figure_of(const counts& c, budget_figure f) noexcept {
    return f == budget_figure::units         ? c.units
           : f == budget_figure::weights     ? c.weights
           : f == budget_figure::parameters  ? c.parameters
           : f == budget_figure::connections ? c.connections
           : f == budget_figure::flops       ? flops_of(c.connections)
                                             : c.activations;
}

// What an entry adds to a figure of the network, by the rule of the totals (contribution,
// layer_info.hpp): an auxiliary entry's weights and parameters, which are stored, but not its
// units, connections, FLOPs or activations, which inference never computes. The per-layer
// limits and the layer an over-budget error names read a figure only through this.
constexpr std::uint64_t figure_of(const layer_info& l, budget_figure f) noexcept {
    return f == budget_figure::peak_activations ? l.live_activations : figure_of(contribution(l), f);
}

constexpr std::uint64_t limit_of(const budget& b, budget_figure f) noexcept {
    return f == budget_figure::units         ? b.units
           : f == budget_figure::weights     ? b.weights
           : f == budget_figure::parameters  ? b.parameters
           : f == budget_figure::connections ? b.connections
           : f == budget_figure::activations ? b.activations
           : f == budget_figure::flops       ? b.flops
                                             : b.peak_activations;
}

constexpr std::uint64_t layer_limit_of(const budget& b, budget_figure f) noexcept {
    return f == budget_figure::weights       ? b.layer_weights
           : f == budget_figure::parameters  ? b.layer_parameters
           : f == budget_figure::connections ? b.layer_connections
           : f == budget_figure::activations ? b.layer_activations
                                             : budget::unlimited;
}

// The first limit exceeded, if any: totals first (in the order of budget's members), then the
// peak, then the per-layer limits.
struct budget_check {
    bool exceeded = false;
    budget_figure figure = budget_figure::units;
    bool per_layer = false;
    std::uint64_t actual = 0;
    std::uint64_t limit = 0;
    std::size_t layer = 0; // in layers<Net>: the layer named in the error (not for totals); for
                           // the arena, in layers<Net>, or network_input
    bool scratch = false;  // the arena's top buffer is that layer's kernel scratch
};

constexpr budget_check check_budget(const counts& c, const budget& b) noexcept {
    for (const budget_figure f : {budget_figure::units, budget_figure::weights, budget_figure::parameters,
                                  budget_figure::connections, budget_figure::activations, budget_figure::flops})
        if (figure_of(c, f) > limit_of(b, f)) return {true, f, false, figure_of(c, f), limit_of(b, f)};
    return {};
}

// Limits that need every entry of layers<Net>, not only the totals.
constexpr bool limits_layers(const budget& b) noexcept {
    return b.peak_activations != budget::unlimited || b.layer_weights != budget::unlimited ||
           b.layer_parameters != budget::unlimited || b.layer_connections != budget::unlimited ||
           b.layer_activations != budget::unlimited;
}

// A peak over 64 bits is peak_activations<Net>'s compile error, and over every limit here.
template<std::size_t N>
constexpr budget_check check_layers(const std::array<layer_info, N>& layers, const schedule_result& s,
                                    const budget& b) noexcept {
    const std::uint64_t peak = s.overflow ? budget::unlimited : s.peak;
    if (peak > b.peak_activations)
        return {true,
                b.peak_schedule == schedule{} ? budget_figure::peak_activations
                                              : budget_figure::scheduled_peak_activations,
                false,
                peak,
                b.peak_activations,
                s.peak_index};
    for (const budget_figure f :
         {budget_figure::weights, budget_figure::parameters, budget_figure::connections, budget_figure::activations}) {
        budget_check worst{};
        for (std::size_t i = 0; i != N; ++i)
            if (figure_of(layers[i], f) > layer_limit_of(b, f) && figure_of(layers[i], f) > worst.actual)
                worst = {true, f, true, figure_of(layers[i], f), layer_limit_of(b, f), i};
        if (worst.exceeded) return worst;
    }
    return {};
}

// Whether a budget's arena settings are ones tflm_arena takes.
constexpr bool arena_budget_valid(const budget& b) noexcept {
    return b.arena_element_bytes != 0 && (b.arena_scratch == kernel_scratch::none || b.arena_element_bytes == 1);
}

// The arena limit: the head of the plan (a head over 64 bits is over every limit) and the buffer
// at its top, the first whose offset + bytes is the head: its entry in layers<Net>.
template<class Net, budget B>
constexpr budget_check check_arena() noexcept {
    constexpr const auto& plan = arena_plan_of<Net, B.arena_element_bytes, B.arena_scratch>;
    const std::uint64_t head = plan.overflow ? budget::unlimited : plan.head_bytes;
    if (head <= B.arena_bytes) return {};
    budget_check c{true, budget_figure::arena_bytes, false, head, B.arena_bytes, network_input};
    for (std::size_t t = 0; t != plan.tensor_count + plan.scratch_count; ++t) {
        const bool scratch = t >= plan.tensor_count;
        const arena_tensor& at = scratch ? plan.scratch[t - plan.tensor_count] : plan.tensors[t];
        if (at.buffer.offset + at.buffer.bytes == plan.head_bytes) {
            c.layer = at.entry;
            c.scratch = scratch;
            break;
        }
    }
    return c;
}

// Whether a valid network keeps within a budget: no compile error, whatever the answer. The
// totals first, then the peak and the per-layer limits, then the arena; each only where limited.
template<class Net, budget B>
constexpr budget_check budget_verdict() noexcept {
    constexpr budget_check totals_check = check_budget(analyzed<Net>::totals.totals, B);
    if constexpr (totals_check.exceeded) {
        return totals_check;
    } else if constexpr (limits_layers(B) &&
                         check_layers(analyzed_layers<Net>::value.entries, schedule_of<Net, B.peak_schedule>(), B)
                             .exceeded) {
        return check_layers(analyzed_layers<Net>::value.entries, schedule_of<Net, B.peak_schedule>(), B);
    } else if constexpr (B.arena_bytes != budget::unlimited && arena_budget_valid(B)) {
        return check_arena<Net, B>();
    } else {
        return {};
    }
}

// The layer with the most of a figure, as the totals count it (only evaluated for an exceeded
// budget, whose total is above 0, so some entry has some of it).
template<std::size_t N>
constexpr std::string_view largest_layer(const std::array<layer_info, N>& layers, budget_figure f) noexcept {
    std::string_view name{};
    std::uint64_t most = 0;
    if (f == budget_figure::flops) f = budget_figure::connections;
    for (const layer_info& l : layers)
        if (figure_of(l, f) > most) {
            most = figure_of(l, f);
            name = l.name;
        }
    return name;
}

// The name an error shows: the layer the check found, or for a total the one with the most.
// A peak where no entry runs is the network input's.
template<class Net, budget_check C>
constexpr std::string_view named_layer() noexcept {
    constexpr bool peak =
        C.figure == budget_figure::peak_activations || C.figure == budget_figure::scheduled_peak_activations;
    if constexpr ((peak && C.layer == schedule_result::no_entry) ||
                  (C.figure == budget_figure::arena_bytes && C.layer == network_input))
        return "(the network input)";
    else if constexpr (C.figure == budget_figure::arena_bytes)
        return layers<Net>[C.layer].name;
    else if constexpr (C.per_layer || peak)
        return layers<Net>[C.layer].name;
    else
        return largest_layer(layers<Net>, C.figure);
}

// The other layers that tie with the one named: as many of the figure (for a per-layer limit,
// as many and over the limit too). None for the peak, which is one moment, not a layer's.
template<class Net, budget_check C>
constexpr std::size_t ties() noexcept {
    if constexpr (C.figure == budget_figure::peak_activations ||
                  C.figure == budget_figure::scheduled_peak_activations || C.figure == budget_figure::arena_bytes) {
        return 0;
    } else {
        const budget_figure f = C.figure == budget_figure::flops ? budget_figure::connections : C.figure;
        std::uint64_t most = 0;
        for (const layer_info& l : layers<Net>) most = figure_of(l, f) > most ? figure_of(l, f) : most;
        std::size_t n = 0;
        for (const layer_info& l : layers<Net>) n += figure_of(l, f) == most ? 1 : 0;
        return n - 1;
    }
}

// What the error spells after the figures: the layer's name, and where others tie with it
// "conv2, and 3 more with 32,768" (the figure each has, with thousands separators), so that
// shrinking the one named is not mistaken for the whole fix.
template<std::size_t N>
struct layer_label {
    char chars[N]{};
    std::size_t size = 0;
    constexpr void put(std::string_view text) noexcept {
        for (const char c : text) chars[size++] = c;
    }
    constexpr void put_number(std::uint64_t n, bool separators) noexcept {
        char digits[32]{};
        std::size_t count = 0;
        do {
            if (separators && count % 4 == 3) digits[count++] = ',';
            digits[count++] = static_cast<char>('0' + n % 10);
            n /= 10;
        } while (n != 0);
        while (count != 0) chars[size++] = digits[--count];
    }
    constexpr std::string_view view() const noexcept { return {chars, size}; }
};

template<class Net, budget_check C>
constexpr auto label_of() noexcept {
    constexpr std::string_view name = named_layer<Net, C>();
    constexpr std::size_t others = ties<Net, C>();
    layer_label<name.size() + 64> label{};
    label.put(name);
    if constexpr (C.scratch) label.put(" (kernel scratch)");
    if constexpr (others != 0) {
        const budget_figure f = C.figure == budget_figure::flops ? budget_figure::connections : C.figure;
        std::uint64_t most = 0;
        for (const layer_info& l : layers<Net>) most = figure_of(l, f) > most ? figure_of(l, f) : most;
        label.put(", and ");
        label.put_number(others, false);
        label.put(" more with ");
        label.put_number(most, true);
    }
    return label;
}

template<class Net, budget_check C>
inline constexpr auto error_label = label_of<Net, C>();

template<class Net, budget_check C, std::size_t... I>
constexpr void report_over_budget(std::index_sequence<I...>) noexcept {
    constexpr std::string_view name = error_label<Net, C>.view();
    if constexpr (C.per_layer)
        (void)sizeof(report<layer_over_budget<C.figure, C.actual, C.limit, name[I]...>>);
    else
        (void)sizeof(report<over_budget<C.figure, C.actual, C.limit, name[I]...>>);
}

template<class Net, budget B>
constexpr bool within_budget() noexcept {
    (void)checked<Net>();
    if constexpr (B.flops != budget::unlimited) (void)flops<Net>;
    if constexpr (limits_layers(B)) (void)peak_activations<Net, B.peak_schedule>;
    if constexpr (B.arena_bytes != budget::unlimited) {
        if constexpr (!arena_budget_valid(B))
            (void)sizeof(report<invalid_arena_budget<B.arena_element_bytes, B.arena_scratch>>);
        else
            (void)checked_arena_bytes<Net, B.arena_element_bytes, B.arena_scratch>();
    }
    constexpr budget_check check = budget_verdict<Net, B>();
    if constexpr (check.exceeded)
        report_over_budget<Net, check>(std::make_index_sequence<error_label<Net, check>.size>{});
    return !check.exceeded;
}

} // namespace detail

// within_budget<Net, budget{...}>: true if Net keeps within every limit given; a compile error
// with the numbers otherwise.
template<class Net, budget B>
inline constexpr bool within_budget = detail::within_budget<Net, B>();

} // namespace netcount

NETCOUNT_DIAGNOSTICS_POP

#endif
