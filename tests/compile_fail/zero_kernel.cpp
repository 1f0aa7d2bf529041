// A zero kernel is rejected, naming the layer by its index in layers<Net> and its name.
// expect: netcount: kernel sizes must be positive
// expect: zero_kernel, 2,
// expect: 'c', 'o', 'n', 'v', '2'
#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
constexpr std::size_t k = 0;
#else
constexpr std::size_t k = 3;
#endif

struct net : nc::network<nc::input<32, 32, 3>, nc::conv<8, nc::kernel<3>>, nc::relu, nc::conv<8, nc::kernel<k>>> {};
static_assert(nc::parameters<net> > 0);
