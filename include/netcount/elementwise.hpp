#ifndef NETCOUNT_ELEMENTWISE_HPP
#define NETCOUNT_ELEMENTWISE_HPP

#include <netcount/detail/config.hpp> // first: below C++20, its error comes first

#include <cstddef>
#include <string_view>

#include <netcount/layer_info.hpp>
#include <netcount/shape.hpp>

// Layers that keep their input's shape and have nothing to count: no weights, so no units or
// connections (units are the outputs of layers with weights). They still appear in layers<Net> with their shapes.

namespace netcount {

namespace detail {

struct shape_preserving {
    static constexpr layer_result apply(const shape& in) noexcept { return {.output = in}; }
};

// Activations and dropout may run in place: the memory schedule (peak_activations<Net>) lets
// them write over their input's buffer when they read it last.
struct elementwise_layer : shape_preserving {
    static constexpr bool elementwise = true;
};

} // namespace detail

struct relu : detail::elementwise_layer { static constexpr std::string_view kind = "relu"; };
struct relu6 : detail::elementwise_layer { static constexpr std::string_view kind = "relu6"; };
struct sigmoid : detail::elementwise_layer { static constexpr std::string_view kind = "sigmoid"; };
struct tanh : detail::elementwise_layer { static constexpr std::string_view kind = "tanh"; };
struct softmax : detail::elementwise_layer { static constexpr std::string_view kind = "softmax"; };
struct dropout : detail::elementwise_layer { static constexpr std::string_view kind = "dropout"; };

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

#endif
