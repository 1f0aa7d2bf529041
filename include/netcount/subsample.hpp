#ifndef NETCOUNT_SUBSAMPLE_HPP
#define NETCOUNT_SUBSAMPLE_HPP

#include <netcount/detail/config.hpp> // first: below C++20, its error comes first

#include <string_view>

#include <netcount/detail/checked.hpp>
#include <netcount/detail/window.hpp>
#include <netcount/layer_info.hpp>
#include <netcount/layer_kind.hpp>
#include <netcount/options.hpp>
#include <netcount/shape.hpp>

NETCOUNT_DIAGNOSTICS_PUSH
namespace netcount {

namespace detail {

inline constexpr unsigned subsample_options =
    options_mask({option_kind::kernel, option_kind::stride, option_kind::name});

// LeCun et al. (1998), S2 and S4: "The four inputs to a unit in S2 are added, then multiplied
// by a trainable coefficient, and added to a trainable bias." So per map one weight and one
// bias; every output unit has kernel-area connections plus its bias.
constexpr layer_result apply_subsample(const shape& in, const layer_options& o) noexcept {
    if (o.repeated) return {.status = error::repeated_option};
    if (!o.has(option_kind::kernel)) return {.status = error::missing_kernel};
    const bool strided = o.has(option_kind::stride);
    const axis_fit y =
        fit_axis(in.height, o.kernel_h, strided ? o.stride_h : o.kernel_h, 1, padding_mode::valid, 0, 0, false);
    if (y.status != error::none) return {.status = y.status};
    const axis_fit x =
        fit_axis(in.width, o.kernel_w, strided ? o.stride_w : o.kernel_w, 1, padding_mode::valid, 0, 0, false);
    if (x.status != error::none) return {.status = x.status};
    bool overflow = false;
    const std::uint64_t units = mul(mul(y.positions, x.positions, overflow), in.channels, overflow);
    return {.output = {y.positions, x.positions, in.channels},
            .units = units,
            .weights = in.channels,
            .biases = in.channels,
            .parameters = mul(2, in.channels, overflow),
            .connections = mul(units, mul(o.kernel_h, o.kernel_w, overflow), overflow),
            .bias_connections = units,
            .window = {y.window, x.window, in.channels, false, false},
            .status = overflow ? error::count_overflow : error::none};
}

// units = Y * X * C, weights = C (one coefficient per map), connections = Y * X * C * h * w.
constexpr table_formula subsample_formula(const layer_info& l) noexcept {
    const std::uint64_t y = l.output.height, x = l.output.width, c = l.output.channels;
    return {
        .units = {y, x, c}, .weights = {c}, .connections = {y, x, c, l.window.height.kernel, l.window.width.kernel}};
}

} // namespace detail

// subsample<Options...>: LeNet-5's trainable subsampling. Options: kernel (required), stride
// (default: the kernel), name.
template<class... Options>
struct subsample {
    static constexpr std::string_view kind = "subsample";
    static constexpr detail::layer_options options = detail::gather_options<detail::subsample_options, Options...>();
    static_assert(detail::verdict<!options.refused,
                                  detail::options_checked<subsample, detail::subsample_options, Options...>>::reported);
    static constexpr std::string_view name = options.name;

    static constexpr layer_result apply(const shape& in) noexcept { return detail::apply_subsample(in, options); }
    static constexpr table_formula formula(const layer_info& entry) noexcept {
        return detail::subsample_formula(entry);
    }
};

} // namespace netcount

NETCOUNT_DIAGNOSTICS_POP

#endif
