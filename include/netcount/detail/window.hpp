#ifndef NETCOUNT_DETAIL_WINDOW_HPP
#define NETCOUNT_DETAIL_WINDOW_HPP

#include <netcount/detail/config.hpp> // NETCOUNT_DIAGNOSTICS_PUSH, _POP

#include <cstdint>

#include <netcount/detail/checked.hpp>
#include <netcount/error.hpp>
#include <netcount/layer_info.hpp>
#include <netcount/options.hpp>

NETCOUNT_DIAGNOSTICS_PUSH
namespace netcount::detail {

// A window slid along one axis: how many positions it takes and the padding it used.
struct axis_fit {
    std::uint64_t positions = 0;
    axis_window window{};
    error status = error::none;
};

// fit_axis(size, kernel, stride, dilation, padding, pad_begin, pad_end, ceil), PyTorch's rule
// (aten's pooling_output_shape_pad_lr and Conv2d's):
//   span      = dilation * (kernel - 1) + 1
//   positions = floor((size + pad_begin + pad_end - span) / stride) + 1
// and under ceil_mode
//   positions = floor((size + pad_begin + pad_end - span + stride - 1) / stride) + 1,
// less the last window if it would start in the end padding (at or past size + pad_begin).
// So under ceil_mode a window may run past the padded input by less than a stride (a 3 x 3,
// stride-2 pool on 2 x 2 gives 1 x 1); otherwise, and always without ceil_mode, the padded
// input must hold the whole window. `same` pads to ceil(size / stride) positions and puts the
// odd pixel at the end, as TensorFlow does; ceil_mode cannot change its count (the first
// window past it would start at ceil(size / stride) * stride >= size).
//
// Exact or an error: every step is checked, and a mode is only rejected for the arithmetic it
// uses (`valid` never for `same`'s padding). Where a sum cannot be formed in 64 bits but the
// answer is still known (a window wider than 2^64 without ceil_mode cannot fit an input of
// fewer than 2^64 positions), the answer is given, not an overflow.
//
// Few statements on purpose: clang charges its constexpr step budget per statement, and this
// runs twice for every windowed layer. Overflow checks chain with ||, which sequences them and
// costs no steps.
constexpr axis_fit fit_axis(std::uint64_t size, std::uint64_t kernel, std::uint64_t stride, std::uint64_t dilation,
                            padding_mode padding, std::uint64_t pad_begin, std::uint64_t pad_end, bool ceil) noexcept {
    if (kernel == 0 || stride == 0 || dilation == 0)
        return {.status = kernel == 0 ? error::zero_kernel : stride == 0 ? error::zero_stride : error::zero_dilation};
    // reach = dilation * (kernel - 1) = span - 1: what the window covers past its first pixel.
    std::uint64_t reach = 0, front = 0, padded = 0, needed = 0, start = 0;
    const bool wide = detail::mul_overflows(dilation, kernel - 1, &reach);
    if (padding == padding_mode::same) {
        // needed = (ceil(size / stride) - 1) * stride + span: the padded size `same` asks for.
        const std::uint64_t last = size / stride - (size % stride == 0 && size != 0 ? 1 : 0);
        if (wide || detail::mul_overflows(last, stride, &needed) || detail::add_overflows(needed, reach, &needed) ||
            detail::add_overflows(needed, 1, &needed))
            return {.status = error::count_overflow};
        pad_begin = needed > size ? (needed - size) / 2 : 0;
        pad_end = needed > size ? needed - size - pad_begin : 0;
    } else if (padding == padding_mode::valid) {
        pad_begin = pad_end = 0;
    }
    // front = size + pad_begin: where the end padding starts.
    if (detail::add_overflows(size, pad_begin, &front) || detail::add_overflows(front, pad_end, &padded))
        return {.status = error::count_overflow};
    const axis_window window{kernel, stride, dilation, pad_begin, pad_end};
    if (!wide && reach < padded) {
        // slack = padded - span: how far the first window can move; the last one under ceil_mode
        // starts at (slack / stride + 1) * stride, kept if that is before `front`.
        const std::uint64_t slack = padded - reach - 1;
        const bool extra = ceil && slack % stride != 0 &&
                           !detail::add_overflows(slack - slack % stride, stride, &start) && start < front;
        return {slack / stride + 1 + (extra ? 1 : 0), window, error::none};
    }
    // The window runs past the padded input: allowed only under ceil_mode, by less than a stride
    // (span - padded < stride, i.e. reach - padded < stride - 1); then it is the one position.
    // A reach of 2^64 or more is past any 64-bit stride unless padded + stride - 1 is too.
    if (!ceil) return {.status = error::window_exceeds_input};
    if (wide)
        return {.status = detail::add_overflows(padded, stride - 1, &start) ? error::count_overflow
                                                                            : error::window_overhangs_input};
    if (reach - padded >= stride - 1) return {.status = error::window_overhangs_input};
    return {1, window, error::none};
}

// One axis of a transposed convolution: (in - 1) * stride - padding + dilation * (k - 1)
// + output_padding + 1 positions, as PyTorch's ConvTranspose2d. PyTorch takes any padding
// that leaves at least one position (it pads the output, not the input, so nothing bounds it
// by the kernel) and an output padding below the stride or the dilation.
constexpr axis_fit fit_transposed_axis(std::uint64_t size, std::uint64_t kernel, std::uint64_t stride,
                                       std::uint64_t dilation, std::uint64_t pad_begin, std::uint64_t pad_end,
                                       std::uint64_t output_pad) noexcept {
    if (kernel == 0) return {.status = error::zero_kernel};
    if (stride == 0) return {.status = error::zero_stride};
    if (dilation == 0) return {.status = error::zero_dilation};
    if (size == 0) return {.status = error::invalid_input};
    if (output_pad >= stride && output_pad >= dilation) return {.status = error::output_padding_too_large};
    // full: the output before the padding crops it, which PyTorch forms too; it must fit. A
    // padding of 2^64 or more crops away any output that does.
    bool overflow = false, wide = false;
    const std::uint64_t full = add(add(mul(size - 1, stride, overflow), mul(dilation, kernel - 1, overflow), overflow),
                                   add(output_pad, 1, overflow), overflow);
    const std::uint64_t cropped = add(pad_begin, pad_end, wide);
    if (overflow) return {.status = error::count_overflow};
    if (wide || full <= cropped) return {.status = error::padding_removes_output};
    return {full - cropped, {kernel, stride, dilation, pad_begin, pad_end}, error::none};
}

} // namespace netcount::detail

NETCOUNT_DIAGNOSTICS_POP

#endif
