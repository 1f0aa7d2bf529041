// An input that nothing reads is rejected (a from<"..."> forgotten): its name is spelled out.
// expect: netcount: nothing reads this input of the network
// expect: 'i', 'm', 'a', 'g', 'e'
#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
using unread = nc::network<nc::input<16, 16, 3, nc::name<"image">>, nc::input<16, 16, 1, nc::name<"mask">>,
                           nc::conv<8, nc::kernel<3>>>;
#else
using unread = nc::network<nc::input<16, 16, 3, nc::name<"image">>, nc::input<16, 16, 1, nc::name<"mask">>,
                           nc::concat<nc::identity, nc::from<"image">>, nc::conv<8, nc::kernel<3>>>;
#endif
static_assert(nc::parameters<unread> > 0);
