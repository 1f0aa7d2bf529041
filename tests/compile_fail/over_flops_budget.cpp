// FLOPs are two per connection: AlexNet's 724,406,816 connections (the seed's table) are
// 1,448,813,632 FLOPs, over a budget of 1,000,000,000; conv2, with 223,948,800 connections,
// has the most.
// expect: netcount: the network has more FLOPs than its budget allows
// expect: 1448813632
// expect: 1000000000
// expect: 'c', 'o', 'n', 'v', '2'
#include <netcount/netcount.hpp>
#include <netcount/zoo/alexnet.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
constexpr std::uint64_t limit = 1'000'000'000;
#else
constexpr std::uint64_t limit = 1'500'000'000;
#endif

static_assert(nc::within_budget<nc::zoo::alexnet, nc::budget{.flops = limit}>);
