// slice<Begin, End> takes channels [Begin, End): slice<16, 16> would take none (torch's
// x[:, 16:16] has 0 channels).
// expect: netcount: slice<Begin, End> needs Begin below End
// expect: empty_slice, 1,
// expect: {7, 5, 48}
// expect: 'c', 'o', 'n', 'c', 'a', 't', '1', '/', 's', 'l', 'i', 'c', 'e', '2'
#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
constexpr std::size_t end = 16;
#else
constexpr std::size_t end = 17;
#endif

struct net : nc::network<nc::input<7, 5, 48>, nc::concat<nc::slice<0, 16>, nc::slice<16, end>>> {};
static_assert(nc::output_shape<net>.height == 7);
