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
//   add<Paths...>          the paths' outputs summed, broadcast as multiply's (GCNet's
//                          1 x 1 x C context added to an H x W x C map)
//   concat<Paths...>       ... of one height and width, stacked along the channels
//   multiply<Paths...>     ... multiplied elementwise, broadcast as NumPy does: along each of
//                          height, width and channels the paths agree or are 1; the output
//                          takes the largest (squeeze-and-excitation's H x W x C times 1 x 1 x C)
//   crop_concat<Paths...>  ... each centre-cropped to the smallest height and width among
//                          them, then stacked along the channels (U-Net 2015's skips)
//   pad_concat<Paths...>   ... each zero-padded to the largest height and width among them,
//                          then stacked along the channels (the padded U-Nets' F.pad, torch.cat)
//
// Every path reads the block's input (block.hpp); merges count nothing but their activations.

NETCOUNT_DIAGNOSTICS_PUSH
namespace netcount {

namespace detail {

// One axis of NumPy's broadcasting: equal sizes, or a 1 that stretches to the other; 0 for
// sizes that do not broadcast (no shape has a 0, so it marks the failure).
constexpr std::uint64_t broadcast(std::uint64_t a, std::uint64_t b) noexcept {
    return a == b || b == 1 ? a : a == 1 ? b : 0;
}

// The paths' shapes broadcast together, or a shape with a 0 where they do not broadcast.
constexpr shape broadcast_all(std::span<const shape> paths) noexcept {
    shape out = paths[0];
    for (const shape& p : paths) {
        out = {broadcast(out.height, p.height), broadcast(out.width, p.width), broadcast(out.channels, p.channels)};
        if (out.height == 0 || out.width == 0 || out.channels == 0) return out;
    }
    return out;
}

// The rules, one non-template function each, so that every add<...> shares one body.
// add broadcasts as multiply does: PyTorch's `a + b` and `a * b` follow one rule. Paths of one
// shape give that shape, as before broadcasting; error::shape_mismatch, add's own error, is
// kept for the shapes that do not broadcast (its message says where they differ).
struct add_rule {
    static constexpr std::string_view kind = "add";
    static constexpr layer_result merge(std::span<const shape> paths) noexcept {
        const shape out = broadcast_all(paths);
        if (out.height == 0 || out.width == 0 || out.channels == 0)
            return {.output = paths[0], .status = error::shape_mismatch};
        return {.output = out};
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

struct multiply_rule {
    static constexpr std::string_view kind = "multiply";
    static constexpr layer_result merge(std::span<const shape> paths) noexcept {
        const shape out = broadcast_all(paths);
        if (out.height == 0 || out.width == 0 || out.channels == 0)
            return {.output = paths[0], .status = error::broadcast_mismatch};
        return {.output = out};
    }
};

// crop_concat and pad_concat: every path brought to one height and width, the smallest
// (Largest = false) or the largest among the paths, then their channels stacked. Cropping and
// padding only move elements: nothing counts but the merged output's activations. Neither can
// reject shapes; only the channels' sum can overflow.
constexpr layer_result resized_concat(std::span<const shape> paths, bool largest) noexcept {
    shape out{paths[0].height, paths[0].width, 0};
    bool overflow = false;
    for (const shape& p : paths) {
        if (largest ? p.height > out.height : p.height < out.height) out.height = p.height;
        if (largest ? p.width > out.width : p.width < out.width) out.width = p.width;
        out.channels = add(out.channels, p.channels, overflow);
    }
    return {.output = out, .status = overflow ? error::count_overflow : error::none};
}

struct crop_concat_rule {
    static constexpr std::string_view kind = "crop_concat";
    static constexpr layer_result merge(std::span<const shape> paths) noexcept { return resized_concat(paths, false); }
};

struct pad_concat_rule {
    static constexpr std::string_view kind = "pad_concat";
    static constexpr layer_result merge(std::span<const shape> paths) noexcept { return resized_concat(paths, true); }
};

} // namespace detail

// add<Paths...>: every path reads the block's input; their outputs are summed, broadcast as
// PyTorch's `a + b` (and multiply below): along each of height, width and channels the paths
// agree or are 1, and the output takes the largest. GCNet's context, 1 x 1 x C, added to its
// H x W x C input: add<identity, sequence<..., conv<C, kernel<1>>>>. Paths of one shape give
// that shape.
template<class... Paths>
struct add : detail::add_rule {};

// concat<Paths...>: ... stacked along the channels; they must have one height and width.
template<class... Paths>
struct concat : detail::concat_rule {};

// multiply<Paths...>: ... multiplied elementwise with NumPy's broadcasting: along each of
// height, width and channels the paths agree or are 1, and the output takes the largest.
template<class... Paths>
struct multiply : detail::multiply_rule {};

// crop_concat<Paths...>: every path reads the block's input; each output is centre-cropped to
// the smallest height h and width w among the paths, then they are stacked along the channels:
// U-Net's skip (Ronneberger et al. 2015, Fig. 1, "copy and crop"). In PyTorch, for each path's
// x of height H and width W (the convention of the common U-Net implementations; torchvision
// has none): top = (H - h) // 2, left = (W - w) // 2,
//     torch.cat([x[:, :, top:top + h, left:left + w] for x in paths], dim=1)
// Only the shapes count: H x W x C1, h x w x C2, ... -> min H x min W x (C1 + C2 + ...).
// Receptive fields through it are the widest of the paths', as through every merge (a
// cropped path's field starts offset * jump further on: netcount keeps the lowest start).
template<class... Paths>
struct crop_concat : detail::crop_concat_rule {};

// pad_concat<Paths...>: ... each output zero-padded to the largest height and width among the
// paths, then stacked along the channels, as the padded U-Nets do: for each path's x,
// dh = h - H and dw = w - W (h, w the largest),
//     torch.cat([F.pad(x, [dw // 2, dw - dw // 2, dh // 2, dh - dh // 2]) for x in paths], dim=1)
// H x W x C1, h x w x C2, ... -> max H x max W x (C1 + C2 + ...).
template<class... Paths>
struct pad_concat : detail::pad_concat_rule {};

} // namespace netcount

NETCOUNT_DIAGNOSTICS_POP

#endif
