#ifndef NETCOUNT_DETAIL_FIELD_HPP
#define NETCOUNT_DETAIL_FIELD_HPP

#include <netcount/detail/config.hpp> // NETCOUNT_DIAGNOSTICS_PUSH, _POP

#include <cstdint>

#include <netcount/detail/checked.hpp>
#include <netcount/layer_info.hpp>

// Receptive fields, the standard recurrence (Araujo, Norris and Sim, "Computing Receptive
// Fields of Convolutional Neural Networks", Distill 2019): along an axis, a window of kernel k,
// dilation d, stride s and leading padding p turns the field (size, jump, start) of its input
// into (size + d * (k - 1) * jump, jump * s, start - p * jump).

NETCOUNT_DIAGNOSTICS_PUSH
namespace netcount::detail {

// A field that does not fit in its integers (layer_info.hpp): all zero, and marked.
inline constexpr axis_field unrepresentable_field{.size = 0, .jump = 0, .start = 0, .fits = false};

// Starts are never above 0 (padding only moves them down, merges take the lowest), so a field
// is computed with its start as a depth below 0, `-start`: at most 2^63, as INT64_MIN is -2^63.
// Written out where used (-(start + 1) + 1 and its inverse, neither of which can overflow),
// not as functions: this runs twice for every entry of layers<Net>, and calls cost clang
// constexpr steps.
inline constexpr std::uint64_t deepest_start = std::uint64_t{1} << 63;

// The field of a layer's output along one axis, from the field of its input and its window.
// A transposed window: output o draws on about ceil((d * (k - 1) + 1) / s) input positions,
// and neighbouring outputs are 1 / s input positions apart. Jumps are whole numbers here, so
// below one they are rounded up to one: an approximation for upsampling layers.
//
// Every step is checked; a field that does not fit gives the unrepresentable field, never a
// wrapped one. (A window of stride 0, which the engine rejects, must not divide by zero
// before it does; a kernel or dilation of 0 only makes the field unrepresentable.) The steps
// chain with ||, which sequences them at no cost in constexpr steps.
constexpr axis_field next_axis_field(const axis_field& in, const axis_window& w, bool transposed) noexcept {
    std::uint64_t span = 0, size = 0, jump = 0, shift = 0, depth = 0;
    // size = in.size + span * in.jump, where span = d * (k - 1), or floor(d * (k - 1) / s) for
    // a transposed window (ceil((x + 1) / s) - 1 = floor(x / s)); start = in.start - p * in.jump.
    const bool lost =
        !in.fits || w.stride == 0 || detail::mul_overflows(w.dilation, w.kernel - 1, &span) ||
        detail::mul_overflows(transposed ? span / w.stride : span, in.jump, &size) ||
        detail::add_overflows(size, in.size, &size) ||
        detail::mul_overflows(transposed ? in.jump / w.stride : in.jump, transposed ? 1 : w.stride, &jump) ||
        (!transposed && detail::mul_overflows(w.pad_begin, in.jump, &shift)) ||
        detail::add_overflows(in.start == 0 ? 0 : static_cast<std::uint64_t>(-(in.start + 1)) + 1, shift, &depth) ||
        depth > deepest_start;
    return lost ? unrepresentable_field
                : axis_field{size, jump == 0 ? 1 : jump, depth == 0 ? 0 : -static_cast<std::int64_t>(depth - 1) - 1,
                             true};
}

constexpr receptive_field next_field(const receptive_field& in, const layer_window& w) noexcept {
    return {next_axis_field(in.height, w.height, w.transposed), next_axis_field(in.width, w.width, w.transposed)};
}

// Where paths merge, the field of the merge is the largest of theirs; if one does not fit,
// neither does the merge's.
constexpr axis_field widest(const axis_field& a, const axis_field& b) noexcept {
    if (!a.fits || !b.fits) return unrepresentable_field;
    return {a.size > b.size ? a.size : b.size, a.jump > b.jump ? a.jump : b.jump, a.start < b.start ? a.start : b.start,
            true};
}

constexpr receptive_field widest(const receptive_field& a, const receptive_field& b) noexcept {
    return {widest(a.height, b.height), widest(a.width, b.width)};
}

} // namespace netcount::detail

NETCOUNT_DIAGNOSTICS_POP

#endif
