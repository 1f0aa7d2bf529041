// widest_scale scales by many multipliers, and a layer scale_width does not know (a kind of the
// user's own without a scaled_width) is one error, not one per candidate, and no search follows
// (once 11 errors and 21 KB on clang, the last a false "over budget"). The twin says how the
// kind scales: at k / 16, conv1's 16 filters become k and gated_mix's 8 outputs floor(k / 2);
// fc1, the last layer with weights, keeps its 10. Weights: 4 * k + 8 * 8 * floor(k / 2) * 10;
// under 2,000: k = 7 (28 + 1,920 = 1,948; 8 gives 32 + 2,560 = 2,592).
// expect: netcount: scale_width does not know this layer's width
// absent: over budget
#include <netcount/netcount.hpp>
#include <netcount/search.hpp>
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

struct net : nc::network<nc::input<8, 8, 4>, nc::conv<16, nc::kernel<1>, nc::no_bias>, gated_mix<8>, nc::flatten,
                         nc::fc<10, nc::no_bias>> {};
static_assert(nc::widest_scale<net, nc::budget{.weights = 2'000}, 16> == 7);
