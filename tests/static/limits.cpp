// Arithmetic at the edges of 64 bits, checked by hand: every figure is exact, or the network is
// a compile error (tests/compile_fail/), never a wrapped number. Receptive fields that outgrow
// their integers are marked, and leave the counts and every entry of layers<Net> whole.
// (tools/limits/ draws thousands more such networks and checks them against Python's integers.)
#include <cstdint>

#include <netcount/edit.hpp>
#include <netcount/netcount.hpp>

namespace nc = netcount;

inline constexpr std::uint64_t two_31 = std::uint64_t{1} << 31;
inline constexpr std::uint64_t two_32 = std::uint64_t{1} << 32;
inline constexpr std::uint64_t two_63 = std::uint64_t{1} << 63;

// ---------------------------------------------------------------------------------------
// A valid network whose receptive field does not fit: 64 poolings of kernel 1 and stride 2 on
// a 1 x 1 map (PyTorch gives 1 x 1 after each: floor((1 - 1) / 2) + 1), then a conv. The
// jump doubles at every pooling: 2^63 after the 63rd, 2^64 after the 64th, which no 64-bit
// integer holds. The counts do not depend on it: the conv has 1 * 1 * 3 * 5 = 15 weights.
struct strided_away : nc::network<nc::input<1, 1, 3>, nc::repeat<64, nc::max_pool<nc::kernel<1>, nc::stride<2>>>,
                                  nc::conv<5, nc::kernel<1>, nc::name<"head">>> {};

static_assert(nc::weights<strided_away> == 15);
static_assert(nc::connections<strided_away> == 15); // 15 weights * 1 * 1 positions
static_assert(nc::layers<strided_away>.size() == 65);
// Every entry is whole: the one after the field stopped fitting too.
static_assert(nc::layers<strided_away>[64].name == "head");
static_assert(nc::layers<strided_away>[64].kind == "conv");
static_assert(nc::layers<strided_away>[64].weights == 15);
static_assert(nc::layers<strided_away>[64].units == 5);
static_assert(nc::layers<strided_away>[64].input == nc::shape{1, 1, 3});
static_assert(nc::layers<strided_away>[64].output == nc::shape{1, 1, 5});
static_assert(nc::layers<strided_away>[63].name == "max_pool64");
static_assert(nc::layer<strided_away, "head">.connections == 15);
// ... and so the edits find it: 7 filters make 1 * 1 * 3 * 7 = 21 weights.
static_assert(nc::weights<nc::resize<strided_away, "head", 7>> == 21);
static_assert(nc::weights<nc::replace<strided_away, "max_pool64", nc::relu>> == 15);

// The 63rd pooling's field still fits: size 1, jump 2^63, start 0. The 64th's does not: it is
// marked and reads all zero, as does every field after it.
static_assert(nc::layers<strided_away>[62].receptive_field.height ==
              nc::axis_field{.size = 1, .jump = two_63, .start = 0, .fits = true});
static_assert(!nc::layers<strided_away>[63].receptive_field.height.fits);
static_assert(nc::layers<strided_away>[63].receptive_field.width ==
              nc::axis_field{.size = 0, .jump = 0, .start = 0, .fits = false});
static_assert(!nc::layer<strided_away, "head">.receptive_field.height.fits);
static_assert(!nc::layer<strided_away, "head">.receptive_field.width.fits);

// A merge takes the largest field over its paths; if one path's does not fit, neither does
// the merge's, though the identity path's (1, 1, 0) does.
struct merged_away : nc::network<nc::input<1, 1, 3>,
                                 nc::residual<nc::repeat<64, nc::max_pool<nc::kernel<1>, nc::stride<2>>>>, nc::fc<2>> {
};
static_assert(nc::layers<merged_away>[64].kind == "add");
static_assert(nc::layers<merged_away>[64].output == nc::shape{1, 1, 3});
static_assert(!nc::layers<merged_away>[64].receptive_field.height.fits);
static_assert(nc::layers<merged_away>[65].weights == 6); // fc: 1 * 1 * 3 inputs * 2 outputs

