// One summary row per network of the zoo: its input, its layers, and what it counts. Every
// figure is a constant expression; this program only lays them out.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <iomanip>
#include <iostream>
#include <sstream>
#include <string>
#include <string_view>

#include <netcount/netcount.hpp>

#include "zoo_models.hpp"

namespace nc = netcount;

namespace {

std::string shape_text(const nc::shape& s) {
    std::ostringstream text;
    text << s.height << " x " << s.width << " x " << s.channels;
    return text.str();
}

// n / unit with one decimal, as model cards print them: (60965224, 1e6) -> "61.0".
std::string in_units(std::uint64_t n, double unit) {
    std::ostringstream text;
    text << std::fixed << std::setprecision(1) << static_cast<double>(n) / unit;
    return text.str();
}

} // namespace

int main() {
    // The first column as wide as the longest name, and two spaces.
    std::size_t name_width = std::string_view("model").size();
    zoo_models::for_each(
        [&]<class Model>() { name_width = std::max(name_width, std::string_view(Model::name).size()); });
    name_width += 2;
    const auto row = [name_width](const std::string& name, const std::string& input, const std::string& layers,
                                  const std::string& params, const std::string& macs, const std::string& gflops,
                                  const std::string& activations, const std::string& bytes) {
        std::cout << std::left << std::setw(static_cast<int>(name_width)) << name << std::setw(15) << input
                  << std::right << std::setw(7) << layers << std::setw(13) << params << std::setw(16) << macs
                  << std::setw(8) << gflops << std::setw(13) << activations << std::setw(11) << bytes << '\n';
    };
    std::cout << "The zoo. parameters: weights + biases + batch-norm scales and shifts; connections: "
                 "multiply-accumulates;\nGFLOPs: 2 per connection; activations: outputs of every layer for "
                 "one input; MB: parameters as float, in 10^6 bytes.\n\n";
    row("model", "input", "layers", "parameters", "connections", "GFLOPs", "activations", "MB");
    zoo_models::for_each([&]<class Model>() {
        using net = typename Model::network;
        row(std::string(Model::name), shape_text(nc::input_shape<net>), std::to_string(nc::layers<net>.size()),
            std::to_string(nc::parameters<net>), std::to_string(nc::connections<net>), in_units(nc::flops<net>, 1e9),
            std::to_string(nc::activations<net>), in_units(nc::memory<net, float>.parameter_bytes, 1e6));
    });
}
