#ifndef NETCOUNT_TFLM_HPP
#define NETCOUNT_TFLM_HPP

#include <netcount/detail/config.hpp> // first: below C++20, its error comes first

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <type_traits>

#include <netcount/block.hpp>
#include <netcount/conv.hpp>
#include <netcount/counts.hpp>
#include <netcount/detail/checked.hpp>
#include <netcount/detail/node.hpp>
#include <netcount/elementwise.hpp>
#include <netcount/fc.hpp>
#include <netcount/fold.hpp>
#include <netcount/layer_info.hpp>
#include <netcount/merge.hpp>
#include <netcount/network.hpp>

// tflm_arena<Net, T>: the plan TensorFlow Lite Micro's GreedyMemoryPlanner makes for the
// network as the TFLite converter writes it, every tensor's elements of type T. docs/deploy.md
// ("TFLite Micro's tensor arena") states every rule; in short:
//   - the converted graph: batch norms folded (fold_batch_norm<Net>); a relu or relu6 whose
//     input is a conv, depthwise_conv, fc or add that nothing else reads is fused into it (no
//     tensor of its own); dropout and stochastic_depth are removed; auxiliary heads are left
//     out (training only); every other entry is an op that writes a tensor of its own
//     (flatten a RESHAPE, which copies; merges new tensors);
//   - tensors: the input first, then one per op in the order of layers<...>; each needs its
//     elements * sizeof(T) bytes rounded up to 16;
//   - lifetimes: the input is live from step 0, op k (from 0) runs at step k + 1, its output is
//     live from then to the last step that reads it, the output to the last step;
//   - placement, as greedy_memory_planner.cc: by size, largest first, equal sizes the tensor
//     added last first; each at the lowest offset of the first gap between the placed tensors
//     whose lifetimes overlap its own (ends included), taken in offset order, or after the last
//     of them; the head is the most offset + bytes.

NETCOUNT_DIAGNOSTICS_PUSH
namespace netcount {

// One buffer of a plan: its bytes, the steps it is live at (first to last, both included) and
// the offset the planner gives it.
struct arena_buffer {
    std::uint64_t bytes = 0;
    std::size_t first_step = 0;
    std::size_t last_step = 0;
    std::uint64_t offset = 0;

