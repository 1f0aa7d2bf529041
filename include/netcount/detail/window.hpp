#ifndef NETCOUNT_DETAIL_WINDOW_HPP
#define NETCOUNT_DETAIL_WINDOW_HPP

#include <cstdint>

#include <netcount/detail/checked.hpp>
#include <netcount/error.hpp>
#include <netcount/layer_info.hpp>
#include <netcount/options.hpp>

namespace netcount::detail {

// A window slid along one axis: how many positions it takes and the padding it used.
struct axis_fit {
    std::uint64_t positions = 0;
    axis_window window{};
    error status = error::none;
};

// fit_axis(size, kernel, stride, dilation, padding, pad_begin, pad_end, ceil):
//   positions = floor((size + pad_begin + pad_end - dilation * (kernel - 1) - 1) / stride) + 1
// with ceil instead of floor under ceil_mode, where (as in PyTorch) a last window that would
// start in the end padding is dropped. `same` pads to ceil(size / stride) positions and puts
// the odd pixel at the end, as TensorFlow does.
constexpr axis_fit fit_axis(std::uint64_t size, std::uint64_t kernel, std::uint64_t stride,
                            std::uint64_t dilation, padding_mode padding, std::uint64_t pad_begin,
                            std::uint64_t pad_end, bool ceil) noexcept {
    if (kernel == 0) return {.status = error::zero_kernel};
    if (stride == 0) return {.status = error::zero_stride};
    if (dilation == 0) return {.status = error::zero_dilation};

    bool overflow = false;
    const std::uint64_t span = add(mul(dilation, kernel - 1, overflow), 1, overflow);
    if (padding == padding_mode::valid) {
        pad_begin = 0;
        pad_end = 0;
    } else if (padding == padding_mode::same) {
        const std::uint64_t wanted = size / stride + (size % stride != 0 ? 1 : 0);
        const std::uint64_t needed = add(mul(wanted - 1, stride, overflow), span, overflow);
        const std::uint64_t total = needed > size ? needed - size : 0;
        pad_begin = total / 2;
        pad_end = total - pad_begin;
    }
    const std::uint64_t padded = add(add(size, pad_begin, overflow), pad_end, overflow);
    if (overflow) return {.status = error::count_overflow};
    if (padded < span) return {.status = error::window_exceeds_input};

    const std::uint64_t slack = padded - span;
    std::uint64_t positions = slack / stride + 1;
    if (ceil && slack % stride != 0 && slack / stride * stride + stride < size + pad_begin) ++positions;
    return {positions, {kernel, stride, dilation, pad_begin, pad_end}, error::none};
}

} // namespace netcount::detail

#endif
