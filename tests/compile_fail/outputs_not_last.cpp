// outputs<...> anywhere but as the network's last element, at its top level, is rejected,
// spelling out its first name.
// expect: netcount: outputs<...> must be the network's last element, at its top level
// expect: 'a'
#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
using early = nc::network<nc::input<16, 16, 3>, nc::conv<8, nc::kernel<3>, nc::name<"a">>, nc::outputs<"a">,
                          nc::conv<8, nc::kernel<3>, nc::name<"b">>>;
#else
using early = nc::network<nc::input<16, 16, 3>, nc::conv<8, nc::kernel<3>, nc::name<"a">>,
                          nc::conv<8, nc::kernel<3>, nc::name<"b">>, nc::outputs<"a">>;
#endif
static_assert(nc::parameters<early> > 0);
