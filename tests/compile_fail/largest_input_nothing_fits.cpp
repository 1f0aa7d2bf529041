// AlexNet's smallest valid input side is 67 (conv1 15 x 15, then pools of 7, 3 and 1), where it
// holds 24,254,496 weights (tests/static/search.cpp): over a 20,000,000 budget, no side fits.
// The twin's budget fits 67 and every side up to 98.
// expect: netcount: largest_input: the network is over budget even on the smallest input side that is valid
// expect: 24254496
// expect: 20000000
// expect: 67
#include <netcount/netcount.hpp>
#include <netcount/search.hpp>
#include <netcount/zoo/alexnet.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
constexpr std::uint64_t limit = 20'000'000;
#else
constexpr std::uint64_t limit = 24'254'496;
#endif

static_assert(nc::largest_input<nc::zoo::alexnet, nc::budget{.weights = limit}> >= 67);
