// An upsampling factor of 0 is rejected (PyTorch: "Input and output sizes should be greater
// than 0").
// expect: netcount: upsampling factors must be positive
// expect: zero_scale_factor, 1,
// expect: {5, 5, 8}
// expect: 'u', 'p', 's', 'a', 'm', 'p', 'l', 'e', '1'
#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
constexpr std::size_t factor = 0;
#else
constexpr std::size_t factor = 1;
#endif

struct net : nc::network<nc::input<5, 5, 8>, nc::conv<8, nc::kernel<1>>, nc::upsample<2, factor>> {};
static_assert(nc::output_shape<net> == nc::shape{10, 5, 8});
