// A conv without filters is rejected.
// expect: netcount: a layer needs at least one filter or output
// expect: zero_outputs, 0,
// expect: 'c', 'o', 'n', 'v', '1'
#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
constexpr std::size_t filters = 0;
#else
constexpr std::size_t filters = 8;
#endif

struct net : nc::network<nc::input<32, 32, 3>, nc::conv<filters, nc::kernel<3>>> {};
static_assert(nc::weights<net> >= 0);
