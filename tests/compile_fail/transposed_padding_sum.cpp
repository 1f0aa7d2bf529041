// A transposed conv's padding is summed exactly: 2^63 rows at each end are 2^64, more than the
// 2^63 + 1 rows of its full output ((2^63 + 1 - 1) * 1 + 1 * 0 + 0 + 1), so no row is left.
// (The sum used to wrap to 0 and leave all of them.)
// expect: netcount: the padding removes the whole output of the transposed convolution
// expect: padding_removes_output, 0,
// expect: 'u', 'p'
#include <cstdint>

#include <netcount/netcount.hpp>
namespace nc = netcount;

constexpr std::uint64_t half = std::uint64_t{1} << 62; // 2^62
#ifdef NETCOUNT_COMPILE_FAIL
constexpr std::uint64_t padding = 2 * half; // 2^63 at each end
#else
constexpr std::uint64_t padding = half; // 2^62 at each end: 2^63 + 1 - 2^63 = 1 row left
#endif

struct net : nc::network<nc::input<2 * half + 1, 1, 1>,
                         nc::transposed_conv<1, nc::kernel<1>, nc::pad<padding, padding, 0, 0>, nc::name<"up">>> {};
static_assert(nc::weights<net> == 1);
