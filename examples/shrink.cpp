// How to make AlexNet smaller. Narrower fully connected layers cut the
// weights; fewer convolution filters cut the connections. Each variant is AlexNet with one
// change, written as a type transformation of netcount::zoo::alexnet, and counted by the
// compiler like any network.
#include <cstdint>
#include <iomanip>
#include <iostream>
#include <sstream>
#include <string>
#include <string_view>
#include <type_traits>

#include <netcount/edit.hpp>
#include <netcount/netcount.hpp>
#include <netcount/zoo/alexnet.hpp>

namespace nc = netcount;
using nc::zoo::alexnet;

// fc6 and fc7 with 1024 outputs instead of 4096.
using narrow_fc6 = nc::resize<alexnet, "fc6", 1024>;
using narrow_fc = nc::resize<narrow_fc6, "fc7", 1024>;

// conv1 to conv4 with half their filters. conv5 keeps its 256, so fc6 still reads
// 6 x 6 x 256 = 9216 inputs and the fully connected layers do not change.
using half_conv1 = nc::resize<alexnet, "conv1", 48>;
using half_conv2 = nc::resize<half_conv1, "conv2", 128>;
using half_conv3 = nc::resize<half_conv2, "conv3", 192>;
using fewer_filters = nc::resize<half_conv3, "conv4", 192>;
static_assert(nc::layer<fewer_filters, "fc6">.weights == nc::layer<alexnet, "fc6">.weights);

// Both changes.
using both = nc::resize<nc::resize<fewer_filters, "fc6", 1024>, "fc7", 1024>;

namespace {

// The change from `before` to `after`, in percent with one decimal: "-77.3%".
std::string change(std::uint64_t before, std::uint64_t after) {
    std::ostringstream text;
    text << std::fixed << std::setprecision(1) << std::showpos
         << 100.0 * (static_cast<double>(after) - static_cast<double>(before)) / static_cast<double>(before) << '%';
    return text.str();
}

template<class Net>
void row(std::string_view variant) {
    constexpr bool original = std::is_same_v<Net, alexnet>;
    std::cout << std::left << std::setw(34) << variant << std::right << std::setw(12)
              << nc::weights<Net> << std::setw(9) << (original ? "" : change(nc::weights<alexnet>, nc::weights<Net>))
              << std::setw(14) << nc::connections<Net> << std::setw(9)
              << (original ? "" : change(nc::connections<alexnet>, nc::connections<Net>)) << '\n';
}

} // namespace

int main() {
    std::cout << "AlexNet and three smaller variants (weights without biases; connections are "
                 "multiply-accumulates)\n\n"
              << std::left << std::setw(34) << "variant" << std::right << std::setw(12) << "weights" << std::setw(9)
              << "change" << std::setw(14) << "connections" << std::setw(9) << "change" << '\n';
    row<alexnet>("AlexNet");
    row<narrow_fc>("fc6, fc7: 1024 outputs, not 4096");
    row<fewer_filters>("conv1-conv4: half the filters");
    row<both>("both");
    std::cout << "\nNarrower fc layers cut the weights, which the fc layers hold; fewer filters cut the\n"
                 "connections, which the convolutions make, and leave the weights almost as they were.\n";
}
