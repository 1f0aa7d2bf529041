#ifndef NETCOUNT_ZOO_VGG_HPP
#define NETCOUNT_ZOO_VGG_HPP

#include <netcount/detail/config.hpp> // first: below C++20, its error comes first

#include <cstddef>
#include <type_traits>

#include <netcount/netcount.hpp>

NETCOUNT_DIAGNOSTICS_PUSH
namespace netcount::zoo {

// VGG as Simonyan and Zisserman describe it in "Very Deep Convolutional Networks for
// Large-Scale Image Recognition" (2015), Table 1, in torchvision's form (models.vgg11 ...
// vgg19, without batch norm): five stacks of 3 x 3 convolutions (padding 1, so a stack keeps
// its input's size), each closed by a 2 x 2 max pool, then three fully connected layers.
// torchvision pools adaptively to 7 x 7 before them, which a 224 x 224 input already is.
// The configurations differ only in how many convolutions each stack holds.
//
// torchvision's vgg11_bn ... vgg19_bn, which the paper does not have (it predates batch
// normalisation), put a batch norm between each convolution and its ReLU; the convolutions
// keep their biases.

// A VGG convolution: 3 x 3, padding 1, with its bias; followed by a batch norm in the _bn
// models.
template<std::size_t Filters, bool BatchNorm>
using vgg_conv = std::conditional_t<BatchNorm, sequence<conv<Filters, kernel<3>, pad<1>>, batch_norm, relu>,
                                    sequence<conv<Filters, kernel<3>, pad<1>>, relu>>;

// vgg_stack<Depth, Filters>: Depth convolutions of Filters 3 x 3 filters, then the pool.
template<std::size_t Depth, std::size_t Filters, bool BatchNorm = false>
using vgg_stack = sequence<repeat<Depth, vgg_conv<Filters, BatchNorm>>, max_pool<kernel<2>, stride<2>>>;

// vgg_network<D1, ..., D5>: a column of Table 1, by the depths of its five stacks of 64, 128,
// 256, 512 and 512 filters, with batch norms or without. Layers are named by kind and
// position: conv1 ... conv13 for VGG-16, batch_norm1 ... batch_norm13, fc1 ... fc3.
template<std::size_t D1, std::size_t D2, std::size_t D3, std::size_t D4, std::size_t D5, bool BatchNorm = false>
using vgg_network = network<input<224, 224, 3>, vgg_stack<D1, 64, BatchNorm>, vgg_stack<D2, 128, BatchNorm>,
                            vgg_stack<D3, 256, BatchNorm>, vgg_stack<D4, 512, BatchNorm>, vgg_stack<D5, 512, BatchNorm>,
                            adaptive_avg_pool<7>, fc<4096>, relu, dropout, fc<4096>, relu, dropout, fc<1000>>;

struct vgg11 : vgg_network<1, 1, 2, 2, 2> {}; // configuration A
struct vgg13 : vgg_network<2, 2, 2, 2, 2> {}; // configuration B
struct vgg16 : vgg_network<2, 2, 3, 3, 3> {}; // configuration D
struct vgg19 : vgg_network<2, 2, 4, 4, 4> {}; // configuration E

struct vgg11_bn : vgg_network<1, 1, 2, 2, 2, true> {};
struct vgg13_bn : vgg_network<2, 2, 2, 2, 2, true> {};
struct vgg16_bn : vgg_network<2, 2, 3, 3, 3, true> {};
struct vgg19_bn : vgg_network<2, 2, 4, 4, 4, true> {};

} // namespace netcount::zoo

NETCOUNT_DIAGNOSTICS_POP

#endif
