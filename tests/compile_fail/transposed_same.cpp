// transposed_conv has no `same` padding (PyTorch's ConvTranspose2d has none either).
// expect: netcount: transposed_conv takes valid or pad<...>, not same
#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
using padding = nc::same;
#else
using padding = nc::pad<1>;
#endif

struct net : nc::network<nc::input<8, 8, 4>, nc::transposed_conv<4, nc::kernel<3>, nc::stride<2>, padding>> {};
static_assert(nc::weights<net> > 0);
