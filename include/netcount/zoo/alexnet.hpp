#ifndef NETCOUNT_ZOO_ALEXNET_HPP
#define NETCOUNT_ZOO_ALEXNET_HPP

#include <netcount/detail/config.hpp> // first: below C++20, its error comes first

#include <netcount/netcount.hpp>

NETCOUNT_DIAGNOSTICS_PUSH
namespace netcount::zoo {

// AlexNet as Krizhevsky, Sutskever and Hinton (2012) trained it, as it is usually counted: the
// input is 227 x 227 x 3 (the paper says 224; conv1's 55 x 55 outputs of an 11 x 11 kernel at
// stride 4 need 227), and the two GPU towers are grouped
// convolutions: conv2, conv4 and conv5 see only the 48 / 192 / 192 channels of their own tower,
// conv3 and the fc layers see both.
struct alexnet
    : network<input<227, 227, 3>, conv<96, kernel<11>, stride<4>, name<"conv1">>, relu, lrn<5>,
              max_pool<kernel<3>, stride<2>>, conv<256, kernel<5>, same, groups<2>, name<"conv2">>, relu, lrn<5>,
              max_pool<kernel<3>, stride<2>>, conv<384, kernel<3>, same, name<"conv3">>, relu,
              conv<384, kernel<3>, same, groups<2>, name<"conv4">>, relu,
              conv<256, kernel<3>, same, groups<2>, name<"conv5">>, relu, max_pool<kernel<3>, stride<2>>,
              fc<4096, name<"fc6">>, relu, dropout, fc<4096, name<"fc7">>, relu, dropout, fc<1000, name<"fc8">>> {};

// torchvision's AlexNet (models.alexnet), the single-tower variant of Krizhevsky's "One weird
// trick" paper (2014): 64-192-384-256-256 filters, padding instead of a 227 input, and an
// adaptive pooling to 6 x 6 before the classifier.
struct alexnet_torchvision
    : network<input<224, 224, 3>, conv<64, kernel<11>, stride<4>, pad<2>>, relu, max_pool<kernel<3>, stride<2>>,
              conv<192, kernel<5>, pad<2>>, relu, max_pool<kernel<3>, stride<2>>, conv<384, kernel<3>, pad<1>>, relu,
              conv<256, kernel<3>, pad<1>>, relu, conv<256, kernel<3>, pad<1>>, relu, max_pool<kernel<3>, stride<2>>,
              adaptive_avg_pool<6>, dropout, fc<4096>, relu, dropout, fc<4096>, relu, fc<1000>> {};

} // namespace netcount::zoo

NETCOUNT_DIAGNOSTICS_POP

#endif
