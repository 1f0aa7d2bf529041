#ifndef NETCOUNT_SEARCH_HPP
#define NETCOUNT_SEARCH_HPP

#include <netcount/detail/config.hpp> // first: below C++20, its error comes first

#include <cstddef>
#include <cstdint>

#include <netcount/budget.hpp>
#include <netcount/counts.hpp>
#include <netcount/detail/analysis.hpp>
#include <netcount/edit.hpp>
#include <netcount/fixed_string.hpp>
#include <netcount/scale.hpp>

// How big can it be? Binary search by the compiler, a handful of counts rather than one per
// value:
//
//   widest<Net, "fc6", budget{.weights = 20'000'000}>     the most outputs fc6 may have
//   largest_input<Net, budget{.peak_activations = ...}, 32>  the largest square input side, a
//                                                           multiple of 32
//
// Each probe counts a candidate network without any of netcount's compile errors (its summary's
// status and the budget check, evaluated as values), so that an invalid or over-budget
// candidate only steers the search. A search over [1, Max] counts about log2(Max) candidates:
// 17 for widest's default Max of 65,536.
//
// The search keeps the invariant fits(lo) && !fits(hi) and returns lo when hi = lo + 1: the
// answer fits and the next value does not. It is the largest that fits when fitting is
// monotone, which docs/deploy.md discusses: every figure a budget limits grows with a layer's
// width and with the input, but validity need not (groups that must divide the width, an add
// whose paths must agree, windows larger than a small input).

