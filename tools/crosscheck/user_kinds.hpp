// The layer kinds and merges of its own that tools/crosscheck's random networks use, as a user
// of netcount writes them (layer_kind and merge_kind, include/netcount/layer_kind.hpp); each has
// a torch counterpart in torch_side.py. Their kind strings test the rule of generated names
// (a kind that ends in a digit is followed by '_': crop2d_1, m1_1), and the layer kinds declare
// themselves views or elementwise with another number of elements out than in, for which the
// memory schedule writes a buffer of their own (docs/deploy.md). tools/limits uses the layer
// kinds too, with sizes near 2^64.
#ifndef NETCOUNT_CROSSCHECK_USER_KINDS_HPP
#define NETCOUNT_CROSSCHECK_USER_KINDS_HPP

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include <netcount/netcount.hpp>

namespace user {

// crop2d<T, B, L, R>: T rows off the top, B off the bottom, L columns off the left and R off
// the right; a view (torch's slice x[:, :, T:H - B, L:W - R] is one), with fewer elements out
// than in unless all four are 0.
template<std::size_t T, std::size_t B, std::size_t L, std::size_t R>
struct crop2d {
    static constexpr std::string_view kind = "crop2d";
    static constexpr bool view = true;
    static constexpr netcount::layer_result apply(const netcount::shape& in) noexcept {
        // Without T + B, which may pass 2^64 (tools/limits draws sizes that large).
        if (T >= in.height || B >= in.height - T || L >= in.width || R >= in.width - L)
            return {.status = netcount::error::empty_output};
        return {.output = {.height = in.height - T - B, .width = in.width - L - R, .channels = in.channels}};
    }
};

// transpose_hw: height and width swapped; a view with as many elements (torch's transpose).
struct transpose_hw {
    static constexpr std::string_view kind = "transpose_hw";
    static constexpr bool view = true;
    static constexpr netcount::layer_result apply(const netcount::shape& in) noexcept {
        return {.output = {.height = in.width, .width = in.height, .channels = in.channels}};
    }
};

// keep_channels<N>: the first N channels, declared elementwise (each element kept is computed
// from the element at its place): fewer elements out than in unless N is the input's channels.
template<std::size_t N>
struct keep_channels {
    static constexpr std::string_view kind = "keep_channels";
    static constexpr bool elementwise = true;
    static constexpr netcount::layer_result apply(const netcount::shape& in) noexcept {
        if (N == 0 || N > in.channels) return {.status = netcount::error::empty_output};
        return {.output = {.height = in.height, .width = in.width, .channels = N}};
    }
};

// widen2<N>: N channels of zeros added after the input's, declared elementwise: more elements
// out than in unless N is 0.
template<std::size_t N>
struct widen2 {
    static constexpr std::string_view kind = "widen2";
    static constexpr bool elementwise = true;
    static constexpr netcount::layer_result apply(const netcount::shape& in) noexcept {
        if (N > UINT64_MAX - in.channels) return {.status = netcount::error::count_overflow};
        return {.output = {.height = in.height, .width = in.width, .channels = in.channels + N}};
    }
};

// weighted_fusion<Paths...>: BiFPN's fast normalised fusion (Tan, Pang and Le 2020), one learned
// weight per path, inputs of one shape.
template<class... Paths>
struct weighted_fusion {
    static constexpr std::string_view kind = "weighted_fusion";
    static constexpr netcount::layer_result merge(std::span<const netcount::shape> paths) noexcept {
        for (const netcount::shape& p : paths)
            if (p != paths[0]) return {.status = netcount::error::paths_mismatch};
        return {.output = paths[0], .parameters = paths.size()};
    }
};

// m1<Paths...>: the elementwise maximum of paths of one shape (torch.maximum), nothing learned;
// its kind ends in a digit.
template<class... Paths>
struct m1 {
    static constexpr std::string_view kind = "m1";
    static constexpr netcount::layer_result merge(std::span<const netcount::shape> paths) noexcept {
        for (const netcount::shape& p : paths)
            if (p != paths[0]) return {.status = netcount::error::paths_mismatch};
        return {.output = paths[0]};
    }
};

} // namespace user

#endif
