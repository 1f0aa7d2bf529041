// A per-layer limit on activations counts what inference runs: an auxiliary head's 128 output
// elements (4 x 4 x 8) are not limited, main's 32 (4 x 4 x 2) are. Over a limit of 20, main is
// named, with its 32.
// expect: netcount: a layer has more activations than the per-layer budget allows
// expect: 32, 20, 'm', 'a', 'i', 'n'>
#include <netcount/netcount.hpp>
namespace nc = netcount;

struct headed : nc::network<nc::input<4, 4, 2>, nc::auxiliary<nc::name<"head">, nc::conv<8, nc::kernel<1>>>,
                            nc::conv<2, nc::kernel<1>, nc::name<"main">>> {};

#ifdef NETCOUNT_COMPILE_FAIL
constexpr std::uint64_t limit = 20;
#else
constexpr std::uint64_t limit = 32;
#endif

static_assert(nc::within_budget<headed, nc::budget{.layer_activations = limit}>);
