// Receptive fields, derived by hand. Along one axis, a window of kernel k, dilation d, stride s
// and leading padding p turns the field (size, jump, start) of what it reads into
//   size + d * (k - 1) * jump,  jump * s,  start - p * jump.
// Layers without a window (relu, lrn, dropout) leave it as it is; where paths merge, the field
// is the largest over the paths: the largest size and jump, the smallest start.
#include <cstddef>

#include <netcount/netcount.hpp>
#include <netcount/zoo/alexnet.hpp>

namespace nc = netcount;
using nc::zoo::alexnet;

// The same field along both axes.
constexpr nc::receptive_field square(std::uint64_t size, std::uint64_t jump, std::int64_t start) {
    return {{size, jump, start}, {size, jump, start}};
}

template<class Net>
constexpr bool fields_are(std::initializer_list<nc::receptive_field> expected) {
    if (expected.size() != nc::layers<Net>.size()) return false;
    std::size_t i = 0;
    for (const nc::receptive_field& f : expected)
        if (nc::layers<Net>[i++].receptive_field != f) return false;
    return true;
}

// AlexNet (227 x 227 input). Square kernels and inputs, so both axes agree.
//   conv1  k 11, s 4, no padding:  1 + 10 * 1 = 11,            jump 1 * 4 = 4,   start 0
//   pool1  k 3, s 2:               11 + 2 * 4 = 19,            jump 4 * 2 = 8,   start 0
//   conv2  k 5, same on 27 x 27:   27 positions need 26 + 5 = 31 pixels, 4 of padding, 2 before:
//                                  19 + 4 * 8 = 51,            jump 8,           start 0 - 2 * 8 = -16
//   pool2  k 3, s 2:               51 + 2 * 8 = 67,            jump 16,          start -16
//   conv3  k 3, same (1 before):   67 + 2 * 16 = 99,           jump 16,          start -16 - 16 = -32
//   conv4  k 3, same:              99 + 32 = 131,              jump 16,          start -48
//   conv5  k 3, same:              131 + 32 = 163,             jump 16,          start -64
//   pool5  k 3, s 2:               163 + 2 * 16 = 195,         jump 32,          start -64
//   fc6    reads all 6 x 6 of pool5, a 6-wide window: 195 + 5 * 32 = 355, jump 32, start -64
//   fc7, fc8 read a 1 x 1 input: nothing changes.
// relu, lrn and dropout keep the field of the layer before them.
static_assert(
    fields_are<alexnet>({square(11, 4, 0),     square(11, 4, 0),     square(11, 4, 0),     // conv1, relu1, lrn1
                         square(19, 8, 0),                                                 // max_pool1
                         square(51, 8, -16),   square(51, 8, -16),   square(51, 8, -16),   // conv2, relu2, lrn2
                         square(67, 16, -16),                                              // max_pool2
                         square(99, 16, -32),  square(99, 16, -32),                        // conv3, relu3
                         square(131, 16, -48), square(131, 16, -48),                       // conv4, relu4
                         square(163, 16, -64), square(163, 16, -64),                       // conv5, relu5
                         square(195, 32, -64),                                             // max_pool3 (pool5)
                         square(355, 32, -64), square(355, 32, -64), square(355, 32, -64), // fc6, relu6, dropout1
                         square(355, 32, -64), square(355, 32, -64), square(355, 32, -64), // fc7, relu7, dropout2
                         square(355, 32, -64)}));                                          // fc8

// pool5 sees 195 x 195 input pixels: its last output (5) starts at -64 + 5 * 32 = 96 and ends
// at 96 + 195 = 291, past the 227 pixels and 64 of padding.
static_assert(nc::layer<alexnet, "max_pool3">.receptive_field.height.size == 195);
static_assert(nc::layer<alexnet, "max_pool3">.receptive_field.width.size == 195);
// conv1's last output (54) starts at 54 * 4 = 216 and ends at 227: the input's edge.
static_assert(54 * 4 + nc::layer<alexnet, "conv1">.receptive_field.width.size == 227);
// A layer after an fc sees the whole input: [-64, -64 + 355) covers [0, 227).
constexpr bool sees_whole_input(const nc::axis_field& f, std::int64_t input) {
    return f.start <= 0 && f.start + static_cast<std::int64_t>(f.size) >= input;
}
static_assert(sees_whole_input(nc::layer<alexnet, "fc6">.receptive_field.height, 227));
static_assert(sees_whole_input(nc::layer<alexnet, "fc8">.receptive_field.width, 227));
static_assert(!sees_whole_input(nc::layer<alexnet, "max_pool3">.receptive_field.width, 227));

