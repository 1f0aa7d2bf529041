// A layer kind of one's own reports the window it slides (for receptive fields and the
// reports); a zero kernel, stride or dilation is no window, and is rejected like a zero
// stride given to a conv.
// expect: netcount: the layer reports a window with a zero kernel, stride or dilation
// expect: zero_window, 0,
// expect: 'b', 'l', 'u', 'r', '1'
#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
constexpr std::uint64_t stride = 0;
#else
constexpr std::uint64_t stride = 1;
#endif

struct blur { // a 3 x 3 blur that keeps the shape
    static constexpr std::string_view kind = "blur";
    static constexpr nc::layer_result apply(const nc::shape& in) noexcept {
        return {.output = in,
                .window = {{.kernel = 3, .stride = stride, .pad_begin = 1, .pad_end = 1},
                           {.kernel = 3, .stride = 1, .pad_begin = 1, .pad_end = 1}}};
    }
};

struct net : nc::network<nc::input<8, 8, 3>, blur, nc::conv<2, nc::kernel<1>>> {};
static_assert(nc::layers<net>[1].receptive_field.height.size == 3);
