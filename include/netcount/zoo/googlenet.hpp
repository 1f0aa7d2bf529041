#ifndef NETCOUNT_ZOO_GOOGLENET_HPP
#define NETCOUNT_ZOO_GOOGLENET_HPP

#include <netcount/detail/config.hpp> // first: below C++20, its error comes first

#include <cstddef>

#include <netcount/netcount.hpp>

NETCOUNT_DIAGNOSTICS_PUSH
namespace netcount::zoo {

// GoogLeNet (Inception v1) as Szegedy et al. describe it in "Going Deeper with Convolutions"
// (2015), Table 1, in torchvision's form (models.googlenet with aux_logits=False: the two
// auxiliary classifiers only run in training). torchvision follows the paper with two
// changes that matter here: every convolution is followed by a batch norm and has no bias,
// and the branch the paper gives a 5 x 5 convolution has a 3 x 3 one, with padding 1 (a
// known slip that torchvision keeps for its weights' sake). Its pools round up (ceil_mode).
//
// Names follow the paper's: "conv1" ... "conv3", "inception3a" ... "inception5b", whose
// branches are "branch1" (1 x 1), "branch2" (1 x 1 reduce, 3 x 3), "branch3" (1 x 1 reduce,
// "5 x 5") and "branch4" (3 x 3 max pool, 1 x 1 projection):
// layer<googlenet, "inception4a/branch2/conv2">.

// A convolution, its batch norm and ReLU: torchvision's BasicConv2d.
template<std::size_t Filters, class... Options>
using conv_bn_relu = sequence<conv<Filters, Options..., no_bias>, batch_norm, relu>;

// An inception module, by the columns of Table 1: #1x1, #3x3 reduce, #3x3, #5x5 reduce,
// #5x5, pool proj. The branches' outputs are concatenated in that order.
template<fixed_string Name, std::size_t C1x1, std::size_t C3x3Reduce, std::size_t C3x3, std::size_t C5x5Reduce,
         std::size_t C5x5, std::size_t PoolProj>
using inception = concat<
    name<Name>, sequence<name<"branch1">, conv_bn_relu<C1x1, kernel<1>>>,
    sequence<name<"branch2">, conv_bn_relu<C3x3Reduce, kernel<1>>, conv_bn_relu<C3x3, kernel<3>, pad<1>>>,
    sequence<name<"branch3">, conv_bn_relu<C5x5Reduce, kernel<1>>, conv_bn_relu<C5x5, kernel<3>, pad<1>>>,
    sequence<name<"branch4">, max_pool<kernel<3>, stride<1>, pad<1>, ceil_mode>, conv_bn_relu<PoolProj, kernel<1>>>>;

struct googlenet
    : network<input<224, 224, 3>, conv_bn_relu<64, kernel<7>, stride<2>, pad<3>, name<"conv1">>,
              max_pool<kernel<3>, stride<2>, ceil_mode>, conv_bn_relu<64, kernel<1>, name<"conv2">>,
              conv_bn_relu<192, kernel<3>, pad<1>, name<"conv3">>, max_pool<kernel<3>, stride<2>, ceil_mode>,
              //        name           1x1  3x3r  3x3  5x5r  5x5  pool
              inception<"inception3a", 64, 96, 128, 16, 32, 32>, inception<"inception3b", 128, 128, 192, 32, 96, 64>,
              max_pool<kernel<3>, stride<2>, ceil_mode>, inception<"inception4a", 192, 96, 208, 16, 48, 64>,
              inception<"inception4b", 160, 112, 224, 24, 64, 64>, inception<"inception4c", 128, 128, 256, 24, 64, 64>,
              inception<"inception4d", 112, 144, 288, 32, 64, 64>,
              inception<"inception4e", 256, 160, 320, 32, 128, 128>, max_pool<kernel<2>, stride<2>, ceil_mode>,
              inception<"inception5a", 256, 160, 320, 32, 128, 128>,
              inception<"inception5b", 384, 192, 384, 48, 128, 128>, global_avg_pool, dropout, fc<1000>> {};

} // namespace netcount::zoo

NETCOUNT_DIAGNOSTICS_POP

#endif
