// The rows of docs/deploy.md's table of the zoo's arenas: for each network of
// examples/zoo_models.hpp, tflm_arena<Net> (int8, no kernel scratch) as a Markdown row. Every
// figure is the library's; this program only lays them out. Build and run (about 3 minutes and
// 8 GB on g++ 12, which is why the suite does not run it):
//   g++ -std=c++20 -Iinclude -Iexamples tools/zoo_arena.cpp -o /tmp/zoo_arena && /tmp/zoo_arena
#include <cstdint>
#include <iostream>
#include <string>

#include <netcount/netcount.hpp>
#include <netcount/tflm.hpp>

#include "zoo_models.hpp"

namespace nc = netcount;

namespace {

// 1234567 -> "1,234,567".
std::string grouped(std::uint64_t n) {
    std::string digits = std::to_string(n), out;
    for (std::size_t i = 0; i != digits.size(); ++i) {
        if (i != 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

} // namespace

int main() {
    std::cout << "| model | input | head bytes | live peak bytes |\n|---|---|--:|--:|\n";
    zoo_models::for_each([]<class Model>() {
        using net = typename Model::network;
        constexpr const auto& plan = nc::tflm_arena<net>;
        const nc::shape in = nc::input_shape<net>;
        std::cout << "| `" << Model::name << "` | " << in.height << " x " << in.width << " x " << in.channels << " | "
                  << grouped(plan.head_bytes) << " | " << grouped(plan.live_peak_bytes) << " |\n";
    });
}
