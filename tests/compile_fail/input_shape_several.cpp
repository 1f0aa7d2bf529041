// input_shape<Net> of a network with several inputs is rejected, naming input_shapes.
// expect: netcount: this network has several inputs: read their shapes with input_shapes<Net>
#include <netcount/netcount.hpp>
namespace nc = netcount;

using two = nc::network<nc::input<16, 16, 3, nc::name<"image">>, nc::input<16, 16, 1, nc::name<"mask">>,
                        nc::concat<nc::identity, nc::from<"image">>>;
#ifdef NETCOUNT_COMPILE_FAIL
static_assert(nc::input_shape<two> == nc::shape{16, 16, 1});
#else
static_assert(nc::input_shapes<two>[1] == nc::shape{16, 16, 1});
#endif
