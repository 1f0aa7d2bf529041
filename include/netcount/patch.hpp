#ifndef NETCOUNT_PATCH_HPP
#define NETCOUNT_PATCH_HPP

#include <netcount/detail/config.hpp> // first: below C++20, its error comes first

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>

#include <netcount/counts.hpp>
#include <netcount/detail/analysis.hpp>
#include <netcount/detail/checked.hpp>
#include <netcount/detail/rescheduled.hpp>
#include <netcount/detail/schedule.hpp>
#include <netcount/error.hpp>
#include <netcount/fixed_string.hpp>
#include <netcount/layer_info.hpp>
#include <netcount/peak.hpp>

// patch_plan<Net, "split", PatchesH, PatchesW, Schedule>: MCUNetV2's patch-based inference (Lin
// et al. 2021). Every entry of layers<Net> up to and including the split runs once per patch of
// the split's output, a PatchesH x PatchesW grid cut as torch.tensor_split cuts (the first
// H % PatchesH rows of patches one row taller), on the region of its own output that patch
// needs: walking back from the split, each entry needs of its input the rows and columns its
// window reads for the region needed of it, clipped to the input's map, the hull where several
// readers need parts of it. docs/deploy.md ("Patch-based inference") states every rule:
//   - connections: each entry of the patch stage counts its connections per output position
//     times the positions it computes, summed over the patches (the recomputed halos); every
//     entry after the split counts as in connections<Net>;
//   - memory: while the patch stage runs, the split's whole output (the assembled map) is live,
//     plus one patch's buffers under the schedule of detail/schedule.hpp with Schedule's rules,
//     run on the regions (the network input counts as the window the patch reads); the rest of
//     the network then runs under the same schedule on the assembled map.
// The patch stage costs one backward walk of its entries per row and per column of patches and
// one schedule per patch: O(PatchesH * PatchesW * (entries + edges)) up to the split.

NETCOUNT_DIAGNOSTICS_PUSH
namespace netcount {

// What patch_plan gives; counts of elements (int8: bytes) and of multiply-accumulates.
struct patch_plan_result {
    std::size_t split = 0;                     // the split's index in layers<Net>
    std::uint64_t patch_peak_activations = 0;  // the assembled map + one patch's live buffers, at most
    std::uint64_t peak_activations = 0;        // the most over both stages
    std::uint64_t connections = 0;             // the whole network's, the recomputed halos included
    std::uint64_t patch_stage_connections = 0; // the patch stage's alone, over every patch
    shape largest_input_window{};              // the largest window of the network input a patch reads

