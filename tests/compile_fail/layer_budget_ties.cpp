// A per-layer over-budget error says when other layers tie with the one it names: 16 x 16 x 8
// outputs of 1 x 1 convs from 8 channels make 16,384 connections each (16 * 16 * 8 * 8).
// expect: netcount: a layer has more connections than the per-layer budget allows
// expect: 'a', ',', ' ', 'a', 'n', 'd', ' ', '1', ' ', 'm', 'o', 'r', 'e', ' ', 'w', 'i', 't', 'h', ' ', '1', '6', ',', '3', '8', '4'
#include <netcount/netcount.hpp>
namespace nc = netcount;

using two = nc::network<nc::input<16, 16, 8>, nc::conv<8, nc::kernel<1>, nc::name<"a">>,
                        nc::conv<8, nc::kernel<1>, nc::name<"b">>>;
#ifdef NETCOUNT_COMPILE_FAIL
static_assert(nc::within_budget<two, nc::budget{.layer_connections = 10'000}>);
#else
static_assert(nc::within_budget<two, nc::budget{.layer_connections = 16'384}>);
#endif
