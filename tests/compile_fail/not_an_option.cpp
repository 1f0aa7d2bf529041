// A type that is no option at all, among a layer's options, is rejected as such.
// expect: netcount: this type is not an option
// expect: option_not_taken<netcount::conv<8, netcount::kernel<3
// expect: netcount::relu>, netcount::relu>
#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
struct net : nc::network<nc::input<8, 8, 3>, nc::conv<8, nc::kernel<3>, nc::relu>> {};
#else
struct net : nc::network<nc::input<8, 8, 3>, nc::conv<8, nc::kernel<3>>, nc::relu> {};
#endif
static_assert(nc::weights<net> == 3 * 3 * 3 * 8);
