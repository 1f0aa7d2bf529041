// Budgets: within_budget holds when every limit given holds, and says nothing of figures left
// out. Figures from AlexNet's hand-worked table (Krizhevsky et al. 2012 at 227 x 227, towers as
// groups, without biases).
#include <netcount/netcount.hpp>
#include <netcount/zoo/alexnet.hpp>

namespace nc = netcount;
using nc::zoo::alexnet;

static_assert(nc::within_budget<alexnet, nc::budget{.weights = 60'954'656}>); // exactly at the limit
static_assert(nc::within_budget<alexnet, nc::budget{.weights = 61'000'000, .connections = 725'000'000}>);
static_assert(nc::within_budget<alexnet, nc::budget{}>);
static_assert(nc::within_budget<alexnet, nc::budget{.units = 659'272, .parameters = 60'965'224}>);

// The figures budget gained, each exactly at its limit (from outside the code: the seed's
// table for AlexNet; its peak by hand in peak.cpp):
//   FLOPs: 2 * 724,406,816 = 1,448,813,632
//   peak activations: 580,800 (lrn1)
//   the most weights in one layer: fc6, 9216 * 4096 = 37,748,736; parameters 37,752,832
//   the most connections in one layer: conv2, 223,948,800
//   the most activations in one layer: conv1, relu1 and lrn1, 55 * 55 * 96 = 290,400
static_assert(nc::within_budget<alexnet, nc::budget{.flops = 1'448'813'632}>);
static_assert(nc::within_budget<alexnet, nc::budget{.peak_activations = 580'800}>);
static_assert(nc::within_budget<alexnet, nc::budget{.layer_weights = 37'748'736, .layer_parameters = 37'752'832}>);
static_assert(nc::within_budget<alexnet, nc::budget{.layer_connections = 223'948'800, .layer_activations = 290'400}>);
// The old fields keep their order, so existing budgets read as before, and the new ones mix
// with them.
static_assert(nc::within_budget<alexnet, nc::budget{.weights = 61'000'000,
                                                    .connections = 725'000'000,
                                                    .flops = 1'450'000'000,
                                                    .peak_activations = 1'000'000,
                                                    .layer_weights = 40'000'000}>);

// int8 on a microcontroller: elements are bytes. 256 KB of SRAM for activations and 1 MB of
// flash for parameters are budgets of 262,144 and 1,048,576 numbers. A 32 x 32 x 3 input, a
// 3 x 3 conv of 16 (32 x 32 x 16 = 16,384 out; 3,072 + 16,384 = 19,456 live), relu in place,
// a 2 x 2 pool (16 x 16 x 16 = 4,096; 20,480 live), global pooling and an fc of 10:
// parameters 3 * 3 * 3 * 16 + 16 + 16 * 10 + 10 = 618.
struct tiny_int8 : nc::network<nc::input<32, 32, 3>, nc::conv<16, nc::kernel<3>, nc::same>, nc::relu,
                               nc::max_pool<nc::kernel<2>>, nc::global_avg_pool, nc::fc<10>> {};
static_assert(nc::peak_activations<tiny_int8> == 20'480);
static_assert(nc::parameters<tiny_int8> == 618);
static_assert(nc::within_budget<tiny_int8, nc::budget{.parameters = 1024 * 1024, .peak_activations = 256 * 1024}>);
static_assert(nc::within_budget<tiny_int8, nc::budget{.peak_activations = 20'480}>);

// ---------------------------------------------------------------------------------------------
// Auxiliary heads (training only) against budgets: a limit counts a head's figures as the totals
// do (detail::contribution): its weights and parameters, which are stored, not its units,
// connections, FLOPs or activations, which inference never computes. By hand, on a 4 x 4 x 2
// input (32 elements, 16 positions):
//   0 head/wide  auxiliary, conv 1 x 1 of 8: 2 * 8 = 16 weights, 8 biases, 24 parameters;
//                4 * 4 * 8 = 128 units and activations, 16 * 16 = 256 connections
//   1 main       conv 1 x 1 of 2: 2 * 2 = 4 weights, 2 biases, 6 parameters; 32 units and
//                activations, 4 * 16 = 64 connections
// Totals: units 32, weights 20, biases 10, parameters 30, connections 64 (FLOPs 128),
// activations 32. The head has the most of every figure, but only its weights and parameters
// are in the totals.
struct headed
    : nc::network<nc::input<4, 4, 2>, nc::auxiliary<nc::name<"head">, nc::conv<8, nc::kernel<1>, nc::name<"wide">>>,
                  nc::conv<2, nc::kernel<1>, nc::name<"main">>> {};
static_assert(nc::totals<headed> == nc::counts{.units = 32,
                                               .weights = 20,
                                               .biases = 10,
                                               .parameters = 30,
                                               .connections = 64,
                                               .connections_with_bias = 64 + 32,
                                               .activations = 32});
// Per-layer limits on connections and activations: main's 64 and 32 are the most that run.
static_assert(nc::within_budget<headed, nc::budget{.layer_connections = 64, .layer_activations = 32}>);
// Per-layer limits on weights and parameters: the head's 16 and 24 are stored, so they count.
static_assert(nc::detail::budget_verdict<headed, nc::budget{.layer_weights = 15}>().exceeded);
static_assert(nc::detail::budget_verdict<headed, nc::budget{.layer_weights = 15}>().actual == 16);
static_assert(nc::detail::budget_verdict<headed, nc::budget{.layer_parameters = 23}>().layer == 0);
static_assert(nc::within_budget<headed, nc::budget{.layer_weights = 16, .layer_parameters = 24}>);
// The layer an over-budget total names is the one with the most of what the total holds: main
// for units, connections, FLOPs and activations; the head for weights and parameters.
static_assert(nc::detail::largest_layer(nc::layers<headed>, nc::budget_figure::units) == "main");
static_assert(nc::detail::largest_layer(nc::layers<headed>, nc::budget_figure::connections) == "main");
static_assert(nc::detail::largest_layer(nc::layers<headed>, nc::budget_figure::flops) == "main");
static_assert(nc::detail::largest_layer(nc::layers<headed>, nc::budget_figure::activations) == "main");
static_assert(nc::detail::largest_layer(nc::layers<headed>, nc::budget_figure::weights) == "head/wide");
static_assert(nc::detail::largest_layer(nc::layers<headed>, nc::budget_figure::parameters) == "head/wide");

// The rule and the engine agree: totals<Net> is the sum of every entry's contribution, for heads
// anywhere: adjacent, nested, a head as a merge's path, a head inside a merge's path, a head
// inside a residual (and Inception v3's AuxLogits, in tests/static/zoo_inception.cpp).
template<class Net>
constexpr bool totals_are_contributions() {
    nc::counts sum{};
    for (const nc::layer_info& l : nc::layers<Net>) {
        const nc::counts c = nc::detail::contribution(l);
        sum = {.units = sum.units + c.units,
               .weights = sum.weights + c.weights,
               .biases = sum.biases + c.biases,
               .parameters = sum.parameters + c.parameters,
               .connections = sum.connections + c.connections,
               .connections_with_bias = sum.connections_with_bias + c.connections_with_bias,
               .activations = sum.activations + c.activations};
    }
    return sum == nc::totals<Net>;
}
struct heads_anywhere
    : nc::network<nc::input<4, 4, 2>, nc::auxiliary<nc::conv<8, nc::kernel<1>>>, nc::auxiliary<nc::flatten, nc::fc<5>>,
                  nc::auxiliary<nc::conv<4, nc::kernel<1>>, nc::auxiliary<nc::flatten, nc::fc<3>>, nc::relu>,
                  nc::concat<nc::auxiliary<nc::conv<3, nc::kernel<1>>>,
                             nc::sequence<nc::conv<2, nc::kernel<1>>, nc::auxiliary<nc::flatten, nc::fc<7>>>>,
                  nc::residual<nc::auxiliary<nc::conv<9, nc::kernel<3>>>, nc::conv<4, nc::kernel<1>>>,
                  nc::global_avg_pool, nc::fc<3>> {};
static_assert(totals_are_contributions<headed>());
static_assert(totals_are_contributions<heads_anywhere>());
