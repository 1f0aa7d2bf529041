// to_summary's text, exactly, for AlexNet, ResNet-18 and a small residual network with an
// auxiliary head. Every figure is worked out outside netcount: by hand below, and for ResNet-18
// by PyTorch (torchvision 0.14's resnet18 at 224 x 224, each leaf module's parameters summed,
// and its multiply-accumulates from forward hooks: out elements * in_channels / groups * kh * kw
// for a Conv2d, in_features * out_features for a Linear). The units in parentheses are the
// exact figure in K = 10^3 ... or KiB = 2^10 ..., rounded half up to two decimals (worked out
// with Python's fractions.Fraction).
#include <cstdint>
#include <string>

#include <netcount/netcount.hpp>
#include <netcount/report.hpp>
#include <netcount/zoo/alexnet.hpp>
#include <netcount/zoo/resnet.hpp>

#include "catch.hpp"

namespace nc = netcount;

namespace {

// 8 x 8 x 3, every conv 3 x 3, same, without bias, so MACs = weights * 64:
//   stem               3 * 3 * 3 * 4 = 108 weights, 6,912 MACs
//   batch_norm1        2 * 4 = 8 parameters
//   block/conv1        3 * 3 * 4 * 4 = 144 weights, 9,216 MACs
//   block/batch_norm1  8 parameters
//   block/aux          a head: global_avg_pool (1 x 1 x 4), fc 2: 4 * 2 + 2 = 10 parameters,
//                      8 MACs, which the totals leave out
//   block              the add of relu1 and block/batch_norm1
//   fc1                4 * 10 + 10 = 50 parameters, 40 MACs
// Totals: parameters 108 + 8 + 144 + 8 + 10 + 50 = 328; MACs 6,912 + 9,216 + 40 = 16,168;
// activations 7 * 256 (stem to relu2, the add included) + 4 + 10 = 1,806. Live: the stem reads
// the 192 inputs and writes 256 (448); batch_norm1 and relu1 in place; block/conv1 writes 256
// beside relu1's (512); the add writes 256 beside both (768, the peak, at "block"). As uint16:
// 656 parameter bytes, 384 input bytes, 3,612 activation bytes (3.53 KiB), 1,536 at the peak
// (1.50 KiB).
struct small_residual
    : nc::network<nc::input<8, 8, 3>, nc::conv<4, nc::kernel<3>, nc::same, nc::no_bias, nc::name<"stem">>,
                  nc::batch_norm, nc::relu,
                  nc::residual<nc::name<"block">, nc::conv<4, nc::kernel<3>, nc::same, nc::no_bias>, nc::batch_norm,
                               nc::auxiliary<nc::name<"aux">, nc::global_avg_pool, nc::fc<2>>>,
                  nc::relu, nc::global_avg_pool, nc::fc<10>> {};

} // namespace

