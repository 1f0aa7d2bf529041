// A layer kind of one's own may return a shape with a zero dimension; the next conv would count
// 0 weights. The shape is checked where it is made: the error names the layer that produced
// it, here inside a block, and shows the shape it received. keep_every<4> keeps one channel
// in four: none of 3.
// expect: netcount: the layer outputs a shape with a zero height, width or channel count
// expect: empty_output, 1,
// expect: {8, 8, 3}
// expect: 'm', 'i', 'x', '/', 'k', 'e', 'e', 'p', '_', 'e', 'v', 'e', 'r', 'y', '1'
#include <netcount/netcount.hpp>
namespace nc = netcount;

struct keep_every_4th {
    static constexpr std::string_view kind = "keep_every";
    static constexpr nc::layer_result apply(const nc::shape& in) noexcept {
        return {.output = {in.height, in.width, in.channels / 4}};
    }
};

#ifdef NETCOUNT_COMPILE_FAIL
constexpr std::size_t channels = 3;
#else
constexpr std::size_t channels = 4;
#endif

struct net
    : nc::network<nc::input<8, 8, channels>, nc::concat<nc::name<"mix">, nc::conv<2, nc::kernel<1>>,
                                                        nc::sequence<keep_every_4th, nc::conv<2, nc::kernel<1>>>>> {};
static_assert(nc::weights<net> > 0);
