#ifndef NETCOUNT_FC_HPP
#define NETCOUNT_FC_HPP

#include <netcount/detail/config.hpp> // first: below C++20, its error comes first

#include <cstddef>
#include <string_view>

#include <netcount/detail/checked.hpp>
#include <netcount/layer_info.hpp>
#include <netcount/options.hpp>
#include <netcount/shape.hpp>

NETCOUNT_DIAGNOSTICS_PUSH
namespace netcount {

namespace detail {

inline constexpr unsigned fc_options = options_mask({option_kind::bias, option_kind::name});

// A fully connected layer flattens whatever it receives: every output sees every input.
constexpr layer_result apply_fc(const shape& in, std::uint64_t outputs, const layer_options& o) noexcept {
    if (o.repeated) return {.status = error::repeated_option};
    if (outputs == 0) return {.status = error::zero_outputs};
    // weights = inputs * outputs = connections; units = outputs
    bool overflow = false;
    const std::uint64_t inputs = mul(mul(in.height, in.width, overflow), in.channels, overflow);
    const std::uint64_t weights = mul(inputs, outputs, overflow);
    const std::uint64_t biases = o.bias ? outputs : 0;
    return {.output = {1, 1, outputs},
            .units = outputs,
            .weights = weights,
            .biases = biases,
            .parameters = add(weights, biases, overflow),
            .connections = weights,
            .bias_connections = biases,
            .window = {{.kernel = in.height}, {.kernel = in.width}, 1, true},
            .status = overflow ? error::count_overflow : error::none};
}

// nn.Linear on the channels at every position (channels-last, as in ConvNeXt): a 1 x 1
// convolution by another name. weights = C * outputs, shared by the H * W positions, so
// connections = weights * H * W; units are the H * W * outputs output elements, and a bias adds
// one connection to each (LeCun's convention, as for conv).
constexpr layer_result apply_linear(const shape& in, std::uint64_t outputs, const layer_options& o) noexcept {
    if (o.repeated) return {.status = error::repeated_option};
    if (outputs == 0) return {.status = error::zero_outputs};
    bool overflow = false;
    const std::uint64_t positions = mul(in.height, in.width, overflow);
    const std::uint64_t weights = mul(in.channels, outputs, overflow);
    const std::uint64_t units = mul(positions, outputs, overflow);
    const std::uint64_t biases = o.bias ? outputs : 0;
    return {.output = {in.height, in.width, outputs},
            .units = units,
            .weights = weights,
            .biases = biases,
            .parameters = add(weights, biases, overflow),
            .connections = mul(weights, positions, overflow),
            .bias_connections = o.bias ? units : 0,
            .status = overflow ? error::count_overflow : error::none};
}

// LeCun's Euclidean RBF output units: each compares its input with a parameter vector that
// LeNet-5 fixes by hand, so they have connections but nothing trainable.
constexpr layer_result apply_rbf(const shape& in, std::uint64_t outputs) noexcept {
    if (outputs == 0) return {.status = error::zero_outputs};
    bool overflow = false;
    const std::uint64_t inputs = mul(mul(in.height, in.width, overflow), in.channels, overflow);
    return {.output = {1, 1, outputs},
            .units = outputs,
            .connections = mul(inputs, outputs, overflow),
            .window = {{.kernel = in.height}, {.kernel = in.width}, 1, true},
            .status = overflow ? error::count_overflow : error::none};
}

// The factors of an fc's figures: weights = connections = inputs * outputs (its units, the
// outputs, need none); an rbf has the connections alone. No formula for inputs that do not fit.
constexpr std::uint64_t flat_inputs(const shape& in) noexcept {
    bool overflow = false;
    const std::uint64_t inputs = mul(mul(in.height, in.width, overflow), in.channels, overflow);
    return overflow ? 0 : inputs;
}

constexpr table_formula fc_formula(const layer_info& l) noexcept {
    const std::uint64_t inputs = flat_inputs(l.input);
    return {.weights = {inputs, l.output.channels}, .connections = {inputs, l.output.channels}};
}

// A linear is a 1 x 1 conv by another name, without kernel factors: units = Y * X * N,
// weights = C * N, connections = C * N * Y * X.
constexpr table_formula linear_formula(const layer_info& l) noexcept {
    const std::uint64_t y = l.output.height, x = l.output.width, n = l.output.channels;
    return {.units = {y, x, n}, .weights = {l.input.channels, n}, .connections = {l.input.channels, n, y, x}};
}

constexpr table_formula rbf_formula(const layer_info& l) noexcept {
    return {.connections = {flat_inputs(l.input), l.output.channels}};
}

constexpr layer_result apply_flatten(const shape& in) noexcept {
    bool overflow = false;
    const std::uint64_t features = mul(mul(in.height, in.width, overflow), in.channels, overflow);
    // What reads a flattened vector mixes all of it: the window covers the whole input.
    return {.output = {1, 1, features},
            .window = {{.kernel = in.height}, {.kernel = in.width}, 1, true, false},
            .status = overflow ? error::count_overflow : error::none};
}

} // namespace detail

// fc<Outputs, Options...>: fully connected (PyTorch's Linear); options no_bias, name.
template<std::size_t Outputs, class... Options>
struct fc {
    static constexpr std::string_view kind = "fc";
    static constexpr detail::layer_options options = detail::gather_options<detail::fc_options, Options...>();
    static_assert(
        detail::verdict<!options.refused, detail::options_checked<fc, detail::fc_options, Options...>>::reported);
    static constexpr std::string_view name = options.name;

