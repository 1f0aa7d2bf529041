#ifndef NETCOUNT_ZOO_UNET_HPP
#define NETCOUNT_ZOO_UNET_HPP

#include <netcount/detail/config.hpp> // first: below C++20, its error comes first

#include <cstddef>

#include <netcount/fixed_string.hpp>
#include <netcount/netcount.hpp>

NETCOUNT_DIAGNOSTICS_PUSH
namespace netcount::zoo {

// U-Net as Ronneberger, Fischer and Brox describe it in "U-Net: Convolutional Networks for
// Biomedical Image Segmentation" (2015, arXiv 1505.04597), Fig. 1: a 572 x 572 x 1 tile to a
// 388 x 388 x 2 map of class scores. Every 3 x 3 convolution is unpadded ("valid") and followed
// by a ReLU, with a bias (the paper's Caffe model has them); the contracting path halves the
// map by 2 x 2 max pools of stride 2 and doubles the channels, 64 to 1,024; the expanding
// path doubles the map by 2 x 2 up-convolutions of stride 2 that halve the channels
// (transposed_conv), each stacked after the contracting map of its level, centre-cropped to
// the up-convolution's size ("copy and crop": crop_concat); a last 1 x 1 convolution maps the
// 64 channels to the 2 classes. No batch norm, no dropout (the paper's dropout at the end of
// the contracting path is a training device that changes no figure).
//
// Written as the paper's figure is drawn, one level inside the other: each level is two
// convolutions, then crop_concat<identity, sequence<max_pool, the level below, up-convolution>>,
// then two convolutions; the lowest level is its two convolutions alone. The levels below the
// first are named "level2" ... "level5" after the crop_concat that holds them, whose scope
// holds that level's pool, convolutions and up-convolution: the first convolution of the
// 256-channel level is layer<unet, "level2/level3/conv1">, the up-convolution from 1,024 to
// 512 channels "level2/level3/level4/level5/transposed_conv1", the stack of the 64-channel
// level's map and that of level 2 "level2" (the merge), the first level's convolutions
// "conv1" ... "conv4" and the last 1 x 1 convolution "classifier".
//
// Sizes. A side s gives the paper's tiling (every max pool sees an even map, so each crop
// removes a border of one width on both sides) when s = 188 + 16k, k >= 0: 188, 204, ...,
// 572 (k = 24), ...; the output side is then 4 + 16k (388 for 572). Height and width each
// follow the rule on their own: with_input<unet, 396, 252> ends at 212 x 68. Other sides are
// counted as PyTorch would run the same modules (the pools drop an odd row, the crops round
// their offsets down), down to the smallest the convolutions accept.
inline constexpr std::size_t unet_input = 572;
inline constexpr std::size_t unet_classes = 2;

namespace detail {

// Two 3 x 3 valid convolutions with ReLU, of C filters.
template<std::size_t C>
using unet_convs = sequence<conv<C, kernel<3>>, relu, conv<C, kernel<3>>, relu>;

// A level of C channels around the level below it (Below, named Name): its two convolutions, the
// skip, and its two convolutions again, on the stack of its own map (cropped) and the
// up-convolution of the level below's (C channels, from 2C).
template<std::size_t C, fixed_string Name, class Below>
using unet_level =
    sequence<unet_convs<C>,
             crop_concat<name<Name>, identity,
                         sequence<max_pool<kernel<2>, stride<2>>, Below, transposed_conv<C, kernel<2>, stride<2>>>>,
             unet_convs<C>>;

} // namespace detail

struct unet
    : network<input<unet_input, unet_input, 1>,
              detail::unet_level<
                  64, "level2",
                  detail::unet_level<
                      128, "level3",
                      detail::unet_level<256, "level4", detail::unet_level<512, "level5", detail::unet_convs<1024>>>>>,
              conv<unet_classes, kernel<1>, name<"classifier">>> {};

} // namespace netcount::zoo

NETCOUNT_DIAGNOSTICS_POP

#endif
