#ifndef NETCOUNT_CONV_HPP
#define NETCOUNT_CONV_HPP

#include <netcount/detail/config.hpp> // first: below C++20, its error comes first

#include <cstddef>
#include <string_view>
#include <type_traits>

#include <netcount/detail/checked.hpp>
#include <netcount/detail/window.hpp>
#include <netcount/layer_info.hpp>
#include <netcount/layer_kind.hpp>
#include <netcount/options.hpp>
#include <netcount/shape.hpp>

NETCOUNT_DIAGNOSTICS_PUSH
namespace netcount {

namespace detail {

inline constexpr unsigned conv_options =
    options_mask({option_kind::kernel, option_kind::stride, option_kind::padding, option_kind::dilation,
                  option_kind::groups, option_kind::bias, option_kind::name});

inline constexpr unsigned depthwise_conv_options =
    options_mask({option_kind::kernel, option_kind::stride, option_kind::padding, option_kind::dilation,
                  option_kind::multiplier, option_kind::bias, option_kind::name});

inline constexpr unsigned transposed_conv_options =
    options_mask({option_kind::kernel, option_kind::stride, option_kind::padding, option_kind::dilation,
                  option_kind::groups, option_kind::output_padding, option_kind::bias, option_kind::name});

// The checks every convolution makes: options first, then the fit to the input.
constexpr error conv_status(const shape& in, std::uint64_t filters, const layer_options& o, const axis_fit& y,
                            const axis_fit& x) noexcept {
    return o.repeated                    ? error::repeated_option
           : !o.has(option_kind::kernel) ? error::missing_kernel
           : filters == 0                ? error::zero_outputs
           : o.groups == 0               ? error::zero_groups
           : y.status != error::none     ? y.status
           : x.status != error::none     ? x.status
           : in.channels % o.groups != 0 ? error::channels_not_divisible_by_groups
           : filters % o.groups != 0     ? error::filters_not_divisible_by_groups
                                         : error::none;
}

// What a convolution counts once its output size is known: weights = h * w * (C / groups) * N,
// connections = weights * positions, units = positions * N. Positions are the output's for a
// convolution and the input's for a transposed one.
constexpr layer_result conv_counts(const shape& in, std::uint64_t filters, const layer_options& o, const axis_fit& y,
                                   const axis_fit& x, bool transposed) noexcept {
    std::uint64_t positions = 0, positions_in = 0, weights = 0, units = 0, connections = 0, parameters = 0;
    const std::uint64_t biases = o.bias ? filters : 0;
    const bool overflow =
        detail::mul_overflows(y.positions, x.positions, &positions) ||
        detail::mul_overflows(positions, filters, &units) || detail::mul_overflows(o.kernel_h, o.kernel_w, &weights) ||
        detail::mul_overflows(weights, in.channels / o.groups, &weights) ||
        detail::mul_overflows(weights, filters, &weights) || detail::add_overflows(weights, biases, &parameters) ||
        (transposed && detail::mul_overflows(in.height, in.width, &positions_in)) ||
        detail::mul_overflows(weights, transposed ? positions_in : positions, &connections);
    return {.output = {y.positions, x.positions, filters},
            .units = units,
            .weights = weights,
            .biases = biases,
            .parameters = parameters,
            .connections = connections,
            .bias_connections = o.bias ? units : 0,
            .window = {y.window, x.window, o.groups, false, transposed},
            .status = overflow ? error::count_overflow : error::none};
}

// The factors of a convolution's figures (table_formula, layer_info.hpp): units = Y * X * N,
// weights = h * w * (C / groups) * N, connections = weights * Y * X, over the input positions
// for a transposed convolution. A depthwise convolution is one with C groups.
constexpr table_formula conv_formula(const layer_info& l) noexcept {
    const std::uint64_t kh = l.window.height.kernel, kw = l.window.width.kernel, n = l.output.channels;
    const std::uint64_t c = l.window.groups == 0 ? 0 : l.input.channels / l.window.groups;
    const shape& over = l.window.transposed ? l.input : l.output;
    return {.units = {l.output.height, l.output.width, n},
            .weights = {kh, kw, c, n},
            .connections = {kh, kw, c, n, over.height, over.width}};
}

// One body for every conv type: the template only carries the options, so each distinct conv
// costs the compiler a constant, not a new copy of this function.
constexpr layer_result apply_conv(const shape& in, std::uint64_t filters, const layer_options& o) noexcept {
    const axis_fit y =
        fit_axis(in.height, o.kernel_h, o.stride_h, o.dilation_h, o.padding, o.pad_top, o.pad_bottom, false);
    const axis_fit x =
        fit_axis(in.width, o.kernel_w, o.stride_w, o.dilation_w, o.padding, o.pad_left, o.pad_right, false);
    if (const error e = conv_status(in, filters, o, y, x); e != error::none) return {.status = e};
    return conv_counts(in, filters, o, y, x, false);
}

// A depthwise convolution is a convolution with one group per input channel.
constexpr layer_result apply_depthwise_conv(const shape& in, layer_options o) noexcept {
    std::uint64_t filters = 0;
    if (detail::mul_overflows(in.channels, o.multiplier, &filters)) return {.status = error::count_overflow};
    o.groups = in.channels;
    return apply_conv(in, filters, o);
}

// Instantiated for a transposed_conv given `same`, which it then reads as `valid`, so that this
// is the only error.
template<class Layer>
struct transposed_conv_same {
    static_assert(always_false<Layer>, "netcount: transposed_conv takes valid or pad<...>, not same");
    static constexpr bool reported = true; // see verdict in error.hpp
};

// Each input pixel scatters the kernel over the output, so a transposed convolution's
// multiply-accumulates are weights * input positions, not output ones.
constexpr layer_result apply_transposed_conv(const shape& in, std::uint64_t filters, const layer_options& o) noexcept {
    const bool padded = o.padding == padding_mode::explicit_;
    const axis_fit y = fit_transposed_axis(in.height, o.kernel_h, o.stride_h, o.dilation_h, padded ? o.pad_top : 0,
                                           padded ? o.pad_bottom : 0, o.output_pad_h);
    const axis_fit x = fit_transposed_axis(in.width, o.kernel_w, o.stride_w, o.dilation_w, padded ? o.pad_left : 0,
                                           padded ? o.pad_right : 0, o.output_pad_w);
    if (const error e = conv_status(in, filters, o, y, x); e != error::none) return {.status = e};
    return conv_counts(in, filters, o, y, x, true);
}

} // namespace detail

// conv<Filters, Options...>: a 2-D convolution. Options, in any order: kernel<K> or
// kernel<KH, KW> (required), stride, valid (default) / same / pad, dilation, groups, no_bias,
// name.
template<std::size_t Filters, class... Options>
struct conv {
    static constexpr std::string_view kind = "conv";
    static constexpr detail::layer_options options = detail::gather_options<detail::conv_options, Options...>();
    static_assert(
        detail::verdict<!options.refused, detail::options_checked<conv, detail::conv_options, Options...>>::reported);
    static constexpr std::string_view name = options.name;