    static constexpr layer_result apply(const shape& in) noexcept { return detail::apply_fc(in, Outputs, options); }
    static constexpr table_formula formula(const layer_info& entry) noexcept { return detail::fc_formula(entry); }
};

// linear<Outputs, Options...>: PyTorch's Linear applied to the channels at every position, as on
// a channels-last tensor (ConvNeXt's pointwise layers): H x W x C -> H x W x Outputs, without
// flattening. Its window is 1 x 1. Options: no_bias, name.
template<std::size_t Outputs, class... Options>
struct linear {
    static constexpr std::string_view kind = "linear";
    static constexpr detail::layer_options options = detail::gather_options<detail::fc_options, Options...>();
    static_assert(
        detail::verdict<!options.refused, detail::options_checked<linear, detail::fc_options, Options...>>::reported);
    static constexpr std::string_view name = options.name;

    static constexpr layer_result apply(const shape& in) noexcept { return detail::apply_linear(in, Outputs, options); }
    static constexpr table_formula formula(const layer_info& entry) noexcept { return detail::linear_formula(entry); }
};

// rbf<Outputs>: LeNet-5's output layer of Euclidean radial basis function units. Their
// parameter vectors were "chosen by hand and kept fixed" (LeCun et al. 1998), so they count
// units and connections (inputs * outputs) but no weights or parameters.
template<std::size_t Outputs, class... Options>
struct rbf {
    static constexpr std::string_view kind = "rbf";
    static constexpr detail::layer_options options =
        detail::gather_options<detail::options_mask({detail::option_kind::name}), Options...>();
    static_assert(detail::verdict<!options.refused,
                                  detail::options_checked<rbf, detail::options_mask({detail::option_kind::name}),
                                                          Options...>>::reported);
    static constexpr std::string_view name = options.name;

    static constexpr layer_result apply(const shape& in) noexcept { return detail::apply_rbf(in, Outputs); }
    static constexpr table_formula formula(const layer_info& entry) noexcept { return detail::rbf_formula(entry); }
};

// flatten: H x W x C becomes 1 x 1 x (H * W * C); nothing to count.
struct flatten {
    static constexpr std::string_view kind = "flatten";
    static constexpr bool view = true; // its input's buffer, read another way (peak_activations<Net>)
    static constexpr layer_result apply(const shape& in) noexcept { return detail::apply_flatten(in); }
};

} // namespace netcount

NETCOUNT_DIAGNOSTICS_POP

#endif
