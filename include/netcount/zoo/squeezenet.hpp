#ifndef NETCOUNT_ZOO_SQUEEZENET_HPP
#define NETCOUNT_ZOO_SQUEEZENET_HPP

#include <netcount/detail/config.hpp> // first: below C++20, its error comes first

#include <cstddef>

#include <netcount/netcount.hpp>

NETCOUNT_DIAGNOSTICS_PUSH
namespace netcount::zoo {

// SqueezeNet as Iandola, Han, Moskewicz, Ashraf, Dally and Keutzer describe it in
// "SqueezeNet: AlexNet-level accuracy with 50x fewer parameters and <0.5MB model size" (2016),
// Table 1, in torchvision's form (models.squeezenet1_0), and its version 1.1 from the
// authors' repository (models.squeezenet1_1): a 3 x 3 first convolution of 64 filters and
// the pools moved earlier, for 2.4 times less computation. The pools round up (ceil_mode), as
// in Caffe. No batch norm: every convolution has a bias.
//
// Names follow the paper's: "conv1", "fire2" ... "fire9", "conv10"; in a fire module,
// "fire2/squeeze1x1", and the expand layers "fire2/expand/1x1" and "fire2/expand/3x3", whose
// outputs are concatenated ("fire2/expand").

// A fire module: a 1 x 1 squeeze to Squeeze channels, then 1 x 1 and 3 x 3 expand
// convolutions side by side.
template<fixed_string Name, std::size_t Squeeze, std::size_t Expand1x1, std::size_t Expand3x3>
using fire = sequence<name<Name>, conv<Squeeze, kernel<1>, name<"squeeze1x1">>, relu,
                      concat<name<"expand">, sequence<conv<Expand1x1, kernel<1>, name<"1x1">>, relu>,
                             sequence<conv<Expand3x3, kernel<3>, pad<1>, name<"3x3">>, relu>>>;

using squeezenet_pool = max_pool<kernel<3>, stride<2>, ceil_mode>;

// The classifier: a 1 x 1 convolution to the 1000 classes, averaged over the image.
using squeezenet_classifier = sequence<dropout, conv<1000, kernel<1>, name<"conv10">>, relu, global_avg_pool>;

struct squeezenet1_0
    : network<input<224, 224, 3>, conv<96, kernel<7>, stride<2>, name<"conv1">>, relu, squeezenet_pool,
              fire<"fire2", 16, 64, 64>, fire<"fire3", 16, 64, 64>, fire<"fire4", 32, 128, 128>, squeezenet_pool,
              fire<"fire5", 32, 128, 128>, fire<"fire6", 48, 192, 192>, fire<"fire7", 48, 192, 192>,
              fire<"fire8", 64, 256, 256>, squeezenet_pool, fire<"fire9", 64, 256, 256>, squeezenet_classifier> {};

struct squeezenet1_1
    : network<input<224, 224, 3>, conv<64, kernel<3>, stride<2>, name<"conv1">>, relu, squeezenet_pool,
              fire<"fire2", 16, 64, 64>, fire<"fire3", 16, 64, 64>, squeezenet_pool, fire<"fire4", 32, 128, 128>,
              fire<"fire5", 32, 128, 128>, squeezenet_pool, fire<"fire6", 48, 192, 192>, fire<"fire7", 48, 192, 192>,
              fire<"fire8", 64, 256, 256>, fire<"fire9", 64, 256, 256>, squeezenet_classifier> {};

} // namespace netcount::zoo

NETCOUNT_DIAGNOSTICS_POP

#endif
