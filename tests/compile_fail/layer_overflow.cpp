// A layer whose count does not fit in 64 bits is a compile error, not a wrapped number:
// 2^32 inputs times 2^32 outputs is 2^64 weights.
// expect: netcount: a count overflows 64 bits
// expect: count_overflow, 0,
// expect: 'h', 'u', 'g', 'e'
#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
struct net : nc::network<nc::input<1, 1, 4294967296>, nc::fc<4294967296, nc::no_bias, nc::name<"huge">>> {};
#else // (2^32 + 1) * (2^32 - 1) = 2^64 - 1 still fits
struct net : nc::network<nc::input<1, 1, 4294967297>, nc::fc<4294967295, nc::no_bias, nc::name<"huge">>> {};
#endif
static_assert(nc::weights<net> > 0);
