// A crop_concat rejects only channels that add up beyond 64 bits: 2^63 + 2^63. The diagnostic
// names the merge ("skip", entry 0) and gives every path's shape in invalid_merge's
// path_shapes<...>: the input's, read by both paths.
// expect: netcount: a count overflows 64 bits
// expect: count_overflow, 0,
// expect: path_shapes<
// expect: {1, 1, 9223372036854775808}
// expect: 's', 'k', 'i', 'p'
#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
constexpr std::size_t channels = std::size_t{1} << 63;
#else
constexpr std::size_t channels = std::size_t{1} << 62; // 2^62 + 2^62 = 2^63 fits
#endif

struct net : nc::network<nc::input<1, 1, channels>, nc::crop_concat<nc::name<"skip">, nc::identity, nc::identity>> {};
static_assert(nc::output_shape<net>.channels == 2 * channels);
