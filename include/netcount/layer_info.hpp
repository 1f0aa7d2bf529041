#ifndef NETCOUNT_LAYER_INFO_HPP
#define NETCOUNT_LAYER_INFO_HPP

#include <cstdint>
#include <string_view>

#include <netcount/error.hpp>
#include <netcount/shape.hpp>

namespace netcount {

// How a sliding window meets one axis of its input. Layers without a window report a
// 1-wide, stride-1 window, so that receptive fields and formulas can treat all layers alike.
struct axis_window {
    std::uint64_t kernel = 1;
    std::uint64_t stride = 1;
    std::uint64_t dilation = 1;
    std::uint64_t pad_begin = 0;
    std::uint64_t pad_end = 0;

    friend constexpr bool operator==(const axis_window&, const axis_window&) = default;
};

struct layer_window {
    axis_window height{};
    axis_window width{};
    std::uint64_t groups = 1;
    bool global = false; // every output sees the whole input (fc, global pooling)

    friend constexpr bool operator==(const layer_window&, const layer_window&) = default;
};

// What a layer kind reports for one input shape: the contract between a layer kind and the
// counting engine. Built-in kinds return it from apply(); so do kinds users define.
struct layer_result {
    shape output{};
    std::uint64_t units = 0;       // neurons: output elements of a layer with weights
    std::uint64_t weights = 0;     // without bias
    std::uint64_t biases = 0;
    std::uint64_t parameters = 0;  // every trainable number: weights + biases + others
    std::uint64_t connections = 0; // multiply-accumulates, bias not included
    layer_window window{};
    error status = error::none;
};

// One entry of layers<Net>: a layer with the shape it received and what it counts.
struct layer_info {
    std::string_view name;
    std::string_view kind;
    shape input{};
    shape output{};
    std::uint64_t units = 0;
    std::uint64_t weights = 0;
    std::uint64_t biases = 0;
    std::uint64_t parameters = 0;
    std::uint64_t connections = 0;
    layer_window window{};
};

// A network's totals, summed over its layers.
struct counts {
    std::uint64_t units = 0;
    std::uint64_t weights = 0;
    std::uint64_t biases = 0;
    std::uint64_t parameters = 0;
    std::uint64_t connections = 0;

    friend constexpr bool operator==(const counts&, const counts&) = default;
};

} // namespace netcount

#endif
