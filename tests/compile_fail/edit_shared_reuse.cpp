// replace or resize of a layer in a reuse is rejected: its layers are the definition's.
// expect: netcount: replace and resize edit a shared<...> definition's layers, which every reuse applies
#include <netcount/edit.hpp>
#include <netcount/netcount.hpp>
namespace nc = netcount;

using net = nc::network<nc::input<8, 8, 4>, nc::shared<"head", nc::conv<4, nc::kernel<1>>>, nc::shared<"head">>;
#ifdef NETCOUNT_COMPILE_FAIL
static_assert(nc::parameters<nc::resize<net, "head@2/conv1", 4>> > 0);
#else
static_assert(nc::parameters<nc::resize<net, "head/conv1", 4>> > 0);
#endif
