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
//
// Few statements on purpose: clang charges its constexpr step budget per statement, and this
// runs twice for every windowed layer. Overflow checks chain the builtins with ||, which
// sequences them and costs no steps.
constexpr axis_fit fit_axis(std::uint64_t size, std::uint64_t kernel, std::uint64_t stride,
                            std::uint64_t dilation, padding_mode padding, std::uint64_t pad_begin,
                            std::uint64_t pad_end, bool ceil) noexcept {
    if (kernel == 0 || stride == 0 || dilation == 0)
        return {.status = kernel == 0   ? error::zero_kernel
                          : stride == 0 ? error::zero_stride
                                        : error::zero_dilation};
    std::uint64_t span = 0, needed = 0, padded = 0;
    const std::uint64_t wanted = size / stride + (size % stride != 0 ? 1 : 0);
    const bool overflow = detail::mul_overflows(dilation, kernel - 1, &span) || detail::add_overflows(span, 1, &span) ||
                          detail::mul_overflows(wanted - 1, stride, &needed) || detail::add_overflows(needed, span, &needed);
    const std::uint64_t same_total = needed > size ? needed - size : 0;
    const std::uint64_t begin = padding == padding_mode::explicit_ ? pad_begin : padding == padding_mode::same ? same_total / 2 : 0;
    const std::uint64_t end = padding == padding_mode::explicit_ ? pad_end : padding == padding_mode::same ? same_total - same_total / 2 : 0;
    if ((padding == padding_mode::same && overflow) || detail::add_overflows(size, begin, &padded) ||
        detail::add_overflows(padded, end, &padded) || (padding != padding_mode::same && overflow))
        return {.status = error::count_overflow};
    if (padded < span) return {.status = error::window_exceeds_input};
    const std::uint64_t slack = padded - span;
    return {slack / stride + 1 +
                (ceil && slack % stride != 0 && slack / stride * stride + stride < size + begin ? 1 : 0),
            {kernel, stride, dilation, begin, end},
            error::none};
}

} // namespace netcount::detail

#endif
