// output_shape<Net> of a network with several outputs is rejected, naming output_shapes.
// expect: netcount: this network has several outputs (outputs<...>): read their shapes with output_shapes<Net>
#include <netcount/netcount.hpp>
namespace nc = netcount;

using two = nc::network<nc::input<16, 16, 3>, nc::conv<8, nc::kernel<3>, nc::name<"a">>,
                        nc::conv<8, nc::kernel<3>, nc::name<"b">>, nc::outputs<"a", "b">>;
#ifdef NETCOUNT_COMPILE_FAIL
static_assert(nc::output_shape<two> == nc::shape{12, 12, 8});
#else
static_assert(nc::output_shapes<two>[1] == nc::shape{12, 12, 8});
#endif
