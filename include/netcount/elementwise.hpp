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

} // namespace detail

struct relu : detail::shape_preserving { static constexpr std::string_view kind = "relu"; };
struct relu6 : detail::shape_preserving { static constexpr std::string_view kind = "relu6"; };
struct sigmoid : detail::shape_preserving { static constexpr std::string_view kind = "sigmoid"; };
struct tanh : detail::shape_preserving { static constexpr std::string_view kind = "tanh"; };
struct softmax : detail::shape_preserving { static constexpr std::string_view kind = "softmax"; };
struct dropout : detail::shape_preserving { static constexpr std::string_view kind = "dropout"; };

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
