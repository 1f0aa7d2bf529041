// replace and resize: variants of a network as type transformations.
#include <type_traits>

#include <netcount/edit.hpp>
#include <netcount/netcount.hpp>
#include <netcount/zoo/alexnet.hpp>

namespace nc = netcount;
using nc::zoo::alexnet;

// The edit is exactly the type one would write by hand.
struct three : nc::network<nc::input<8, 8, 3>, nc::conv<4, nc::kernel<3>, nc::name<"a">>, nc::relu, nc::fc<10>> {};
static_assert(std::is_same_v<nc::replace<three, "a", nc::conv<2, nc::kernel<1>>>,
                             nc::network<nc::input<8, 8, 3>, nc::conv<2, nc::kernel<1>>, nc::relu, nc::fc<10>>>);
static_assert(
    std::is_same_v<nc::resize<three, "a", 6>,
                   nc::network<nc::input<8, 8, 3>, nc::conv<6, nc::kernel<3>, nc::name<"a">>, nc::relu, nc::fc<10>>>);
// Generated names work too: the fc is "fc1", the relu "relu1".
static_assert(
    std::is_same_v<nc::resize<three, "fc1", 7>,
                   nc::network<nc::input<8, 8, 3>, nc::conv<4, nc::kernel<3>, nc::name<"a">>, nc::relu, nc::fc<7>>>);
static_assert(
    std::is_same_v<nc::replace<three, "relu1", nc::tanh>,
                   nc::network<nc::input<8, 8, 3>, nc::conv<4, nc::kernel<3>, nc::name<"a">>, nc::tanh, nc::fc<10>>>);

// Inside blocks, by path; the blocks keep their names and options.
struct blocky
    : nc::network<nc::input<8, 8, 4>, nc::residual<nc::name<"r">, nc::conv<4, nc::kernel<3>, nc::same>, nc::relu>,
                  nc::concat<nc::conv<2, nc::kernel<1>>,
                             nc::sequence<nc::conv<2, nc::kernel<1>>, nc::conv<3, nc::kernel<3>, nc::same>>>,
                  nc::fc<2>> {};
static_assert(nc::layers<blocky>[4].name == "concat1/conv2"); // the sequence adds no level
static_assert(
    std::is_same_v<
        nc::resize<blocky, "concat1/conv2", 5>,
        nc::network<nc::input<8, 8, 4>, nc::residual<nc::name<"r">, nc::conv<4, nc::kernel<3>, nc::same>, nc::relu>,
                    nc::concat<nc::conv<2, nc::kernel<1>>,
                               nc::sequence<nc::conv<5, nc::kernel<1>>, nc::conv<3, nc::kernel<3>, nc::same>>>,
                    nc::fc<2>>>);
static_assert(std::is_same_v<
              nc::replace<blocky, "r/conv1", nc::conv<4, nc::kernel<1>>>,
              nc::network<nc::input<8, 8, 4>, nc::residual<nc::name<"r">, nc::conv<4, nc::kernel<1>>, nc::relu>,
                          nc::concat<nc::conv<2, nc::kernel<1>>,
                                     nc::sequence<nc::conv<2, nc::kernel<1>>, nc::conv<3, nc::kernel<3>, nc::same>>>,
                          nc::fc<2>>>);

// AlexNet's fc6 with 1024 outputs instead of 4096: fc6 loses 9216 * 3072 = 28,311,552 weights
// and fc7 reads 1024 inputs instead of 4096, 3072 * 4096 = 12,582,912 fewer. Weights were
// 60,954,656: 60,954,656 - 28,311,552 - 12,582,912 = 20,060,192. Connections fall by the same
// 40,894,464 (an fc's connections are its weights): 724,406,816 - 40,894,464 = 683,512,352.
using narrow_fc6 = nc::resize<alexnet, "fc6", 1024>;
static_assert(nc::layer<narrow_fc6, "fc6">.output == nc::shape{1, 1, 1024});
static_assert(nc::weights<narrow_fc6> == 20'060'192);
static_assert(nc::connections<narrow_fc6> == 683'512'352);
// Replacing with the same layer changes nothing, and the output keeps its 1000 classes.
static_assert(std::is_same_v<nc::replace<narrow_fc6, "fc6", nc::fc<1024, nc::name<"fc6">>>, narrow_fc6>);
static_assert(nc::output_shape<narrow_fc6> == nc::shape{1, 1, 1000});

// conv1 with 48 filters instead of 96: conv1 has 11 * 11 * 3 * 48 = 17,424 weights (half), and
// conv2 with 2 groups now reads 24 channels per group: 5 * 5 * 24 * 256 = 153,600 weights, half
// its 307,200. Weights: 60,954,656 - 17,424 - 153,600 = 60,783,632.
using fewer_conv1 = nc::resize<alexnet, "conv1", 48>;
static_assert(nc::layer<fewer_conv1, "conv2">.weights == 153'600);
static_assert(nc::weights<fewer_conv1> == 60'783'632);
// Connections: conv1 loses 17,424 * 55 * 55 = 52,707,600, conv2 loses 153,600 * 27 * 27 =
// 111,974,400: 724,406,816 - 164,682,000 = 559,724,816.
static_assert(nc::connections<fewer_conv1> == 559'724'816);

// Edits compose.
using narrow_fc = nc::resize<nc::resize<alexnet, "fc6", 1024>, "fc7", 1024>;
static_assert(nc::layer<narrow_fc, "fc7">.weights == 1024 * 1024);
static_assert(nc::layer<narrow_fc, "fc8">.weights == 1024 * 1000);
