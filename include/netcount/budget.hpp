#ifndef NETCOUNT_BUDGET_HPP
#define NETCOUNT_BUDGET_HPP

#include <netcount/detail/config.hpp> // first: below C++20, its error comes first

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string_view>
#include <utility>

#include <netcount/counts.hpp>
#include <netcount/layer_info.hpp>

// Budgets the compiler enforces, with the numbers in the error:
//
//   static_assert(netcount::within_budget<my_net, netcount::budget{.weights = 5'000'000}>);
//
// An exceeded budget fails with a message naming the figure, and the template arguments of
// netcount::over_budget show the network's figure, the limit and the layer that contributes
// most to it (the first one to shrink). A plain static_assert(weights<Net> <= N) works too,
// but clang does not print the value it compared.

namespace netcount {

// The limits of a budget; a figure left out is not limited.
struct budget {
    static constexpr std::uint64_t unlimited = std::numeric_limits<std::uint64_t>::max();
    std::uint64_t units = unlimited;
    std::uint64_t weights = unlimited;
    std::uint64_t parameters = unlimited;
    std::uint64_t connections = unlimited;
    std::uint64_t activations = unlimited;
};

enum class budget_figure : unsigned { units, weights, parameters, connections, activations };

// over_budget<Figure, Actual, Limit, LargestLayer...>: instantiated only when a budget is
// exceeded; LargestLayer spells the name of the layer with the most of that figure.
template<budget_figure Figure, std::uint64_t Actual, std::uint64_t Limit, char... LargestLayer>
struct over_budget {
    static_assert(Figure != budget_figure::units, "netcount: the network has more units than its budget allows");
    static_assert(Figure != budget_figure::weights, "netcount: the network has more weights than its budget allows");
    static_assert(Figure != budget_figure::parameters,
                  "netcount: the network has more parameters than its budget allows");
    static_assert(Figure != budget_figure::connections,
                  "netcount: the network has more connections than its budget allows");
    static_assert(Figure != budget_figure::activations,
                  "netcount: the network has more activations than its budget allows");
};

namespace detail {

constexpr std::uint64_t figure_of(const counts& c, budget_figure f) noexcept {
    return f == budget_figure::units         ? c.units
           : f == budget_figure::weights     ? c.weights
           : f == budget_figure::parameters  ? c.parameters
           : f == budget_figure::connections ? c.connections
                                             : c.activations;
}

constexpr std::uint64_t figure_of(const layer_info& l, budget_figure f) noexcept {
    return figure_of(counts{l.units, l.weights, l.biases, l.parameters, l.connections, 0, l.activations}, f);
}

constexpr std::uint64_t limit_of(const budget& b, budget_figure f) noexcept {
    return f == budget_figure::units         ? b.units
           : f == budget_figure::weights     ? b.weights
           : f == budget_figure::parameters  ? b.parameters
           : f == budget_figure::connections ? b.connections
                                             : b.activations;
}

// The first figure over its limit, if any.
struct budget_check {
    bool exceeded = false;
    budget_figure figure = budget_figure::units;
};

constexpr budget_check check_budget(const counts& c, const budget& b) noexcept {
    for (const budget_figure f : {budget_figure::units, budget_figure::weights, budget_figure::parameters,
                                  budget_figure::connections, budget_figure::activations})
        if (figure_of(c, f) > limit_of(b, f)) return {true, f};
    return {};
}

// The layer with the most of a figure (only evaluated for an exceeded budget).
template<std::size_t N>
constexpr std::string_view largest_layer(const std::array<layer_info, N>& layers, budget_figure f) noexcept {
    std::string_view name{};
    std::uint64_t most = 0;
    for (const layer_info& l : layers)
        if (figure_of(l, f) > most) {
            most = figure_of(l, f);
            name = l.name;
        }
    return name;
}

template<class Net, budget B, budget_figure F, std::size_t... I>
constexpr void report_over_budget(std::index_sequence<I...>) noexcept {
    constexpr std::string_view largest = largest_layer(layers<Net>, F);
    (void)sizeof(over_budget<F, figure_of(totals<Net>, F), limit_of(B, F), largest[I]...>);
}

template<class Net, budget B>
constexpr bool within_budget() noexcept {
    constexpr budget_check check = check_budget(totals<Net>, B);
    if constexpr (check.exceeded)
        report_over_budget<Net, B, check.figure>(
            std::make_index_sequence<largest_layer(layers<Net>, check.figure).size()>{});
    return !check.exceeded;
}

} // namespace detail

// within_budget<Net, budget{...}>: true if Net keeps within every limit given; a compile error
// with the numbers otherwise.
template<class Net, budget B>
inline constexpr bool within_budget = detail::within_budget<Net, B>();

} // namespace netcount

#endif
