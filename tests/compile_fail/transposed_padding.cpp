// A transposed convolution's padding crops its output; it must leave at least one position.
// ConvTranspose2d(4, 4, 1, padding=1) on 1 x 1 would give (1 - 1) * 1 + 0 + 1 - 2 = -1
// ("Output size is too small" in PyTorch); with a 3 x 3 kernel, 3 - 2 = 1.
// expect: netcount: the padding removes the whole output of the transposed convolution
// expect: padding_removes_output, 1,
// expect: {1, 1, 4}
// expect: 'u', 'p'
#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
constexpr std::size_t k = 1;
#else
constexpr std::size_t k = 3;
#endif

struct net : nc::network<nc::input<2, 2, 4>, nc::max_pool<nc::kernel<2>>,
                         nc::transposed_conv<4, nc::kernel<k>, nc::pad<1>, nc::name<"up">>> {};
static_assert(nc::output_shape<net> == nc::shape{1, 1, 4});
