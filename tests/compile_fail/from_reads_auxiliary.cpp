// from<"name"> on the main path that reads an auxiliary head's entry is rejected: heads do not
// run in inference.
// expect: netcount: from<...>: this name is in an auxiliary head, which inference does not run
// expect: 'a', 'u', 'x', '/', 'f', 'c'
#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
using reads_head = nc::network<nc::input<16, 16, 3>, nc::conv<8, nc::kernel<1>, nc::name<"c1">>,
                               nc::auxiliary<nc::name<"aux">, nc::conv<4, nc::kernel<1>, nc::name<"fc">>>,
                               nc::from<"aux/fc">, nc::relu>;
#else
using reads_head =
    nc::network<nc::input<16, 16, 3>, nc::conv<8, nc::kernel<1>, nc::name<"c1">>,
                nc::auxiliary<nc::name<"aux">, nc::conv<4, nc::kernel<1>, nc::name<"fc">>>, nc::from<"c1">, nc::relu>;
#endif
static_assert(nc::parameters<reads_head> > 0);
