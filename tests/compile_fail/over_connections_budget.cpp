// The first exceeded figure is reported: here the connections, where conv2's 223,948,800 are
// the most (5 * 5 * 48 * 256 * 27 * 27), though the weights keep within theirs.
// expect: netcount: the network has more connections than its budget allows
// expect: 724406816
// expect: 500000000
// expect: 'c', 'o', 'n', 'v', '2'
#include <netcount/netcount.hpp>
#include <netcount/zoo/alexnet.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
constexpr std::uint64_t limit = 500'000'000;
#else
constexpr std::uint64_t limit = 800'000'000;
#endif

static_assert(nc::within_budget<nc::zoo::alexnet, nc::budget{.weights = 61'000'000, .connections = limit}>);
