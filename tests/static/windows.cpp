// The window rules of pools and convolutions: PyTorch's, checked against what torch 1.13
// reports for the same layer (quoted shapes are torch's output height x width), and near 2^64
// against arithmetic done by hand. tools/crosscheck/shape_fuzz.py compares many more at random.
#include <cstdint>

#include <netcount/netcount.hpp>

namespace nc = netcount;

namespace {

constexpr std::uint64_t max64 = 0xFFFF'FFFF'FFFF'FFFF;  // 2^64 - 1
constexpr std::uint64_t half64 = 0x8000'0000'0000'0000; // 2^63

template<class Layer>
constexpr nc::layer_result on(std::uint64_t h, std::uint64_t w, std::uint64_t c = 1) {
    return Layer::apply(nc::shape{h, w, c});
}

template<class Layer>
constexpr bool rejects(std::uint64_t h, std::uint64_t w, nc::error e) {
    return on<Layer>(h, w).status == e;
}

// ceil_mode. A window that starts in the input (or the left padding) may run past the padded
// input: MaxPool2d(3, 2, ceil_mode=True) on 2 x 2 gives 1 x 1, on 1 x 1 "Output size is too
// small" (the window would run past by 2, the stride).
using ceil3s2 = nc::max_pool<nc::kernel<3>, nc::stride<2>, nc::ceil_mode>;
static_assert(on<ceil3s2>(2, 2).output == nc::shape{1, 1, 1});
static_assert(rejects<ceil3s2>(1, 1, nc::error::window_overhangs_input));
static_assert(rejects<nc::max_pool<nc::kernel<3>, nc::stride<2>>>(2, 2, nc::error::window_exceeds_input));
// MaxPool2d(3, 3, ceil_mode=True) on 1 x 1: 1 x 1 (past by 2, less than the stride 3).
static_assert(on<nc::max_pool<nc::kernel<3>, nc::stride<3>, nc::ceil_mode>>(1, 1).output == nc::shape{1, 1, 1});
// MaxPool2d(5, 3, padding=1, ceil_mode=True) on 1 x 1: 1 x 1.
static_assert(on<nc::max_pool<nc::kernel<5>, nc::stride<3>, nc::pad<2>, nc::ceil_mode>>(1, 1).output ==
              nc::shape{1, 1, 1});
// MaxPool2d(3, 2, padding=1, ceil_mode=True) on 6 x 6: 4 x 4; without ceil_mode 3 x 3. The
// fourth window starts at padded position 6, the input's last pixel.
static_assert(on<nc::max_pool<nc::kernel<3>, nc::stride<2>, nc::pad<1>, nc::ceil_mode>>(6, 6).output ==
              nc::shape{4, 4, 1});
static_assert(on<nc::max_pool<nc::kernel<3>, nc::stride<2>, nc::pad<1>>>(6, 6).output == nc::shape{3, 3, 1});
// The last window is dropped when it would start in the end padding: MaxPool2d(2, 2, padding=1,
// ceil_mode=True) on 3 x 3 gives 2 x 2 (a third window would start at padded position 4, past
// the input's 1 + 3).
static_assert(on<nc::max_pool<nc::kernel<2>, nc::stride<2>, nc::pad<1>, nc::ceil_mode>>(3, 3).output ==
              nc::shape{2, 2, 1});
static_assert(on<nc::avg_pool<nc::kernel<3>, nc::stride<2>, nc::ceil_mode>>(6, 6).output == nc::shape{3, 3, 1});

// Padding at most half the kernel as given, per axis, whatever the dilation: MaxPool2d(4, 1,
// padding=2) on 5 x 5 gives 6 x 6; MaxPool2d(3, 1, padding=2) "pad should be at most half of
// kernel size"; MaxPool2d(2, 1, padding=1, dilation=3) on 5 x 5 gives 4 x 4 but padding=2
// (half the dilated kernel of 4) is rejected.
static_assert(on<nc::max_pool<nc::kernel<4>, nc::stride<1>, nc::pad<2>>>(5, 5).output == nc::shape{6, 6, 1});
static_assert(rejects<nc::max_pool<nc::kernel<3>, nc::stride<1>, nc::pad<2>>>(5, 5, nc::error::pool_padding_too_large));
static_assert(rejects<nc::avg_pool<nc::kernel<3>, nc::stride<1>, nc::pad<2>>>(5, 5, nc::error::pool_padding_too_large));
static_assert(on<nc::max_pool<nc::kernel<2>, nc::stride<1>, nc::pad<1>, nc::dilation<3>>>(5, 5).output ==
              nc::shape{4, 4, 1});
static_assert(rejects<nc::max_pool<nc::kernel<2>, nc::stride<1>, nc::pad<2>, nc::dilation<3>>>(
    5, 5, nc::error::pool_padding_too_large));
// MaxPool2d((3, 1), padding=(0, 1)): rejected, 1 > 1 / 2 along the width; pad<T, B, L, R>
// holds each side to its axis's kernel.
static_assert(rejects<nc::max_pool<nc::kernel<3, 1>, nc::stride<1>, nc::pad<0, 1>>>(4, 4,
                                                                                    nc::error::pool_padding_too_large));
static_assert(on<nc::max_pool<nc::kernel<3, 1>, nc::stride<1>, nc::pad<1, 0>>>(4, 4).output == nc::shape{4, 4, 1});
static_assert(rejects<nc::max_pool<nc::kernel<4>, nc::pad<0, 3, 0, 0>>>(8, 8, nc::error::pool_padding_too_large));
// ... but not convolutions, nor `same`: Conv2d(1, 1, 3, padding=10) on 4 x 4 gives 22 x 22, and
// a dilated `same` pool pads 3 for a 2-wide kernel (dilation 3: span 4, the pads 1 and 2).
static_assert(on<nc::conv<1, nc::kernel<3>, nc::pad<10>>>(4, 4).output == nc::shape{22, 22, 1});
static_assert(on<nc::max_pool<nc::kernel<2>, nc::stride<1>, nc::dilation<3>, nc::same>>(5, 5).window.height ==
              nc::axis_window{.kernel = 2, .stride = 1, .dilation = 3, .pad_begin = 1, .pad_end = 2});
// A zero kernel is reported as such before the padding rule looks at it.
static_assert(rejects<nc::max_pool<nc::kernel<0>, nc::stride<1>, nc::pad<1>>>(4, 4, nc::error::zero_kernel));

// Near 2^64: only the arithmetic a mode uses may reject it. A valid 3-wide stride-1 pool on a
// row of 2^64 - 1 pixels has 2^64 - 3 positions; `same` would pad it to 2^64 + 1, which does not fit.
static_assert(on<nc::max_pool<nc::kernel<1, 3>, nc::stride<1>>>(1, max64).output == nc::shape{1, max64 - 2, 1});
static_assert(on<nc::conv<1, nc::kernel<1, 3>>>(1, max64).output == nc::shape{1, max64 - 2, 1});
static_assert(rejects<nc::max_pool<nc::kernel<1, 3>, nc::stride<1>, nc::same>>(1, max64, nc::error::count_overflow));
// Near 2^32, where a 32-bit size would wrap: a 3-wide stride-2 conv on 2^32 pixels,
// floor((2^32 - 3) / 2) + 1 = 2,147,483,646 + 1 = 2^31 - 1 positions; `same` gives
// ceil(2^32 / 2) = 2^31, padded by (2^31 - 1) * 2 + 3 - 2^32 = 1, at the end.
constexpr std::uint64_t two32 = std::uint64_t{1} << 32;
static_assert(on<nc::conv<1, nc::kernel<1, 3>, nc::stride<1, 2>>>(1, two32).output == nc::shape{1, 2'147'483'647, 1});
static_assert(on<nc::conv<1, nc::kernel<1, 3>, nc::stride<1, 2>, nc::same>>(1, two32).window.width ==
              nc::axis_window{.kernel = 3, .stride = 2, .pad_end = 1});
static_assert(on<nc::conv<1, nc::kernel<1, 3>, nc::stride<1, 2>, nc::same>>(1, two32).output.width == two32 / 2);
// A 2^32-wide pool with stride 2^32 and ceil_mode on 2^33 + 1 pixels: windows at 0 and 2^32
// fit; the third, at 2^33, starts on the last pixel and runs past it: 3 positions (as
// MaxPool2d(4, 4, ceil_mode=True) gives 3 on 9, 2 * 4 + 1).
static_assert(
    on<nc::max_pool<nc::kernel<1, two32>, nc::stride<1, two32>, nc::ceil_mode>>(1, 2 * two32 + 1).output.width == 3);

// ceil_mode's last window near 2^64: kernel 1, stride 2^63 on 2^64 - 1 pixels. Windows start at
// 0 and 2^63; the next would start at 2^64, past the input: 2 positions (the start does not
// wrap to 0 and add a third).
static_assert(on<nc::max_pool<nc::kernel<1>, nc::stride<half64>, nc::ceil_mode>>(1, max64).output ==
              nc::shape{1, 2, 1});
// A window of 2^64 - 1 on 2^64 - 2 pixels runs past by 1: with stride 2 and ceil_mode that is
// 1 position, without ceil_mode none.
static_assert(on<nc::max_pool<nc::kernel<1, max64>, nc::stride<1, 2>, nc::ceil_mode>>(1, max64 - 1).output ==
              nc::shape{1, 1, 1});
static_assert(rejects<nc::max_pool<nc::kernel<1, max64>, nc::stride<1, 2>>>(1, max64 - 1,
                                                                            nc::error::window_exceeds_input));
// A dilated window wider than 2^64 (3 * (2^63 - 1) + 1): it fits no input of 64-bit size, so
// without ceil_mode that is the answer, not an overflow; under ceil_mode with a stride of 2 it
// runs past 4 pixels by far more than the stride.
static_assert(rejects<nc::max_pool<nc::kernel<1, half64>, nc::dilation<1, 3>, nc::stride<1, 2>>>(
    1, max64, nc::error::window_exceeds_input));
static_assert(rejects<nc::max_pool<nc::kernel<1, half64>, nc::dilation<1, 3>, nc::stride<1, 2>, nc::ceil_mode>>(
    1, 4, nc::error::window_overhangs_input));
// On 2^64 - 1 pixels, padded + stride - 1 (the most a window may reach) does not fit either:
// no 64-bit answer, an overflow.
static_assert(rejects<nc::max_pool<nc::kernel<1, half64>, nc::dilation<1, 3>, nc::stride<1, 2>, nc::ceil_mode>>(
    1, max64, nc::error::count_overflow));
// Padding that does not fit beside the input: 2^64 - 1 + 1.
static_assert(rejects<nc::conv<1, nc::kernel<1>, nc::pad<0, 0, 1, 0>>>(1, max64, nc::error::count_overflow));

// Adaptive pooling: output i covers [floor(i * in / out), ceil((i + 1) * in / out)).
// 10 -> 7: [0, 2) [1, 3) [2, 5) ...: widest 3, stride 1. 10 -> 4: [0, 3) [2, 5) [5, 8) [7, 10):
// widest 3, stride 2. AdaptiveAvgPool2d((4, 7)) on 10 x 10 gives 4 x 7.
static_assert(on<nc::adaptive_avg_pool<4, 7>>(10, 10).output == nc::shape{4, 7, 1});
static_assert(on<nc::adaptive_avg_pool<4, 7>>(10, 10).window.height == nc::axis_window{.kernel = 3, .stride = 2});
static_assert(on<nc::adaptive_avg_pool<4, 7>>(10, 10).window.width == nc::axis_window{.kernel = 3, .stride = 1});
// Larger than the input, as PyTorch allows: 3 -> 7: [0, 1) [0, 1) [0, 2) ...: widest 2.
static_assert(on<nc::adaptive_max_pool<7>>(3, 3).output == nc::shape{7, 7, 1});
static_assert(on<nc::adaptive_max_pool<7>>(3, 3).window.height.kernel == 2);
// An output of 2^40 needs no loop over its positions: 7 -> 2^40, widest 2, e.g. position
// 157,073,089,682: 7 i = 2^40 - 2 and 7 (i + 1) = 2^40 + 5, so [0, 2).
static_assert(on<nc::adaptive_avg_pool<std::uint64_t{1} << 40>>(7, 7).window.height.kernel == 2);
// Near 2^64 nothing is multiplied: 2^64 - 1 -> 2: [0, 2^63) and [2^63 - 1, 2^64 - 1).
static_assert(on<nc::adaptive_avg_pool<2>>(max64, 1).window.height ==
              nc::axis_window{.kernel = half64, .stride = half64 - 1});

// Transposed convolution: any padding that leaves an output. ConvTranspose2d(1, 1, 3, stride=3,
// padding=3) on 4 x 4 gives 6 x 6 (3 * 3 - 6 + 2 + 1); ConvTranspose2d(1, 1, 1, padding=1) on 1 x 1
// "Output size is too small" (1 - 2).
static_assert(on<nc::transposed_conv<1, nc::kernel<3>, nc::stride<3>, nc::pad<3>>>(4, 4).output == nc::shape{6, 6, 1});
static_assert(rejects<nc::transposed_conv<1, nc::kernel<1>, nc::pad<1>>>(1, 1, nc::error::padding_removes_output));
// Pads of 2^63 and 2^63 crop 2^64 rows: more than any output (the sum used to wrap to 0).
static_assert(rejects<nc::transposed_conv<1, nc::kernel<3>, nc::pad<half64, 0>>>(4, 4,
                                                                                 nc::error::padding_removes_output));

} // namespace