// Branches. Every path reads the field of the block's input; the merge takes the largest.
struct branching
    : nc::network<nc::input<16, 16, 3>, nc::conv<8, nc::kernel<3>, nc::stride<2>, nc::same, nc::name<"stem">>, // 0
                  nc::residual<nc::conv<8, nc::kernel<3>, nc::same>>,                                          // 1, 2
                  nc::concat<nc::name<"mix">, nc::conv<4, nc::kernel<1>>,                                      // 3
                             nc::sequence<nc::conv<4, nc::kernel<1>>,                                          // 4
                                          nc::conv<4, nc::kernel<5>, nc::same>>,                               // 5
                             nc::conv<4, nc::kernel<3>, nc::dilation<3>, nc::pad<3>>>,                         // 6, 7
                  nc::add<nc::name<"down">, nc::conv<4, nc::kernel<1>, nc::stride<4>>,                         // 8
                          nc::conv<4, nc::kernel<5>, nc::stride<3>, nc::pad<1>>>,                              // 9, 10
                  nc::fc<10>> {};                                                                              // 11

// stem       k 3, s 2, same on 16: 8 positions need 7 * 2 + 3 = 17 pixels, 1 of padding, 0
//            before:                                   size 3,              jump 2, start 0
// residual1  identity path: the stem's field (3, 2, 0);
//   /conv1   k 3, same (1 before):                     3 + 2 * 2 = 7,       jump 2, start -2
//   merge    largest of (3, 2, 0) and (7, 2, -2):      7,                   jump 2, start -2
// mix/conv1  k 1:                                      7,                   jump 2, start -2
// mix/conv2  k 1:                                      7,                   jump 2, start -2
// mix/conv3  k 5, same (2 before):                     7 + 4 * 2 = 15,      jump 2, start -2 - 4 = -6
// mix/conv4  k 3, dilation 3, pad 3:                   7 + 3 * 2 * 2 = 19,  jump 2, start -2 - 6 = -8
// mix        largest over conv1, conv3, conv4:         19,                  jump 2, start -8
// down/conv1 k 1, s 4 (8 -> 2 positions):              19,                  jump 8, start -8
// down/conv2 k 5, s 3, pad 1 ((8 + 2 - 5) / 3 + 1 = 2): 19 + 4 * 2 = 27,    jump 6, start -8 - 2 = -10
// down       largest: the size and start of conv2, the jump of conv1:  27,  jump 8, start -10
// fc1        a 2-wide window over down's 2 x 2:        27 + 1 * 8 = 35,     jump 8, start -10
static_assert(
    fields_are<branching>({square(3, 2, 0),                                           // stem
                           square(7, 2, -2), square(7, 2, -2),                        // residual1/conv1, residual1
                           square(7, 2, -2), square(7, 2, -2), square(15, 2, -6),     // mix/conv1, mix/conv2, mix/conv3
                           square(19, 2, -8), square(19, 2, -8),                      // mix/conv4, mix
                           square(19, 8, -8), square(27, 6, -10), square(27, 8, -10), // down/conv1, down/conv2, down
                           square(35, 8, -10)}));                                     // fc1
static_assert(nc::layers<branching>[7].name == "mix" && nc::layers<branching>[10].name == "down");
static_assert(sees_whole_input(nc::layer<branching, "fc1">.receptive_field.height, 16));

// The two axes apart: kernel 3 x 5, stride 1 x 2, padding 1 x 2, then a 2 x 3 pooling of
// stride 2 x 1.
//   conv     height: 1 + 2 = 3, jump 1, start -1;        width: 1 + 4 = 5, jump 2, start -2
//   max_pool height: 3 + 1 * 1 = 4, jump 2, start -1;    width: 5 + 2 * 2 = 9, jump 2, start -2
struct oblong : nc::network<nc::input<10, 20, 1>, nc::conv<2, nc::kernel<3, 5>, nc::stride<1, 2>, nc::pad<1, 2>>,
                            nc::max_pool<nc::kernel<2, 3>, nc::stride<2, 1>>> {};
static_assert(nc::layers<oblong>[0].receptive_field ==
              nc::receptive_field{{.size = 3, .jump = 1, .start = -1}, {.size = 5, .jump = 2, .start = -2}});
static_assert(nc::layers<oblong>[1].receptive_field ==
              nc::receptive_field{{.size = 4, .jump = 2, .start = -1}, {.size = 9, .jump = 2, .start = -2}});
