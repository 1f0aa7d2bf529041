// chunk<Index, Count> numbers its slices from 0: chunk<2, 2> does not exist.
// expect: netcount: a chunk's index must be below the number of chunks
// expect: chunk_index_out_of_range, 1,
// expect: {7, 5, 48}
// expect: 'c', 'o', 'n', 'c', 'a', 't', '1', '/', 'c', 'h', 'u', 'n', 'k', '2'
#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
constexpr std::size_t second = 2;
#else
constexpr std::size_t second = 1;
#endif

struct net : nc::network<nc::input<7, 5, 48>, nc::concat<nc::chunk<0, 2>, nc::chunk<second, 2>>> {};
static_assert(nc::output_shape<net> == nc::shape{7, 5, 48});
