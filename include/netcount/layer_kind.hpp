#ifndef NETCOUNT_LAYER_KIND_HPP
#define NETCOUNT_LAYER_KIND_HPP

#include <netcount/detail/config.hpp> // first: below C++20, its error comes first

#include <concepts>
#include <string_view>

#include <netcount/layer_info.hpp>
#include <netcount/shape.hpp>

namespace netcount {

// layer_kind<L>: what the counting engine asks of a layer type. Built-in layers model it, and
// so can a layer a user defines outside the library:
//
//   struct my_layer {
//       static constexpr std::string_view kind = "my_layer";          // used for unnamed layers
//       static constexpr std::string_view name = "";                  // optional: "" = generated
//       static constexpr layer_result apply(const shape& in) noexcept; // output shape and counts
//   };
//
// apply() reports a rejected input by setting layer_result::status; the engine then stops and
// the compile error names the layer. The engine checks what apply() returns, as it checks the
// built-in kinds: an output with a zero height, width or channel count is error::empty_output,
// a window with a zero kernel, stride or dilation error::zero_window, a count over 64 bits
// (with the bias connections, the activations or the totals) error::count_overflow, each
// naming this layer.
template<class L>
concept layer_kind = requires(const shape& in) {
    { L::kind } -> std::convertible_to<std::string_view>;
    { L::apply(in) } -> std::same_as<layer_result>;
};

namespace detail {

template<class L>
constexpr std::string_view given_name() noexcept {
    if constexpr (requires { { L::name } -> std::convertible_to<std::string_view>; })
        return L::name;
    else
        return {};
}

} // namespace detail

} // namespace netcount

#endif
