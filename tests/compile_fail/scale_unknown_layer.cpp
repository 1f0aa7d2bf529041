// scale_width never passes over a layer it does not understand: a kind of the user's own
// that neither declares itself elementwise nor says how its width scales is an error. The
// twin says it with a specialisation of netcount::scaled_width.
// expect: netcount: scale_width does not know this layer's width
#include <netcount/netcount.hpp>
#include <netcount/scale.hpp>
namespace nc = netcount;

template<std::size_t Out>
struct gated_mix { // a layer with a width of its own: Out channels from any input
    static constexpr std::string_view kind = "gated_mix";
    static constexpr nc::layer_result apply(const nc::shape& in) noexcept {
        return {.output = {in.height, in.width, Out}};
    }
};

#ifndef NETCOUNT_COMPILE_FAIL
template<std::size_t Out, std::size_t Num, std::size_t Den, std::size_t Divisor>
struct nc::scaled_width<gated_mix<Out>, Num, Den, Divisor> {
    using type = gated_mix<Out * Num / Den>;
};
#endif

struct net : nc::network<nc::input<8, 8, 4>, nc::conv<16, nc::kernel<1>>, gated_mix<8>, nc::fc<10>> {};
static_assert(nc::layers<nc::scale_width<net, 1, 2>>[1].output.channels == 4);
