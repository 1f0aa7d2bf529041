#ifndef NETCOUNT_ZOO_ALEXNET_HPP
#define NETCOUNT_ZOO_ALEXNET_HPP

#include <netcount/netcount.hpp>

namespace netcount::zoo {

// AlexNet as Krizhevsky, Sutskever and Hinton (2012) trained it, with the corrections of the
// seed: the input is 227 x 227 x 3 (the paper says 224), and the two GPU towers are grouped
// convolutions: conv2, conv4 and conv5 see only the 48 / 192 / 192 channels of their own tower,
// conv3 and the fc layers see both.
struct alexnet
    : network<input<227, 227, 3>,
              conv<96, kernel<11>, stride<4>, name<"conv1">>, relu, lrn<5>,
              max_pool<kernel<3>, stride<2>>,
              conv<256, kernel<5>, same, groups<2>, name<"conv2">>, relu, lrn<5>,
              max_pool<kernel<3>, stride<2>>,
              conv<384, kernel<3>, same, name<"conv3">>, relu,
              conv<384, kernel<3>, same, groups<2>, name<"conv4">>, relu,
              conv<256, kernel<3>, same, groups<2>, name<"conv5">>, relu,
              max_pool<kernel<3>, stride<2>>,
              fc<4096, name<"fc6">>, relu, dropout,
              fc<4096, name<"fc7">>, relu, dropout,
              fc<1000, name<"fc8">>> {};

} // namespace netcount::zoo

#endif
