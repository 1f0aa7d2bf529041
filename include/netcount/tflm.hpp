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
#include <netcount/error.hpp>
#include <netcount/fc.hpp>
#include <netcount/fold.hpp>
#include <netcount/layer_info.hpp>
#include <netcount/merge.hpp>
#include <netcount/network.hpp>

// tflm_arena<Net, T>: the plan TensorFlow Lite Micro's GreedyMemoryPlanner makes for the
// network as the TFLite converter writes it, every tensor's elements of type T. docs/deploy.md
// ("TFLite Micro's tensor arena") states every rule; in short:
//   - the converted graph is the inference graph of what the outputs need: auxiliary heads
//     (training only) and every entry no output depends on are left out; dropout and
//     stochastic_depth are removed; a batch_norm whose input tensor a conv, depthwise_conv,
//     transposed_conv, fc or linear wrote, that nothing else reads, is folded into it, and a
//     relu or relu6 whose input tensor a conv, depthwise_conv, fc, linear or add wrote, that
//     nothing else reads, is fused into it (one activation per op), neither with a tensor of
//     its own; every other entry is an op that writes a tensor of its own (flatten a RESHAPE,
//     which copies; merges new tensors);
//   - tensors: the input first, then one per op in the order of layers<Net>; each needs its
//     elements * sizeof(T) bytes rounded up to 16;
//   - lifetimes: the input is live from step 0, op k (from 0) runs at step k + 1, its output is
//     live from then to the last step that reads it, the output to the last step;
//   - placement, as greedy_memory_planner.cc: by size, largest first, equal sizes the tensor
//     added last first; each at the lowest offset of the first gap between the placed tensors
//     whose lifetimes overlap its own (ends included), taken in offset order, or after the last
//     of them; the head is the most offset + bytes;
//   - kernel scratch (kernel_scratch::cmsis_nn_dsp, int8 only; none by default): each conv and
//     depthwise conv asks for the scratch buffer CMSIS-NN's s8 kernels ask for on a core with the
//     DSP extension (no MVE), added after the tensors in the order of the ops, live at its op's
//     step only, rounded up to 16 like a tensor.

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
// writes each offset and returns the head (the most offset + bytes), or sets `overflow`. N is
// the capacity (n <= N).
//
// The buffers are placed by size descending; among equal sizes, the buffer added last first
// (TFLM lists the buffers from the tail, then sorts them stably).
// Each goes at the first gap, between the placed buffers live at a step of its own taken by
// offset (ties in the order they were placed), that holds it, or after the last of them.
//
// Finding those placed buffers by walking every one placed is O(n^2), which clang's default
// budget of 1,048,576 constexpr steps did not hold for EfficientNet-B7's 652 tensors
// (it took over 1,500,000 steps). A network's tensors mostly live a few steps, so the buffers are
// bucketed by their first step: a buffer that lives fewer than `short_life` steps and overlaps
// the wanted one begins at most short_life - 1 steps before it, so only those buckets and the
// few long-lived buffers are looked at, then sorted by offset. Where a step is beyond N (a
// buffer list of one's own, greedy_plan), every placed buffer is walked as before.
template<std::size_t N>
constexpr std::uint64_t place_greedily(arena_buffer* buffers, std::size_t n, bool& overflow) noexcept {
    if (n == 0) return 0;
    constexpr std::size_t none = static_cast<std::size_t>(-1);
    constexpr std::size_t short_life = 16;
    std::array<std::size_t, N> order_{}, rank{}, by_first{}, longs{}, near{}, merged{};
    std::size_t* order = order_.data();
    // The order of placement: by bytes descending, then the one added last first, a bottom-up
    // merge sort (an insertion sort cost EfficientNet-B7's 652 buffers more than clang's step
    // budget on its own).
    const auto before = [buffers](std::size_t a, std::size_t b) {
        return buffers[a].bytes > buffers[b].bytes || (buffers[a].bytes == buffers[b].bytes && a > b);
    };
    for (std::size_t i = 0; i != n; ++i) {
        order[i] = i;
        rank[i] = none;
    }
    for (std::size_t width = 1; width < n; width *= 2) {
        for (std::size_t lo = 0; lo < n; lo += 2 * width) {
            const std::size_t mid = smaller(lo + width, n), hi = smaller(lo + 2 * width, n);
            std::size_t a = lo, b = mid, out = lo;
            while (a != mid && b != hi) merged[out++] = before(order[b], order[a]) ? order[b++] : order[a++];
            while (a != mid) merged[out++] = order[a++];
            while (b != hi) merged[out++] = order[b++];
        }
        for (std::size_t i = 0; i != n; ++i) order[i] = merged[i];
    }
    std::array<std::size_t, N + 2> bucket{};
    bool bucketed = true;
    for (std::size_t i = 0; i != n; ++i)
        bucketed = bucketed && buffers[i].last_step <= N && buffers[i].first_step <= buffers[i].last_step;
    std::size_t long_count = 0;
    if (bucketed) {
        // A counting sort of the short-lived buffers by first step: bucket[s] to bucket[s + 1].
        for (std::size_t i = 0; i != n; ++i)
            if (buffers[i].last_step - buffers[i].first_step < short_life)
                ++bucket[buffers[i].first_step + 1];
            else
                longs[long_count++] = i;
        for (std::size_t s = 1; s != N + 2; ++s) bucket[s] += bucket[s - 1];
        std::array<std::size_t, N + 1> fill{};
        for (std::size_t i = 0; i != n; ++i)
            if (buffers[i].last_step - buffers[i].first_step < short_life) {
                const std::size_t s = buffers[i].first_step;
                by_first[bucket[s] + fill[s]++] = i;
            }
    }
    std::array<std::size_t, N> by_offset{}; // the placed buffers by offset (the walk of all)
    std::uint64_t head = 0;
    for (std::size_t k = 0; k != n; ++k) {
        arena_buffer& wanted = buffers[order[k]];
        const auto overlaps = [&wanted](const arena_buffer& b) {
            return b.first_step <= wanted.last_step && wanted.first_step <= b.last_step;
        };
        // The placed buffers that overlap it, by offset, then by the order they were placed.
        std::size_t m = 0;
        if (bucketed) {
            const auto take = [&](std::size_t id) {
                if (rank[id] == none || !overlaps(buffers[id])) return;
                std::size_t at = m++;
                while (at != 0 &&
                       (buffers[near[at - 1]].offset > buffers[id].offset ||
                        (buffers[near[at - 1]].offset == buffers[id].offset && rank[near[at - 1]] > rank[id]))) {
                    near[at] = near[at - 1];
                    --at;
                }
                near[at] = id;
            };
            const std::size_t from = wanted.first_step >= short_life ? wanted.first_step - (short_life - 1) : 0;
            for (std::size_t j = bucket[from]; j != bucket[wanted.last_step + 1]; ++j) take(by_first[j]);
            for (std::size_t j = 0; j != long_count; ++j) take(longs[j]);
        } else {
            for (std::size_t j = 0; j != k; ++j)
                if (overlaps(buffers[by_offset[j]])) near[m++] = by_offset[j];
        }
        std::uint64_t candidate = 0;
        for (std::size_t j = 0; j != m; ++j) {
            const arena_buffer& placed = buffers[near[j]];
            if (placed.offset >= candidate && placed.offset - candidate >= wanted.bytes) break;
            std::uint64_t end = 0;
            overflow = add_overflows(placed.offset, placed.bytes, &end) || overflow;
            candidate = end > candidate ? end : candidate;
        }
        wanted.offset = candidate;
        rank[order[k]] = k;
        std::uint64_t end = 0;
        overflow = add_overflows(candidate, wanted.bytes, &end) || overflow;
        head = larger(head, end);
        if (!bucketed) {
            // Into the offset order, after every buffer at the same offset or below.
            std::size_t at = k;
            while (at != 0 && buffers[by_offset[at - 1]].offset > candidate) {
                by_offset[at] = by_offset[at - 1];
                --at;
            }
            by_offset[at] = order[k];
        }
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
    r.head_bytes = detail::place_greedily<N>(r.buffers.data(), N, r.overflow);
    return r;
}

// An entry of layers<Net> that holds no tensor in the converted graph: one in an auxiliary
// head, or one no output of the network depends on.
inline constexpr std::size_t no_tensor = static_cast<std::size_t>(-1);

// One tensor of tflm_arena: the entry of layers<Net> whose op writes it
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
    // For each entry of layers<Net>: the tensor that holds its output (its own, its
    // producer's where it is folded, fused or removed), or no_tensor (auxiliary, or no output
    // depends on it).
    std::array<std::size_t, Entries> tensor_of{};
    // Kernel scratch buffers (kernel_scratch other than none): scratch[0, scratch_count), each
    // with the entry of the conv that asks for it, planned with the tensors.
    std::size_t scratch_count = 0;
    std::array<arena_tensor, Entries> scratch{};
    bool overflow = false;
};