// ---------------------------------------------------------------------------------------
// The field's start, near INT64_MIN = -2^63. A stride of 2^32 on 1 x 1 makes the jump 2^32;
// then P rows of padding on top move the start to -P * 2^32. P = 2^31 gives exactly -2^63,
// which fits; P = 2^31 + 1 gives -2^63 - 2^32, which does not. (The padded conv's height is
// 1 + P positions, so its units and connections are 1 + P.)
template<std::uint64_t P>
struct deep_start : nc::network<nc::input<1, 1, 1>, nc::conv<1, nc::kernel<1>, nc::stride<two_32>>,
                                nc::conv<1, nc::kernel<1>, nc::pad<P, 0, 0, 0>, nc::no_bias>> {};
static_assert(nc::layers<deep_start<two_31>>[1].receptive_field.height ==
              nc::axis_field{.size = 1, .jump = two_32, .start = INT64_MIN, .fits = true});
static_assert(nc::layers<deep_start<two_31>>[1].receptive_field.width ==
              nc::axis_field{.size = 1, .jump = two_32, .start = 0, .fits = true});
static_assert(nc::layers<deep_start<two_31>>[1].output == nc::shape{two_31 + 1, 1, 1});
static_assert(!nc::layers<deep_start<two_31 + 1>>[1].receptive_field.height.fits);
static_assert(nc::layers<deep_start<two_31 + 1>>[1].receptive_field.width.fits);
static_assert(nc::connections<deep_start<two_31 + 1>> == 1 + (two_31 + 2)); // 1, then 2^31 + 2

// The field's size near 2^64. Strides of 2^32 and 2^31 make the jump 2^63 on 1 x 1. A kernel
// of 2 (with a pixel of padding on each side: 3 pixels, 2 positions) adds 1 * 2^63: size
// 2^63 + 1, start -2^63, both fit. A kernel of 3 adds 2 * 2^63 = 2^64: size 2^64 + 1 does not.
template<std::size_t K>
struct wide_field
    : nc::network<nc::input<1, 1, 1>, nc::conv<1, nc::kernel<1>, nc::stride<two_32>>,
                  nc::conv<1, nc::kernel<1>, nc::stride<two_31>>, nc::conv<1, nc::kernel<K>, nc::pad<1>, nc::no_bias>> {
};
static_assert(nc::layers<wide_field<2>>[1].receptive_field.height.jump == two_63);
static_assert(nc::layers<wide_field<2>>[2].receptive_field.height ==
              nc::axis_field{.size = two_63 + 1, .jump = two_63, .start = INT64_MIN, .fits = true});
static_assert(nc::layers<wide_field<2>>[2].output == nc::shape{2, 2, 1});
static_assert(!nc::layers<wide_field<3>>[2].receptive_field.height.fits);
static_assert(nc::layers<wide_field<3>>[2].weights == 9); // 3 * 3 * 1 * 1
static_assert(nc::layers<wide_field<3>>[2].output == nc::shape{1, 1, 1});

// A transposed window over a jump of 2^63: its stride of 2^63 brings the jump down to
// 2^63 / 2^63 = 1, and kernel 2 reaches floor(1 * (2 - 1) / 2^63) = 0 more positions, so the
// size stays 1. Output: (1 - 1) * 2^63 + 1 * (2 - 1) + 0 + 1 = 2 positions.
struct up_again : nc::network<nc::input<1, 1, 1>, nc::conv<1, nc::kernel<1>, nc::stride<two_32>>,
                              nc::conv<1, nc::kernel<1>, nc::stride<two_31>>,
                              nc::transposed_conv<1, nc::kernel<2>, nc::stride<two_63>>> {};
static_assert(nc::layers<up_again>[2].output == nc::shape{2, 2, 1});
static_assert(nc::layers<up_again>[2].receptive_field.height ==
              nc::axis_field{.size = 1, .jump = 1, .start = 0, .fits = true});