    friend constexpr bool operator==(const arena_buffer&, const arena_buffer&) = default;
};

namespace detail {

// TFLM's greedy placement of buffers[0, n) (their bytes and steps), in their order of addition;
// writes each offset and returns the head (the most offset + bytes), or sets `overflow`. O(n^2):
// n placements, each a walk over those placed. `order` and `by_offset` are scratch of n each.
constexpr std::uint64_t place_greedily(arena_buffer* buffers, std::size_t n, std::size_t* order, std::size_t* by_offset,
                                       bool& overflow) noexcept {
    if (n == 0) return 0;
    // By size descending; among equal sizes, the buffer added last first (TFLM lists the
    // buffers from the tail, then sorts them stably): an insertion sort, stable, in O(n^2) as
    // the placement is.
    for (std::size_t i = 0; i != n; ++i) {
        const std::size_t id = n - 1 - i;
        std::size_t at = i;
        while (at != 0 && buffers[order[at - 1]].bytes < buffers[id].bytes) {
            order[at] = order[at - 1];
            --at;
        }
        order[at] = id;
    }
    std::uint64_t head = 0;
    for (std::size_t k = 0; k != n; ++k) {
        arena_buffer& wanted = buffers[order[k]];
        // The placed buffers, by offset (ties in the order they were placed), that are live at
        // a step of wanted's: the first gap between them that holds it, or after the last.
        std::uint64_t candidate = 0;
        for (std::size_t j = 0; j != k; ++j) {
            const arena_buffer& placed = buffers[by_offset[j]];
            if (placed.first_step > wanted.last_step || wanted.first_step > placed.last_step) continue;
            if (placed.offset >= candidate && placed.offset - candidate >= wanted.bytes) break;
            std::uint64_t end = 0;
            overflow = add_overflows(placed.offset, placed.bytes, &end) || overflow;
            candidate = end > candidate ? end : candidate;
        }
        wanted.offset = candidate;
        std::uint64_t end = 0;
        overflow = add_overflows(candidate, wanted.bytes, &end) || overflow;
        head = end > head ? end : head;
        // Into the offset order, after every buffer at the same offset or below.
        std::size_t at = k;
        while (at != 0 && buffers[by_offset[at - 1]].offset > candidate) {
            by_offset[at] = by_offset[at - 1];
            --at;
        }
        by_offset[at] = order[k];
    }
    return head;
}

} // namespace detail

// greedy_plan(buffers): the offsets TFLM's GreedyMemoryPlanner gives buffers added in this
// order (arena_buffer's bytes and steps; offsets are written), and its head. The planner of
// tflm_arena, open for checking it against TFLM's own tests.
template<std::size_t N>
struct greedy_plan_result {
    std::array<arena_buffer, N> buffers{};
    std::uint64_t head_bytes = 0;
    bool overflow = false;
};

template<std::size_t N>
constexpr greedy_plan_result<N> greedy_plan(std::array<arena_buffer, N> buffers) noexcept {
    greedy_plan_result<N> r{.buffers = buffers};
    std::array<std::size_t, N> order{}, by_offset{};
    r.head_bytes = detail::place_greedily(r.buffers.data(), N, order.data(), by_offset.data(), r.overflow);
    return r;
}

// An entry of layers<fold_batch_norm<Net>> that holds no tensor in the converted graph: one in
// an auxiliary head.
inline constexpr std::size_t no_tensor = static_cast<std::size_t>(-1);

// One tensor of tflm_arena: the entry of layers<fold_batch_norm<Net>> whose op writes it
// (network_input for the input), its buffer, and the number of its op (its step is op + 1).
struct arena_tensor {
    std::size_t entry = network_input;
    arena_buffer buffer{};
};

template<std::size_t Entries>
struct arena_plan {
    std::uint64_t head_bytes = 0;      // the most offset + bytes: the arena's non-persistent head
    std::uint64_t live_peak_bytes = 0; // the most, over the steps, of the bytes of the live tensors
    std::size_t op_count = 0;          // steps 1 ... op_count
    std::size_t tensor_count = 0;      // tensors[0, tensor_count): the input, then each op's
    std::array<arena_tensor, Entries + 1> tensors{};
    // For each entry of layers<fold_batch_norm<Net>>: the tensor that holds its output (its
    // own, its producer's where it is fused or removed), or no_tensor (auxiliary).
    std::array<std::size_t, Entries> tensor_of{};
    bool overflow = false;
};

namespace detail {

// How the converter treats an entry, by its type.
enum class tflm_role : unsigned char {
    op,         // an op that writes a tensor of its own
    fuses,      // an op that takes a fused activation: conv, depthwise_conv, fc, add
    activation, // relu, relu6: fused into the op before it where it can be
    removed,    // dropout, stochastic_depth: identity in inference
};

template<class L>
inline constexpr tflm_role tflm_role_of = tflm_role::op;
template<std::size_t F, class... O>
inline constexpr tflm_role tflm_role_of<conv<F, O...>> = tflm_role::fuses;
template<class... O>
inline constexpr tflm_role tflm_role_of<depthwise_conv<O...>> = tflm_role::fuses;
template<std::size_t F, class... O>
inline constexpr tflm_role tflm_role_of<fc<F, O...>> = tflm_role::fuses;
template<>
inline constexpr tflm_role tflm_role_of<relu> = tflm_role::activation;
template<>
inline constexpr tflm_role tflm_role_of<relu6> = tflm_role::activation;
template<>
inline constexpr tflm_role tflm_role_of<dropout> = tflm_role::removed;
template<>
inline constexpr tflm_role tflm_role_of<stochastic_depth> = tflm_role::removed;

template<std::size_t Entries>
struct tflm_role_builder : passive_builder {
    std::array<tflm_role, Entries> roles{};
    std::size_t cursor = 0; // unused: the blocks copy it from path to path
    std::size_t entries_done = 0;

