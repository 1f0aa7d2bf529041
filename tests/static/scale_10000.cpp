// A generated chain of 10,000 layers: its totals compile under both compilers' default limits
// (clang's 1,048,576 constexpr steps, g++'s 2^25 operations), as a budget check in a header
// would use them. bench/ measures what it costs.
#include "chain_10000.hpp"

namespace nc = netcount;

// 5,000 blocks of conv<8, kernel<3>, same> and relu on 32 x 32 x 8; per conv, as in
// scale.cpp: 576 weights, 8 biases, 589,824 connections, 8,192 units.
static_assert(nc::weights<chain_10000> == 2'880'000);         // 5,000 * 576
static_assert(nc::biases<chain_10000> == 40'000);             // 5,000 * 8
static_assert(nc::connections<chain_10000> == 2'949'120'000); // 5,000 * 589,824
static_assert(nc::units<chain_10000> == 40'960'000);          // 5,000 * 8,192
static_assert(nc::activations<chain_10000> == 81'920'000);    // 10,000 layers * 8,192 outputs
static_assert(nc::output_shape<chain_10000> == nc::shape{32, 32, 8});
