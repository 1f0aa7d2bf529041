// Hello Edge's DS-CNN keyword spotters (Zhang, Suda, Lai and Chandra, "Hello Edge: Keyword
// Spotting on Microcontrollers", 2017, Table 5; ARM-software/ML-KWS-for-MCU, train_commands.txt
// for each model's layers). The paper's conventions, written out:
//   - memory = the int8 weights and biases of the network with batch norm folded into the
//     convolutions + the largest input + output of one layer (a byte each, unrounded): the
//     folded network's parameters + its peak under the default schedule, in which batch norms
//     and ReLUs run in place, so the largest is a convolution's input + output;
//   - operations = 2 x multiply-accumulates + one addition per bias (connections_with_bias -
//     connections, LeCun's convention), of the folded network (ReLUs and pooling not counted).
// The input: 49 frames of 10 MFCC features, one channel; every convolution TensorFlow's SAME;
// the first conv 10 x 4 (time x frequency); then depthwise separable blocks (a 3 x 3 depthwise
// conv, batch norm, ReLU, a 1 x 1 conv, batch norm, ReLU); an average over the map and an fc to
// 12 labels.
#include <cstdint>

#include <netcount/netcount.hpp>

namespace nc = netcount;

template<std::size_t Filters, std::size_t Stride>
using separable = nc::sequence<nc::depthwise_conv<nc::kernel<3>, nc::stride<Stride>, nc::same>, nc::batch_norm,
                               nc::relu, nc::conv<Filters, nc::kernel<1>>, nc::batch_norm, nc::relu>;

template<std::size_t Filters, std::size_t StrideH, std::size_t StrideW, class... Blocks>
struct ds_cnn
    : nc::network<nc::input<49, 10, 1>, nc::conv<Filters, nc::kernel<10, 4>, nc::stride<StrideH, StrideW>, nc::same>,
                  nc::batch_norm, nc::relu, Blocks..., nc::global_avg_pool, nc::fc<12>> {};

// --model_size_info 5 64 10 4 2 2 64 3 3 1 1 (x4); 5 172 10 4 2 1 172 3 3 2 2 172 3 3 1 1 (x3);
// 6 276 10 4 2 1 276 3 3 2 2 276 3 3 1 1 (x4).
using ds_cnn_s = ds_cnn<64, 2, 2, separable<64, 1>, separable<64, 1>, separable<64, 1>, separable<64, 1>>;
using ds_cnn_m = ds_cnn<172, 2, 1, separable<172, 2>, separable<172, 1>, separable<172, 1>, separable<172, 1>>;
using ds_cnn_l =
    ds_cnn<276, 2, 1, separable<276, 2>, separable<276, 1>, separable<276, 1>, separable<276, 1>, separable<276, 1>>;

template<class Net>
constexpr std::uint64_t memory_bytes =
    nc::parameters<nc::fold_batch_norm<Net>> + nc::peak_activations<nc::fold_batch_norm<Net>>;
template<class Net>
constexpr std::uint64_t operations = 2 * nc::connections<nc::fold_batch_norm<Net>> +
                                     (nc::connections_with_bias<nc::fold_batch_norm<Net>> -
                                      nc::connections<nc::fold_batch_norm<Net>>);

// S, by hand: parameters 10 x 4 x 64 + 64 = 2,624; each block 9 x 64 + 64 and 64 x 64 + 64, 4,800,
// four times; the fc 64 x 12 + 12 = 780: 22,604. The first conv writes 25 x 5 x 64 = 8,000, and
// each depthwise conv reads and writes as many: 16,000. 38,604 bytes, the paper's 38.6 KB.
// MACs: 25 x 5 x 64 x 40 = 320,000; each block 125 x 64 x 9 + 125 x 64 x 64 = 584,000; the fc
// 768: 2,656,768, twice 5,313,536, and 8,000 + 4 x 16,000 + 12 = 72,012 bias additions:
// 5,385,548, the paper's 5.4 M.
static_assert(memory_bytes<ds_cnn_s> == 38'604 && operations<ds_cnn_s> == 5'385'548);
static_assert(nc::parameters<nc::fold_batch_norm<ds_cnn_s>> == 22'604);
static_assert(nc::peak_activations<nc::fold_batch_norm<ds_cnn_s>> == 16'000);

// M: 189.2 KB and 19.8 M operations in the paper. By hand: parameters 7,052 + 4 x (1,720 +
// 29,756) + 2,076 = 135,032; the first depthwise conv (stride 2) reads 25 x 10 x 172 = 43,000 and
// writes 13 x 5 x 172 = 11,180: 54,180. 189,212.
static_assert(memory_bytes<ds_cnn_m> == 189'212 && (operations<ds_cnn_m> + 50'000) / 100'000 == 198);
// L: 497.6 KB and 56.9 M. Parameters 11,316 + 5 x (2,760 + 76,452) + 3,324 = 410,700; the first
// depthwise conv 69,000 + 17,940 = 86,940. 497,640.
static_assert(memory_bytes<ds_cnn_l> == 497'640 && (operations<ds_cnn_l> + 50'000) / 100'000 == 569);

// What TFLite Micro needs beside them: S's arena head is the 16,000 bytes of its depthwise
// convs' input and output (each 8,000, a multiple of 16).
static_assert(nc::tflm_arena<ds_cnn_s>.head_bytes == 16'000);