    template<class E>
    static constexpr void visit(tflm_role_builder& b) noexcept {
        if constexpr (layer_kind<E>)
            b.roles[b.entries_done++] = tflm_role_of<E>;
        else
            node<E>::template emit<tflm_role_builder>(b);
    }
    // An add (add<...>, residual) takes a fused activation; other merges are ops.
    template<class M>
    constexpr void merge(const std::size_t*, std::size_t) noexcept {
        roles[entries_done++] = std::is_base_of_v<add_rule, M> ? tflm_role::fuses : tflm_role::op;
    }
    template<class R>
    constexpr void sized_like(std::size_t, bool) noexcept {
        roles[entries_done++] = tflm_role::op;
    }
    template<class R>
    constexpr void unpool(std::string_view) noexcept {
        roles[entries_done++] = tflm_role::op;
    }
};

template<class Net, std::size_t ElementBytes>
constexpr auto plan_arena() noexcept {
    using folded = fold_batch_norm<Net>;
    using traits = network_traits<network_of<folded>>;
    constexpr std::size_t entries = traits::entries;
    const auto& info = layers<folded>;
    tflm_role_builder<entries> b{};
    for (const auto emit : traits::template elements<tflm_role_builder<entries>>()) emit(b);

    // Readers that run (auxiliary heads are not converted).
    std::array<std::size_t, entries> readers{};
    for (const layer_info& e : info)
        if (!e.auxiliary)
            for (const std::size_t from : e.inputs)
                if (from != network_input) ++readers[from];
    // An output (outputs<...>, or what a final from<> reads) is read after every op.
    for (const std::size_t o : output_indices<folded>)
        if (o != network_input) ++readers[o];

    arena_plan<entries> plan{};
    bool overflow = false;
    const shape in = input_shape<folded>;
    const auto bytes_of = [&overflow](std::uint64_t elements) {
        const std::uint64_t bytes = mul(elements, ElementBytes, overflow);
        return mul(add(bytes, 15, overflow) / 16, 16, overflow);
    };
    plan.tensors[0] = {.entry = network_input,
                       .buffer = {.bytes = bytes_of(mul(mul(in.height, in.width, overflow), in.channels, overflow))}};
    plan.tensor_count = 1;
    const auto tensor_read = [&plan](std::size_t from) { return from == network_input ? 0 : plan.tensor_of[from]; };
    for (std::size_t i = 0; i != entries; ++i) {
        const layer_info& e = info[i];
        if (e.auxiliary) {
            plan.tensor_of[i] = no_tensor;
            continue;
        }
        const std::size_t from = e.inputs[0];
        const bool fused = b.roles[i] == tflm_role::activation && from != network_input &&
                           b.roles[from] == tflm_role::fuses && readers[from] == 1 && !info[from].auxiliary;
        if (fused || b.roles[i] == tflm_role::removed) {
            plan.tensor_of[i] = tensor_read(from);
        } else {
            const std::size_t step = ++plan.op_count;
            for (const std::size_t f : e.inputs) {
                arena_buffer& read = plan.tensors[tensor_read(f)].buffer;
                read.last_step = step > read.last_step ? step : read.last_step;
            }
            plan.tensor_of[i] = plan.tensor_count;
            plan.tensors[plan.tensor_count++] = {
                .entry = i, .buffer = {.bytes = bytes_of(e.activations), .first_step = step, .last_step = step}};
        }
    }
    for (const std::size_t o : output_indices<folded>) plan.tensors[tensor_read(o)].buffer.last_step = plan.op_count;

    std::array<arena_buffer, entries + 1> buffers{};
    for (std::size_t t = 0; t != plan.tensor_count; ++t) buffers[t] = plan.tensors[t].buffer;
    std::array<std::size_t, entries + 1> order{}, by_offset{};
    plan.head_bytes = place_greedily(buffers.data(), plan.tensor_count, order.data(), by_offset.data(), overflow);
    for (std::size_t t = 0; t != plan.tensor_count; ++t) plan.tensors[t].buffer.offset = buffers[t].offset;

    // The live bytes at each step: a difference array over the steps, then its running sums.
    std::array<std::uint64_t, entries + 2> starts{}, ends{};
    for (std::size_t t = 0; t != plan.tensor_count; ++t) {
        const arena_buffer& buffer = plan.tensors[t].buffer;
        starts[buffer.first_step] = add(starts[buffer.first_step], buffer.bytes, overflow);
        ends[buffer.last_step + 1] = add(ends[buffer.last_step + 1], buffer.bytes, overflow);
    }
    std::uint64_t live = 0;
    for (std::size_t step = 0; step <= plan.op_count; ++step) {
        live = add(live, starts[step], overflow) - ends[step];
        plan.live_peak_bytes = live > plan.live_peak_bytes ? live : plan.live_peak_bytes;
    }
    plan.overflow = overflow;
    return plan;
}

template<class Net, std::size_t ElementBytes>
constexpr auto checked_arena() noexcept {
    constexpr auto plan = plan_arena<Net, ElementBytes>();
    // An error here means a tensor's bytes, an offset or a sum of live bytes do not fit in 64
    // bits.
    static_assert(!plan.overflow, "netcount: a count overflows 64 bits");
    return plan;
}

} // namespace detail

// tflm_arena<Net, T = std::int8_t>: TFLM's GreedyMemoryPlanner's plan of Net as converted
// (the rules at the top of this header; docs/deploy.md): .head_bytes, .live_peak_bytes, and
// every tensor's entry, bytes, steps and offset.
//   static_assert(netcount::tflm_arena<my_net>.head_bytes <= 256 * 1024);
template<class Net, class T = std::int8_t>
inline constexpr auto tflm_arena = detail::checked_arena<Net, sizeof(T)>();

} // namespace netcount

NETCOUNT_DIAGNOSTICS_POP

#endif
