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
