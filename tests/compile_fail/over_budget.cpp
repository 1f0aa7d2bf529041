// An exceeded budget names the figure, shows the network's figure and the limit, and names
// the layer with the most of it: AlexNet's 60,954,656 weights against 50,000,000, with fc6's
// 37,748,736 the largest (9,216 * 4,096).
// expect: netcount: the network has more weights than its budget allows
// expect: 60954656
// expect: 50000000
// expect: 'f', 'c', '6'
#include <netcount/netcount.hpp>
#include <netcount/zoo/alexnet.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
constexpr std::uint64_t limit = 50'000'000;
#else
constexpr std::uint64_t limit = 61'000'000;
#endif

static_assert(nc::within_budget<nc::zoo::alexnet, nc::budget{.weights = limit}>);
