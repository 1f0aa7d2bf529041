#ifndef NETCOUNT_RESHAPE_HPP
#define NETCOUNT_RESHAPE_HPP

#include <netcount/detail/config.hpp> // first: below C++20, its error comes first

#include <cstddef>
#include <cstdint>
#include <string_view>

#include <netcount/detail/checked.hpp>
#include <netcount/error.hpp>
#include <netcount/layer_info.hpp>
#include <netcount/shape.hpp>

// Layers that move or copy their input's elements into another shape: a slice of the channels,
// the channels reordered, the positions repeated by interpolation. No weights, so no units or
// connections, and nothing trainable; only their shapes (and activations) count.

NETCOUNT_DIAGNOSTICS_PUSH
namespace netcount {

namespace detail {

constexpr layer_result apply_chunk(const shape& in, std::uint64_t index, std::uint64_t count) noexcept {
    if (index >= count) return {.status = error::chunk_index_out_of_range};
    if (in.channels % count != 0) return {.status = error::channels_not_divisible_by_chunks};
    return {.output = {in.height, in.width, in.channels / count}};
}

constexpr layer_result apply_channel_shuffle(const shape& in, std::uint64_t groups) noexcept {
    if (groups == 0) return {.status = error::zero_groups};
    if (in.channels % groups != 0) return {.status = error::channels_not_divisible_by_groups};
    return {.output = in};
}

// An upsampling layer's window, for receptive fields: along each axis it is a transposed window
// of kernel and stride `factor` (the layer repeats each input position `factor` times), which
// detail/field.hpp reads as one input position per output and outputs 1 / factor input
// positions apart: nearest interpolation exactly. Bilinear interpolation reads one input
// position more (the neighbour it blends with); netcount does not know the mode, and counts
// nothing that depends on it.
constexpr layer_window upsampling_window(std::uint64_t factor_h, std::uint64_t factor_w) noexcept {
    return {.height = {.kernel = factor_h, .stride = factor_h},
            .width = {.kernel = factor_w, .stride = factor_w},
            .transposed = true};
}

constexpr layer_result apply_upsample(const shape& in, std::uint64_t factor_h, std::uint64_t factor_w) noexcept {
    if (factor_h == 0 || factor_w == 0) return {.status = error::zero_scale_factor};
    bool overflow = false;
    const std::uint64_t height = mul(in.height, factor_h, overflow), width = mul(in.width, factor_w, overflow);
    return {.output = {height, width, in.channels},
            .window = upsampling_window(factor_h, factor_w),
            .status = overflow ? error::count_overflow : error::none};
}

// An output size that is not a whole multiple of the input's (or is smaller) has no whole factor;
// the window then takes the whole part of the ratio, at least 1: receptive fields through such a
// layer are approximate, as through a transposed convolution's.
constexpr layer_result apply_upsample_to(const shape& in, std::uint64_t height, std::uint64_t width) noexcept {
    if (height == 0 || width == 0) return {.status = error::zero_outputs};
    const std::uint64_t factor_h = in.height != 0 && height > in.height ? height / in.height : 1;
    const std::uint64_t factor_w = in.width != 0 && width > in.width ? width / in.width : 1;
    return {.output = {height, width, in.channels}, .window = upsampling_window(factor_h, factor_w)};
}

// upsample_back's last entry (block.hpp): its parts' output interpolated to the height and width
// of the tensor the block read, as torchvision's F.interpolate(x, size=input.shape[-2:]).
struct upsample_back_rule {
    static constexpr std::string_view kind = "upsample_back";
    static constexpr layer_result apply(const shape& in, const shape& read) noexcept {
        return apply_upsample_to(in, read.height, read.width);
    }
};

} // namespace detail

// chunk<Index, Count>: the Index-th (from 0) of Count equal slices of the channels, as
// x.chunk(Count, dim=1)[Index] where Count divides C (ShuffleNetV2's channel split):
// H x W x C -> H x W x (C / Count). Rejected: Index >= Count, and C not divisible by Count
// (torch.chunk would then make the last slice smaller).
template<std::size_t Index, std::size_t Count>
struct chunk {
    static constexpr std::string_view kind = "chunk";
    static constexpr layer_result apply(const shape& in) noexcept { return detail::apply_chunk(in, Index, Count); }
};

// channel_shuffle<Groups>: the channels, seen as Groups rows of C / Groups, read by columns
// (ShuffleNet; PyTorch's ChannelShuffle(Groups)). Shape kept; C must be a multiple of Groups.
template<std::size_t Groups>
struct channel_shuffle {
    static constexpr std::string_view kind = "channel_shuffle";
    static constexpr layer_result apply(const shape& in) noexcept { return detail::apply_channel_shuffle(in, Groups); }
};

// upsample<Factor> and upsample<FactorH, FactorW>: H x W x C -> (H * FactorH) x (W * FactorW) x
// C, as PyTorch's Upsample(scale_factor=...) with whole factors, nearest or bilinear alike (the
// mode changes no figure). Rejected: a factor of 0, a size that overflows 64 bits.
template<std::size_t FactorH, std::size_t FactorW = FactorH>
struct upsample {
    static constexpr std::string_view kind = "upsample";
    static constexpr layer_result apply(const shape& in) noexcept {
        return detail::apply_upsample(in, FactorH, FactorW);
    }
};

// upsample_to<H, W>: interpolation to an H x W output whatever the input's size, as PyTorch's
// Upsample(size=(H, W)) or F.interpolate(size=...) (segmentation heads back to the input's
// size), nearest or bilinear alike. Rejected: H or W of 0.
template<std::size_t Height, std::size_t Width = Height>
struct upsample_to {
    static constexpr std::string_view kind = "upsample_to";
    static constexpr layer_result apply(const shape& in) noexcept {
        return detail::apply_upsample_to(in, Height, Width);
    }
};

} // namespace netcount

NETCOUNT_DIAGNOSTICS_POP

#endif