    static constexpr layer_result apply(const shape& in) noexcept { return detail::apply_conv(in, Filters, options); }
    static constexpr table_formula formula(const layer_info& entry) noexcept { return detail::conv_formula(entry); }
};

// depthwise_conv<Options...>: one group per input channel and multiplier<M> filters each
// (default 1), so C * M filters of one channel. Options: kernel (required), stride, padding,
// dilation, multiplier, no_bias, name.
template<class... Options>
struct depthwise_conv {
    static constexpr std::string_view kind = "depthwise_conv";
    static constexpr detail::layer_options options =
        detail::gather_options<detail::depthwise_conv_options, Options...>();
    static_assert(
        detail::verdict<!options.refused,
                        detail::options_checked<depthwise_conv, detail::depthwise_conv_options, Options...>>::reported);
    static constexpr std::string_view name = options.name;

    static constexpr layer_result apply(const shape& in) noexcept { return detail::apply_depthwise_conv(in, options); }
    static constexpr table_formula formula(const layer_info& entry) noexcept { return detail::conv_formula(entry); }
};

// transposed_conv<Filters, Options...>: PyTorch's ConvTranspose2d. Options: kernel (required),
// stride, valid (default) / pad, dilation, groups, output_padding, no_bias, name.
template<std::size_t Filters, class... Options>
struct transposed_conv {
    static_assert(detail::verdict<(!std::is_same_v<Options, same> && ...),
                                  detail::transposed_conv_same<transposed_conv>>::reported);

    static constexpr std::string_view kind = "transposed_conv";
    static constexpr detail::layer_options options =
        detail::gather_options<detail::transposed_conv_options, Options...>();
    static_assert(
        detail::verdict<!options.refused, detail::options_checked<transposed_conv, detail::transposed_conv_options,
                                                                  Options...>>::reported);
    static constexpr std::string_view name = options.name;

    static constexpr layer_result apply(const shape& in) noexcept {
        return detail::apply_transposed_conv(in, Filters, options);
    }
    static constexpr table_formula formula(const layer_info& entry) noexcept { return detail::conv_formula(entry); }
};

} // namespace netcount

NETCOUNT_DIAGNOSTICS_POP

#endif
