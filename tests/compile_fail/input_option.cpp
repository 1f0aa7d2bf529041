// An input takes a name<"..."> and nothing else.
// expect: netcount: input<Height, Width, Channels, Options...> takes at most one option, its name
#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
using opt = nc::network<nc::input<16, 16, 3, nc::stride<2>>, nc::conv<8, nc::kernel<3>>>;
#else
using opt = nc::network<nc::input<16, 16, 3, nc::name<"image">>, nc::conv<8, nc::kernel<3>>>;
#endif
static_assert(nc::parameters<opt> > 0);
