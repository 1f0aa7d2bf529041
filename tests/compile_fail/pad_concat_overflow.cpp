// A pad_concat rejects only a count beyond 64 bits: on 1 x 2 x 2^62, the input and its 1 x 1
// pool padded back to 1 x 2, then stacked: 2^63 channels, 2^64 activations. The diagnostic names
// the merge ("up", entry 1) and every path's shape in invalid_merge's path_shapes<...>.
// expect: netcount: a count overflows 64 bits
// expect: count_overflow, 1,
// expect: path_shapes<
// expect: {1, 2, 4611686018427387904}
// expect: {1, 1, 4611686018427387904}
// expect: 'u', 'p'
#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
constexpr std::size_t channels = std::size_t{1} << 62;
#else
constexpr std::size_t channels = std::size_t{1} << 61; // 2 * 2^62 activations fit
#endif

struct net : nc::network<nc::input<1, 2, channels>,
                         nc::pad_concat<nc::name<"up">, nc::identity, nc::max_pool<nc::kernel<1, 2>>>> {};
static_assert(nc::output_shape<net> == nc::shape{1, 2, 2 * channels});
