// No layer may hold more than 20,000,000 weights: AlexNet's fc6 holds 9216 * 4096 =
// 37,748,736 (the seed's table), though the network's 60,954,656 keep within its total.
// expect: netcount: a layer has more weights than the per-layer budget allows
// expect: 37748736
// expect: 20000000
// expect: 'f', 'c', '6'
#include <netcount/netcount.hpp>
#include <netcount/zoo/alexnet.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
constexpr std::uint64_t limit = 20'000'000;
#else
constexpr std::uint64_t limit = 37'748'736;
#endif

static_assert(nc::within_budget<nc::zoo::alexnet, nc::budget{.weights = 61'000'000, .layer_weights = limit}>);
