#ifndef NETCOUNT_POOL_HPP
#define NETCOUNT_POOL_HPP

#include <string_view>

#include <netcount/detail/window.hpp>
#include <netcount/layer_info.hpp>
#include <netcount/options.hpp>
#include <netcount/shape.hpp>

namespace netcount {

namespace detail {

inline constexpr unsigned avg_pool_options =
    options_mask({option_kind::kernel, option_kind::stride, option_kind::padding,
                  option_kind::ceil_mode, option_kind::name});
inline constexpr unsigned max_pool_options = avg_pool_options | options_mask({option_kind::dilation});

// Pooling keeps the channels, has no weights and so, by the seed's convention, no units or
// connections; only its output shape and window matter. The stride defaults to the kernel.
constexpr layer_result apply_pool(const shape& in, const layer_options& o) noexcept {
    if (o.repeated) return {.status = error::repeated_option};
    if (!o.has(option_kind::kernel)) return {.status = error::missing_kernel};
    const bool strided = o.has(option_kind::stride);
    const axis_fit y = fit_axis(in.height, o.kernel_h, strided ? o.stride_h : o.kernel_h,
                                o.dilation_h, o.padding, o.pad_top, o.pad_bottom, o.ceil_mode);
    if (y.status != error::none) return {.status = y.status};
    const axis_fit x = fit_axis(in.width, o.kernel_w, strided ? o.stride_w : o.kernel_w,
                                o.dilation_w, o.padding, o.pad_left, o.pad_right, o.ceil_mode);
    if (x.status != error::none) return {.status = x.status};
    return {.output = {y.positions, x.positions, in.channels}, .window = {y.window, x.window, 1, false}};
}

} // namespace detail

// max_pool<Options...>: kernel (required), stride (default: the kernel), valid / same / pad,
// dilation, ceil_mode, name.
template<class... Options>
struct max_pool {
    static_assert((detail::accepts_option<detail::max_pool_options, Options>() && ...),
                  "netcount: max_pool's options are kernel, stride, valid, same, pad, dilation, "
                  "ceil_mode and name");

    static constexpr std::string_view kind = "max_pool";
    static constexpr detail::layer_options options = detail::gather_options<detail::max_pool_options, Options...>();
    static constexpr std::string_view name = options.name;

    static constexpr layer_result apply(const shape& in) noexcept {
        return detail::apply_pool(in, options);
    }
};

// avg_pool<Options...>: kernel (required), stride (default: the kernel), valid / same / pad,
// ceil_mode, name.
template<class... Options>
struct avg_pool {
    static_assert((detail::accepts_option<detail::avg_pool_options, Options>() && ...),
                  "netcount: avg_pool's options are kernel, stride, valid, same, pad, ceil_mode "
                  "and name");

    static constexpr std::string_view kind = "avg_pool";
    static constexpr detail::layer_options options = detail::gather_options<detail::avg_pool_options, Options...>();
    static constexpr std::string_view name = options.name;

    static constexpr layer_result apply(const shape& in) noexcept {
        return detail::apply_pool(in, options);
    }
};

} // namespace netcount

#endif
