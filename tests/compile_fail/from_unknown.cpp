// from<"name"> with a name no entry or named block has is rejected, spelling out the name.
// expect: netcount: from<...>: no entry or named block of the network has this name
// expect: 'c', '9'
#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
using skip = nc::network<nc::input<16, 16, 3>, nc::conv<8, nc::kernel<3>, nc::name<"c1">>,
                         nc::conv<8, nc::kernel<3>, nc::name<"c2">>, nc::concat<nc::identity, nc::from<"c9">>>;
#else
using skip = nc::network<nc::input<16, 16, 3>, nc::conv<8, nc::kernel<3>, nc::name<"c1">>,
                         nc::conv<8, nc::kernel<3>, nc::name<"c2">>, nc::concat<nc::identity, nc::from<"c2">>>;
#endif
static_assert(nc::parameters<skip> > 0);
