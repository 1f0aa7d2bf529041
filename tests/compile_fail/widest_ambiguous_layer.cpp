// widest needs one layer of the name: a name two layers share is one error, before any
// candidate is counted (it was followed by "not a constant expression" errors from the
// search). The twin names them apart.
// expect: netcount: more than one layer has this name
// absent: constant expression
// absent: non-constant
// expect: 'h', 'e', 'a', 'd'
#include <netcount/netcount.hpp>
#include <netcount/search.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
constexpr nc::fixed_string second = "head";
#else
constexpr nc::fixed_string second = "out";
#endif

// head: 8 * 8 * 3 * N weights, N biases; the second fc: 10 * N + 10: 203 * N + 10 parameters.
struct net : nc::network<nc::input<8, 8, 3>, nc::flatten, nc::fc<100, nc::name<"head">>, nc::fc<10, nc::name<second>>> {
};

static_assert(nc::widest<net, "head", nc::budget{.parameters = 10'000}> == 49);
