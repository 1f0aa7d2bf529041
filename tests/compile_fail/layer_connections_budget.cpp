// Two layers of AlexNet are over 110,000,000 connections (the seed's table): conv2 with
// 5 * 5 * 48 * 256 * 27 * 27 = 223,948,800 and conv3 with 149,520,384; the error names the
// one with the most.
// expect: netcount: a layer has more connections than the per-layer budget allows
// expect: 223948800
// expect: 110000000
// expect: 'c', 'o', 'n', 'v', '2'
#include <netcount/netcount.hpp>
#include <netcount/zoo/alexnet.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
constexpr std::uint64_t limit = 110'000'000;
#else
constexpr std::uint64_t limit = 223'948'800;
#endif

static_assert(nc::within_budget<nc::zoo::alexnet, nc::budget{.layer_connections = limit}>);
