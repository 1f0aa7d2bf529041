#ifndef NETCOUNT_POOL_HPP
#define NETCOUNT_POOL_HPP

#include <netcount/detail/config.hpp> // first: below C++20, its error comes first

#include <cstdint>
#include <numeric>
#include <string_view>

#include <netcount/detail/window.hpp>
#include <netcount/layer_info.hpp>
#include <netcount/layer_kind.hpp>
#include <netcount/options.hpp>
#include <netcount/shape.hpp>

NETCOUNT_DIAGNOSTICS_PUSH
namespace netcount {

namespace detail {

inline constexpr unsigned avg_pool_options = options_mask(
    {option_kind::kernel, option_kind::stride, option_kind::padding, option_kind::ceil_mode, option_kind::name});
inline constexpr unsigned max_pool_options = avg_pool_options | options_mask({option_kind::dilation});

// Pooling keeps the channels, has no weights and so no units (outputs of layers with weights)
// or connections; only its output shape and window matter. The stride defaults to the kernel.
// As in PyTorch (MaxPool2d, AvgPool2d), explicit padding may be at most half the kernel along
// its axis, the kernel as given, not as dilated: pad<2> takes a kernel of 4 or more, whatever
// the dilation; beyond that a window could lie wholly in the padding. pad<T, B, L, R> holds
// each of its four to that rule; `same` (TensorFlow's) needs no such rule, as its windows
// always overlap the input.
constexpr layer_result apply_pool(const shape& in, const layer_options& o) noexcept {
    if (o.repeated) return {.status = error::repeated_option};
    if (!o.has(option_kind::kernel)) return {.status = error::missing_kernel};
    const bool strided = o.has(option_kind::stride);
    const axis_fit y = fit_axis(in.height, o.kernel_h, strided ? o.stride_h : o.kernel_h, o.dilation_h, o.padding,
                                o.pad_top, o.pad_bottom, o.ceil_mode);
    const axis_fit x = fit_axis(in.width, o.kernel_w, strided ? o.stride_w : o.kernel_w, o.dilation_w, o.padding,
                                o.pad_left, o.pad_right, o.ceil_mode);
    const bool zero = o.kernel_h == 0 || o.kernel_w == 0 || o.dilation_h == 0 || o.dilation_w == 0 ||
                      (strided && (o.stride_h == 0 || o.stride_w == 0));
    if (!zero && o.padding == padding_mode::explicit_ &&
        (o.pad_top > o.kernel_h / 2 || o.pad_bottom > o.kernel_h / 2 || o.pad_left > o.kernel_w / 2 ||
         o.pad_right > o.kernel_w / 2))
        return {.status = error::pool_padding_too_large};
    if (y.status != error::none) return {.status = y.status};
    if (x.status != error::none) return {.status = x.status};
    return {.output = {y.positions, x.positions, in.channels}, .window = {y.window, x.window, 1, false}};
}

// PyTorch's adaptive pooling: output position i of `out` covers the input positions from
// floor(i * in / out) to ceil((i + 1) * in / out). The window reported is the widest of them,
// with the stride of the first two (floor(in / out), at least 1); both are exact whenever out
// divides in. The widest, in closed form so that no product is formed and no loop runs `out`
// times: write in = q * out + r (0 <= r < out) and g = gcd(r, out). Window i is
// (in + a_i + c_i) / out wide, where a_i = i * in mod out and c_i = (out - a_{i+1}) mod out; so
// q when r = 0, else q + 1, or q + 2 when some a_i > out - r. The a_i are all the multiples of g
// below out, the largest out - g: q + 2 exactly when r > g. (Checked against the loop for every
// in, out below 80, and by the static tests.)
constexpr axis_window adaptive_window(std::uint64_t in, std::uint64_t out) noexcept {
    const std::uint64_t q = in / out, r = in % out;
    // r != 0 means out >= 2, so q <= (2^64 - 1) / 2 and q + 2 cannot wrap.
    const std::uint64_t widest = r == 0 ? q : r > std::gcd(out, r) ? q + 2 : q + 1;
    return {widest, out > 1 && q != 0 ? q : 1, 1, 0, 0};
}

// PyTorch takes any output size, smaller or larger than the input; an output of 0 gives it an
// empty tensor, which netcount, whose maps are never empty, rejects.
constexpr layer_result apply_adaptive_pool(const shape& in, std::uint64_t height, std::uint64_t width) noexcept {
    if (height == 0 || width == 0) return {.status = error::zero_outputs};
    return {.output = {height, width, in.channels},
            .window = {adaptive_window(in.height, height), adaptive_window(in.width, width), 1, false, false}};
}

constexpr layer_result apply_global_pool(const shape& in) noexcept {
    return {.output = {1, 1, in.channels}, .window = {{.kernel = in.height}, {.kernel = in.width}, 1, true, false}};
}

} // namespace detail

// max_pool<Options...>: kernel (required), stride (default: the kernel), valid / same / pad,
// dilation, ceil_mode, name.
template<class... Options>
struct max_pool {
    static constexpr std::string_view kind = "max_pool";
    static constexpr detail::layer_options options = detail::gather_options<detail::max_pool_options, Options...>();
    static_assert(detail::verdict<!options.refused,
                                  detail::options_checked<max_pool, detail::max_pool_options, Options...>>::reported);
    static constexpr std::string_view name = options.name;

    static constexpr layer_result apply(const shape& in) noexcept { return detail::apply_pool(in, options); }
};

// avg_pool<Options...>: kernel (required), stride (default: the kernel), valid / same / pad,
// ceil_mode, name.
template<class... Options>
struct avg_pool {
    static constexpr std::string_view kind = "avg_pool";
    static constexpr detail::layer_options options = detail::gather_options<detail::avg_pool_options, Options...>();
    static_assert(detail::verdict<!options.refused,
                                  detail::options_checked<avg_pool, detail::avg_pool_options, Options...>>::reported);
    static constexpr std::string_view name = options.name;

    static constexpr layer_result apply(const shape& in) noexcept { return detail::apply_pool(in, options); }
};

// adaptive_avg_pool<H, W> and adaptive_max_pool<H, W>: pool to an H x W output whatever the
// input size, with PyTorch's windows (AdaptiveAvgPool2d, AdaptiveMaxPool2d).
template<std::size_t H, std::size_t W = H>
struct adaptive_avg_pool {
    static constexpr std::string_view kind = "adaptive_avg_pool";
    static constexpr layer_result apply(const shape& in) noexcept { return detail::apply_adaptive_pool(in, H, W); }
};

template<std::size_t H, std::size_t W = H>
struct adaptive_max_pool {
    static constexpr std::string_view kind = "adaptive_max_pool";
    static constexpr layer_result apply(const shape& in) noexcept { return detail::apply_adaptive_pool(in, H, W); }
};

// global_avg_pool and global_max_pool: one value per channel.
struct global_avg_pool {
    static constexpr std::string_view kind = "global_avg_pool";
    static constexpr layer_result apply(const shape& in) noexcept { return detail::apply_global_pool(in); }
};

struct global_max_pool {
    static constexpr std::string_view kind = "global_max_pool";
    static constexpr layer_result apply(const shape& in) noexcept { return detail::apply_global_pool(in); }
};

} // namespace netcount

NETCOUNT_DIAGNOSTICS_POP

#endif
