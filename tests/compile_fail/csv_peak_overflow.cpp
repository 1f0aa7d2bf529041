// A CSV report has a live_activations column: a network whose live activations pass 2^64 (a
// 2^32 x 2^32 x 2 input, 2^65 elements, read by a global pool whose output and totals fit) is a
// compile error there too, never a column of UINT64_MAX. The twin's 2^16 x 2^16 x 2 input
// holds 2^33 elements.
// expect: netcount: a count overflows 64 bits
#include <cstdint>
#include <string>

#include <netcount/netcount.hpp>
#include <netcount/report/csv.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
constexpr std::size_t side = std::size_t{1} << 32;
#else
constexpr std::size_t side = std::size_t{1} << 16;
#endif

struct huge : nc::network<nc::input<side, side, 2>, nc::global_avg_pool> {};
static_assert(nc::activations<huge> == 2);
std::string csv() { return nc::to_csv<huge>(); }
