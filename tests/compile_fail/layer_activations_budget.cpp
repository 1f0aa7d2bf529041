// A layer's activations are its output elements: conv1, relu1 and lrn1 of AlexNet each write
// 55 * 55 * 96 = 290,400, over a per-layer limit of 200,000; the first of them is named.
// expect: netcount: a layer has more activations than the per-layer budget allows
// expect: 290400
// expect: 200000
// expect: 'c', 'o', 'n', 'v', '1'
#include <netcount/netcount.hpp>
#include <netcount/zoo/alexnet.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
constexpr std::uint64_t limit = 200'000;
#else
constexpr std::uint64_t limit = 290'400;
#endif

static_assert(nc::within_budget<nc::zoo::alexnet, nc::budget{.layer_activations = limit}>);
