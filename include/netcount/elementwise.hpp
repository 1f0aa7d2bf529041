#ifndef NETCOUNT_ELEMENTWISE_HPP
#define NETCOUNT_ELEMENTWISE_HPP

#include <netcount/detail/config.hpp> // first: below C++20, its error comes first

#include <cstddef>
#include <string_view>
#include <type_traits>

#include <netcount/detail/checked.hpp>
#include <netcount/error.hpp>
#include <netcount/layer_info.hpp>
#include <netcount/shape.hpp>

// Layers that keep their input's shape: activations, dropout and the like. None has weights, so
// none has units or connections (units are the outputs of layers with weights); prelu and
// layer_scale learn a few numbers, which count as parameters. They still appear in layers<Net>
// with their shapes.

NETCOUNT_DIAGNOSTICS_PUSH
namespace netcount {

namespace detail {

struct shape_preserving {
    static constexpr layer_result apply(const shape& in) noexcept { return {.output = in}; }
};

// Layers that compute each output element from the input element at the same place (and
// perhaps a parameter of its channel) may run in place: the memory schedule of
// peak_activations<Net> lets them write over their input's buffer when they read it last.
// A static member, so it costs nothing where no schedule reads it.
struct elementwise_layer : shape_preserving {
    static constexpr bool elementwise = true;
};

// `per` numbers for each channel, trainable, shape kept: parameters, not weights or biases
// (weights are the kernels of conv, fc and linear layers), and no units or connections, as for
// batch_norm.
constexpr layer_result per_channel_parameters(const shape& in, std::uint64_t per) noexcept {
    bool overflow = false;
    const std::uint64_t parameters = mul(per, in.channels, overflow);
    return {.output = in, .parameters = parameters, .status = overflow ? error::count_overflow : error::none};
}

} // namespace detail

struct relu : detail::elementwise_layer {
    static constexpr std::string_view kind = "relu";
};
struct relu6 : detail::elementwise_layer {
    static constexpr std::string_view kind = "relu6";
};
struct sigmoid : detail::elementwise_layer {
    static constexpr std::string_view kind = "sigmoid";
};
struct tanh : detail::elementwise_layer {
    static constexpr std::string_view kind = "tanh";
};
struct softmax : detail::elementwise_layer {
    static constexpr std::string_view kind = "softmax";
};
struct dropout : detail::elementwise_layer {
    static constexpr std::string_view kind = "dropout";
};

// The activations of today's CNNs, each PyTorch's module of that name with its defaults (SiLU,
// Hardswish, Hardsigmoid, GELU, LeakyReLU, ELU, Mish). A negative slope or an alpha is a
// constant, not a trainable number: nothing to count.
struct silu : detail::elementwise_layer {
    static constexpr std::string_view kind = "silu";
};
struct hardswish : detail::elementwise_layer {
    static constexpr std::string_view kind = "hardswish";
};
struct hardsigmoid : detail::elementwise_layer {
    static constexpr std::string_view kind = "hardsigmoid";
};
struct gelu : detail::elementwise_layer {
    static constexpr std::string_view kind = "gelu";
};
struct leaky_relu : detail::elementwise_layer {
    static constexpr std::string_view kind = "leaky_relu";
};
struct elu : detail::elementwise_layer {
    static constexpr std::string_view kind = "elu";
};
struct mish : detail::elementwise_layer {
    static constexpr std::string_view kind = "mish";
};

// per_channel: prelu<per_channel> learns one slope per channel (PyTorch's PReLU(C)).
struct per_channel {};

namespace detail {
// Instantiated for a prelu<T> whose T is not per_channel; it then counts as prelu<>, so that
// this is the only error.
template<class Given>
struct prelu_argument {
    static_assert(always_false<Given>,
                  "netcount: prelu takes per_channel or nothing: prelu<> learns one slope, prelu<per_channel> "
                  "one per channel");
    static constexpr bool reported = true; // see verdict in error.hpp
};
} // namespace detail

// prelu<> and prelu<per_channel>: a ReLU whose negative slope is learned, one for the whole
// layer (PyTorch's default, PReLU()) or one per channel (PReLU(C)). Parameters 1 or C.
template<class Slopes = void>
struct prelu {
    static_assert(detail::verdict < std::is_void_v<Slopes> || std::is_same_v<Slopes, per_channel>,
                  detail::prelu_argument < Slopes >> ::reported);
    static constexpr std::string_view kind = "prelu";
    static constexpr bool elementwise = true;
    static constexpr layer_result apply(const shape& in) noexcept {
        if constexpr (std::is_same_v<Slopes, per_channel>)
            return detail::per_channel_parameters(in, 1);
        else
            return {.output = in, .parameters = 1};
    }
};

// layer_scale: ConvNeXt's learned scale of each channel (torchvision's CNBlock.layer_scale, a
// C x 1 x 1 parameter): C parameters.
struct layer_scale {
    static constexpr std::string_view kind = "layer_scale";
    static constexpr bool elementwise = true;
    static constexpr layer_result apply(const shape& in) noexcept { return detail::per_channel_parameters(in, 1); }
};

// stochastic_depth: drops a residual branch at random while training (torchvision's
// StochasticDepth), the identity at inference: nothing to count.
struct stochastic_depth : detail::elementwise_layer {
    static constexpr std::string_view kind = "stochastic_depth";
};

// lrn<Size>: local response normalization across Size neighbouring channels (AlexNet's
// "response normalization"); no trainable numbers.
template<std::size_t Size>
struct lrn {
    static constexpr std::string_view kind = "lrn";
    static constexpr layer_result apply(const shape& in) noexcept {
        if (Size == 0) return {.status = error::zero_kernel};
        return {.output = in};
    }
};

} // namespace netcount

NETCOUNT_DIAGNOSTICS_POP

#endif
