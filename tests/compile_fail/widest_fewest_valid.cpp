// When even the fewest filters that are valid are over budget, nothing fits. The grouped conv's
// 16 groups must divide its filters: 16 is its only valid width up to Max = 16, every smaller
// one invalid (each checked), and 16 filters hold 1 * 1 * (16 / 16) * 16 = 16 weights and 16
// biases, 32 parameters, over 20. The twin's budget of 32 fits 16 exactly. (An add's paths, the
// first form of this test, no longer pin a width: add broadcasts as PyTorch's + does, so a
// 1-channel path is valid.)
// expect: netcount: widest: the network is over budget even with the fewest filters or outputs that are valid in that layer
// expect: 32
// expect: 20
#include <netcount/netcount.hpp>
#include <netcount/search.hpp>
namespace nc = netcount;

struct net : nc::network<nc::input<4, 4, 16>, nc::conv<16, nc::kernel<1>, nc::groups<16>>> {};

#ifdef NETCOUNT_COMPILE_FAIL
constexpr std::uint64_t limit = 20;
#else
constexpr std::uint64_t limit = 32;
#endif

static_assert(nc::widest<net, "conv1", nc::budget{.parameters = limit}, 16> == 16);
