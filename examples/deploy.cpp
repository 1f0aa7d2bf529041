// Does it fit, and how big can it be? MobileNet v1 (Howard et al. 2017) on a microcontroller
// with 1 MB of flash for its parameters and 256 KB of SRAM for its activations, in int8: one
// byte per number, so the budgets are counts of numbers (docs/deploy.md). The compiler checks
// the budgets, searches how far the network can grow within them, and counts the paper's grid
// of width and resolution multipliers; this program only prints what it found. Then what the
// board needs: TFLite Micro's tensor arena (kTensorArenaSize), the largest input and width that
// fit a 256 KiB SRAM / 1 MiB flash part by that arena, and MCUNetV2's patch-based inference of
// MobileNetV2 (docs/deploy.md).
#include <array>
#include <cstddef>
#include <cstdint>
#include <iomanip>
#include <iostream>

#include <netcount/netcount.hpp>
#include <netcount/zoo/mobilenet.hpp>

namespace nc = netcount;
using nc::zoo::mobilenet_v1;

// int8: elements = bytes. Batch norm folds into the convolutions' weights and biases when the
// network is quantised, so the parameters counted here (batch norm's scale and shift included)
// are an upper bound of what the flash holds.
constexpr nc::budget microcontroller{.parameters = 1024 * 1024, .peak_activations = 256 * 1024};

// MobileNet 0.25 at 160 x 160: 470,072 parameters; its peak, 80 * 80 * (8 + 16) = 153,600
// activations, is block1's pointwise conv reading the 8-channel depthwise output and writing 16.
using mcu_mobilenet = nc::with_input<nc::scale_width<mobilenet_v1, 1, 4>, 160, 160>;
static_assert(nc::within_budget<mcu_mobilenet, microcontroller>);
static_assert(nc::memory<mcu_mobilenet, std::int8_t>.parameter_bytes <= 1024 * 1024);
static_assert(nc::memory<mcu_mobilenet, std::int8_t>.peak_activation_bytes <= 256 * 1024);

// The full MobileNet does not fit. Uncommented, this line fails to compile with (clang++ 14):
//   error: static_assert failed due to requirement '(netcount::budget_figure)2U != budget_figure::parameters'
//     "netcount: the network has more parameters than its budget allows"
//   note: in instantiation of template class 'netcount::over_budget<netcount::budget_figure::parameters,
//     4231976, 1048576, 'b', 'l', 'o', 'c', 'k', '1', '3', '/', 'c', 'o', 'n', 'v', '1'>' requested here
// 4,231,976 parameters against 1,048,576, and block13's pointwise conv, 1024 x 1024, holds the most.
// static_assert(nc::within_budget<mobilenet_v1, microcontroller>);

// How far can it grow? The widest last pointwise conv (256 filters at width 0.25) within the
// budget, and the largest input side, a multiple of 16, for the 0.25 network. By hand: with N
// filters, block13/conv1 holds 256 * N weights, its batch norm 2 * N, and fc1 reads N inputs,
// 1000 * N weights; the rest of the 470,072 parameters is 470,072 - 65,536 - 512 - 256,000 =
// 148,024, so 148,024 + 1,258 * N <= 1,048,576 and N = 715. The parameters do not depend on
// the input; the peak, block1's (S / 2)^2 * (8 + 16), is 259,584 at S = 208 and 301,056 at 224.
constexpr std::size_t widest_last = nc::widest<mcu_mobilenet, "block13/conv1", microcontroller>;
constexpr std::size_t largest_side = nc::largest_input<mcu_mobilenet, microcontroller, 16>;
static_assert(nc::within_budget<nc::resize<mcu_mobilenet, "block13/conv1", widest_last>, microcontroller>);
static_assert(nc::within_budget<nc::with_input<mcu_mobilenet, largest_side, largest_side>, microcontroller>);

