// Eight 2 x 2 poolings and eight 2x upsamplings beside the identity, then a concat: valid only
// at sides that are multiples of 2^8 = 256. To prove the largest side that fits at Step = 1,
// the search would have to see that the 255 sides after it are invalid, more than it counts
// (search_probes): it stops with what it knows, and every valid side it met is a multiple of
// 256, the Step it suggests. The budget: no layer above 2,000,000 outputs; the largest is the
// concat's S x S x 2, so S <= 1000. The twin passes Step = 256 and finds 768 (1,024 gives the
// concat 2,097,152 outputs).
// expect: netcount: largest_input: valid sides are not contiguous and too far apart to check one by one; pass Step = Multiple
// expect: , 256>
#include <netcount/netcount.hpp>
#include <netcount/search.hpp>
namespace nc = netcount;

using pool2 = nc::max_pool<nc::kernel<2>>;
using up2 = nc::upsample<2>;
struct net : nc::network<nc::input<256, 256, 1>,
                         nc::concat<nc::identity, nc::sequence<nc::repeat<8, pool2>, nc::repeat<8, up2>>>> {};

#ifdef NETCOUNT_COMPILE_FAIL
constexpr std::size_t step = 1;
#else
constexpr std::size_t step = 256;
#endif

static_assert(nc::largest_input<net, nc::budget{.layer_activations = 2'000'000}, step> == 768);
