// Even 1 output in fc6 leaves AlexNet over a 5,000,000-weight budget: the other layers hold
// 6,428,704 weights (tests/static/search.cpp), and fc6 and fc7 add 9216 + 4096 = 13,312 more at
// N = 1: 6,442,016. The twin's budget of 6,442,016 fits exactly 1.
// expect: netcount: widest: the network is over budget even with 1 filter or output in that layer
// expect: 6442016
// expect: 5000000
#include <netcount/netcount.hpp>
#include <netcount/search.hpp>
#include <netcount/zoo/alexnet.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
constexpr std::uint64_t limit = 5'000'000;
#else
constexpr std::uint64_t limit = 6'442'016;
#endif

static_assert(nc::widest<nc::zoo::alexnet, "fc6", nc::budget{.weights = limit}> == 1);
