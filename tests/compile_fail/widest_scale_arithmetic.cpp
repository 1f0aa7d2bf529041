// scale_width rounds N * k / Den with 64-bit products (make_divisible, scale.hpp): with Den =
// 2^64 - 1 they overflow for every count of the network. widest_scale checks once, at the
// largest multiplier, and stops with one error instead of one per candidate. The twin's Den of
// 2^40 leaves room (10 * 32 * 2^40 < 2^64), and without a budget everything fits: Den.
// expect: netcount: widest_scale: Den or Divisor is too large for scale_width's arithmetic on this network
#include <cstddef>
#include <limits>

#include <netcount/netcount.hpp>
#include <netcount/search.hpp>
namespace nc = netcount;

struct two_convs : nc::network<nc::input<8, 8, 3>, nc::conv<16, nc::kernel<3>, nc::pad<1>, nc::name<"c1">>,
                               nc::conv<32, nc::kernel<3>, nc::pad<1>, nc::groups<4>, nc::name<"c2">>,
                               nc::global_avg_pool, nc::fc<10, nc::name<"head">>> {};

#ifdef NETCOUNT_COMPILE_FAIL
constexpr std::size_t den = std::numeric_limits<std::size_t>::max();
#else
constexpr std::size_t den = std::size_t{1} << 40;
#endif

static_assert(nc::widest_scale<two_convs, nc::budget{}, den> == den);
