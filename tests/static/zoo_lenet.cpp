// LeNet-5: the figures of LeCun et al. (1998), section II.B, per layer: trainable parameters
// and connections (counting, as the paper does, the bias as a connection), and the paper's
// total of 60,000 trainable parameters and 340,908 connections.
#include <netcount/zoo/lenet.hpp>

namespace nc = netcount;
using nc::zoo::lenet5;

// C1: 6 feature maps of 28 x 28; 156 trainable parameters and 122,304 connections.
static_assert(nc::layer<lenet5, "C1">.output == nc::shape{28, 28, 6});
static_assert(nc::layer<lenet5, "C1">.parameters == 156);
static_assert(nc::layer<lenet5, "C1">.connections_with_bias == 122'304);
// S2: 6 maps of 14 x 14; 12 trainable parameters and 5,880 connections.
static_assert(nc::layer<lenet5, "S2">.output == nc::shape{14, 14, 6});
static_assert(nc::layer<lenet5, "S2">.parameters == 12);
static_assert(nc::layer<lenet5, "S2">.connections_with_bias == 5'880);
// C3: 16 maps of 10 x 10; 1,516 trainable parameters and 151,600 connections.
static_assert(nc::layer<lenet5, "C3">.output == nc::shape{10, 10, 16});
static_assert(nc::layer<lenet5, "C3">.parameters == 1'516);
static_assert(nc::layer<lenet5, "C3">.connections_with_bias == 151'600);
// S4: 16 maps of 5 x 5; 32 trainable parameters and 2,000 connections.
static_assert(nc::layer<lenet5, "S4">.output == nc::shape{5, 5, 16});
static_assert(nc::layer<lenet5, "S4">.parameters == 32);
static_assert(nc::layer<lenet5, "S4">.connections_with_bias == 2'000);
// C5: 120 maps of 1 x 1; 48,120 trainable connections.
static_assert(nc::layer<lenet5, "C5">.output == nc::shape{1, 1, 120});
static_assert(nc::layer<lenet5, "C5">.parameters == 48'120);
static_assert(nc::layer<lenet5, "C5">.connections_with_bias == 48'120);
// F6: 84 units; 10,164 trainable parameters.
static_assert(nc::layer<lenet5, "F6">.units == 84);
static_assert(nc::layer<lenet5, "F6">.parameters == 10'164);
static_assert(nc::layer<lenet5, "F6">.connections_with_bias == 10'164);
// Output: 10 RBF units, each over the 84 F6 outputs, with fixed parameters.
static_assert(nc::layer<lenet5, "output">.units == 10);
static_assert(nc::layer<lenet5, "output">.parameters == 0);
static_assert(nc::layer<lenet5, "output">.connections == 840);

// "LeNet-5 ... contains ... 340,908 connections" and about 60,000 trainable parameters
// (the sum of the figures above is exactly 60,000).
static_assert(nc::parameters<lenet5> == 60'000);
static_assert(nc::connections_with_bias<lenet5> == 340'908);

// The table joins each C3 map to 3, 4 or 6 of the S2 maps: 6 * 3 + 9 * 4 + 6 = 60 links,
// so 60 * 25 = 1,500 weights and 16 biases.
static_assert(nc::zoo::lenet5_c3_table::links == 60);
static_assert(nc::layer<lenet5, "C3">.weights == 1'500);
static_assert(nc::layer<lenet5, "C3">.biases == 16);

// The units of the paper's Figure 2: 4,704 - 1,176 - 1,600 - 400 - 120 - 84 - 10.
static_assert(nc::layer<lenet5, "C1">.units == 4'704);
static_assert(nc::layer<lenet5, "S2">.units == 1'176);
static_assert(nc::layer<lenet5, "C3">.units == 1'600);
static_assert(nc::layer<lenet5, "S4">.units == 400);
