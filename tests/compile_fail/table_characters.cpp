// A connection table holds only 'X', '.' and ' '.
// expect: netcount: a connection table holds 'X' (connected) and '.' or ' ' (not connected)
#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
using table = nc::connection_table<"XX.", ".X1">;
#else
using table = nc::connection_table<"XX.", ".X ">;
#endif

static_assert(table::links == 3);
