// max_unpool<"pool"> whose name reads no max_pool (here an avg_pool, which keeps no indices) is
// rejected at the unpool ("max_unpool1", entry 1), with the shapes of the tensor it unpools and
// of the entry named (invalid_merge's path_shapes<...>).
// expect: the name reads no max_pool
// expect: unpool_reads_no_max_pool, 1,
// expect: path_shapes<
// expect: {4, 4, 3}
// expect: 'm', 'a', 'x', '_', 'u', 'n', 'p', 'o', 'o', 'l', '1'
#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
using pool = nc::avg_pool<nc::kernel<2>, nc::name<"pool">>;
#else
using pool = nc::max_pool<nc::kernel<2>, nc::name<"pool">>;
#endif

using unpooled = nc::network<nc::input<8, 8, 3>, pool, nc::max_unpool<"pool">>;
static_assert(nc::output_shape<unpooled> == nc::shape{8, 8, 3});
