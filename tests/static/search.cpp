// widest and largest_input: binary search by the compiler, checked by hand.
#include <netcount/netcount.hpp>
#include <netcount/search.hpp>
#include <netcount/zoo/alexnet.hpp>

namespace nc = netcount;
using nc::zoo::alexnet;

// The widest fc6 that keeps Krizhevsky et al. (2012)'s AlexNet (227 x 227 input, two towers as
// groups, no biases counted) under 20,000,000 weights. Of its 60,954,656 weights, fc6 holds
// 9216 * 4096 = 37,748,736 and fc7, which reads fc6, 4096 * 4096 = 16,777,216; the rest is
// 60,954,656 - 37,748,736 - 16,777,216 = 6,428,704. With N outputs in fc6:
//   6,428,704 + 9216 * N + 4096 * N = 6,428,704 + 13,312 * N <= 20,000,000
//   N <= 13,571,296 / 13,312 = 1019.5...
// N = 1019 gives 19,993,632 weights; N = 1020 gives 20,006,944.
constexpr nc::budget under_20m{.weights = 20'000'000};
static_assert(nc::widest<alexnet, "fc6", under_20m> == 1019);
static_assert(nc::weights<nc::resize<alexnet, "fc6", 1019>> == 19'993'632);
static_assert(nc::weights<nc::resize<alexnet, "fc6", 1020>> == 20'006'944);
// The whole interval fits: the answer is Max.
static_assert(nc::widest<alexnet, "fc6", nc::budget{}, 5000> == 5000);
// At the limit exactly: fc6's own 4096 outputs under AlexNet's own weights.
static_assert(nc::widest<alexnet, "fc6", nc::budget{.weights = 60'954'656}> == 4096);

// The largest input side for AlexNet's own connections: conv1 (11 x 11, stride 4, no padding)
// gives floor((S - 11) / 4) + 1 = 55 positions for every S from 227 to 230, and everything after
// it follows conv1's output; at 231 it gives 56. So 230.
static_assert(nc::largest_input<alexnet, nc::budget{.connections = 724'406'816}> == 230);
// Under 30,000,000 weights: only fc6 depends on the input, with 256 * P * P * 4096 weights for a
// P x P output of max_pool3; the other layers hold 34,848 + 307,200 + 884,736 + 663,552 +
// 442,368 (convolutions) + 16,777,216 + 4,096,000 (fc7, fc8) = 23,205,920. So
// 1,048,576 * P * P <= 6,794,080: P = 2. Going back through the pools (3 x 3, stride 2:
// floor((x - 3) / 2) + 1 <= 2 for x <= 6, <= 6 for x <= 14, <= 14 for x <= 30) and conv1
// (floor((S - 11) / 4) + 1 <= 30 for S <= 130): 130.
static_assert(nc::largest_input<alexnet, nc::budget{.weights = 30'000'000}> == 130);
// A multiple of a step: 128.
static_assert(nc::largest_input<alexnet, nc::budget{.weights = 30'000'000}, 32> == 128);
// The smallest valid side is 67 (conv1 15 x 15, the pools 7, 3 and 1): 24,254,496 weights, those
// above with fc6 reading 256 inputs. The search starts there; P stays 1 while max_pool2 gives
// at most 4 (x <= 4: max_pool1 at most 10, conv1 at most 22, S <= 98).
static_assert(nc::weights<nc::with_input<alexnet, 67, 67>> == 24'254'496);
static_assert(nc::largest_input<alexnet, nc::budget{.weights = 24'254'496}> == 98);
