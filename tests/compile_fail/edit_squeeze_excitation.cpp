// An edit that turns a squeeze_excitation's layers into what its parameters cannot say (its
// pool replaced by a max pool) is an error, not a silent change of the block.
// expect: netcount: an edit of a squeeze_excitation may resize fc1 and fc2 and replace its activation and gate, nothing else
#include <netcount/edit.hpp>
#include <netcount/netcount.hpp>
namespace nc = netcount;

struct net : nc::network<nc::input<7, 7, 16>, nc::squeeze_excitation<16, 4>> {};

#ifdef NETCOUNT_COMPILE_FAIL
static_assert(nc::weights<nc::replace<net, "squeeze_excitation1/global_avg_pool1", nc::global_max_pool>> > 0);
#else
static_assert(nc::weights<nc::replace<net, "squeeze_excitation1/sigmoid1", nc::relu>> == 128);
#endif
