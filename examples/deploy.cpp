// Does it fit, and how big can it be? MobileNet v1 (Howard et al. 2017) on a microcontroller
// with 1 MB of flash for its parameters and 256 KB of SRAM for its activations, in int8: one
// byte per number, so the budgets are counts of numbers (docs/deploy.md). The compiler checks
// the budgets, searches how far the network can grow within them, and counts the paper's grid
// of width and resolution multipliers; this program only prints what it found.
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
}
