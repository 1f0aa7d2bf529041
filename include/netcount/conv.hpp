#ifndef NETCOUNT_CONV_HPP
#define NETCOUNT_CONV_HPP

#include <cstddef>
#include <string_view>

#include <netcount/detail/checked.hpp>
#include <netcount/detail/window.hpp>
#include <netcount/layer_info.hpp>
#include <netcount/options.hpp>
#include <netcount/shape.hpp>

namespace netcount {

namespace detail {

inline constexpr unsigned conv_options =
    options_mask({option_kind::kernel, option_kind::stride, option_kind::padding,
                  option_kind::dilation, option_kind::groups, option_kind::bias, option_kind::name});

// One body for every conv type: the template only carries the options, so each distinct conv
// costs the compiler a constant, not a new copy of this function.
constexpr layer_result apply_conv(const shape& in, std::uint64_t filters,
                                  const layer_options& o) noexcept {
    if (o.repeated) return {.status = error::repeated_option};
    if (!o.has(option_kind::kernel)) return {.status = error::missing_kernel};
    if (filters == 0) return {.status = error::zero_outputs};
    if (o.groups == 0) return {.status = error::zero_groups};
    const axis_fit y = fit_axis(in.height, o.kernel_h, o.stride_h, o.dilation_h, o.padding,
                                o.pad_top, o.pad_bottom, false);
    if (y.status != error::none) return {.status = y.status};
    const axis_fit x = fit_axis(in.width, o.kernel_w, o.stride_w, o.dilation_w, o.padding,
                                o.pad_left, o.pad_right, false);
    if (x.status != error::none) return {.status = x.status};
    if (in.channels % o.groups != 0) return {.status = error::channels_not_divisible_by_groups};
    if (filters % o.groups != 0) return {.status = error::filters_not_divisible_by_groups};

    // weights = h * w * (C / groups) * N; connections = weights * X * Y; units = X * Y * N
    bool overflow = false;
    const std::uint64_t positions = mul(y.positions, x.positions, overflow);
    const std::uint64_t weights =
        mul(mul(mul(o.kernel_h, o.kernel_w, overflow), in.channels / o.groups, overflow), filters,
            overflow);
    const std::uint64_t biases = o.bias ? filters : 0;
    return {.output = {y.positions, x.positions, filters},
            .units = mul(positions, filters, overflow),
            .weights = weights,
            .biases = biases,
            .parameters = add(weights, biases, overflow),
            .connections = mul(weights, positions, overflow),
            .window = {y.window, x.window, o.groups, false},
            .status = overflow ? error::count_overflow : error::none};
}

} // namespace detail

// conv<Filters, Options...>: a 2-D convolution. Options, in any order: kernel<K> or
// kernel<KH, KW> (required), stride, valid (default) / same / pad, dilation, groups, no_bias,
// name.
template<std::size_t Filters, class... Options>
struct conv {
    static_assert((detail::accepts_option<detail::conv_options, Options>() && ...),
                  "netcount: conv's options are kernel, stride, valid, same, pad, dilation, "
                  "groups, no_bias and name");

    static constexpr std::string_view kind = "conv";
    static constexpr detail::layer_options options = detail::gather_options<detail::conv_options, Options...>();
    static constexpr std::string_view name = options.name;

    static constexpr layer_result apply(const shape& in) noexcept {
        return detail::apply_conv(in, Filters, options);
    }
};

} // namespace netcount

#endif
