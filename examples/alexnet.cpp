// The founding case: AlexNet's units, weights and connections, as the seed's table.
// Every number below was computed by the compiler; this program only prints them.
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
    std::cout << "AlexNet (Krizhevsky et al. 2012), two towers as grouped convolutions, input "
              << in.height << " x " << in.width << " x " << in.channels << ", biases not counted\n\n"
              << nc::to_table<alexnet>() << '\n'
              << "biases: " << nc::biases<alexnet> << ", parameters (weights + biases): "
              << nc::parameters<alexnet> << '\n';
}
