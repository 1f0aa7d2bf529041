// What a program that uses netcount compiles, whichever way it found netcount
// (tests/consumers/CMakeLists.txt): AlexNet's figures hold at compile time, and the program runs.
#include <netcount/netcount.hpp>
#include <netcount/zoo/alexnet.hpp>
#ifdef NETCOUNT_CONSUMER_HANA
#include <boost/hana/equal.hpp>
#include <boost/hana/remove_if.hpp>
#include <netcount/hana.hpp>
#endif

#include <cstdio>

namespace nc = netcount;

// Krizhevsky et al. (2012)'s AlexNet with a 227 x 227 input, two towers as groups, no biases:
// the weights of README.md's table, 34,848 + 307,200 + 884,736 + 663,552 + 442,368 (conv1-5)
// + 37,748,736 + 16,777,216 + 4,096,000 (fc6-8) = 60,954,656, and its connections.
static_assert(nc::weights<nc::zoo::alexnet> == 60'954'656);
static_assert(nc::connections<nc::zoo::alexnet> == 724'406'816);

#ifdef NETCOUNT_CONSUMER_HANA
// Without its two dropouts AlexNet has the same weights (they have none).
namespace hana = boost::hana;
constexpr auto no_dropout =
    hana::remove_if(nc::element_types<nc::zoo::alexnet>, hana::equal.to(hana::type_c<nc::dropout>));
static_assert(nc::weights<nc::network_with<nc::zoo::alexnet, decltype(no_dropout)>> == 60'954'656);
#endif

int main() {
    std::printf("netcount consumer: AlexNet has %llu weights\n",
                static_cast<unsigned long long>(nc::weights<nc::zoo::alexnet>));
}
