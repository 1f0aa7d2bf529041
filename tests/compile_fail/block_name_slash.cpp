// A block's name keeps the same rule as a layer's: '/' separates the levels of its layers' paths.
// expect: netcount: a name must not contain '/', which separates the levels of a block path
// expect: rejected_name<netcount::name_problem::slash, 's', 't', 'a', 'g', 'e', '/', '1'>
#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
using block = nc::residual<nc::name<"stage/1">, nc::conv<3, nc::kernel<1>>>;
#else
using block = nc::residual<nc::name<"stage_1">, nc::conv<3, nc::kernel<1>>>;
#endif

struct net : nc::network<nc::input<4, 4, 3>, block> {};
static_assert(nc::layers<net>[0].name == "stage_1/conv1");
