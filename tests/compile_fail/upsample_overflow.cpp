// An upsampled size that does not fit in 64 bits is a compile error, not a wrapped number:
// 2^33 rows times 2^31 is 2^64.
// expect: netcount: a count overflows 64 bits
// expect: count_overflow, 0,
// expect: 'u', 'p', 's', 'a', 'm', 'p', 'l', 'e', '1'
#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
constexpr std::size_t rows = 1ull << 33;
#else // 2^32 * 2^31 = 2^63 still fits
constexpr std::size_t rows = 1ull << 32;
#endif

struct net : nc::network<nc::input<rows, 1, 1>, nc::upsample<(1ull << 31), 1>> {};
static_assert(nc::output_shape<net>.height == rows << 31);
