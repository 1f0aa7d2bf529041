#ifndef NETCOUNT_SQUEEZE_EXCITATION_HPP
#define NETCOUNT_SQUEEZE_EXCITATION_HPP

#include <netcount/detail/config.hpp> // first: below C++20, its error comes first

#include <cstddef>
#include <span>
#include <string_view>

#include <netcount/block.hpp>
#include <netcount/conv.hpp>
#include <netcount/detail/node.hpp>
#include <netcount/elementwise.hpp>
#include <netcount/layer_kind.hpp>
#include <netcount/merge.hpp>
#include <netcount/options.hpp>
#include <netcount/pool.hpp>
#include <netcount/shape.hpp>

NETCOUNT_DIAGNOSTICS_PUSH
namespace netcount {

// squeeze_excitation<Channels, Squeeze, Activation = relu, Gate = sigmoid>: Hu, Shen and Sun's
// (2018) channel gate, as torchvision's ops.SqueezeExcitation builds it: the block
//
//   multiply<identity, sequence<global_avg_pool, conv<Squeeze, kernel<1>, name<"fc1">>,
//                               Activation, conv<Channels, kernel<1>, name<"fc2">>, Gate>>
//
// (both 1 x 1 convs with biases), whose input must have Channels channels. Its entries, for
// the first one in a scope: "squeeze_excitation1/global_avg_pool1", ".../fc1", ".../relu1",
// ".../fc2", ".../sigmoid1", then the merge "squeeze_excitation1" of kind "multiply". fc1 and
// fc2 are torchvision's names for the two convs; the pool and the two activations, which
// count nothing, keep their kinds' names. Edits reach fc1 and fc2 (resize, scale_width, which
// scales Channels and Squeeze by its one rule) and replace the activation or the gate.
template<std::size_t Channels, std::size_t Squeeze, class Activation = relu, class Gate = sigmoid>
struct squeeze_excitation {};

namespace detail {

// The product of the input and its gate, once the input is known to have Channels channels
// (multiply alone would broadcast a 1-channel input, or reject another count as a broadcast).
template<std::size_t Channels>
struct excitation_rule {
    static constexpr std::string_view kind = "multiply";
    static constexpr layer_result merge(std::span<const shape> paths) noexcept {
        if (paths[0].channels != Channels) return {.output = paths[0], .status = error::excitation_channels_mismatch};
        return multiply_rule::merge(paths);
    }
};

inline constexpr std::string_view excitation_stem = "squeeze_excitation";

template<std::size_t Channels, std::size_t Squeeze, class Activation, class Gate>
using excitation_gate = netcount::sequence<global_avg_pool, conv<Squeeze, kernel<1>, name<"fc1">>, Activation,
                                           conv<Channels, kernel<1>, name<"fc2">>, Gate>;

template<std::size_t Channels, std::size_t Squeeze, class Activation, class Gate>
struct node<netcount::squeeze_excitation<Channels, Squeeze, Activation, Gate>, false>
    : merge_node<excitation_rule<Channels>, excitation_stem, netcount::identity,
                 excitation_gate<Channels, Squeeze, Activation, Gate>> {};

} // namespace detail

} // namespace netcount

NETCOUNT_DIAGNOSTICS_POP

#endif
