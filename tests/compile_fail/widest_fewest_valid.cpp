// When even the fewest filters that are valid are over budget, nothing fits. The conv inside
// the residual block must keep the block's 16 channels for the add: 16 is its only valid
// width, every smaller one invalid (each checked), and 16 holds 16 * 16 + 16 = 272 parameters,
// over 200. The twin's budget of 272 fits 16 exactly, the largest Max that can be searched
// one by one (above 16 every width is invalid).
// expect: netcount: widest: the network is over budget even with the fewest filters or outputs that are valid in that layer
// expect: 272
// expect: 200
#include <netcount/netcount.hpp>
#include <netcount/search.hpp>
namespace nc = netcount;

struct net : nc::network<nc::input<4, 4, 16>, nc::residual<nc::conv<16, nc::kernel<1>>>> {};

#ifdef NETCOUNT_COMPILE_FAIL
constexpr std::uint64_t limit = 200;
#else
constexpr std::uint64_t limit = 272;
#endif

static_assert(nc::widest<net, "residual1/conv1", nc::budget{.parameters = limit}, 16> == 16);
