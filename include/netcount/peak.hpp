#ifndef NETCOUNT_PEAK_HPP
#define NETCOUNT_PEAK_HPP

#include <netcount/detail/config.hpp> // first: below C++20, its error comes first

#include <cstddef>
#include <cstdint>

#include <netcount/counts.hpp>
#include <netcount/detail/analysis.hpp>
#include <netcount/detail/rescheduled.hpp>
#include <netcount/detail/schedule.hpp>
#include <netcount/layer_info.hpp>

// peak_activations<Net>: the most activation elements alive at once during one forward pass
// of one input, under the schedule of detail/schedule.hpp (stated in docs/deploy.md): entries
// run in the order of layers<Net>; activations, dropout and batch_norm write over their input
// when they read it last; flatten is a view; a buffer is freed after its last reader.
//   static_assert(netcount::peak_activations<my_net> <= 256 * 1024); // int8: elements = bytes
// Each entry's share is layers<Net>[i].live_activations; peak_layer<Net> is where the most are.

NETCOUNT_DIAGNOSTICS_PUSH
namespace netcount {

namespace detail {

template<class Net, schedule Rules>
constexpr const schedule_result& schedule_of() noexcept {
    if constexpr (Rules == schedule{})
        return analyzed_layers<Net>::value.schedule;
    else
        return rescheduled_layers<Net, Rules>.schedule;
}

template<class Net, schedule Rules = schedule()>
constexpr const schedule_result& checked_schedule() noexcept {
    (void)checked_layers<Net>();
    constexpr const schedule_result& s = schedule_of<Net, Rules>();
    // An error here means the live activations of some entry (a sum of buffers) do not fit
    // in 64 bits, though every single count does.
    static_assert(!s.overflow, "netcount: a count overflows 64 bits");
    return s;
}

// Instantiated for peak_layer<Net> of a network in which no entry runs.
template<class Net>
struct no_peak_layer {
    static_assert(always_false<Net>, "netcount: peak_layer: no entry of this network runs in inference (it has no "
                                     "layer, or only auxiliary heads), so its peak is its input, which is no layer");
    static constexpr bool reported = true; // see verdict in error.hpp
};

// After the error above, peak_layer<Net> is counts.hpp's blank no_layer, so that the error is
// the only one.
template<class Net, schedule Rules>
constexpr const layer_info& peak_entry() noexcept {
    constexpr std::size_t index = checked_schedule<Net, Rules>().peak_index;
    if constexpr (index == schedule_result::no_entry) {
        (void)sizeof(report<no_peak_layer<Net>>);
        return no_layer;
    } else {
        return layers<Net, Rules>[index];
    }
}

} // namespace detail

// peak_activations<Net>: the most live activation elements over all entries (batch 1), the
// network input included while it is still read; for a network in which no entry runs, its
// input (which is then its output).
// peak_activations<Net, schedule{.in_place_depthwise = true}>: the same under those rules
// (schedule in detail/schedule.hpp; docs/deploy.md states them).
template<class Net, schedule Rules = schedule()>
inline constexpr std::uint64_t peak_activations = detail::checked_schedule<Net, Rules>().peak;

// peak_layer<Net>: the first entry of layers<Net> at which peak_activations<Net> are live; a
// compile error for a network in which no entry runs.
template<class Net, schedule Rules = schedule()>
inline constexpr const layer_info& peak_layer = detail::peak_entry<Net, Rules>();

} // namespace netcount

NETCOUNT_DIAGNOSTICS_POP

#endif
