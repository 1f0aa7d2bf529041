// max_unpool<"pool"> of a tensor whose channels differ from the pool's output is rejected at the
// unpool ("max_unpool1", entry 2), as torch 1.13's MaxUnpool2d rejects it ("Expected shape of
// indices to be same as that of the input tensor ([1, 6, 4, 4]) but got indices tensor with
// shape: [1, 3, 4, 4]"); the diagnostic gives both shapes (invalid_merge's path_shapes<...>).
// expect: the tensor it unpools differs in shape from the pool's output
// expect: unpool_shape_mismatch, 2,
// expect: path_shapes<
// expect: {4, 4, 6}
// expect: {4, 4, 3}
// expect: 'm', 'a', 'x', '_', 'u', 'n', 'p', 'o', 'o', 'l', '1'
#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
using reduce = nc::conv<6, nc::kernel<1>>; // 6 channels against the pool's 3
#else
using reduce = nc::conv<3, nc::kernel<1>>;
#endif

using unpooled =
    nc::network<nc::input<8, 8, 3>, nc::max_pool<nc::kernel<2>, nc::name<"pool">>, reduce, nc::max_unpool<"pool">>;
static_assert(nc::output_shape<unpooled> == nc::shape{8, 8, 3});
