// layer<Net, "name"> with a name no layer has is rejected, spelling out the name.
// expect: netcount: no layer has this name
// expect: 'c', 'o', 'n', 'v', '9'
#include <netcount/netcount.hpp>
#include <netcount/zoo/alexnet.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
static_assert(nc::layer<nc::zoo::alexnet, "conv9">.weights > 0);
#else
static_assert(nc::layer<nc::zoo::alexnet, "conv5">.weights > 0);
#endif
