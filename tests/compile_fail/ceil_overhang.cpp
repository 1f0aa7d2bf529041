// Under ceil_mode a window may run past the padded input by less than its stride: a 3 x 3,
// stride-2 pool gives 1 x 1 on 2 x 2 (as PyTorch's MaxPool2d(3, 2, ceil_mode=True) does), but
// on 1 x 1 it would run past by 2, the stride ("Output size is too small" in PyTorch).
// expect: netcount: under ceil_mode the window may run past the padded input by less than the stride, not more
// expect: window_overhangs_input, 2,
// expect: {1, 1, 8}
// expect: 'p', 'o', 'o', 'l'
#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
constexpr std::size_t size = 1;
#else
constexpr std::size_t size = 2;
#endif

struct net : nc::network<nc::input<size, size, 3>, nc::conv<8, nc::kernel<1>>, nc::relu,
                         nc::max_pool<nc::kernel<3>, nc::stride<2>, nc::ceil_mode, nc::name<"pool">>, nc::fc<10>> {};
static_assert(nc::output_shape<net> == nc::shape{1, 1, 10});
static_assert(nc::layers<net>[2].output == nc::shape{1, 1, 8});