// ---------------------------------------------------------------------------------------
// A transposed conv's padding, summed near 2^64. Height 2^63 + 1, kernel 1, stride 1: the
// full output is (2^63 + 1 - 1) * 1 + 0 + 0 + 1 = 2^63 + 1 rows; 2^62 rows of padding at each
// end leave 2^63 + 1 - 2^63 = 1. (Padding of 2^63 at each end sums to 2^64, which wrapped to 0
// and left all 2^63 + 1 rows: now it is rejected, see compile_fail/transposed_padding.cpp.)
struct tight_transposed
    : nc::network<nc::input<two_63 + 1, 1, 1>,
                  nc::transposed_conv<1, nc::kernel<1>, nc::pad<two_63 / 2, two_63 / 2, 0, 0>, nc::no_bias>> {};
static_assert(nc::output_shape<tight_transposed> == nc::shape{1, 1, 1});
static_assert(nc::connections<tight_transposed> == two_63 + 1); // 1 weight * (2^63 + 1) input positions

// ---------------------------------------------------------------------------------------
// Counts near 2^64. An fc on 2^32 inputs with 2^32 - 1 outputs: 2^64 - 2^32 weights, which
// fit (2^64 - 2^32 = 18,446,744,069,414,584,320); one more output would make 2^64.
struct nearly_full : nc::network<nc::input<1, 1, two_32>, nc::fc<two_32 - 1, nc::no_bias>> {};
static_assert(nc::weights<nearly_full> == 18'446'744'069'414'584'320u);
static_assert(nc::connections_with_bias<nearly_full> == 18'446'744'069'414'584'320u);
// The activations: 2^32 - 1 outputs.
static_assert(nc::activations<nearly_full> == two_32 - 1);

// flops = 2 * connections: 2^31 - 1 outputs on 2^32 inputs make 2^63 - 2^32 connections and
// 2^64 - 2^33 = 18,446,744,065,119,617,024 flops; 2^31 outputs would make 2^64 (a compile error).
struct nearly_double : nc::network<nc::input<1, 1, two_32>, nc::fc<two_31 - 1, nc::no_bias>> {};
static_assert(nc::flops<nearly_double> == 18'446'744'065'119'617'024u);

// ---------------------------------------------------------------------------------------
// Shapes a layer kind of one's own returns are checked like any other (the compile errors are
// in compile_fail/empty_output.cpp and zero_window.cpp); a valid one counts as usual.
template<std::uint64_t N>
struct keep_every { // keeps every N-th channel
    static constexpr std::string_view kind = "keep_every";
    static constexpr nc::layer_result apply(const nc::shape& in) noexcept {
        return {.output = {in.height, in.width, in.channels / N}};
    }
};
// 12 channels, every 4th: 3; a 1 x 1 conv of 2 filters on them: 3 * 2 = 6 weights.
static_assert(nc::weights<nc::network<nc::input<5, 5, 12>, keep_every<4>, nc::conv<2, nc::kernel<1>>>> == 6);

// ---------------------------------------------------------------------------------------
// An auxiliary head whose units, connections and activations would carry the totals past 2^64
// if they were added: they are not (eval-mode figures), so the network is valid. On a
// 2^31 x 2^31 x 1 input, each 1 x 1 conv to one channel has 2^62 units, 2^62 connections and
// 2^62 activations; the head's conv to three channels has 3 * 2^62 of each. Totals: 2 * 2^62 =
// 2^63; the head after the first conv would already make 2^62 + 3 * 2^62 = 2^64, one more than
// a 64-bit integer holds.
struct heavy_head
    : nc::network<nc::input<two_31, two_31, 1>, nc::conv<1, nc::kernel<1>, nc::no_bias>,
                  nc::auxiliary<nc::conv<3, nc::kernel<1>, nc::no_bias>>, nc::conv<1, nc::kernel<1>, nc::no_bias>> {};
static_assert(nc::units<heavy_head> == two_63);
static_assert(nc::connections<heavy_head> == two_63);
static_assert(nc::connections_with_bias<heavy_head> == two_63);
static_assert(nc::activations<heavy_head> == two_63);
static_assert(nc::weights<heavy_head> == 1 + 3 + 1);
static_assert(nc::layers<heavy_head>[1].auxiliary);
static_assert(nc::layers<heavy_head>[1].units == 3 * (two_63 / 2)); // the head's own, in its entry
