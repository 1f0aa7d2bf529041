// largest_height of a 49 x 10 spectrogram network, the width kept: 72 + 768 * (H - 2) weights
// (tests/static/search.cpp). H = 1 and 2 are too small for the 3 x 3 conv; H = 3, the smallest
// valid height, holds 840, over 839: nothing fits. The twin's 840 fits H = 3 exactly.
// expect: netcount: largest_height: the network is over budget even at the smallest input height that is valid
// expect: 840
// expect: 839
#include <netcount/netcount.hpp>
#include <netcount/search.hpp>
namespace nc = netcount;

struct keyword
    : nc::network<nc::input<49, 10, 1>, nc::conv<8, nc::kernel<3>, nc::no_bias>, nc::flatten, nc::fc<12, nc::no_bias>> {
};

#ifdef NETCOUNT_COMPILE_FAIL
constexpr std::uint64_t limit = 839;
#else
constexpr std::uint64_t limit = 840;
#endif

static_assert(nc::largest_height<keyword, nc::budget{.weights = limit}> == 3);
