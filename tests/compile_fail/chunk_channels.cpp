// chunk<Index, Count> takes Count equal slices of the channels: 48 channels do not make 5 (where
// torch.chunk would make the last slice smaller).
// expect: netcount: input channels are not divisible by the number of chunks
// expect: channels_not_divisible_by_chunks, 0,
// expect: {7, 5, 48}
// expect: 'c', 'o', 'n', 'c', 'a', 't', '1', '/', 'c', 'h', 'u', 'n', 'k', '1'
#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
constexpr std::size_t count = 5;
#else
constexpr std::size_t count = 4;
#endif

struct net : nc::network<nc::input<7, 5, 48>, nc::concat<nc::chunk<0, count>, nc::chunk<1, count>>> {};
static_assert(nc::output_shape<net>.height == 7);
