// slice<Begin, End> cannot reach past the input's channels: slice<40, 49> of 48 (torch's
// x[:, 40:49] would quietly take 8 channels, not 9).
// expect: netcount: slice<Begin, End> needs End at most the input's channels
// expect: slice_past_channels, 1,
// expect: {7, 5, 48}
// expect: 'c', 'o', 'n', 'c', 'a', 't', '1', '/', 's', 'l', 'i', 'c', 'e', '2'
#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
constexpr std::size_t end = 49;
#else
constexpr std::size_t end = 48;
#endif

struct net : nc::network<nc::input<7, 5, 48>, nc::concat<nc::slice<0, 16>, nc::slice<40, end>>> {};
static_assert(nc::output_shape<net>.height == 7);