NETCOUNT_DIAGNOSTICS_PUSH
namespace netcount {

enum class search_kind : unsigned { widest, largest_input };

// nothing_fits<Search, Figure, PerLayer, Actual, Limit, Size>: instantiated when even the
// smallest candidate (1 filter or output; the smallest valid input side) is over budget.
// Actual is the figure at that Size (a layer's figure where PerLayer), Limit the budget's.
template<search_kind Search, budget_figure Figure, bool PerLayer, std::uint64_t Actual, std::uint64_t Limit,
         std::size_t Size>
struct nothing_fits {
    static_assert(Search != search_kind::widest,
                  "netcount: widest: the network is over budget even with 1 filter or output in that layer");
    static_assert(Search != search_kind::largest_input,
                  "netcount: largest_input: the network is over budget even on the smallest input side that is "
                  "valid");
};

namespace detail {

// Valid, and within budget; never a compile error.
template<class Net>
constexpr bool valid() noexcept {
    return analyzed<Net>::totals.fail.code == error::none;
}

template<class Net, budget B>
constexpr bool fits() noexcept {
    if constexpr (!valid<Net>())
        return false;
    else
        return !budget_verdict<Net, B>().exceeded;
}

// The compile error for a smallest candidate that does not fit: the network's own error if it
// is invalid, nothing_fits with the figure if it is over budget.
template<search_kind Search, class Net, budget B, std::size_t Size>
constexpr void report_nothing_fits() noexcept {
    if constexpr (!valid<Net>()) {
        (void)checked<Net>();
    } else {
        constexpr budget_check c = budget_verdict<Net, B>();
        (void)sizeof(nothing_fits<Search, c.figure, c.per_layer, c.actual, c.limit, Size>);
    }
}

// widest: fits(Lo) && !fits(Hi).
template<class Net, fixed_string Name, budget B, std::size_t Lo, std::size_t Hi>
constexpr std::size_t widest_between() noexcept {
    if constexpr (Hi - Lo == 1) {
        return Lo;
    } else {
        constexpr std::size_t mid = Lo + (Hi - Lo) / 2;
        if constexpr (fits<resize<Net, Name, mid>, B>())
            return widest_between<Net, Name, B, mid, Hi>();
        else
            return widest_between<Net, Name, B, Lo, mid>();
    }
}

template<class Net, fixed_string Name, budget B, std::size_t Max>
constexpr std::size_t widest() noexcept {
    static_assert(Max >= 1, "netcount: widest<Net, \"name\", Budget, Max> needs Max of at least 1");
    if constexpr (!fits<resize<Net, Name, 1>, B>()) {
        report_nothing_fits<search_kind::widest, resize<Net, Name, 1>, B, 1>();
        return 0;
    } else if constexpr (fits<resize<Net, Name, Max>, B>()) {
        return Max;
    } else {
        return widest_between<Net, Name, B, 1, Max>();
    }
}

template<class Net, std::size_t Step, std::size_t K>
using square_input = with_input<Net, K * Step, K * Step>;

// The smallest valid side: !valid(Lo) && valid(Hi).
template<class Net, std::size_t Step, std::size_t Lo, std::size_t Hi>
constexpr std::size_t smallest_valid_between() noexcept {
    if constexpr (Hi - Lo == 1) {
        return Hi;
    } else {
        constexpr std::size_t mid = Lo + (Hi - Lo) / 2;
        if constexpr (valid<square_input<Net, Step, mid>>())
            return smallest_valid_between<Net, Step, Lo, mid>();
        else
            return smallest_valid_between<Net, Step, mid, Hi>();
    }
}

// The largest that fits: fits(Lo) && !fits(Hi).
template<class Net, budget B, std::size_t Step, std::size_t Lo, std::size_t Hi>
constexpr std::size_t largest_between() noexcept {
    if constexpr (Hi - Lo == 1) {
        return Lo;
    } else {
        constexpr std::size_t mid = Lo + (Hi - Lo) / 2;
        if constexpr (fits<square_input<Net, Step, mid>, B>())
            return largest_between<Net, B, Step, mid, Hi>();
        else
            return largest_between<Net, B, Step, Lo, mid>();
    }
}

template<class Net, budget B, std::size_t Step, std::size_t Max>
constexpr std::size_t largest_input() noexcept {
    static_assert(Step >= 1 && Max >= Step,
                  "netcount: largest_input<Net, Budget, Step, Max> needs Step of at least 1 and Max of at least Step");
    constexpr std::size_t top = Max / Step;
    if constexpr (fits<square_input<Net, Step, top>, B>()) {
        return top * Step;
    } else if constexpr (!valid<square_input<Net, Step, top>>()) {
        (void)checked<square_input<Net, Step, top>>(); // no side up to Max is valid: its error
        return 0;
    } else {
        // Windows need a large enough input: first the smallest valid side, then the search.
        constexpr std::size_t low =
            valid<square_input<Net, Step, 1>>() ? 1 : smallest_valid_between<Net, Step, 1, top>();
        if constexpr (!fits<square_input<Net, Step, low>, B>()) {
            report_nothing_fits<search_kind::largest_input, square_input<Net, Step, low>, B, low * Step>();
            return 0;
        } else {
            return largest_between<Net, B, Step, low, top>() * Step;
        }
    }
}

} // namespace detail

// widest<Net, "name", Budget, Max = 65536>: the largest filter or output count N in [1, Max]
// for which resize<Net, "name", N> is valid and within Budget (a conv, transposed_conv or fc).
// A compile error with the figure when even N = 1 is over budget.
template<class Net, fixed_string Name, budget B, std::size_t Max = 65536>
inline constexpr std::size_t widest = detail::widest<Net, Name, B, Max>();

// largest_input<Net, Budget, Step = 1, Max = 4096>: the largest square side S, a multiple of
// Step and at most Max, for which with_input<Net, S, S> is valid and within Budget. The search
// starts from the smallest valid side; a compile error with the figure when that is over
// budget, or the network's own error when no side up to Max is valid.
template<class Net, budget B, std::size_t Step = 1, std::size_t Max = 4096>
inline constexpr std::size_t largest_input = detail::largest_input<Net, B, Step, Max>();

} // namespace netcount

NETCOUNT_DIAGNOSTICS_POP

#endif
