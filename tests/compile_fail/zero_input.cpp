// An input without pixels is rejected.
// expect: netcount: input dimensions must be positive
// expect: input<0, 32, 3>
#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
constexpr std::size_t height = 0;
#else
constexpr std::size_t height = 32;
#endif

struct net : nc::network<nc::input<height, 32, 3>, nc::conv<8, nc::kernel<3>>> {};
static_assert(nc::weights<net> > 0);
