// Totals overflow too: each layer fits, their sum does not. The error names the layer whose
// count no longer fits in the total: 2^32 * 2^31 = 2^63 weights, then 2^31 * 2^32 = 2^63 more.
// expect: netcount: a count overflows 64 bits
// expect: count_overflow, 1,
// expect: 'f', 'c', '2'
#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
constexpr std::size_t outputs = 4294967296;
#else
constexpr std::size_t outputs = 4294967295; // 2^63 + 2^63 - 2^31 fits
#endif

struct net : nc::network<nc::input<1, 1, 4294967296>, nc::fc<2147483648, nc::no_bias>,
                         nc::fc<outputs, nc::no_bias, nc::name<"fc2">>> {};
static_assert(nc::weights<net> > 0);