TEST_CASE("to_summary: AlexNet, every entry, sizes as float") {
    // Parameters: weights + biases (tests/runtime/formats.cpp's CSV test): conv1 34,848 + 96,
    // conv2 307,200 + 256, conv3 884,736 + 384, conv4 663,552 + 384, conv5 442,368 + 256, fc6
    // 37,748,736 + 4,096, fc7 16,777,216 + 4,096, fc8 4,096,000 + 1,000: 60,965,224 in all
    // (60.97M). MACs: the hand-worked table of Krizhevsky et al. (tests/runtime/report.cpp),
    // 724,406,816 (724.41M). Activations: 3 * 290,400 (conv1, relu1, lrn1) + 69,984 + 3 * 186,624
    // + 43,264 + 4 * 64,896 (conv3 to relu4) + 2 * 43,264 + 9,216 + 6 * 4,096 (fc6 to dropout2)
    // + 1,000 = 1,925,224 (1.93M); the peak, 580,800 at lrn1 (580.80K), is formats.cpp's.
    // Bytes, 4 each: 243,860,896 (232.56 MiB); the input 227 * 227 * 3 * 4 = 618,348
    // (603.86 KiB); 7,700,896 (7.34 MiB); 2,323,200 (2.22 MiB).
    const std::string expected = "layer      kind      output         parameters         MACs\n"
                                 "---------  --------  -------------  ----------  -----------\n"
                                 "input      input     227 x 227 x 3           0            0\n"
                                 "conv1      conv      55 x 55 x 96       34,944  105,415,200\n"
                                 "relu1      relu      55 x 55 x 96            0            0\n"
                                 "lrn1       lrn       55 x 55 x 96            0            0\n"
                                 "max_pool1  max_pool  27 x 27 x 96            0            0\n"
                                 "conv2      conv      27 x 27 x 256     307,456  223,948,800\n"
                                 "relu2      relu      27 x 27 x 256           0            0\n"
                                 "lrn2       lrn       27 x 27 x 256           0            0\n"
                                 "max_pool2  max_pool  13 x 13 x 256           0            0\n"
                                 "conv3      conv      13 x 13 x 384     885,120  149,520,384\n"
                                 "relu3      relu      13 x 13 x 384           0            0\n"
                                 "conv4      conv      13 x 13 x 384     663,936  112,140,288\n"
                                 "relu4      relu      13 x 13 x 384           0            0\n"
                                 "conv5      conv      13 x 13 x 256     442,624   74,760,192\n"
                                 "relu5      relu      13 x 13 x 256           0            0\n"
                                 "max_pool3  max_pool  6 x 6 x 256             0            0\n"
                                 "fc6        fc        1 x 1 x 4096   37,752,832   37,748,736\n"
                                 "relu6      relu      1 x 1 x 4096            0            0\n"
                                 "dropout1   dropout   1 x 1 x 4096            0            0\n"
                                 "fc7        fc        1 x 1 x 4096   16,781,312   16,777,216\n"
                                 "relu7      relu      1 x 1 x 4096            0            0\n"
                                 "dropout2   dropout   1 x 1 x 4096            0            0\n"
                                 "fc8        fc        1 x 1 x 1000    4,097,000    4,096,000\n"
                                 "\n"
                                 "total parameters           60,965,224  60.97M\n"
                                 "trainable parameters       60,965,224  60.97M\n"
                                 "non-trainable parameters            0\n"
                                 "MACs                      724,406,816  724.41M\n"
                                 "activations                 1,925,224  1.93M\n"
                                 "peak activations              580,800  580.80K, at lrn1\n"
                                 "\n"
                                 "bytes with float numbers (4 bytes each), batch 1:\n"
                                 "parameters                243,860,896  232.56 MiB\n"
                                 "input                         618,348  603.86 KiB\n"
                                 "activations                 7,700,896  7.34 MiB\n"
                                 "peak activations            2,323,200  2.22 MiB\n"
                                 "\n"
                                 "Every parameter netcount counts is trainable (batch norm's running mean and\n"
                                 "variance are not parameters). MACs: multiply-accumulates, biases not included\n"
                                 "(connections<Net>). Activations: every entry's output, the input not included;\n"
                                 "peak activations: the most alive at once in inference, the input included\n"
                                 "(peak_activations<Net>).\n"
                                 "K, M, G: 10^3, 10^6, 10^9; KiB, MiB, GiB: 2^10, 2^20, 2^30 bytes; two decimals,\n"
                                 "rounded half up.\n";
    CHECK(nc::to_summary<nc::zoo::alexnet>() == expected);
}

