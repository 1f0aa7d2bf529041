// upsample_to<H, W> needs an output of at least one row and one column (PyTorch: "Input and
// output sizes should be greater than 0").
// expect: netcount: a layer needs at least one filter or output
// expect: zero_outputs, 0,
// expect: 'u', 'p', 's', 'a', 'm', 'p', 'l', 'e', '_', 't', 'o', '1'
#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
constexpr std::size_t width = 0;
#else
constexpr std::size_t width = 3;
#endif

struct net : nc::network<nc::input<7, 5, 48>, nc::upsample_to<14, width>> {};
static_assert(nc::output_shape<net> == nc::shape{14, 3, 48});
