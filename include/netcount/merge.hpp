#ifndef NETCOUNT_MERGE_HPP
#define NETCOUNT_MERGE_HPP

#include <netcount/detail/config.hpp> // first: below C++20, its error comes first

#include <cstdint>
#include <span>
#include <string_view>

#include <netcount/detail/checked.hpp>
#include <netcount/layer_kind.hpp>
#include <netcount/shape.hpp>

// The merges of the library, each a merge_kind (layer_kind.hpp) like a merge of one's own:
//
//   add<Paths...>        the paths' outputs, of one shape, summed
//   concat<Paths...>     ... of one height and width, stacked along the channels
//   multiply<Paths...>   ... multiplied elementwise, broadcast as NumPy does: along each of
//                        height, width and channels the paths agree or are 1; the output
//                        takes the largest (squeeze-and-excitation's H x W x C times 1 x 1 x C)
//
// Every path reads the block's input (block.hpp); merges count nothing but their activations.

NETCOUNT_DIAGNOSTICS_PUSH
namespace netcount {

namespace detail {

// The rules, one non-template function each, so that every add<...> shares one body.
struct add_rule {
    static constexpr std::string_view kind = "add";
    static constexpr layer_result merge(std::span<const shape> paths) noexcept {
        for (const shape& p : paths)
            if (p != paths[0]) return {.output = paths[0], .status = error::shape_mismatch};
        return {.output = paths[0]};
    }
};

struct concat_rule {
    static constexpr std::string_view kind = "concat";
    static constexpr layer_result merge(std::span<const shape> paths) noexcept {
        shape out{paths[0].height, paths[0].width, 0};
        bool overflow = false;
        for (const shape& p : paths) {
            if (p.height != out.height || p.width != out.width)
                return {.output = paths[0], .status = error::spatial_mismatch};
            out.channels = add(out.channels, p.channels, overflow);
        }
        return {.output = out, .status = overflow ? error::count_overflow : error::none};
    }
};

// One axis of NumPy's broadcasting: equal sizes, or a 1 that stretches to the other; 0 for
// sizes that do not broadcast (no shape has a 0, so it marks the failure).
constexpr std::uint64_t broadcast(std::uint64_t a, std::uint64_t b) noexcept {
    return a == b || b == 1 ? a : a == 1 ? b : 0;
}

struct multiply_rule {
    static constexpr std::string_view kind = "multiply";
    static constexpr layer_result merge(std::span<const shape> paths) noexcept {
        shape out = paths[0];
        for (const shape& p : paths) {
            out = {broadcast(out.height, p.height), broadcast(out.width, p.width), broadcast(out.channels, p.channels)};
            if (out.height == 0 || out.width == 0 || out.channels == 0)
                return {.output = paths[0], .status = error::broadcast_mismatch};
        }
        return {.output = out};
    }
};

} // namespace detail

// add<Paths...>: every path reads the block's input; their outputs, of one shape, are summed.
template<class... Paths>
struct add : detail::add_rule {};

// concat<Paths...>: ... stacked along the channels; they must have one height and width.
template<class... Paths>
struct concat : detail::concat_rule {};

// multiply<Paths...>: ... multiplied elementwise with NumPy's broadcasting: along each of
// height, width and channels the paths agree or are 1, and the output takes the largest.
template<class... Paths>
struct multiply : detail::multiply_rule {};

} // namespace netcount

NETCOUNT_DIAGNOSTICS_POP

#endif
