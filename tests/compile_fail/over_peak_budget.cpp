// AlexNet's peak of one inference run is 580,800 activations, at lrn1, which reads relu1's
// 55 x 55 x 96 = 290,400 (written in place over conv1's) and writes as many (by hand in
// tests/static/peak.cpp); over a budget of 500,000 the error names lrn1.
// expect: netcount: the network has more peak activations than its budget allows
// expect: 580800
// expect: 500000
// expect: 'l', 'r', 'n', '1'
#include <netcount/netcount.hpp>
#include <netcount/zoo/alexnet.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
constexpr std::uint64_t limit = 500'000;
#else
constexpr std::uint64_t limit = 580'800;
#endif

static_assert(nc::within_budget<nc::zoo::alexnet, nc::budget{.peak_activations = limit}>);
