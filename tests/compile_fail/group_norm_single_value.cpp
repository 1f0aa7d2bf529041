// A group_norm whose groups hold one value each: PyTorch 1.13 refuses GroupNorm(8, 8) on a
// 1 x 1 x 8 map even in eval mode ("Expected more than 1 value per channel when training":
// 8 / 8 * 1 * 1 = 1). The twin's GroupNorm(4, 8) holds 8 / 4 * 1 * 1 = 2 values a group, and
// runs in torch: 2 * 8 = 16 parameters.
// expect: netcount: group_norm needs more than one value per group (channels / groups * height * width > 1)
// expect: single_value_per_group, 1,
// expect: {1, 1, 8}
// expect: 'g', 'r', 'o', 'u', 'p', '_', 'n', 'o', 'r', 'm', '1'
#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
constexpr std::size_t groups = 8;
#else
constexpr std::size_t groups = 4;
#endif

struct net : nc::network<nc::input<3, 3, 2>, nc::conv<8, nc::kernel<3>>, nc::group_norm<groups>> {};
static_assert(nc::parameters<net> == 3 * 3 * 2 * 8 + 8 + 16);
