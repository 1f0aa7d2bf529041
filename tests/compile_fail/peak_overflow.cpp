// Each count fits, but the live activations do not: a 2^32 x 2^32 x 2 input holds 2^65
// elements, which a global pool reads (its output, 2 elements, and the totals all fit). The
// peak of an inference run is a compile error, never a wrapped number; the twin's input,
// 2^16 x 2^16 x 2, holds 2^33 elements, and the peak is 2^33 + 2.
// expect: netcount: a count overflows 64 bits
#include <cstdint>

#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
constexpr std::size_t side = std::size_t{1} << 32;
constexpr std::uint64_t expected = 0;
#else
constexpr std::size_t side = std::size_t{1} << 16;
constexpr std::uint64_t expected = (std::uint64_t{1} << 33) + 2;
#endif

struct huge : nc::network<nc::input<side, side, 2>, nc::global_avg_pool> {};
static_assert(nc::activations<huge> == 2);
static_assert(nc::peak_activations<huge> == expected);
