#ifndef NETCOUNT_DETAIL_SCHEDULE_HPP
#define NETCOUNT_DETAIL_SCHEDULE_HPP

#include <netcount/detail/config.hpp> // NETCOUNT_DIAGNOSTICS_PUSH, _POP

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
//     (flatten) is its input's buffer read another way; either only where its output has as
//     many elements as its input (a kind of one's own may declare itself elementwise or a
//     view and still change the count: it writes a buffer of its own);
//   - with schedule{.in_place_depthwise = true}, a depthwise convolution (groups = its input's
//     channels = its output's) that is the last reader of its input's data writes over that
//     input's buffer too, where its output has at most as many elements, and needs one
//     channel of its output (H_out x W_out) beyond it while it runs (MCUNetV2's N + 1);
//   - a buffer is freed after its last reader has run; the network's output is never freed,
//     nor written over in place (from<> may make it an entry that others read after it);
//   - while an entry runs, the live elements are those of every buffer written at or before
//     it and read at or after it.
//
// O(entries + edges): two passes over the graph, not a scan of every buffer at every entry.

NETCOUNT_DIAGNOSTICS_PUSH
namespace netcount {

// schedule{...}: the rules of the memory schedule that go beyond the default ones, for
// peak_activations<Net, schedule{...}> and the queries that take it (docs/deploy.md).
struct schedule {
    // A depthwise convolution whose input nothing later reads writes over that input, with
    // one channel of its output as scratch (MCUNetV2's in-place depthwise).
    bool in_place_depthwise = false;

    friend constexpr bool operator==(const schedule&, const schedule&) = default;
};

} // namespace netcount

