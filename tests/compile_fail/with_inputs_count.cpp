// with_inputs<Net, Shapes...> takes one shape per input.
// expect: netcount: with_inputs<Net, Shapes...> takes one shape per input of Net
#include <netcount/netcount.hpp>
namespace nc = netcount;

using two = nc::network<nc::input<16, 16, 3, nc::name<"image">>, nc::input<16, 16, 1, nc::name<"mask">>,
                        nc::concat<nc::identity, nc::from<"image">>>;
#ifdef NETCOUNT_COMPILE_FAIL
static_assert(nc::output_shape<nc::with_inputs<two, nc::shape{8, 8, 3}>> == nc::shape{8, 8, 4});
#else
static_assert(nc::output_shape<nc::with_inputs<two, nc::shape{8, 8, 3}, nc::shape{8, 8, 1}>> == nc::shape{8, 8, 4});
#endif
