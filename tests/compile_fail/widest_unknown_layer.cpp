// widest looks the name up as layer<Net, "name"> does, once: an unknown name is one error,
// before any candidate is counted (it was followed by "not a constant expression" errors from
// the search). The twin names an existing layer.
// expect: netcount: no layer has this name
// absent: constant expression
// absent: non-constant
// expect: 'f', 'c', '7'
#include <netcount/netcount.hpp>
#include <netcount/search.hpp>
namespace nc = netcount;

// fc6: 8 * 8 * 3 * N weights and N biases, fc7 N * 10 + 10: 203 * N + 10 parameters; under
// 10,000 N = 49 (9,957; 50 gives 10,160).
struct net : nc::network<nc::input<8, 8, 3>, nc::flatten, nc::fc<100, nc::name<"fc6">>, nc::fc<10>> {};

#ifdef NETCOUNT_COMPILE_FAIL
static_assert(nc::widest<net, "fc7", nc::budget{.parameters = 10'000}> > 0);
#else
static_assert(nc::widest<net, "fc6", nc::budget{.parameters = 10'000}> == 49);
#endif
