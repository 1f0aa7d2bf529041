// An input named as a layer is rejected, even where no from<> reads that name: from<"mask">
// would not know which of the two it reads.
// expect: netcount: an entry or named block has the name of one of the network's inputs
// expect: 'm', 'a', 's', 'k'
#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
using taken = nc::network<nc::input<16, 16, 3, nc::name<"image">>, nc::input<16, 16, 1, nc::name<"mask">>,
                          nc::concat<nc::identity, nc::from<"image">>, nc::conv<1, nc::kernel<3>, nc::name<"mask">>>;
#else
using taken = nc::network<nc::input<16, 16, 3, nc::name<"image">>, nc::input<16, 16, 1, nc::name<"mask">>,
                          nc::concat<nc::identity, nc::from<"image">>, nc::conv<1, nc::kernel<3>, nc::name<"mask2">>>;
#endif
static_assert(nc::parameters<taken> > 0);
