#ifndef NETCOUNT_DETAIL_RESCHEDULED_HPP
#define NETCOUNT_DETAIL_RESCHEDULED_HPP

#include <netcount/detail/config.hpp> // NETCOUNT_DIAGNOSTICS_PUSH, _POP

#include <array>
#include <cstddef>
#include <string_view>

#include <netcount/detail/analysis.hpp>
#include <netcount/detail/node.hpp>
#include <netcount/detail/schedule.hpp>
#include <netcount/layer_info.hpp>
#include <netcount/layer_kind.hpp>
#include <netcount/network.hpp>

// layers<Net, schedule{...}> under rules other than the default: a copy of layers<Net> whose
// live_activations the schedule of detail/schedule.hpp writes again with those rules. The
// default rules are the engine's own pass (analyzed_layers); this one runs only for a network
// asked about under other rules, and costs one more walk of the elements (the memory role of
// each entry is its type's, which layers<Net> does not keep) and one more schedule, O(entries
// + edges).

NETCOUNT_DIAGNOSTICS_PUSH
namespace netcount::detail {

// The memory role of each entry, from its type, as the counting pass gives it (count_builder):
// a layer's memory_role_of, a merge's or an upsample_back's a buffer; auxiliary entries are
// marked from layers<Net> afterwards.
template<std::size_t Entries>
struct role_builder : passive_builder {
    std::array<memory_role, Entries> roles{};
    std::size_t cursor = 0; // unused: the blocks copy it from path to path
    std::size_t entries_done = 0;

    template<class E>
    static constexpr void visit(role_builder& b) noexcept {
        if constexpr (layer_kind<E>)
            b.roles[b.entries_done++] = memory_role_of<E>;
        else
            node<E>::template emit<role_builder>(b);
    }
    template<class M>
    constexpr void merge(const std::size_t*, std::size_t) noexcept {
        ++entries_done;
    }
    template<class R>
    constexpr void sized_like(std::size_t, bool) noexcept {
        ++entries_done;
    }
    template<class R>
    constexpr void unpool(std::string_view) noexcept {
        ++entries_done; // a buffer
    }
};

template<std::size_t Entries>
struct rescheduled {
    std::array<layer_info, Entries> entries{};
    schedule_result schedule{};
};

// Only for a network whose full pass is complete (counts.hpp reports any other first): the
// schedule reads every entry's inputs.
template<class Net, netcount::schedule Rules>
constexpr auto reschedule() noexcept {
    using traits = network_traits<network_of<Net>>;
    constexpr const auto& full = analyzed_layers<Net>::value;
    rescheduled<traits::entries> r{.entries = full.entries};
    if (!full.complete()) return r;
    role_builder<traits::entries> b{};
    for (const auto emit : traits::template elements<role_builder<traits::entries>>()) emit(b);
    for (std::size_t i = 0; i != traits::entries; ++i)
        if (r.entries[i].auxiliary) b.roles[i] = memory_role::auxiliary;
    constexpr const auto& outputs = analyzed_layers<Net>::graph.outputs;
    r.schedule = schedule_memory<traits::entries, input_count<traits>>(
        r.entries.data(), b.roles.data(), full.input_shapes(), outputs.data(), outputs.size(), Rules);
    return r;
}

template<class Net, netcount::schedule Rules>
inline constexpr auto rescheduled_layers = reschedule<Net, Rules>();

} // namespace netcount::detail

NETCOUNT_DIAGNOSTICS_POP

#endif