TEST_CASE("to_summary: ResNet-18's entries with parameters or MACs, as PyTorch counts them") {
    // Row by row PyTorch's figures for conv1, bn1, layer1.0.conv1 ... fc (the rows printed by the
    // hooks described above; downsample.0 and .1 are layerN/add1/downsample/conv1 and
    // batch_norm1): 11,689,512 parameters, all with requires_grad (11.69M), 1,814,073,344 MACs
    // (1.81G). The 9,600 elements of the batch norms' running means and variances are buffers,
    // no parameters. Activations: 3 * 112 * 112 * 64 (conv1, bn1, relu) + 56 * 56 * 64 (the
    // max pool) = 2,609,152; layer1's two blocks, 7 entries each (conv1, bn1, relu, conv2, bn2,
    // the add, relu), 14 * 200,704 = 2,809,856; layer2 to layer4 16 entries each (the
    // downsample's conv and bn too): 16 * 100,352 + 16 * 50,176 + 16 * 25,088 = 2,809,856; the
    // average pool 512 and fc 1,000: 8,230,376 (8.23M). Peak at the max pool: conv1's
    // 802,816 beside its 200,704, 1,003,520 (1.00M). Bytes, 4 each: 46,758,048 (44.59 MiB),
    // the input 150,528 * 4 = 602,112 (588.00 KiB), 32,921,504 (31.40 MiB), 4,014,080
    // (3.83 MiB).
    const std::string expected =
        "layer                                     kind        output          parameters         MACs\n"
        "----------------------------------------  ----------  --------------  ----------  -----------\n"
        "input                                     input       224 x 224 x 3            0            0\n"
        "conv1                                     conv        112 x 112 x 64       9,408  118,013,952\n"
        "batch_norm1                               batch_norm  112 x 112 x 64         128            0\n"
        "    layer1/add1/conv1                     conv        56 x 56 x 64        36,864  115,605,504\n"
        "    layer1/add1/batch_norm1               batch_norm  56 x 56 x 64           128            0\n"
        "    layer1/add1/conv2                     conv        56 x 56 x 64        36,864  115,605,504\n"
        "    layer1/add1/batch_norm2               batch_norm  56 x 56 x 64           128            0\n"
        "    layer1/add2/conv1                     conv        56 x 56 x 64        36,864  115,605,504\n"
        "    layer1/add2/batch_norm1               batch_norm  56 x 56 x 64           128            0\n"
        "    layer1/add2/conv2                     conv        56 x 56 x 64        36,864  115,605,504\n"
        "    layer1/add2/batch_norm2               batch_norm  56 x 56 x 64           128            0\n"
        "    layer2/add1/conv1                     conv        28 x 28 x 128       73,728   57,802,752\n"
        "    layer2/add1/batch_norm1               batch_norm  28 x 28 x 128          256            0\n"
        "    layer2/add1/conv2                     conv        28 x 28 x 128      147,456  115,605,504\n"
        "    layer2/add1/batch_norm2               batch_norm  28 x 28 x 128          256            0\n"
        "      layer2/add1/downsample/conv1        conv        28 x 28 x 128        8,192    6,422,528\n"
        "      layer2/add1/downsample/batch_norm1  batch_norm  28 x 28 x 128          256            0\n"
        "    layer2/add2/conv1                     conv        28 x 28 x 128      147,456  115,605,504\n"
        "    layer2/add2/batch_norm1               batch_norm  28 x 28 x 128          256            0\n"
        "    layer2/add2/conv2                     conv        28 x 28 x 128      147,456  115,605,504\n"
        "    layer2/add2/batch_norm2               batch_norm  28 x 28 x 128          256            0\n"
        "    layer3/add1/conv1                     conv        14 x 14 x 256      294,912   57,802,752\n"
        "    layer3/add1/batch_norm1               batch_norm  14 x 14 x 256          512            0\n"
        "    layer3/add1/conv2                     conv        14 x 14 x 256      589,824  115,605,504\n"
        "    layer3/add1/batch_norm2               batch_norm  14 x 14 x 256          512            0\n"
        "      layer3/add1/downsample/conv1        conv        14 x 14 x 256       32,768    6,422,528\n"
        "      layer3/add1/downsample/batch_norm1  batch_norm  14 x 14 x 256          512            0\n"
        "    layer3/add2/conv1                     conv        14 x 14 x 256      589,824  115,605,504\n"
        "    layer3/add2/batch_norm1               batch_norm  14 x 14 x 256          512            0\n"
        "    layer3/add2/conv2                     conv        14 x 14 x 256      589,824  115,605,504\n"
        "    layer3/add2/batch_norm2               batch_norm  14 x 14 x 256          512            0\n"
        "    layer4/add1/conv1                     conv        7 x 7 x 512      1,179,648   57,802,752\n"
        "    layer4/add1/batch_norm1               batch_norm  7 x 7 x 512          1,024            0\n"
        "    layer4/add1/conv2                     conv        7 x 7 x 512      2,359,296  115,605,504\n"
        "    layer4/add1/batch_norm2               batch_norm  7 x 7 x 512          1,024            0\n"
        "      layer4/add1/downsample/conv1        conv        7 x 7 x 512        131,072    6,422,528\n"
        "      layer4/add1/downsample/batch_norm1  batch_norm  7 x 7 x 512          1,024            0\n"
        "    layer4/add2/conv1                     conv        7 x 7 x 512      2,359,296  115,605,504\n"
        "    layer4/add2/batch_norm1               batch_norm  7 x 7 x 512          1,024            0\n"
        "    layer4/add2/conv2                     conv        7 x 7 x 512      2,359,296  115,605,504\n"
        "    layer4/add2/batch_norm2               batch_norm  7 x 7 x 512          1,024            0\n"
        "fc1                                       fc          1 x 1 x 1000       513,000      512,000\n"
        "\n"
        "total parameters             11,689,512  11.69M\n"
        "trainable parameters         11,689,512  11.69M\n"
        "non-trainable parameters              0\n"
        "MACs                      1,814,073,344  1.81G\n"
        "activations                   8,230,376  8.23M\n"
        "peak activations              1,003,520  1.00M, at max_pool1\n"
        "\n"
        "bytes with float numbers (4 bytes each), batch 1:\n"
        "parameters                   46,758,048  44.59 MiB\n"
        "input                           602,112  588.00 KiB\n"
        "activations                  32,921,504  31.40 MiB\n"
        "peak activations              4,014,080  3.83 MiB\n"
        "\n"
        "Every parameter netcount counts is trainable (batch norm's running mean and\n"
        "variance are not parameters). MACs: multiply-accumulates, biases not included\n"
        "(connections<Net>). Activations: every entry's output, the input not included;\n"
        "peak activations: the most alive at once in inference, the input included\n"
        "(peak_activations<Net>).\n"
        "K, M, G: 10^3, 10^6, 10^9; KiB, MiB, GiB: 2^10, 2^20, 2^30 bytes; two decimals,\n"
        "rounded half up.\n";
    CHECK(nc::to_summary<nc::zoo::resnet18>({.all_layers = false}) == expected);
}