// The scratch buffers tflm_arena plans beside the tensors: none (the default), or those of
// CMSIS-NN's int8 convolutions on a Cortex-M core with the DSP extension and without MVE
// (Cortex-M4, M7, M33, M35P, M55 built without MVE): docs/deploy.md states the formulas.
enum class kernel_scratch : unsigned char { none, cmsis_nn_dsp };

namespace detail {

// How the converter treats an entry, by its type.
enum class tflm_role : unsigned char {
    op,         // an op that writes a tensor of its own
    fuses,      // an op that takes a fused activation: conv, depthwise_conv, fc, linear, add
    activation, // relu, relu6: fused into the op before it where it can be
    batch_norm, // folded into the op before it where it can be
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
// linear is TFLite's FULLY_CONNECTED on the last axis (keep_num_dims), which takes a fused
// activation as fc's does.
template<std::size_t F, class... O>
inline constexpr tflm_role tflm_role_of<linear<F, O...>> = tflm_role::fuses;
template<>
inline constexpr tflm_role tflm_role_of<relu> = tflm_role::activation;
template<>
inline constexpr tflm_role tflm_role_of<relu6> = tflm_role::activation;
template<>
inline constexpr tflm_role tflm_role_of<batch_norm> = tflm_role::batch_norm;
template<>
inline constexpr tflm_role tflm_role_of<dropout> = tflm_role::removed;
template<>
inline constexpr tflm_role tflm_role_of<stochastic_depth> = tflm_role::removed;

// A conv or depthwise_conv: what TFLite writes as CONV_2D or DEPTHWISE_CONV_2D.
template<class L>
inline constexpr bool tflm_convolution = false;
template<std::size_t F, class... O>
inline constexpr bool tflm_convolution<conv<F, O...>> = true;
template<class... O>
inline constexpr bool tflm_convolution<depthwise_conv<O...>> = true;

template<std::size_t Entries>
struct tflm_role_builder : passive_builder {
    std::array<tflm_role, Entries> roles{};
    std::array<bool, Entries> convolution{};
    std::array<bool, Entries> folds{}; // a batch_norm after it folds into it (fold.hpp's five types)
    std::size_t cursor = 0;            // unused: the blocks copy it from path to path
    std::size_t entries_done = 0;

