// An fc layer without outputs is rejected.
// expect: netcount: a layer needs at least one filter or output
// expect: zero_outputs, 1,
// expect: 'h', 'e', 'a', 'd'
#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
constexpr std::size_t outputs = 0;
#else
constexpr std::size_t outputs = 10;
#endif

struct net : nc::network<nc::input<4, 4, 3>, nc::flatten, nc::fc<outputs, nc::name<"head">>> {};
static_assert(nc::weights<net> >= 0);
