// A generated chain of 2,000 layers compiles under the compilers' default limits: counting is
// a loop over an array made by pack expansion, never recursion over the layer list.
#include "chain_2000.hpp"

namespace nc = netcount;

// 1,000 blocks of conv<8, kernel<3>, same> and relu on 32 x 32 x 8:
// each conv keeps 32 x 32 x 8 and has 3 * 3 * 8 * 8 = 576 weights, 8 biases,
// 576 * 32 * 32 = 589,824 connections and 32 * 32 * 8 = 8,192 units.
static_assert(nc::layers<chain_2000>.size() == 2000);
static_assert(nc::weights<chain_2000> == 576'000);
static_assert(nc::biases<chain_2000> == 8'000);
static_assert(nc::parameters<chain_2000> == 584'000);
static_assert(nc::connections<chain_2000> == 589'824'000);
static_assert(nc::units<chain_2000> == 8'192'000);
static_assert(nc::output_shape<chain_2000> == nc::shape{32, 32, 8});
static_assert(nc::layers<chain_2000>[1998].name == "conv1000");
static_assert(nc::layer<chain_2000, "relu1000">.output == nc::shape{32, 32, 8});
