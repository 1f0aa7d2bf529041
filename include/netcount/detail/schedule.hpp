#ifndef NETCOUNT_DETAIL_SCHEDULE_HPP
#define NETCOUNT_DETAIL_SCHEDULE_HPP

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>

#include <netcount/detail/checked.hpp>
#include <netcount/layer_info.hpp>
#include <netcount/shape.hpp>

// The memory of one inference run (batch 1): which entries of layers<Net> write a buffer of
// their own, when each buffer is freed, and so how many activation elements are alive while
// each entry runs. The schedule, as docs/deploy.md states it:
//   - entries run in the order of layers<Net>; the network input is a buffer;
//   - an entry writes a new buffer of its output's size, except that an elementwise layer
//     that is the last reader of its input's data writes over that input's buffer, and a view
//     (flatten) is its input's buffer read another way;
//   - a buffer is freed after its last reader has run; the network's output is never freed;
//   - while an entry runs, the live elements are those of every buffer written at or before
//     it and read at or after it.
//
// O(entries + edges): two passes over the graph and one over the entries, with an array of
// the elements that each position frees, not a scan of every buffer at every entry.

namespace netcount::detail {

// What an entry does to memory.
enum class memory_role : unsigned char {
    buffer,      // writes a new buffer of its output's size (layers, merges)
    elementwise, // may write over its input's buffer, if it reads it last
    view,        // its input's buffer, read another way (flatten)
};

// A layer kind says which role it has by a static constexpr bool member:
//   static constexpr bool elementwise = true;   every activation, dropout, batch_norm, ...
//   static constexpr bool view = true;          flatten
// Anything else writes a buffer of its own.
template<class L>
inline constexpr memory_role memory_role_of = [] {
    if constexpr (requires { requires static_cast<bool>(L::elementwise); }) return memory_role::elementwise;
    else if constexpr (requires { requires static_cast<bool>(L::view); }) return memory_role::view;
    else return memory_role::buffer;
}();

// What the schedule gives beyond each entry's live_activations.
struct schedule_result {
    std::uint64_t peak = 0;     // the most live elements over all entries
    std::size_t peak_index = 0; // the first entry where they are live
    bool overflow = false;      // a sum did not fit in 64 bits: live_activations are then
                                // UINT64_MAX from that entry on
};

// Positions: 0 is the network input, i + 1 is entry i. Raw pointers and few statements for
// clang's constexpr step budget, as in the counting loop: this runs inside the same constant
// evaluation as layers<Net>.
template<std::size_t Entries>
constexpr schedule_result schedule_memory(layer_info* entries, const memory_role* roles, const shape& in) noexcept {
    constexpr std::size_t positions = Entries + 1;
    // group[p]: the first position of the data p holds (a view's data is its input's);
    // last_read[g]: the last position that reads data of group g.
    std::array<std::size_t, positions> group{}, last_read{}, owner{}, last_use{};
    std::array<std::uint64_t, positions> frees{}; // elements freed after position p has run
    std::size_t* const g = group.data();
    std::size_t* const read = last_read.data();
    std::size_t* const own = owner.data();
    std::size_t* const use = last_use.data();
    std::uint64_t* const free = frees.data();

    // Spans are read through data() and size() once per entry: on g++ every call of a span's
    // operator[] or begin() in a constant evaluation is remembered, which cost 37 MB on a
    // 2,000-layer chain.
    for (std::size_t p = 1; p != positions; ++p) {
        const std::size_t* const first = entries[p - 1].inputs.data();
        const std::size_t* const last = first + entries[p - 1].inputs.size();
        for (const std::size_t* f = first; f != last; ++f) read[g[*f == network_input ? 0 : *f + 1]] = p;
        g[p] = roles[p - 1] == memory_role::view ? g[*first == network_input ? 0 : *first + 1] : p;
    }
    // Who owns each position's buffer, and the last position that uses it.
    bool overflow = false;
    const std::uint64_t input_elements = mul(mul(in.height, in.width, overflow), in.channels, overflow);
    for (std::size_t p = 1; p != positions; ++p) {
        const layer_info& e = entries[p - 1];
        const std::size_t* const first = e.inputs.data();
        const std::size_t* const last = first + e.inputs.size();
        const std::size_t q = *first == network_input ? 0 : *first + 1;
        // In place or a view only over as many elements as it writes (a user's kind may
        // declare itself elementwise and still change the number of elements).
        const bool reuse = roles[p - 1] != memory_role::buffer &&
                           (roles[p - 1] == memory_role::view || read[g[q]] == p) &&
                           (q == 0 ? input_elements : entries[q - 1].activations) == e.activations;
        own[p] = reuse ? own[q] : p;
        for (const std::size_t* f = first; f != last; ++f) use[own[*f == network_input ? 0 : *f + 1]] = p;
        use[own[p]] = p;
    }
    // The network's output is never freed.
    use[own[Entries]] = positions;

    std::uint64_t live = input_elements;
    if (use[0] < positions) free[use[0]] = input_elements;
    schedule_result r{};
    for (std::size_t p = 1; p != positions; ++p) {
        layer_info& e = entries[p - 1];
        if (own[p] == p) {
            overflow = add_overflows(live, e.activations, &live) || overflow;
            overflow = (use[p] < positions && add_overflows(free[use[p]], e.activations, free + use[p])) || overflow;
        }
        e.live_activations = overflow ? UINT64_MAX : live;
        if (e.live_activations > r.peak && !overflow) r.peak = live, r.peak_index = p - 1;
        live -= free[p];
    }
    r.overflow = overflow;
    return r;
}

} // namespace netcount::detail

#endif
