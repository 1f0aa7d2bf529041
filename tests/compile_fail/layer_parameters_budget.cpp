// fc6's parameters are its 37,748,736 weights and 4,096 biases: 37,752,832, over a per-layer
// limit of 37,750,000 that its weights alone would keep within.
// expect: netcount: a layer has more parameters than the per-layer budget allows
// expect: 37752832
// expect: 37750000
// expect: 'f', 'c', '6'
#include <netcount/netcount.hpp>
#include <netcount/zoo/alexnet.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
constexpr std::uint64_t limit = 37'750'000;
#else
constexpr std::uint64_t limit = 37'752'832;
#endif

static_assert(nc::within_budget<nc::zoo::alexnet, nc::budget{.layer_weights = 37'750'000, .layer_parameters = limit}>);