    template<class E>
    static constexpr void visit(tflm_role_builder& b) noexcept {
        if constexpr (layer_kind<E>) {
            b.convolution[b.entries_done] = tflm_convolution<E>;
            b.folds[b.entries_done] = folds_batch_norm<E>;
            b.roles[b.entries_done++] = tflm_role_of<E>;
        } else {
            node<E>::template emit<tflm_role_builder>(b);
        }
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

// The bytes of the scratch buffer CMSIS-NN's int8 kernels ask for (RequestScratchBufferInArena
// in TFLM's cmsis_nn/conv.cc and depthwise_conv.cc) on a core with the DSP extension and
// without MVE, by the wrapper functions' buffer-size rules (CMSIS-NN, Source/
// ConvolutionFunctions/arm_convolve_get_buffer_sizes_s8.c, V.2.3.0, and arm_depthwise_conv_
// get_buffer_sizes_s8.c, V.1.3.0; docs/deploy.md):
//   - a depthwise convolution (groups = input channels): with one output channel per input
//     channel and no dilation, 0 for a 3 x 3 kernel with padding at most 1, else
//     C * kh * kw * 2 (int16 columns); with a multiplier, 0;
//   - another convolution: 0 for a 1 x 1 kernel without padding, dilation or groups (the fast
//     1 x 1 kernel asks for none when built with GCC or Clang); else 2 * R * 2 bytes, R =
//     kh * kw * C rounded up to a multiple of 4 (two im2col columns of int16).
constexpr std::uint64_t cmsis_nn_dsp_scratch(const layer_info& e, bool& overflow) noexcept {
    const layer_window& w = e.window;
    const std::uint64_t area = mul(w.height.kernel, w.width.kernel, overflow);
    const bool undilated = w.height.dilation == 1 && w.width.dilation == 1;
    if (w.groups == e.input.channels && w.groups != 1) {
        if (e.output.channels != e.input.channels || !undilated) return 0;
        if (w.height.kernel == 3 && w.width.kernel == 3 && w.height.pad_begin <= 1 && w.width.pad_begin <= 1) return 0;
        return mul(mul(e.input.channels, area, overflow), 2, overflow);
    }
    if (area == 1 && w.height.pad_begin == 0 && w.width.pad_begin == 0 && undilated && w.groups == 1) return 0;
    const std::uint64_t columns = mul(area, e.input.channels, overflow);
    return mul(add(columns, (4 - columns % 4) % 4, overflow), 4, overflow);
}

template<class Net, std::size_t ElementBytes, kernel_scratch Scratch = kernel_scratch::none>
constexpr auto plan_arena() noexcept {
    using traits = network_traits<network_of<Net>>;
    constexpr std::size_t entries = traits::entries;
    const auto& info = layers<Net>;
    tflm_role_builder<entries> b{};
    for (const auto emit : traits::template elements<tflm_role_builder<entries>>()) emit(b);

    // The converted graph is what the outputs need: an entry runs if it is an output or a
    // running entry reads it (the converter keeps nothing else), and never in an auxiliary head
    // (training only). Entries read only earlier ones, so one walk from the end finds them.
    std::array<bool, entries> runs{};
    for (const std::size_t o : output_indices<Net>)
        if (o != network_input) runs[o] = true;
    for (std::size_t i = entries; i-- != 0;) {
        runs[i] = runs[i] && !info[i].auxiliary;
        if (runs[i])
            for (const std::size_t from : info[i].inputs)
                if (from != network_input) runs[from] = true;
    }
    // Each entry's readers among the running entries; an output is read after every op.
    std::array<std::size_t, entries> readers{};
    for (std::size_t i = 0; i != entries; ++i)
        if (runs[i])
            for (const std::size_t from : info[i].inputs)
                if (from != network_input) ++readers[from];
    for (const std::size_t o : output_indices<Net>)
        if (o != network_input) ++readers[o];

    arena_plan<entries> plan{};
    bool overflow = false;
    const shape in = input_shape<Net>;
    const auto round16 = [&overflow](std::uint64_t bytes) { return mul(add(bytes, 15, overflow) / 16, 16, overflow); };
    const auto bytes_of = [&](std::uint64_t elements) { return round16(mul(elements, ElementBytes, overflow)); };
    plan.tensors[0] = {.entry = network_input,
                       .buffer = {.bytes = bytes_of(mul(mul(in.height, in.width, overflow), in.channels, overflow))}};
    plan.tensor_count = 1;
    // Per tensor: how many running entries read it (through the removed, folded and fused
    // entries that hold it too) and whether an activation is fused into its op already.
    std::array<std::size_t, entries + 1> tensor_readers{};
    std::array<bool, entries + 1> fused{};
    const auto tensor_read = [&plan](std::size_t from) { return from == network_input ? 0 : plan.tensor_of[from]; };
    for (std::size_t i = 0; i != entries; ++i) {
        const layer_info& e = info[i];
        if (!runs[i]) {
            plan.tensor_of[i] = no_tensor;
            continue;
        }
        // A batch_norm folds, and a relu or relu6 fuses, into the op that wrote the tensor it
        // reads where that op takes it (no activation fused into it yet) and nothing else reads
        // the tensor. An entry read later by a removed one counts once here, but reads on through
        // it, so "nothing else" is known when the test is made.
        const std::size_t t = tensor_read(e.inputs[0]);
        const std::size_t writer = plan.tensors[t].entry;
        const bool takes = t != 0 && e.inputs.size() == 1 && tensor_readers[t] == 1 && !fused[t];
        const bool folded = takes && b.roles[i] == tflm_role::batch_norm && b.folds[writer];
        const bool fuses = takes && b.roles[i] == tflm_role::activation && b.roles[writer] == tflm_role::fuses;
        if (folded || fuses || b.roles[i] == tflm_role::removed) {
            plan.tensor_of[i] = t;
            fused[t] = fused[t] || fuses;
            if (t != 0) tensor_readers[t] = tensor_readers[t] - 1 + readers[i];
            continue;
        }
        const std::size_t step = ++plan.op_count;
        for (const std::size_t f : e.inputs) {
            arena_buffer& read = plan.tensors[tensor_read(f)].buffer;
            read.last_step = step > read.last_step ? step : read.last_step;
        }
        plan.tensor_of[i] = plan.tensor_count;
        tensor_readers[plan.tensor_count] = readers[i];
        plan.tensors[plan.tensor_count++] = {
            .entry = i, .buffer = {.bytes = bytes_of(e.activations), .first_step = step, .last_step = step}};
    }
    for (const std::size_t o : output_indices<Net>) plan.tensors[tensor_read(o)].buffer.last_step = plan.op_count;

    // Kernel scratch: after the tensors, in the order of the ops, as TFLM adds its requests.
    if constexpr (Scratch == kernel_scratch::cmsis_nn_dsp) {
        for (std::size_t t = 1; t != plan.tensor_count; ++t) {
            const std::size_t i = plan.tensors[t].entry;
            if (!b.convolution[i]) continue;
            const std::uint64_t bytes = cmsis_nn_dsp_scratch(info[i], overflow);
            if (bytes == 0) continue;
            const std::size_t step = plan.tensors[t].buffer.first_step;
            plan.scratch[plan.scratch_count++] = {
                .entry = i, .buffer = {.bytes = round16(bytes), .first_step = step, .last_step = step}};
        }
    }

    const std::size_t count = plan.tensor_count + plan.scratch_count;
    std::array<arena_buffer, 2 * entries + 1> buffers{};
    const auto buffer_at = [&plan](std::size_t k) -> arena_buffer& {
        return k < plan.tensor_count ? plan.tensors[k].buffer : plan.scratch[k - plan.tensor_count].buffer;
    };
    for (std::size_t k = 0; k != count; ++k) buffers[k] = buffer_at(k);
    plan.head_bytes = place_greedily<2 * entries + 1>(buffers.data(), count, overflow);
    for (std::size_t k = 0; k != count; ++k) buffer_at(k).offset = buffers[k].offset;

    // The live bytes at each step: a difference array over the steps, then its running sums.
    std::array<std::uint64_t, entries + 2> starts{}, ends{};
    for (std::size_t k = 0; k != count; ++k) {
        const arena_buffer& buffer = buffer_at(k);
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

template<class T>
struct kernel_scratch_needs_int8 {
    static_assert(always_false<T>, "netcount: tflm_arena: kernel_scratch::cmsis_nn_dsp is the scratch of CMSIS-NN's "
                                   "int8 (s8) convolutions, so T must be std::int8_t");
    static constexpr bool reported = true; // see verdict in error.hpp
};

// The plan, once per network and settings (tflm_arena and a budget's arena limit share it);
// none for a network of several inputs, which checked_arena_bytes() rejects.
inline constexpr arena_plan<0> no_arena{};
template<class Net, std::size_t ElementBytes, kernel_scratch Scratch>
inline constexpr auto arena_plan_of = [] {
    if constexpr (input_shapes<Net>.size() != 1)
        return no_arena;
    else
        return plan_arena<Net, ElementBytes, Scratch>();
}();

// Instantiated for tflm_arena<Net> (or a budget's arena limit) of a network of several inputs.
template<class Net>
struct arena_of_several_inputs {
    static_assert(always_false<Net>, "netcount: tflm_arena plans a network of one input (the planner's tensor 0); "
                                     "this one has several: peak_activations<Net> counts their schedule");
    static constexpr bool reported = true; // see verdict in error.hpp
};

template<class Net, std::size_t ElementBytes, kernel_scratch Scratch>
constexpr const auto& checked_arena_bytes() noexcept {
    if constexpr (input_shapes<Net>.size() != 1) {
        (void)sizeof(report<arena_of_several_inputs<Net>>);
        return no_arena;
    } else {
        constexpr const auto& plan = arena_plan_of<Net, ElementBytes, Scratch>;
        // An error here means a tensor's bytes, an offset or a sum of live bytes do not fit in 64
        // bits.
        static_assert(!plan.overflow, "netcount: a count overflows 64 bits");
        return plan;
    }
}

template<class Net, class T, kernel_scratch Scratch>
constexpr auto checked_arena() noexcept {
    if constexpr (Scratch != kernel_scratch::none && !std::is_same_v<T, std::int8_t>)
        (void)sizeof(report<kernel_scratch_needs_int8<T>>);
    constexpr kernel_scratch scratch = std::is_same_v<T, std::int8_t> ? Scratch : kernel_scratch::none;
    return checked_arena_bytes<Net, sizeof(T), scratch>();
}

} // namespace detail

// tflm_arena<Net, T = std::int8_t, Scratch = kernel_scratch::none>: TFLM's GreedyMemoryPlanner's
// plan of Net as converted (the rules at the top of this header; docs/deploy.md): .head_bytes,
// .live_peak_bytes, every tensor's entry, bytes, steps and offset, and with
// kernel_scratch::cmsis_nn_dsp (int8 only) the scratch buffers of CMSIS-NN's convolutions.
//   static_assert(netcount::tflm_arena<my_net>.head_bytes <= 256 * 1024);
template<class Net, class T = std::int8_t, kernel_scratch Scratch = kernel_scratch::none>
inline constexpr auto tflm_arena = detail::checked_arena<Net, T, Scratch>();

} // namespace netcount

NETCOUNT_DIAGNOSTICS_POP

#endif
