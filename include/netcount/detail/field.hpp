#ifndef NETCOUNT_DETAIL_FIELD_HPP
#define NETCOUNT_DETAIL_FIELD_HPP

#include <cstdint>

#include <netcount/detail/checked.hpp>
#include <netcount/layer_info.hpp>

// Receptive fields, the standard recurrence (Araujo, Norris and Sim, "Computing Receptive
// Fields of Convolutional Neural Networks", Distill 2019): along an axis, a window of kernel k,
// dilation d, stride s and leading padding p turns the field (size, jump, start) of its input
// into (size + d * (k - 1) * jump, jump * s, start - p * jump).

namespace netcount::detail {

constexpr axis_field next_axis_field(const axis_field& in, const axis_window& w, bool transposed,
                                     bool& overflow) noexcept {
    // A transposed window: output o draws on about ceil(span / s) input positions, and
    // neighbouring outputs are 1 / s input positions apart. Jumps are whole numbers here, so
    // below one they are rounded up to one: an approximation for upsampling layers.
    const std::uint64_t span = w.dilation * (w.kernel - 1) + 1, reach = transposed ? (span + w.stride - 1) / w.stride : span;
    std::uint64_t size = 0, jump = 0, shift = 0;
    overflow = detail::mul_overflows(reach - 1, in.jump, &size) || detail::add_overflows(size, in.size, &size) ||
               (transposed ? (static_cast<void>(jump = in.jump / w.stride), false) : detail::mul_overflows(in.jump, w.stride, &jump)) ||
               detail::mul_overflows(w.pad_begin, in.jump, &shift) || shift > static_cast<std::uint64_t>(INT64_MAX) || overflow;
    return {size, jump == 0 ? 1 : jump, transposed ? in.start : in.start - static_cast<std::int64_t>(shift)};
}

constexpr receptive_field next_field(const receptive_field& in, const layer_window& w, bool& overflow) noexcept {
    return {next_axis_field(in.height, w.height, w.transposed, overflow),
            next_axis_field(in.width, w.width, w.transposed, overflow)};
}

// Where paths merge, the field of the merge is the largest of theirs.
constexpr axis_field widest(const axis_field& a, const axis_field& b) noexcept {
    return {a.size > b.size ? a.size : b.size, a.jump > b.jump ? a.jump : b.jump,
            a.start < b.start ? a.start : b.start};
}

constexpr receptive_field widest(const receptive_field& a, const receptive_field& b) noexcept {
    return {widest(a.height, b.height), widest(a.width, b.width)};
}

} // namespace netcount::detail

#endif
