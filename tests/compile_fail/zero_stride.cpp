// A zero stride is rejected, in a pooling layer too.
// expect: netcount: strides must be positive
// expect: zero_stride, 1,
// expect: 'p', 'o', 'o', 'l', '1'
#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
constexpr std::size_t s = 0;
#else
constexpr std::size_t s = 2;
#endif

struct net : nc::network<nc::input<32, 32, 3>, nc::conv<8, nc::kernel<3>>,
                         nc::max_pool<nc::kernel<2>, nc::stride<s>, nc::name<"pool1">>> {};
static_assert(nc::units<net> > 0);
