// A connection table must have a row per input map and a column per filter.
// expect: netcount: the connection table does not match the input maps and filters
// expect: table_mismatch, 1,
// expect: 'C', '3'
#include <netcount/netcount.hpp>
namespace nc = netcount;

using table = nc::connection_table<"XX.", ".XX", "X.X">; // 3 input maps, 3 filters
#ifdef NETCOUNT_COMPILE_FAIL
constexpr std::size_t maps = 4;
#else
constexpr std::size_t maps = 3;
#endif

struct net : nc::network<nc::input<12, 12, 1>, nc::conv<maps, nc::kernel<3>>,
                         nc::mapped_conv<3, table, nc::kernel<3>, nc::name<"C3">>> {};
static_assert(nc::weights<net> > 0);
