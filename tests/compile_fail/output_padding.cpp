// A transposed convolution's output padding must stay below its stride (or dilation), as in
// PyTorch.
// expect: netcount: output padding must be smaller than the stride or the dilation
// expect: output_padding_too_large, 0,
// expect: 'u', 'p'
#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
constexpr std::size_t extra = 2;
#else
constexpr std::size_t extra = 1;
#endif

struct net
    : nc::network<nc::input<8, 8, 4>,
                  nc::transposed_conv<4, nc::kernel<3>, nc::stride<2>, nc::output_padding<extra>, nc::name<"up">>> {};
static_assert(nc::weights<net> > 0);
