// AlexNet (Krizhevsky et al. 2012 counted at 227 x 227, two towers as groups): the summary
// torchinfo and Keras users know, then each layer's units, weights and connections with their
// formulas (weights without biases, as the paper counts them), then the same layers with
// biases, FLOPs and memory. Every number below was computed by the compiler; this program only
// prints them.
#include <cstdint>
#include <iomanip>
#include <iostream>

#include <netcount/netcount.hpp>
#include <netcount/report.hpp>
#include <netcount/zoo/alexnet.hpp>

namespace nc = netcount;
using nc::zoo::alexnet;

// The figures this program prints hold at compile time, or it would not compile.
static_assert(nc::weights<alexnet> == 60'954'656);
static_assert(nc::connections<alexnet> == 724'406'816);

int main() {
    constexpr nc::shape in = nc::input_shape<alexnet>;
    std::cout << "AlexNet (Krizhevsky et al. 2012), two towers as grouped convolutions, input " << in.height << " x "
              << in.width << " x " << in.channels << "\n\n"
              << nc::to_summary<alexnet>() << '\n'
              << "Each figure with its formula; weights without biases, parameters with them:\n\n"
              << nc::to_table<alexnet>() << '\n';

    // fc6 and fc7 hold most of the weights, the convolutions do most of the work.
    std::cout << "Where the weights and the connections are:\n\n"
              << nc::to_table<alexnet>({.share = nc::share_of::weights}) << '\n'
              << nc::to_table<alexnet>({.share = nc::share_of::connections}) << '\n';

    // The same layers with biases: parameters = weights + biases; LeCun's connections count a
    // bias as one more connection per unit; FLOPs are two per (bias-free) connection, a
    // multiply and an add, as flops<Net> counts them.
    std::cout << "With biases:\n\n";
    const auto row = [](auto name, auto weights, auto biases, auto parameters, auto connections, auto with_bias,
                        auto flops) {
        std::cout << std::left << std::setw(7) << name << std::right << std::setw(10) << weights << std::setw(8)
                  << biases << std::setw(12) << parameters << std::setw(13) << connections << std::setw(23) << with_bias
                  << std::setw(12) << flops << '\n';
    };
    row("layer", "weights", "biases", "parameters", "connections", "connections_with_bias", "flops");
    for (const nc::layer_info& l : nc::layers<alexnet>)
        if (l.weights != 0)
            row(l.name, l.weights, l.biases, l.parameters, l.connections, l.connections_with_bias, 2 * l.connections);
    row("total", nc::weights<alexnet>, nc::biases<alexnet>, nc::parameters<alexnet>, nc::connections<alexnet>,
        nc::connections_with_bias<alexnet>, nc::flops<alexnet>);

    // Memory, in bytes, with every number a float.
    constexpr nc::memory_use one = nc::memory<alexnet, float>;
    constexpr nc::memory_use batch = nc::memory<alexnet, float, 128>;
    std::cout << "\nMemory as float (4 bytes), in bytes; activations are the outputs of all "
              << nc::layers<alexnet>.size() << " layers (relu, lrn, pooling and dropout included):\n\n"
              << std::left << std::setw(12) << "batch" << std::right << std::setw(12) << "parameters" << std::setw(12)
              << "input" << std::setw(14) << "activations" << '\n'
              << std::left << std::setw(12) << 1 << std::right << std::setw(12) << one.parameter_bytes << std::setw(12)
              << one.input_bytes << std::setw(14) << one.activation_bytes << '\n'
              << std::left << std::setw(12) << 128 << std::right << std::setw(12) << batch.parameter_bytes
              << std::setw(12) << batch.input_bytes << std::setw(14) << batch.activation_bytes << '\n';
}
