#ifndef NETCOUNT_NORM_HPP
#define NETCOUNT_NORM_HPP

#include <netcount/detail/config.hpp> // first: below C++20, its error comes first

#include <string_view>

#include <netcount/detail/checked.hpp>
#include <netcount/layer_info.hpp>
#include <netcount/shape.hpp>

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
        return {.output = in, .parameters = parameters,
                .status = overflow ? error::count_overflow : error::none};
    }
};

} // namespace netcount

#endif
