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

// Every auxiliary head keeps its own classifier, the last layer with weights of that head and
// not of a head inside it: two heads side by side (fc<10>, fc<5>), a head whose classifier
// (fc<7>) comes before a head nested in it (fc<3>), and a head on a path of a concat (fc<6>).
// The rest is halved: 16 -> 8, 8 -> 4 and 32 -> 16 (make_divisible with divisor 1: round half
// up, never below 0.9 of the exact value).
struct heads_scaled
    : nc::network<nc::input<8, 8, 4>, nc::conv<16, nc::kernel<1>>,
                  nc::auxiliary<nc::conv<8, nc::kernel<1>>, nc::flatten, nc::fc<10>>,
                  nc::auxiliary<nc::conv<8, nc::kernel<1>>, nc::flatten, nc::fc<5>>,
                  nc::auxiliary<nc::conv<8, nc::kernel<1>>, nc::flatten, nc::fc<7>, nc::auxiliary<nc::fc<3>>>,
                  nc::concat<nc::sequence<nc::auxiliary<nc::fc<6>>, nc::conv<8, nc::kernel<1>>>, nc::identity>,
                  nc::conv<32, nc::kernel<1>>, nc::flatten, nc::fc<10>> {};
static_assert(std::is_same_v<
              nc::scale_width<heads_scaled, 1, 2>,
              nc::network<nc::input<8, 8, 4>, nc::conv<8, nc::kernel<1>>,
                          nc::auxiliary<nc::conv<4, nc::kernel<1>>, nc::flatten, nc::fc<10>>,
                          nc::auxiliary<nc::conv<4, nc::kernel<1>>, nc::flatten, nc::fc<5>>,
                          nc::auxiliary<nc::conv<4, nc::kernel<1>>, nc::flatten, nc::fc<7>, nc::auxiliary<nc::fc<3>>>,
                          nc::concat<nc::sequence<nc::auxiliary<nc::fc<6>>, nc::conv<4, nc::kernel<1>>>, nc::identity>,
                          nc::conv<16, nc::kernel<1>>, nc::flatten, nc::fc<10>>>);
// A head that is all its network has (no layer with weights outside it) keeps its classifier.
struct head_alone : nc::network<nc::input<4, 4, 2>, nc::auxiliary<nc::conv<8, nc::kernel<1>>, nc::fc<3>>, nc::relu> {};
static_assert(
    std::is_same_v<nc::scale_width<head_alone, 1, 2>,
                   nc::network<nc::input<4, 4, 2>, nc::auxiliary<nc::conv<4, nc::kernel<1>>, nc::fc<3>>, nc::relu>>);
