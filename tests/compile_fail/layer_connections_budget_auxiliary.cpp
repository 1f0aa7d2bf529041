// A per-layer limit on connections counts what inference runs: an auxiliary head's 256
// connections (a 1 x 1 conv of 2 -> 8 channels on 4 x 4: 2 * 8 * 16) are not limited, main's
// 64 (2 * 2 * 16) are. Over a limit of 50, main is named, with its 64.
// expect: netcount: a layer has more connections than the per-layer budget allows
// expect: 64, 50, 'm', 'a', 'i', 'n'>
#include <netcount/netcount.hpp>
namespace nc = netcount;

struct headed : nc::network<nc::input<4, 4, 2>, nc::auxiliary<nc::name<"head">, nc::conv<8, nc::kernel<1>>>,
                            nc::conv<2, nc::kernel<1>, nc::name<"main">>> {};

#ifdef NETCOUNT_COMPILE_FAIL
constexpr std::uint64_t limit = 50;
#else
constexpr std::uint64_t limit = 64;
#endif

static_assert(nc::within_budget<headed, nc::budget{.layer_connections = limit}>);
