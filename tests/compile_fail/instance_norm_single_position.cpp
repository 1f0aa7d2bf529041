// An instance_norm on a 1 x 1 map has one position to normalise each channel over: PyTorch
// 1.13 refuses InstanceNorm2d(8) there even in eval mode ("Expected more than 1 spatial element
// when training"). The twin's map is 1 x 2 (a 3 x 2 input through a 3 x 1 conv), which torch
// runs; instance_norm<> learns nothing: the conv's 3 * 1 * 2 * 8 weights and 8 biases alone.
// expect: netcount: instance_norm needs more than one position (height * width > 1) to normalise over
// expect: single_spatial_element, 1,
// expect: {1, 1, 8}
// expect: 'i', 'n', 's', 't', 'a', 'n', 'c', 'e', '_', 'n', 'o', 'r', 'm', '1'
#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
constexpr std::size_t width = 1;
#else
constexpr std::size_t width = 2;
#endif

struct net : nc::network<nc::input<3, width, 2>, nc::conv<8, nc::kernel<3, 1>>, nc::instance_norm<>> {};
static_assert(nc::parameters<net> == 3 * 1 * 2 * 8 + 8);
