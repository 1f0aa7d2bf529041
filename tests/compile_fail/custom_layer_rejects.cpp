// A layer kind defined outside the library rejects an input through layer_result::status,
// and the diagnostic names it like any built-in layer.
// expect: netcount: the layer cannot take an input of this shape
// expect: invalid_input, 0,
// expect: {7, 8, 3}
// expect: 's', 'p', 'a', 'c', 'e', '_', 't', 'o', '_', 'd', 'e', 'p', 't', 'h', '1'
#include <netcount/netcount.hpp>
namespace nc = netcount;

struct space_to_depth {
    static constexpr std::string_view kind = "space_to_depth";
    static constexpr nc::layer_result apply(const nc::shape& in) noexcept {
        if (in.height % 2 != 0 || in.width % 2 != 0) return {.status = nc::error::invalid_input};
        return {.output = {in.height / 2, in.width / 2, in.channels * 4}};
    }
};

#ifdef NETCOUNT_COMPILE_FAIL
constexpr std::size_t height = 7;
#else
constexpr std::size_t height = 8;
#endif

struct net : nc::network<nc::input<height, 8, 3>, space_to_depth, nc::conv<8, nc::kernel<1>>> {};
static_assert(nc::weights<net> > 0);
