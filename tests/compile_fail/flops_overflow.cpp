// flops<Net> is two per connection, checked: 2^32 inputs and 2^31 outputs make 2^63
// connections, which fit, and 2^64 flops, which do not.
// expect: netcount: a count overflows 64 bits
#include <cstdint>

#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
constexpr std::uint64_t outputs = std::uint64_t{1} << 31;
#else
constexpr std::uint64_t outputs = (std::uint64_t{1} << 31) - 1; // 2^64 - 2^33 flops
#endif

struct net : nc::network<nc::input<1, 1, std::uint64_t{1} << 32>, nc::fc<outputs, nc::no_bias>> {};
static_assert(nc::connections<net> == outputs << 32);
static_assert(nc::flops<net> > 0);