TEST_CASE("to_summary: a residual block with an auxiliary head, as uint16") {
    const std::string expected =
        "layer                                       kind             output      parameters   MACs\n"
        "------------------------------------------  ---------------  ----------  ----------  -----\n"
        "input                                       input            8 x 8 x 3            0      0\n"
        "stem                                        conv             8 x 8 x 4          108  6,912\n"
        "batch_norm1                                 batch_norm       8 x 8 x 4            8      0\n"
        "relu1                                       relu             8 x 8 x 4            0      0\n"
        "  block/conv1                               conv             8 x 8 x 4          144  9,216\n"
        "  block/batch_norm1                         batch_norm       8 x 8 x 4            8      0\n"
        "    block/aux/global_avg_pool1 (auxiliary)  global_avg_pool  1 x 1 x 4            0      0\n"
        "    block/aux/fc1 (auxiliary)               fc               1 x 1 x 2           10      8\n"
        "block                                       add              8 x 8 x 4            0      0\n"
        "relu2                                       relu             8 x 8 x 4            0      0\n"
        "global_avg_pool1                            global_avg_pool  1 x 1 x 4            0      0\n"
        "fc1                                         fc               1 x 1 x 10          50     40\n"
        "\n"
        "total parameters             328\n"
        "trainable parameters         328\n"
        "non-trainable parameters       0\n"
        "MACs                      16,168  16.17K\n"
        "activations                1,806  1.81K\n"
        "peak activations             768  at block\n"
        "\n"
        "bytes with uint16 numbers (2 bytes each), batch 1:\n"
        "parameters                   656\n"
        "input                        384\n"
        "activations                3,612  3.53 KiB\n"
        "peak activations           1,536  1.50 KiB\n"
        "\n"
        "Every parameter netcount counts is trainable (batch norm's running mean and\n"
        "variance are not parameters). MACs: multiply-accumulates, biases not included\n"
        "(connections<Net>). Activations: every entry's output, the input not included;\n"
        "peak activations: the most alive at once in inference, the input included\n"
        "(peak_activations<Net>).\n"
        "(auxiliary): an entry of a head that only training runs; its parameters are in\n"
        "the totals, its MACs and activations are not.\n"
        "K, M, G: 10^3, 10^6, 10^9; KiB, MiB, GiB: 2^10, 2^20, 2^30 bytes; two decimals,\n"
        "rounded half up.\n";
    CHECK(nc::to_summary<small_residual, std::uint16_t>() == expected);
}

