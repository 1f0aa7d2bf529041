// from<"name"> with a name that two entries (or blocks) of the network have is rejected, even
// when only one of them comes before it: the name must say which tensor it reads.
// expect: netcount: from<...>: more than one entry or named block of the network has this name
// expect: 'b', 'r', 'a', 'n', 'c', 'h'
#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
using twice = nc::network<nc::input<16, 16, 3>, nc::sequence<nc::name<"branch">, nc::conv<8, nc::kernel<1>>>,
                          nc::from<"branch">, nc::conv<8, nc::kernel<1>, nc::name<"branch">>>;
#else
using twice = nc::network<nc::input<16, 16, 3>, nc::sequence<nc::name<"branch">, nc::conv<8, nc::kernel<1>>>,
                          nc::from<"branch">, nc::conv<8, nc::kernel<1>, nc::name<"branch2">>>;
#endif
static_assert(nc::parameters<twice> > 0);
