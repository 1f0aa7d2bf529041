#ifndef NETCOUNT_LAYER_KIND_HPP
#define NETCOUNT_LAYER_KIND_HPP

#include <netcount/detail/config.hpp> // first: below C++20, its error comes first

#include <concepts>
#include <cstdint>
#include <span>
#include <string_view>

#include <netcount/error.hpp>
#include <netcount/layer_info.hpp>
#include <netcount/shape.hpp>

NETCOUNT_DIAGNOSTICS_PUSH
namespace netcount {

// What a layer kind reports for one input shape: the contract between a layer kind and the
// counting engine. Built-in kinds return it from apply(); so do kinds users define.
struct layer_result {
    shape output{};
    std::uint64_t units = 0;   // neurons: output elements of a layer with weights
    std::uint64_t weights = 0; // without bias
    std::uint64_t biases = 0;
    std::uint64_t parameters = 0;       // every trainable number: weights + biases + others
    std::uint64_t connections = 0;      // multiply-accumulates, bias not included
    std::uint64_t bias_connections = 0; // bias inputs, for LeCun's convention: a bias is a
                                        // connection from a unit that is always 1
    layer_window window{};
    error status = error::none;
};

// layer_kind<L>: what the counting engine asks of a layer type. Built-in layers model it, and
// so can a layer a user defines outside the library:
//
//   struct my_layer {
//       static constexpr std::string_view kind = "my_layer";          // used for unnamed layers
//       static constexpr std::string_view name = "";                  // optional: "" = generated
//       static constexpr layer_result apply(const shape& in) noexcept; // output shape and counts
//       // optional: the factors reports show for its figures (layer_info.hpp)
//       static constexpr table_formula formula(const layer_info& entry) noexcept;
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

// merge_kind<M>: what the engine asks of a merge, the entry where a block's paths meet. add,
// concat and multiply model it, and so can a merge a user defines, as a class template whose
// arguments are its paths (and perhaps a name<"...">):
//
//   template<class... Paths>
//   struct my_merge {
//       static constexpr std::string_view kind = "my_merge";     // the merge entry's kind, and
//                                                                // the stem of the block's name
//       static constexpr layer_result merge(std::span<const shape> paths) noexcept;
//   };
//
// Written as my_merge<path1, path2, ...> in a network, it is a block like add<...>: each path
// reads the block's input, the paths' entries are named "<block>/<layer>", and one entry of
// layers<Net> of kind `kind` merges their outputs. merge() receives the output shape of each
// path, in order (the name<...> is not a path), and returns the merged shape and what the
// merge counts: a merge with learned numbers (BiFPN's weighted fusion) reports them in
// parameters, and they count in the totals. It rejects shapes it cannot combine by setting
// layer_result::status (error::paths_mismatch reads "netcount: the paths of a merge produce
// shapes it cannot combine"); the engine then checks the result as it checks a layer's. An
// optional static `name` names the block when no name<...> is among its paths. A merge writes
// a new buffer in the memory schedule. Edits (replace, resize, scale_width) reach the layers
// inside its paths, and so do reports and every query.
template<class M>
concept merge_kind = requires(std::span<const shape> paths) {
    { M::kind } -> std::convertible_to<std::string_view>;
    { M::merge(paths) } -> std::same_as<layer_result>;
};

namespace detail {

template<class L>
constexpr std::string_view given_name() noexcept {
    if constexpr (requires {
                      { L::name } -> std::convertible_to<std::string_view>;
                  })
        return L::name;
    else
        return {};
}

// formula_of<L>: the kind's table formula (layer_info.hpp), or null for a kind without one.
template<class L>
inline constexpr formula_function formula_of = []() -> formula_function {
    if constexpr (requires(const layer_info& entry) {
                      { L::formula(entry) } -> std::same_as<table_formula>;
                  })
        return &L::formula;
    else
        return nullptr;
}();

} // namespace detail

} // namespace netcount

NETCOUNT_DIAGNOSTICS_POP

#endif
