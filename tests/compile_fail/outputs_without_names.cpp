// outputs<> without a name is rejected.
// expect: netcount: outputs<...> names at least one tensor
#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
using none = nc::network<nc::input<16, 16, 3>, nc::conv<8, nc::kernel<3>, nc::name<"a">>, nc::outputs<>>;
#else
using none = nc::network<nc::input<16, 16, 3>, nc::conv<8, nc::kernel<3>, nc::name<"a">>, nc::outputs<"a">>;
#endif
static_assert(nc::parameters<none> > 0);
