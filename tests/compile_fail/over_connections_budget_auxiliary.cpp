// The network's 64 connections are main's (2 * 2 * 16 on 4 x 4); the auxiliary head's 256 are
// not in the total, so the layer to shrink is main, not the head, though the head has more.
// expect: netcount: the network has more connections than its budget allows
// expect: 64, 60, 'm', 'a', 'i', 'n'>
#include <netcount/netcount.hpp>
namespace nc = netcount;

struct headed : nc::network<nc::input<4, 4, 2>, nc::auxiliary<nc::name<"head">, nc::conv<8, nc::kernel<1>>>,
                            nc::conv<2, nc::kernel<1>, nc::name<"main">>> {};

#ifdef NETCOUNT_COMPILE_FAIL
constexpr std::uint64_t limit = 60;
#else
constexpr std::uint64_t limit = 64;
#endif

static_assert(nc::within_budget<headed, nc::budget{.connections = limit}>);