TEST_CASE("to_summary: figures in units, rounded half up, exactly") {
    // Below 1000 (or 1024 bytes): nothing; the exact figure says it.
    CHECK(nc::detail::count_units(999) == "");
    CHECK(nc::detail::byte_units(1023) == "");
    CHECK(nc::detail::count_units(1000) == "1.00K");
    CHECK(nc::detail::byte_units(1024) == "1.00 KiB");
    // 1.005K is exactly half a hundredth: up (a double would hold 1.00499999...).
    CHECK(nc::detail::count_units(1005) == "1.01K");
    CHECK(nc::detail::count_units(1'004'999) == "1.00M");
    // What rounds up to 1000 of a unit is 1 of the next: 999,995 is 1000.00K, so 1.00M.
    CHECK(nc::detail::count_units(999'994) == "999.99K");
    CHECK(nc::detail::count_units(999'995) == "1.00M");
    CHECK(nc::detail::byte_units(1'048'575) == "1.00 MiB"); // 1023.999 KiB
    // 2^64 - 1: 18,446,744,073,709,551,615 is 18.45E; 16 EiB less a byte.
    CHECK(nc::detail::count_units(UINT64_MAX) == "18.45E");
    CHECK(nc::detail::byte_units(UINT64_MAX) == "16.00 EiB");
}

TEST_CASE("to_summary: the short form leaves out the entries without parameters or MACs, not their totals") {
    const std::string full = nc::to_summary<small_residual>();
    const std::string short_form = nc::to_summary<small_residual>({.all_layers = false});
    CHECK(full.find("\nrelu1 ") != std::string::npos);
    CHECK(short_form.find("\nrelu1 ") == std::string::npos);
    CHECK(short_form.find("\nblock ") == std::string::npos);
    CHECK(full.substr(full.find("\n\n")) == short_form.substr(short_form.find("\n\n")));
    // A type without a common name: its size.
    struct three_bytes {
        char bytes[3];
    };
    CHECK(nc::to_summary<small_residual, three_bytes>().find("\nbytes with 3-byte numbers, batch 1:\n"
                                                             "parameters                   984\n") !=
          std::string::npos);
}

TEST_CASE("to_summary: a network in which no entry runs peaks at its input") {
    // Only an auxiliary head: the 8 * 8 * 3 = 192 input elements are the peak (peak.hpp), and
    // no entry is where it is reached. The head's conv: 3 * 3 * 3 * 4 + 4 = 112 parameters,
    // fc 6 * 6 * 4 * 10 + 10 = 1,450: 1,562 (1.56K), all in the totals; no MACs in them.
    struct heads_only : nc::network<nc::input<8, 8, 3>, nc::auxiliary<nc::conv<4, nc::kernel<3>>, nc::fc<10>>> {};
    const std::string summary = nc::to_summary<heads_only>();
    CHECK(summary.find("\ntotal parameters          1,562  1.56K\n") != std::string::npos);
    CHECK(summary.find("\nMACs                          0\n") != std::string::npos);
    CHECK(summary.find("\npeak activations            192  at the input\n") != std::string::npos);
    CHECK(summary.find("\n(auxiliary): ") != std::string::npos);
}