namespace netcount::detail {

// What an entry does to memory.
enum class memory_role : unsigned char {
    buffer,      // writes a new buffer of its output's size (layers, merges)
    elementwise, // may write over its input's buffer, if it reads it last
    view,        // its input's buffer, read another way (flatten)
    auxiliary,   // inside an auxiliary<...> head: does not run in inference, so the two loops
                 // of schedule_memory skip it (no reads that keep a buffer alive, no buffer,
                 // live_activations 0), and the output that is never freed is the last entry
                 // that runs
};

// A layer kind says which role it has by a static constexpr bool member:
//   static constexpr bool elementwise = true;   every activation, dropout, batch_norm, ...
//   static constexpr bool view = true;          flatten
// Anything else writes a buffer of its own.
template<class L>
inline constexpr memory_role memory_role_of = [] {
    if constexpr (requires { requires static_cast<bool>(L::elementwise); })
        return memory_role::elementwise;
    else if constexpr (requires { requires static_cast<bool>(L::view); })
        return memory_role::view;
    else
        return memory_role::buffer;
}();

// What the schedule gives beyond each entry's live_activations.
struct schedule_result {
    // peak_index of a network in which no entry runs (no layer, or only auxiliary heads): its
    // input is its output, alive throughout, and the peak is the input's elements.
    static constexpr std::size_t no_entry = static_cast<std::size_t>(-1);
    std::uint64_t peak = 0;            // the most live elements over all entries
    std::size_t peak_index = no_entry; // the first entry where they are live
    bool overflow = false;             // a sum did not fit in 64 bits: live_activations are then
                                       // UINT64_MAX from that entry on
};

// The scratch elements of a depthwise convolution run in place over its input: one channel of
// its output (at least 1, so 0 says it does not run in place). It does not where it is no
// depthwise convolution (groups = its input's channels = its output's, with weights, not
// transposed), where its input is read later (`last`: it is the last reader), or where its
// output holds more elements than its input (padding). H_out * W_out <= its activations,
// which fit in 64 bits.
constexpr std::uint64_t in_place_scratch(const layer_info& e, bool last) noexcept {
    const bool depthwise = e.weights != 0 && !e.window.transposed && !e.window.global &&
                           e.window.groups == e.input.channels && e.output.channels == e.input.channels;
    bool overflow = false;
    const std::uint64_t read = mul(mul(e.input.height, e.input.width, overflow), e.input.channels, overflow);
    return depthwise && last && e.activations <= read && !overflow ? e.output.height * e.output.width : 0;
}

// Positions: 0 is the network input, i + 1 is entry i; with Inputs named inputs (network.hpp),
// input k is at Inputs - 1 - k and entry i at i + Inputs, all live from the start. This runs inside the constant
// evaluation of layers<Net>, so it is written for clang's constexpr step budget (statements are
// steps) like the counting loop: two loops, raw pointers, no calls per entry. On g++ every call
// of a span's operator[] or begin() in a constant evaluation is remembered (37 MB on a 2,000-layer
// chain), so spans are read through data() and size() once per entry.
template<std::size_t Entries, std::size_t Inputs = 0>
constexpr schedule_result schedule_memory(layer_info* entries, const memory_role* roles, const shape* in,
                                          const std::size_t* outputs, std::size_t output_count,
                                          const schedule rules = {}) noexcept {
    static_assert(network_input + 1 == 0, "positions rely on network_input + 1 wrapping to 0");
    constexpr std::size_t n = Inputs == 0 ? 1 : Inputs; // the inputs' positions, [0, n)
    constexpr std::size_t positions = Entries + n;
    // group[p]: the first position of the data p holds (a view's data is its input's);
    // last_read[g]: the last position that reads data of group g (0: none);
    // owner[p]: the position that wrote the buffer p's output is in.
    std::array<std::size_t, positions> group{}, last_read{}, owner{};
    std::size_t* const g = group.data();
    std::size_t* const read = last_read.data();
    std::size_t* const own = owner.data();

    // Positions of inputs are entry + 1, network_input + 1 wrapping to 0 (the input): unsigned
    // arithmetic, as intended. Most entries read one input, so it is taken out of the loops.
    // The outputs: the entry the network ends with (the structure pass's last cursor: the last
    // entry that runs, or what a final from<> reads), or those outputs<...> names.
    bool overflow = false;
    // input_elements[q]: the elements of the input at position q; all of them live at the start.
    std::array<std::uint64_t, n> input_elements{};
    std::uint64_t live = 0;
    for (std::size_t k = 0; k != n; ++k) {
        input_elements[n - 1 - k] = mul(mul(in[k].height, in[k].width, overflow), in[k].channels, overflow);
        overflow = add_overflows(live, input_elements[n - 1 - k], &live) || overflow;
        g[k] = own[k] = k;
    }
    for (std::size_t p = n; p != positions; ++p) {
        if (roles[p - n] == memory_role::auxiliary) continue;
        const std::size_t* f = entries[p - n].inputs.data();
        const std::size_t* const last = f + entries[p - n].inputs.size();
        const std::size_t q = *f + n;
        read[g[q]] = p;
        // A view of as many elements as it reads is that data; any other entry's data is new.
        g[p] = roles[p - n] == memory_role::view &&
                       (q < n ? input_elements[q] : entries[q - n].activations) == entries[p - n].activations
                   ? g[q]
                   : p;
        while (++f < last) read[g[*f + n]] = p;
    }
    // The outputs are read after every entry: never freed, never written over.
    for (const std::size_t* o = outputs; o != outputs + output_count; ++o) read[g[*o + n]] = positions;

    // In order: an entry adds its own buffer unless it works in place or is a view; it sees
    // everything live; then the buffers whose data it read last, and that it does not carry on,
    // are freed (each once: its group's last read is cleared). The output's buffer is never
    // freed: nothing runs after it.
    const std::uint64_t all_inputs = live;
    schedule_result r{};
    for (std::size_t p = n; p != positions; ++p) {
        if (roles[p - n] == memory_role::auxiliary) continue;
        layer_info& e = entries[p - n];
        const std::size_t* f = e.inputs.data();
        const std::size_t* const last = f + e.inputs.size();
        std::size_t q = *f + n;
        // A view whose data is its input's (the first loop); in place only over as many
        // elements as it writes (a user's kind may declare itself elementwise and still change
        // the number of elements).
        const bool reuse = g[p] != p || (roles[p - n] == memory_role::elementwise && read[g[q]] == p &&
                                         (q < n ? input_elements[q] : entries[q - n].activations) == e.activations);
        // In-place depthwise (schedule::in_place_depthwise): its one channel of scratch is live
        // while it runs only.
        const std::uint64_t scratch = rules.in_place_depthwise ? in_place_scratch(e, read[g[q]] == p) : 0;
        own[p] = reuse || scratch != 0 ? own[q] : p;
        std::uint64_t at = 0;
        overflow = (!reuse && scratch == 0 && add_overflows(live, e.activations, &live)) ||
                   add_overflows(live, scratch, &at) || overflow;
        e.live_activations = overflow ? UINT64_MAX : at;
        if (!overflow && at > r.peak) {
            r.peak = at;
            r.peak_index = p - n;
        }
        for (;;) {
            if (read[g[q]] == p && own[q] != own[p]) {
                live -= own[q] < n ? input_elements[own[q]] : entries[own[q] - n].activations;
                read[g[q]] = 0;
            }
            if (++f == last) break;
            q = *f + n;
        }
        // Data nobody reads after this entry (no entry so far: every entry that runs but the
        // output has a reader) lives only while it runs.
        if (read[g[p]] == 0 || read[g[p]] == p)
            live -= own[p] < n ? input_elements[own[p]] : entries[own[p] - n].activations;
    }
    // No entry ran: the inputs, which are the outputs, are all there is.
    if (r.peak_index == schedule_result::no_entry) r.peak = all_inputs;
    r.overflow = overflow;
    return r;
}

} // namespace netcount::detail

NETCOUNT_DIAGNOSTICS_POP

#endif
