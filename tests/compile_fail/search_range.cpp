// A search's own arguments: Step 0 has no multiples. The twin's Step of 1 finds W = 13 under
// 50,000 weights (tests/static/search.cpp).
// expect: netcount: largest_width<Net, Budget, Step, Max> needs Step of at least 1 and Max of at least Step
#include <netcount/netcount.hpp>
#include <netcount/search.hpp>
namespace nc = netcount;

struct keyword
    : nc::network<nc::input<49, 10, 1>, nc::conv<8, nc::kernel<3>, nc::no_bias>, nc::flatten, nc::fc<12, nc::no_bias>> {
};

#ifdef NETCOUNT_COMPILE_FAIL
constexpr std::size_t step = 0;
#else
constexpr std::size_t step = 1;
#endif

static_assert(nc::largest_width<keyword, nc::budget{.weights = 50'000}, step> == 13);
