// A side of 2^33 (the smallest multiple of Step = 2^33) gives the 3 x 3 conv 1728 * 2^66
// connections: over 64 bits, so over any budget, and so is every larger side. Nothing can be
// counted: the error says so and names that side. The twin's Step of 2^20 allows sides up to
// 98 * 2^20 (tests/static/search.cpp).
// expect: netcount: largest_input: every input side up to Max is invalid or has a count over 64 bits
// expect: 8589934592
#include <cstddef>
#include <limits>

#include <netcount/netcount.hpp>
#include <netcount/search.hpp>
namespace nc = netcount;

struct stem : nc::network<nc::input<227, 227, 3>, nc::conv<64, nc::kernel<3>, nc::pad<1>, nc::no_bias>> {};

#ifdef NETCOUNT_COMPILE_FAIL
constexpr std::size_t step = std::size_t{1} << 33;
#else
constexpr std::size_t step = std::size_t{1} << 20;
#endif

static_assert(nc::largest_input<stem, nc::budget{}, step, std::numeric_limits<std::size_t>::max()> >= step);
