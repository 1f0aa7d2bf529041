// replace and resize edit layers: naming a block's merge is rejected.
// expect: netcount: replace and resize edit layers; this name is the merge of a block
#include <netcount/edit.hpp>
#include <netcount/netcount.hpp>
namespace nc = netcount;

struct net : nc::network<nc::input<4, 4, 2>, nc::residual<nc::name<"r">, nc::conv<2, nc::kernel<1>>>> {};

#ifdef NETCOUNT_COMPILE_FAIL
static_assert(nc::weights<nc::resize<net, "r", 3>> > 0);
#else
static_assert(nc::weights<nc::resize<net, "r/conv1", 2>> == 4);
#endif
