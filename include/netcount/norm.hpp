#ifndef NETCOUNT_NORM_HPP
#define NETCOUNT_NORM_HPP

#include <netcount/detail/config.hpp> // first: below C++20, its error comes first

#include <cstddef>
#include <string_view>
#include <type_traits>

#include <netcount/detail/checked.hpp>
#include <netcount/elementwise.hpp>
#include <netcount/error.hpp>
#include <netcount/layer_info.hpp>
#include <netcount/shape.hpp>

// Normalisation layers. Their scales and shifts are trainable: they count in parameters, not in
// weights or biases (weights are the kernels of conv, fc and linear layers), and they make no
// units or connections. Running statistics are not parameters, as in PyTorch (buffers). The
// norms added for today's CNNs declare themselves elementwise: they keep the shape, and each
// output element depends on its own input element and on statistics (of its position, channel
// or group) computed before any is written, so they may run in place (peak_activations<Net>;
// see detail::elementwise_layer).

NETCOUNT_DIAGNOSTICS_PUSH
namespace netcount {

// batch_norm: a scale and a shift per channel, trainable. They count in parameters, not in
// weights or biases; the running mean and variance are statistics, not parameters, as in
// PyTorch (buffers, not parameters). No weights, so no units or connections.
struct batch_norm {
    static constexpr std::string_view kind = "batch_norm";
    static constexpr bool elementwise = true; // may run in place (peak_activations<Net>)
    static constexpr layer_result apply(const shape& in) noexcept {
        bool overflow = false;
        const std::uint64_t parameters = detail::mul(2, in.channels, overflow);
        return {.output = in, .parameters = parameters, .status = overflow ? error::count_overflow : error::none};
    }
};

// layer_norm: normalises the channels at each position, with a scale and a shift per channel,
// as torchvision's LayerNorm2d (ConvNeXt; nn.LayerNorm(C) on channels-last): 2 * C parameters.
struct layer_norm {
    static constexpr std::string_view kind = "layer_norm";
    static constexpr bool elementwise = true;
    static constexpr layer_result apply(const shape& in) noexcept { return detail::per_channel_parameters(in, 2); }
};

// group_norm<Groups>: normalises each of Groups groups of channels, with a scale and a shift per
// channel (PyTorch's GroupNorm(Groups, C)): 2 * C parameters. C must be a multiple of Groups,
// and a group must hold more than one value: PyTorch 1.13 refuses C / Groups * H * W == 1 even
// in eval mode ("Expected more than 1 value per channel when training"), as the statistics of
// one value are no statistics. (A product that overflows holds far more than one value.)
template<std::size_t Groups>
struct group_norm {
    static constexpr std::string_view kind = "group_norm";
    static constexpr bool elementwise = true;
    static constexpr layer_result apply(const shape& in) noexcept {
        if (Groups == 0) return {.status = error::zero_groups};
        if (in.channels % Groups != 0) return {.status = error::channels_not_divisible_by_groups};
        if (in.channels == Groups && in.height == 1 && in.width == 1) return {.status = error::single_value_per_group};
        return detail::per_channel_parameters(in, 2);
    }
};

// affine: instance_norm<affine> learns a scale and a shift per channel.
struct affine {};

namespace detail {
// Instantiated for an instance_norm<T> whose T is not affine; it then counts as
// instance_norm<>, so that this is the only error.
template<class Given>
struct instance_norm_argument {
    static_assert(always_false<Given>,
                  "netcount: instance_norm takes affine or nothing: instance_norm<> learns nothing, "
                  "instance_norm<affine> a scale and a shift per channel");
    static constexpr bool reported = true; // see verdict in error.hpp
};
} // namespace detail

// instance_norm<> and instance_norm<affine>: normalises each channel over its positions
// (PyTorch's InstanceNorm2d(C), affine=False by default): 0 parameters, or 2 * C with affine.
// A 1 x 1 map has one position, nothing to normalise over: PyTorch 1.13 refuses it even in
// eval mode ("Expected more than 1 spatial element when training"), and so does netcount.
template<class Affine = void>
struct instance_norm {
    static_assert(detail::verdict < std::is_void_v<Affine> || std::is_same_v<Affine, affine>,
                  detail::instance_norm_argument < Affine >> ::reported);
    static constexpr std::string_view kind = "instance_norm";
    static constexpr bool elementwise = true;
    static constexpr layer_result apply(const shape& in) noexcept {
        if (in.height == 1 && in.width == 1) return {.status = error::single_spatial_element};
        return detail::per_channel_parameters(in, std::is_same_v<Affine, affine> ? 2 : 0);
    }
};

} // namespace netcount

NETCOUNT_DIAGNOSTICS_POP

#endif
