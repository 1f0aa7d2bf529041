// memory<Net, Element, Batch> and flops<Net>, by hand for AlexNet and a small network.
#include <cstdint>

#include <netcount/netcount.hpp>
#include <netcount/zoo/alexnet.hpp>

namespace nc = netcount;
using nc::zoo::alexnet;

// AlexNet's activations: the output of every entry of layers<Net>, the input not included.
//   conv1, relu1, lrn1      3 * 55 * 55 * 96  = 3 * 290,400 =   871,200
//   max_pool1               27 * 27 * 96                    =    69,984
//   conv2, relu2, lrn2      3 * 27 * 27 * 256 = 3 * 186,624 =   559,872
//   max_pool2               13 * 13 * 256                   =    43,264
//   conv3, relu3, conv4, relu4  4 * 13 * 13 * 384 = 4 * 64,896 = 259,584
//   conv5, relu5            2 * 13 * 13 * 256 = 2 * 43,264  =    86,528
//   max_pool3               6 * 6 * 256                     =     9,216
//   fc6, relu6, dropout1, fc7, relu7, dropout2   6 * 4,096  =    24,576
//   fc8                                                     =     1,000
//   sum                                                       1,925,224
static_assert(nc::activations<alexnet> == 1'925'224);

// In float (4 bytes): parameters 60,965,224 * 4 = 243,860,896 (AlexNet's weights, 60,954,656,
// plus 10,568 biases); input 227 * 227 * 3 * 4 = 618,348; activations 1,925,224 * 4 = 7,700,896;
// the peak of an inference run, 580,800 elements at lrn1 (tests/static/peak.cpp), * 4 = 2,323,200.
static_assert(nc::memory<alexnet, float> == nc::memory_use{.parameter_bytes = 243'860'896,
                                                           .input_bytes = 618'348,
                                                           .activation_bytes = 7'700'896,
                                                           .peak_activation_bytes = 2'323'200});
// A batch of 32 multiplies the input and the activations, not the parameters:
// 618,348 * 32 = 19,787,136, 7,700,896 * 32 = 246,428,672 and 2,323,200 * 32 = 74,342,400.
static_assert(nc::memory<alexnet, float, 32> == nc::memory_use{.parameter_bytes = 243'860'896,
                                                               .input_bytes = 19'787'136,
                                                               .activation_bytes = 246'428'672,
                                                               .peak_activation_bytes = 74'342'400});
// Half precision as a 2-byte type, double as 8 bytes.
static_assert(nc::memory<alexnet, std::uint16_t>.parameter_bytes == 121'930'448);
static_assert(nc::memory<alexnet, double, 2>.activation_bytes == 1'925'224 * 8 * 2);

// A small network: 4 x 4 x 2 input; conv 3 x 3, 3 filters, same (4 x 4 x 3 = 48 outputs,
// 3 * 3 * 2 * 3 = 54 weights + 3 biases); batch_norm (48 outputs, 2 * 3 = 6 parameters);
// relu (48); fc 5 (5 outputs, 48 * 5 = 240 weights + 5 biases).
// Parameters 54 + 3 + 6 + 240 + 5 = 308; activations 48 + 48 + 48 + 5 = 149; input 32.
// Peak: the conv reads the input and writes 48 (80 live); batch_norm and relu run in place
// (48); the fc reads 48 and writes 5 (53): 80.
struct small
    : nc::network<nc::input<4, 4, 2>, nc::conv<3, nc::kernel<3>, nc::same>, nc::batch_norm, nc::relu, nc::fc<5>> {};
static_assert(nc::memory<small, float, 10> == nc::memory_use{.parameter_bytes = 308 * 4,
                                                             .input_bytes = 32 * 4 * 10,
                                                             .activation_bytes = 149 * 4 * 10,
                                                             .peak_activation_bytes = 80 * 4 * 10});
static_assert(nc::memory<small, char> == nc::memory_use{308, 32, 149, 80});

// flops: two per connection (multiply-accumulate). AlexNet: 2 * 724,406,816 = 1,448,813,632.
// The small network: conv 54 * 16 = 864 connections, fc 240: 2 * 1,104 = 2,208.
static_assert(nc::flops<alexnet> == 1'448'813'632);
static_assert(nc::flops<small> == 2'208);
// Not the LeCun count: with one connection per bias and output, AlexNet has 659,272 more
// (its units), and flops does not include them.
static_assert(nc::connections_with_bias<alexnet> == 724'406'816 + 659'272);
static_assert(nc::flops<alexnet> != 2 * nc::connections_with_bias<alexnet>);