    friend constexpr bool operator==(const patch_plan_result&, const patch_plan_result&) = default;
};

// How a patch plan is invalid.
enum class patch_error : unsigned char {
    none,
    auxiliary_split, // the split is in an auxiliary head
    grid,            // no patch, or more patches than the split's output has rows or columns
    not_local,       // an entry of the patch stage does not read a window of one input per position
    read_after,      // a tensor of the patch stage (not the split's) is read after the split
};

// invalid_patch_grid<PatchesH, PatchesW, Height, Width>: instantiated when the grid does not cut
// the split's Height x Width output into patches of at least one position.
template<std::size_t PatchesH, std::size_t PatchesW, std::uint64_t Height, std::uint64_t Width>
struct invalid_patch_grid {
    static_assert(detail::always_false<invalid_patch_grid>,
                  "netcount: patch_plan: PatchesH and PatchesW must be from 1 to the split's output height and "
                  "width (every patch at least one position)");
    static constexpr bool reported = true; // see verdict in error.hpp
};

// invalid_patch_stage<Error, Name...>: instantiated when an entry makes the patch plan invalid;
// Name spells the entry's name (the tensor read after the split, for read_after).
template<patch_error Error, char... Name>
struct invalid_patch_stage {
    static_assert(Error != patch_error::auxiliary_split,
                  "netcount: patch_plan: the split is in an auxiliary head, which does not run in inference");
    static_assert(Error != patch_error::not_local,
                  "netcount: patch_plan: this entry before the split does not compute each output position from a "
                  "window of its input (a global pool, fc, upsampling, transposed convolution, flatten, a merge "
                  "of maps of other sizes, ...), so it cannot run patch by patch: split before it");
    static_assert(Error != patch_error::read_after,
                  "netcount: patch_plan: this tensor of the patch stage is read after the split (by a merge, a "
                  "from<> or outputs<>), but the patch stage holds it one patch at a time: split at or after the "
                  "entry that reads it");
    static constexpr bool reported = true; // see verdict in error.hpp
};

namespace detail {

// Positions [lo, hi) along one axis; empty when lo >= hi.
struct patch_interval {
    std::uint64_t lo = 0;
    std::uint64_t hi = 0;
    constexpr std::uint64_t length() const noexcept { return hi > lo ? hi - lo : 0; }
};

constexpr patch_interval hull(const patch_interval& a, const patch_interval& b) noexcept {
    if (a.length() == 0) return b;
    if (b.length() == 0) return a;
    return {smaller(a.lo, b.lo), larger(a.hi, b.hi)};
}

// Patch k of `parts` along an extent, as torch.tensor_split cuts it.
constexpr patch_interval cut(std::uint64_t extent, std::uint64_t parts, std::uint64_t k) noexcept {
    const std::uint64_t q = extent / parts, r = extent % parts;
    const std::uint64_t lo = k * q + smaller(k, r);
    return {lo, lo + q + (k < r ? 1 : 0)};
}

// The positions of an input of in_extent that outputs `out` of a window read, clipped to the
// map. A merge reads its inputs position by position, or broadcasts an input of extent 1.
constexpr patch_interval needed(const axis_window& w, bool merge, patch_interval out, std::uint64_t in_extent,
                                std::uint64_t out_extent, bool& overflow) noexcept {
    if (out.length() == 0) return {};
    if (merge) return in_extent == out_extent ? out : patch_interval{0, in_extent};
    const std::uint64_t first = mul(out.lo, w.stride, overflow);
    const std::uint64_t end =
        add(add(mul(out.hi - 1, w.stride, overflow), mul(w.kernel - 1, w.dilation, overflow), overflow), 1, overflow);
    const std::uint64_t hi = smaller(end > w.pad_begin ? end - w.pad_begin : 0, in_extent);
    const std::uint64_t lo = smaller(first > w.pad_begin ? first - w.pad_begin : 0, hi);
    return {lo, hi};
}

// Whether an axis's output extent is its window's over the input (floor, or ceil as ceil_mode
// pools round): then output position i reads input positions from i * stride - pad_begin.
constexpr bool follows_window(const axis_window& w, std::uint64_t in, std::uint64_t out) noexcept {
    bool overflow = false;
    const std::uint64_t padded = add(add(in, w.pad_begin, overflow), w.pad_end, overflow);
    const std::uint64_t span = add(mul(w.kernel - 1, w.dilation, overflow), 1, overflow);
    if (overflow || padded < span || w.stride == 0) return false;
    const std::uint64_t floor = (padded - span) / w.stride + 1;
    const std::uint64_t ceil = (padded - span + w.stride - 1) / w.stride + 1;
    return out == floor || out == ceil;
}

// An entry of the patch stage runs patch by patch where each output position reads a window
// of its one input (a merge: the same position of each input, or an input of extent 1; merge()
// below) and counts the same connections at every position.
constexpr bool runs_locally(const layer_info& e, const shape& in) noexcept {
    if (e.window.global || e.window.transposed) return false;
    bool overflow = false;
    const std::uint64_t positions = mul(e.output.height, e.output.width, overflow);
    if (mul(positions, e.output.channels, overflow) != e.activations || overflow || e.connections % positions != 0)
        return false;
    if (e.merge) return e.window == layer_window{};
    return e.inputs.size() == 1 && follows_window(e.window.height, in.height, e.output.height) &&
           follows_window(e.window.width, in.width, e.output.width);
}

template<std::size_t Split>
struct patch_outcome {
    patch_plan_result result{};
    patch_error error = patch_error::none;
    std::size_t culprit = network_input; // the entry an error names
    bool overflow = false;
};

template<class Net, std::size_t Split, std::size_t PatchesH, std::size_t PatchesW, netcount::schedule Rules>
constexpr patch_outcome<Split> plan_patches() noexcept {
    using traits = network_traits<network_of<Net>>;
    constexpr std::size_t entries = traits::entries;
    constexpr std::size_t positions = Split + 2; // 0: the network input, p: entry p - 1
    const auto& info = layers<Net, Rules>;
    const shape in = input_shape<Net>;
    patch_outcome<Split> o{};
    o.result.split = Split;
    const layer_info& split = info[Split];
    const auto shape_at = [&](std::size_t f) { return f == network_input ? in : info[f].output; };

    if (split.auxiliary) {
        o.error = patch_error::auxiliary_split;
        o.culprit = Split;
        return o;
    }
    if (PatchesH == 0 || PatchesW == 0 || PatchesH > split.output.height || PatchesW > split.output.width) {
        o.error = patch_error::grid;
        return o;
    }
    for (std::size_t i = 0; i <= Split; ++i) {
        const layer_info& e = info[i];
        if (e.auxiliary) continue;
        bool local = runs_locally(e, shape_at(e.inputs[0]));
        if (e.merge)
            for (const std::size_t f : e.inputs) {
                const shape s = shape_at(f);
                local = local && (s.height == e.output.height || s.height == 1) &&
                        (s.width == e.output.width || s.width == 1);
            }
        if (!local) {
            o.error = patch_error::not_local;
            o.culprit = i;
            return o;
        }
    }
    // Nothing after the split reads a tensor of the patch stage but the split's.
    const auto before_split = [](std::size_t f) { return f == network_input || f < Split; };
    for (std::size_t i = Split + 1; i != entries; ++i)
        if (!info[i].auxiliary)
            for (const std::size_t f : info[i].inputs)
                if (before_split(f)) {
                    o.error = patch_error::read_after;
                    o.culprit = f;
                    return o;
                }
    for (const std::size_t f : output_indices<Net>)
        if (before_split(f)) {
            o.error = patch_error::read_after;
            o.culprit = f;
            return o;
        }

    // The regions each row and each column of patches needs, by a backward walk.
    bool overflow = false;
    std::array<patch_interval, PatchesH * positions> rows{};
    std::array<patch_interval, PatchesW * positions> cols{};
    const auto walk = [&](patch_interval* reg, patch_interval last, bool height) {
        reg[Split + 1] = last;
        for (std::size_t p = Split + 1; p != 0; --p) {
            const layer_info& e = info[p - 1];
            if (e.auxiliary || reg[p].length() == 0) continue;
            for (const std::size_t f : e.inputs) {
                const shape s = shape_at(f);
                const patch_interval need =
                    height ? needed(e.window.height, e.merge, reg[p], s.height, e.output.height, overflow)
                           : needed(e.window.width, e.merge, reg[p], s.width, e.output.width, overflow);
                reg[f + 1] = hull(reg[f + 1], need); // network_input + 1 wraps to 0
            }
        }
    };
    for (std::size_t k = 0; k != PatchesH; ++k)
        walk(rows.data() + k * positions, cut(split.output.height, PatchesH, k), true);
    for (std::size_t k = 0; k != PatchesW; ++k)
        walk(cols.data() + k * positions, cut(split.output.width, PatchesW, k), false);

    // Connections: per position times the positions computed, over every patch; the rows and
    // columns of a grid multiply, so the sums over each axis do.
    std::uint64_t stage = 0, rest = 0;
    for (std::size_t p = 1; p != positions; ++p) {
        const layer_info& e = info[p - 1];
        if (e.auxiliary) continue;
        std::uint64_t down = 0, across = 0;
        for (std::size_t k = 0; k != PatchesH; ++k) down = add(down, rows[k * positions + p].length(), overflow);
        for (std::size_t k = 0; k != PatchesW; ++k) across = add(across, cols[k * positions + p].length(), overflow);
        const std::uint64_t per_position = contribution(e).connections / (e.output.height * e.output.width);
        stage = add(stage, mul(mul(per_position, down, overflow), across, overflow), overflow);
    }
    for (std::size_t i = Split + 1; i != entries; ++i) rest = add(rest, contribution(info[i]).connections, overflow);
    o.result.patch_stage_connections = stage;
    o.result.connections = add(stage, rest, overflow);

    // Memory: one schedule per patch on copies of the entries with the regions' shapes. Patches
    // whose rows need regions of the same lengths at every entry (and columns alike) hold the
    // same buffers, so only the distinct rows and columns of patches are scheduled: the grid's
    // interior is one case. (28 x 28 patches of MobileNetV2's first 33 entries were 784
    // schedules, past g++'s default of 33,554,432 constexpr operations; they are 16 now.)
    std::array<std::size_t, PatchesH> row_cases{};
    std::array<std::size_t, PatchesW> col_cases{};
    const auto same_lengths = [&](const patch_interval* x, const patch_interval* y) {
        for (std::size_t p = 0; p != positions; ++p)
            if (x[p].length() != y[p].length()) return false;
        return true;
    };
    std::size_t row_count = 0, col_count = 0;
    for (std::size_t k = 0; k != PatchesH; ++k) {
        bool seen = false;
        for (std::size_t j = 0; j != row_count && !seen; ++j)
            seen = same_lengths(rows.data() + k * positions, rows.data() + row_cases[j] * positions);
        if (!seen) row_cases[row_count++] = k;
    }
    for (std::size_t k = 0; k != PatchesW; ++k) {
        bool seen = false;
        for (std::size_t j = 0; j != col_count && !seen; ++j)
            seen = same_lengths(cols.data() + k * positions, cols.data() + col_cases[j] * positions);
        if (!seen) col_cases[col_count++] = k;
    }
    role_builder<entries> b{};
    for (const auto emit : traits::template elements<role_builder<entries>>()) emit(b);
    for (std::size_t i = 0; i <= Split; ++i)
        if (info[i].auxiliary) b.roles[i] = memory_role::auxiliary;
    const std::size_t outputs[1] = {Split};
    std::uint64_t most = 0, largest = 0;
    std::array<layer_info, Split + 1> patch{};
    for (std::size_t i = 0; i <= Split; ++i) patch[i] = info[i];
    for (std::size_t r = 0; r != row_count; ++r)
        for (std::size_t c = 0; c != col_count; ++c) {
            const patch_interval* down = rows.data() + row_cases[r] * positions;
            const patch_interval* across = cols.data() + col_cases[c] * positions;
            const auto region = [&](std::size_t q, std::uint64_t channels) {
                return shape{down[q].length(), across[q].length(), channels};
            };
            for (std::size_t i = 0; i <= Split; ++i) {
                if (info[i].auxiliary) continue;
                const std::size_t f = info[i].inputs[0];
                patch[i].input = region(f + 1, shape_at(f).channels);
                patch[i].output = region(i + 1, info[i].output.channels);
                patch[i].activations = mul(mul(patch[i].output.height, patch[i].output.width, overflow),
                                           patch[i].output.channels, overflow);
            }
            const shape window = region(0, in.channels);
            const schedule_result s =
                schedule_memory<Split + 1>(patch.data(), b.roles.data(), &window, outputs, 1, Rules);
            overflow = overflow || s.overflow;
            most = larger(most, s.peak);
            const std::uint64_t elements = mul(mul(window.height, window.width, overflow), window.channels, overflow);
            if (elements > largest) {
                largest = elements;
                o.result.largest_input_window = window;
            }
        }
    o.result.patch_peak_activations = add(split.activations, most, overflow);
    std::uint64_t peak = o.result.patch_peak_activations;
    for (std::size_t i = Split + 1; i != entries; ++i)
        if (!info[i].auxiliary) peak = larger(peak, info[i].live_activations);
    o.result.peak_activations = peak;
    o.overflow = overflow;
    return o;
}

template<class Net, std::size_t Index>
inline constexpr std::string_view patch_culprit_name = Index == network_input ? std::string_view("(the network input)")
                                                                              : layers<Net>[Index].name;

template<patch_error Error, class Net, std::size_t Index, std::size_t... I>
constexpr void report_patch_stage(std::index_sequence<I...>) noexcept {
    (void)sizeof(report<invalid_patch_stage<Error, patch_culprit_name<Net, Index>[I]...>>);
}

template<class Net, std::size_t Split, std::size_t PatchesH, std::size_t PatchesW, netcount::schedule Rules>
constexpr patch_plan_result checked_patch_plan() noexcept {
    (void)checked_schedule<Net, Rules>(); // the whole schedule's overflow is its own error
    constexpr patch_outcome<Split> o = plan_patches<Net, Split, PatchesH, PatchesW, Rules>();
    if constexpr (o.error == patch_error::grid) {
        constexpr const layer_info& split = layers<Net>[Split];
        (void)sizeof(report<invalid_patch_grid<PatchesH, PatchesW, split.output.height, split.output.width>>);
        return {};
    } else if constexpr (o.error != patch_error::none) {
        report_patch_stage<o.error, Net, o.culprit>(
            std::make_index_sequence<patch_culprit_name<Net, o.culprit>.size()>{});
        return {};
    } else {
        // An error here means a region's elements, a patch's live elements or the connections
        // over every patch do not fit in 64 bits.
        static_assert(!o.overflow, "netcount: a count overflows 64 bits");
        return o.result;
    }
}

template<class Net, fixed_string Split, std::size_t PatchesH, std::size_t PatchesW, netcount::schedule Rules>
constexpr patch_plan_result patch_plan_of() noexcept {
    constexpr const auto& entries = checked_layers<Net>();
    constexpr name_match m = find_name(entries, Split.view());
    if constexpr (m.matches != 1) {
        report_layer_name<Split, m.matches>(std::make_index_sequence<Split.size()>{});
        return {};
    } else {
        return checked_patch_plan<Net, m.index, PatchesH, PatchesW, Rules>();
    }
}

} // namespace detail

// patch_plan<Net, "split", PatchesH, PatchesW, Schedule = schedule{}>: MCUNetV2's patch-based
// inference up to and including the entry named "split" (the rules at the top of this header;
// docs/deploy.md): .patch_peak_activations, .peak_activations and .connections, with the split's
// index, the patch stage's connections and the largest input window a patch reads.
//   constexpr auto plan = netcount::patch_plan<my_net, "block3/conv2", 4, 4>;
//   static_assert(plan.peak_activations <= 256 * 1024);
template<class Net, fixed_string Split, std::size_t PatchesH, std::size_t PatchesW, schedule Schedule = schedule()>
inline constexpr patch_plan_result patch_plan = detail::patch_plan_of<Net, Split, PatchesH, PatchesW, Schedule>();

} // namespace netcount

NETCOUNT_DIAGNOSTICS_POP

#endif