// The board: TFLite Micro's arena head in 256 KiB of SRAM, the int8 weights and biases of the
// network as the converter writes it (batch norms folded) in 1 MiB of flash. The figures by
// tools/reference/deploy_example.py (the paper's Table 1 and the planner's rules, not netcount):
// MobileNet 0.25 at 160 needs a 204,800-byte arena (80 x 80 x 8 in and 80 x 80 x 16 out of
// block1's pointwise conv, 51,200 + 102,400, and the fragment beside them) and holds 467,336
// folded parameters; CMSIS-NN's scratch (the first conv's 112 bytes) fits beside the tensors.
// The largest side, a multiple of 16: 176 (247,808 bytes; 192 needs 294,912). The widest width
// at 160 in sixteenths: 6 / 16 (847,672 parameters, 230,400 bytes of arena); 7 / 16 holds
// 1,074,632 parameters.
using deployed = nc::fold_batch_norm<mcu_mobilenet>;
constexpr nc::budget board{.parameters = 1024 * 1024, .arena_bytes = 256 * 1024};
constexpr auto arena = nc::tflm_arena<deployed>;
constexpr auto arena_cmsis = nc::tflm_arena<deployed, std::int8_t, nc::kernel_scratch::cmsis_nn_dsp>;
static_assert(arena.head_bytes == 204'800 && arena_cmsis.head_bytes == 204'800);
static_assert(nc::parameters<deployed> == 467'336 && nc::within_budget<deployed, board>);
constexpr std::size_t board_side = nc::largest_input<deployed, board, 16>;
constexpr std::size_t board_width =
    nc::widest_scale<nc::with_input<nc::fold_batch_norm<mobilenet_v1>, 160, 160>, board, 16>;

// MobileNetV2 at 224 in int8 peaks at 1,404,928 bytes even with in-place depthwise (MCUNetV2's
// 1,372 KiB); run patch by patch in 4 x 4 patches up to the 28 x 28 x 32 output of its fourth
// inverted residual block it peaks at 200,704 (tools/reference/patch_plan_mobilenet_v2.py runs it
// in PyTorch), for 9.28% more multiply-accumulates.
constexpr nc::schedule in_place{.in_place_depthwise = true};
constexpr auto patches = nc::patch_plan<nc::zoo::mobilenet_v2, "bottleneck3/batch_norm3", 4, 4, in_place>;
static_assert(patches.peak_activations <= 256 * 1024);

namespace {

struct grid_cell {
    std::uint64_t macs;
    std::uint64_t parameters;
    std::uint64_t peak;
};

// Table 6 and 7 of the paper: width Num / 4 at a Side x Side input.
template<std::size_t Num, std::size_t Side>
constexpr grid_cell cell() {
    using net = nc::with_input<nc::scale_width<mobilenet_v1, Num, 4>, Side, Side>;
    return {nc::connections<net>, nc::parameters<net>, nc::peak_activations<net>};
}

template<std::size_t Num>
constexpr std::array<grid_cell, 4> row = {cell<Num, 224>(), cell<Num, 192>(), cell<Num, 160>(), cell<Num, 128>()};

// Millions with one decimal, as the paper prints them.
std::string millions(std::uint64_t n) {
    const std::uint64_t tenths = (n + 50'000) / 100'000;
    return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10);
}

void print_row(const char* width, const std::array<grid_cell, 4>& cells) {
    std::cout << std::left << std::setw(7) << width;
    for (const grid_cell& c : cells)
        std::cout << std::right << std::setw(8) << millions(c.macs) << std::setw(6) << millions(c.parameters) << "  ";
    std::cout << '\n';
}

} // namespace

int main() {
    std::cout << "MobileNet 0.25 at 160 x 160, int8, in 1 MB of flash and 256 KB of SRAM:\n"
              << "  parameters        " << nc::parameters<mcu_mobilenet> << " bytes\n"
              << "  peak activations  " << nc::peak_activations<mcu_mobilenet> << " bytes, at "
              << nc::peak_layer<mcu_mobilenet>.name << '\n'
              << "  widest block13/conv1 within budget: " << widest_last << " filters\n"
              << "  largest input side within budget (a multiple of 16): " << largest_side << "\n\n";

    std::cout << "Howard et al. (2017), Tables 6 and 7: millions of multiply-accumulates and parameters\n"
              << "width      224 x 224       192 x 192       160 x 160       128 x 128\n";
    print_row("1.0", row<4>);
    print_row("0.75", row<3>);
    print_row("0.5", row<2>);
    print_row("0.25", row<1>);

    std::cout << "\nTFLite Micro's tensor arena for MobileNet 0.25 at 160 x 160, int8, batch norms folded:\n"
              << "  kTensorArenaSize >= " << arena.head_bytes
              << " bytes + the persistent tail (the most live at once: " << arena.live_peak_bytes << ")\n"
              << "  with CMSIS-NN's scratch (DSP extension): " << arena_cmsis.head_bytes << " bytes\n"
              << "A 256 KiB SRAM / 1 MiB flash part (arena head, folded int8 parameters):\n"
              << "  largest input side of MobileNet 0.25 (a multiple of 16): " << board_side << '\n'
              << "  widest MobileNet at 160 x 160, in sixteenths: " << board_width << " / 16\n";

    const double more = 100.0 * static_cast<double>(patches.connections - nc::connections<nc::zoo::mobilenet_v2>) /
                        static_cast<double>(nc::connections<nc::zoo::mobilenet_v2>);
    std::cout << "\nMobileNetV2 at 224, int8, in-place depthwise: peak "
              << nc::peak_activations<nc::zoo::mobilenet_v2, in_place> << " bytes\n"
              << "  4 x 4 patches up to bottleneck3/batch_norm3: patch stage " << patches.patch_peak_activations
              << " bytes, whole plan " << patches.peak_activations << " bytes\n"
              << "  multiply-accumulates " << nc::connections<nc::zoo::mobilenet_v2> << " -> " << patches.connections
              << " (+" << std::fixed << std::setprecision(2) << more << "%)\n";
}
