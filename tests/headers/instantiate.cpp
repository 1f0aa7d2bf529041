// Header-only code warns only where it is instantiated: this file uses every query, edit and
// report on networks that reach every kind of layer (AlexNet, a residual block, a concat, a
// repeat, a named block, depthwise and transposed convolutions, LeNet-5's mapped_conv,
// subsample and rbf, a kind defined here, squeeze_excitation, an auxiliary head, upsample_back,
// multiply and a merge defined here; crop_concat, pad_concat, slice, pad_channels), so that the strict warning sets of
// tests/headers/CMakeLists.txt see the code a user's program instantiates. Compiling it
// without a warning is the test; the static_asserts keep it honest about what it compiled.
#include <netcount/edit.hpp>
#include <netcount/netcount.hpp>
#include <netcount/report.hpp>
#include <netcount/zoo.hpp>
#ifdef NETCOUNT_TEST_HANA
#include <boost/hana/equal.hpp>
#include <boost/hana/remove_if.hpp>
#include <netcount/hana.hpp>
#endif

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace nc = netcount;

namespace {

// A kind written outside the library: B x B blocks move into the channels.
template<std::size_t B>
struct space_to_depth {
    static constexpr std::string_view kind = "space_to_depth";
    static constexpr nc::layer_result apply(const nc::shape& in) noexcept {
        if (in.height % B != 0 || in.width % B != 0) return {.status = nc::error::invalid_input};
        return {.output = {in.height / B, in.width / B, in.channels * B * B},
                .window = {{.kernel = B, .stride = B}, {.kernel = B, .stride = B}}};
    }
};

// A merge written outside the library: BiFPN's weighted fusion, one learned weight per path.
template<class... Paths>
struct weighted_fusion {
    static constexpr std::string_view kind = "weighted_fusion";
    static constexpr nc::layer_result merge(std::span<const nc::shape> paths) noexcept {
        for (const nc::shape& p : paths)
            if (p != paths[0]) return {.status = nc::error::paths_mismatch};
        return {.output = paths[0], .parameters = paths.size()};
    }
};

using c3 = nc::conv<16, nc::kernel<3>, nc::same>;

// 32 x 32 x 3 -> stem 32 x 32 x 16 -> two residual blocks -> concat of 8 + 8 + 16 channels
// -> depthwise (multiplier 2) 32 x 32 x 64 -> transposed, (32 - 1) * 2 - 2 + 3 + 1 = 64:
// 64 x 64 x 8 -> space_to_depth<2> 32 x 32 x 32 -> pools down to 1 x 1 x 32 -> fc 10.
struct mixed
    : nc::network<nc::input<32, 32, 3>, nc::conv<16, nc::kernel<3>, nc::same, nc::name<"stem">>, nc::batch_norm,
                  nc::relu6, nc::squeeze_excitation<16, 4>, nc::auxiliary<nc::global_avg_pool, nc::fc<3>>,
                  nc::upsample_back<nc::max_pool<nc::kernel<2>>, nc::conv<16, nc::kernel<1>>>,
                  nc::multiply<nc::identity, nc::conv<1, nc::kernel<1>>>, weighted_fusion<nc::identity, c3>,
                  nc::repeat<2, nc::residual<c3, nc::relu, c3>>,
                  nc::concat<nc::name<"mix">, nc::conv<8, nc::kernel<1>>,
                             nc::sequence<nc::max_pool<nc::kernel<3>, nc::stride<1>, nc::pad<1>>,
                                          nc::conv<8, nc::kernel<1, 1>, nc::no_bias>>,
                             nc::identity>,
                  nc::depthwise_conv<nc::kernel<3>, nc::multiplier<2>, nc::same>, nc::sigmoid,
                  nc::transposed_conv<8, nc::kernel<4>, nc::stride<2>, nc::pad<1>>, nc::tanh, space_to_depth<2>,
                  nc::avg_pool<nc::kernel<2>, nc::ceil_mode>, nc::adaptive_avg_pool<4>, nc::adaptive_max_pool<2, 2>,
                  nc::global_max_pool, nc::flatten, nc::dropout, nc::fc<10, nc::name<"head">>, nc::softmax> {};

static_assert(nc::output_shape<mixed> == nc::shape{1, 1, 10});
static_assert(nc::layer<mixed, "head">.weights == 32 * 10);

template<class Net>
std::string everything() {
    constexpr nc::counts totals = nc::totals<Net>;
    constexpr std::uint64_t sum = nc::units<Net> + nc::weights<Net> + nc::biases<Net> + nc::parameters<Net> +
                                  nc::connections<Net> + nc::connections_with_bias<Net> + nc::activations<Net> +
                                  nc::flops<Net>;
    static_assert(sum > totals.weights);
    constexpr nc::memory_use bytes = nc::memory<Net, float, 2>;
    static_assert(nc::within_budget<Net, nc::budget{.weights = 100'000'000, .connections = 2'000'000'000}>);
    constexpr nc::shape in = nc::input_shape<Net>, out = nc::output_shape<Net>;
    static_assert(in.height > 0 && out.channels > 0 && bytes.parameter_bytes > 0);
    std::string text;
    for (const nc::layer_info& l : nc::layers<Net>) text += std::string(l.name) + std::string(l.kind);
    for (const nc::share_of s :
         {nc::share_of::none, nc::share_of::weights, nc::share_of::connections, nc::share_of::parameters}) {
        text += nc::to_table<Net>({.all_layers = true, .share = s});
        text += nc::to_markdown<Net>({.share = s, .bar_width = 10});
    }
    text += nc::to_csv<Net>() + nc::to_json<Net>();
    text += nc::to_svg<Net>() + nc::to_svg<Net>({.scale = nc::axis_scale::log, .all_layers = true, .title = "t"});
    text += nc::to_dot<Net>() + nc::to_dot<Net>({.all_layers = false});
    text += nc::to_table<Net>({.live_activations = true, .input = true, .kernel = true}) +
            nc::to_markdown<Net>({.all_layers = true, .input = true, .kernel = true});
    text += nc::to_summary<Net>() + nc::to_summary<Net, std::int8_t>({.all_layers = false});
    return text;
}

// Issue 16's merges and channel reshapes: a U-Net level (crop_concat), a padded one
// (pad_concat), GCNet's broadcasting add, ENet's pad_channels and GhostNet's slice.
struct resized_merges
    : nc::network<nc::input<20, 19, 3>, nc::conv<8, nc::kernel<3>>,
                  nc::crop_concat<nc::name<"level2">, nc::identity,
                                  nc::sequence<nc::max_pool<nc::kernel<2>>, nc::conv<16, nc::kernel<3>>,
                                               nc::transposed_conv<8, nc::kernel<2>, nc::stride<2>>>>,
                  nc::pad_concat<nc::identity, nc::sequence<nc::max_pool<nc::kernel<2>>,
                                                            nc::transposed_conv<4, nc::kernel<2>, nc::stride<2>>>>,
                  nc::add<nc::identity, nc::sequence<nc::global_avg_pool, nc::conv<20, nc::kernel<1>>>>,
                  nc::pad_channels<24>, nc::slice<2, 22>, nc::conv<2, nc::kernel<1>>> {};
// 18 x 17 x 8; pooled 9 x 8, conv 7 x 6, up 14 x 12 x 8, cropped stack 14 x 12 x 16; pooled
// 7 x 6, up 14 x 12 x 4, stack 14 x 12 x 20; padded to 24, sliced to 20, a 1 x 1 conv to 2.
static_assert(nc::output_shape<resized_merges> == nc::shape{14, 12, 2});

using mixed_lean =
    nc::resize<nc::replace<mixed, "stem", nc::conv<16, nc::kernel<5>, nc::same, nc::name<"stem">>>, "head", 5>;
static_assert(nc::layer<mixed_lean, "head">.weights == 32 * 5);

// The stem's batch_norm folds into it: the stem has its bias already, so the network loses the
// norm's 2 * 16 parameters.
using mixed_folded = nc::fold_batch_norm<mixed>;
static_assert(nc::parameters<mixed_folded> == nc::parameters<mixed> - 32);

// The schedule's other rules: mixed has no depthwise convolution, so in place changes nothing.
static_assert(nc::peak_activations<mixed, nc::schedule{.in_place_depthwise = true}> == nc::peak_activations<mixed>);
static_assert(nc::memory<mixed, float, 1, nc::schedule{.in_place_depthwise = true}> == nc::memory<mixed, float>);
static_assert(nc::layers<mixed, nc::schedule{.in_place_depthwise = true}>.size() == nc::layers<mixed>.size());
// TFLM's plan of mixed: its head holds at least the largest tensor, the 32 x 32 x 16 stem.
static_assert(nc::tflm_arena<mixed>.head_bytes >= 32 * 32 * 16);
static_assert(nc::tflm_arena<mixed, float>.live_peak_bytes <= nc::tflm_arena<mixed, float>.head_bytes);

// The searches and fits on the network with every kind (widest_scale on AlexNet: scale_width
// does not know space_to_depth). What is instantiated matters here; every budget holds the
// largest candidate, so each answer is Max (or Den), but one. tests/static/search.cpp checks
// the answers.
static_assert(nc::fits<mixed, nc::budget{.peak_activations = 1'000'000}>);
static_assert(nc::widest<mixed, "head", nc::budget{}, 64> == 64);
static_assert(nc::widest<mixed, "head", nc::budget{.parameters = nc::parameters<mixed>}> == 10); // its own
static_assert(nc::largest_input<mixed, nc::budget{}, 32, 64> == 64);
static_assert(nc::largest_height<mixed, nc::budget{.peak_activations = 100'000'000}, 32, 64> == 64);
static_assert(nc::largest_width<mixed, nc::budget{.layer_weights = 100'000}, 32, 64> == 64);
static_assert(nc::widest_scale<nc::zoo::alexnet, nc::budget{}, 4> == 4);

#ifdef NETCOUNT_TEST_HANA
namespace hana = boost::hana;
constexpr auto without_dropout =
    hana::remove_if(nc::element_types<nc::zoo::alexnet>, hana::equal.to(hana::type_c<nc::dropout>));
using alexnet_no_dropout = nc::network_with<nc::zoo::alexnet, decltype(without_dropout)>;
static_assert(nc::weights<alexnet_no_dropout> == nc::weights<nc::zoo::alexnet>);
#endif

} // namespace

int main() {
    std::string all = everything<nc::zoo::alexnet>() + everything<mixed>() + everything<mixed_lean>() +
                      everything<nc::zoo::lenet5>() + everything<nc::zoo::resnet18>() + everything<resized_merges>() +
                      std::string(nc::message(nc::error::count_overflow));
    return all.empty() ? 1 : 0;
}
