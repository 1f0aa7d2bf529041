// A residual block of 16 channels: its conv is valid with 16 filters, or with 1, whose output
// the add broadcasts as PyTorch's + does; every other width is invalid. 16 fits, but to prove
// it the largest the search would have to see that every width above it, up to 65,536, is
// invalid: more than it counts (search_probes), so it stops with what it knows: 16 fits and 17
// to 65,535 are not settled. The twin searches up to 64, which it can settle.
// expect: netcount: widest: valid widths are not contiguous and too far apart to check one by one
// expect: 16, 17,
#include <netcount/netcount.hpp>
#include <netcount/search.hpp>
namespace nc = netcount;

struct net : nc::network<nc::input<4, 4, 16>, nc::residual<nc::conv<16, nc::kernel<1>>>> {};

#ifdef NETCOUNT_COMPILE_FAIL
constexpr std::size_t max = 65'536;
#else
constexpr std::size_t max = 64;
#endif

static_assert(nc::widest<net, "residual1/conv1", nc::budget{.parameters = 272}, max> == 16);
