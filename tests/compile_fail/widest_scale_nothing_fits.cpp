// widest_scale at k / 8: c1 and c2 get 2k and 4k filters, valid for even k (c2's 4 groups), with
// 18 * k^2 + 94 * k weights (tests/static/search.cpp). k = 1 is invalid; k = 2, the smallest
// valid multiplier, holds 72 + 188 = 260 weights, over 259: nothing fits. The twin's 260 fits
// k = 2 exactly (k = 4 holds 664).
// expect: netcount: widest_scale: the network is over budget even at the smallest width multiplier that is valid
// expect: 260
// expect: 259
#include <netcount/netcount.hpp>
#include <netcount/search.hpp>
namespace nc = netcount;

struct two_convs : nc::network<nc::input<8, 8, 3>, nc::conv<16, nc::kernel<3>, nc::pad<1>, nc::name<"c1">>,
                               nc::conv<32, nc::kernel<3>, nc::pad<1>, nc::groups<4>, nc::name<"c2">>,
                               nc::global_avg_pool, nc::fc<10, nc::name<"head">>> {};

#ifdef NETCOUNT_COMPILE_FAIL
constexpr std::uint64_t limit = 259;
#else
constexpr std::uint64_t limit = 260;
#endif

static_assert(nc::widest_scale<two_convs, nc::budget{.weights = limit}, 8> == 2);
