// Every report format, against exact expected text, for AlexNet and for a small branching
// network. AlexNet's figures are the hand-worked table of Krizhevsky et al. 2012 at 227 x 227,
// towers as groups, without biases (units, weights, connections) and the reference
// JSON's (biases: 96, 256, 384, 384, 256, 4096, 4096, 1000; parameters = weights + biases), see
// tests/reference/torchvision-counts.json; the branching network's are worked out below.
#include <string>

#include <netcount/netcount.hpp>
#include <netcount/report.hpp>
#include <netcount/zoo/alexnet.hpp>

#include "catch.hpp"

namespace nc = netcount;
using nc::zoo::alexnet;

// 8 x 8 x 3 input. Every conv is 8 x 8 (same, stride 1), so connections = weights * 64.
//   0 stem                   conv 3x3, 4:  108 weights (3*3*3*4), 4 biases, 256 units, 6,912 connections
//   1 mix/conv1              conv 1x1, 2:  8 weights (4*2), 2 biases, 128 units, 512 connections
//   2 mix/conv2              conv 1x1, 2:  the same
//   3 mix/relu1
//   4 mix/conv3              conv 3x3, 2, no bias: 36 weights (3*3*2*2), 128 units, 2,304 connections
//   5 mix/max_pool1          3x3, stride 1, same: 8 x 8 x 4
//   6 mix                    concat of 1, 4, 5: 2 + 2 + 4 = 8 channels
//   7 residual1/conv1        conv 1x1, 8, no bias: 64 weights, 512 units, 4,096 connections
//   8 residual1/batch_norm1  2 * 8 = 16 parameters
//   9 residual1              add of 6 and 8
//  10 global_avg_pool1       1 x 1 x 8
//  11 fc1                    8 * 3 = 24 weights, 3 biases, 3 units
// Totals: weights 108 + 8 + 8 + 36 + 64 + 24 = 248; biases 4 + 2 + 2 + 3 = 11; parameters
// 248 + 11 + 16 = 275; connections 6,912 + 512 + 512 + 2,304 + 4,096 + 24 = 14,360; units
// 256 + 128 + 128 + 128 + 512 + 3 = 1,155; with bias 14,360 + 256 + 128 + 128 + 3 = 14,875;
// activations 256 + 4 * 128 + 256 + 4 * 512 + 8 + 3 = 3,083.
// Receptive fields: stem 3 (start -1); conv1, conv2, relu1 the same; conv3 and the pool add
// 2: 5 (start -2); the merges keep 5; the global pool adds 7: 12 (start -2).
// Live activations (the schedule of docs/deploy.md; the input is 8 * 8 * 3 = 192):
//   stem 192 + 256 = 448; mix/conv1 256 + 128 = 384 (the input is freed); mix/conv2 adds 128:
//   512; relu1 in place: 512; conv3 adds 128: 640 (relu1 freed after it); max_pool1 reads the
//   stem last, 256 + 128 + 128 + 256 = 768; mix writes 512 over the three paths: 1,024 (the stem
//   freed); residual1/conv1 512 + 512 = 1,024; batch_norm1 in place: 1,024; the add writes 512:
//   1,536, the peak; global_avg_pool1 512 + 8 = 520; fc1 8 + 3 = 11.
struct branching : nc::network<nc::input<8, 8, 3>, nc::conv<4, nc::kernel<3>, nc::same, nc::name<"stem">>,
                               nc::concat<nc::name<"mix">, nc::conv<2, nc::kernel<1>>,
                                          nc::sequence<nc::conv<2, nc::kernel<1>>, nc::relu,
                                                       nc::conv<2, nc::kernel<3>, nc::same, nc::no_bias>>,
                                          nc::max_pool<nc::kernel<3>, nc::stride<1>, nc::same>>,
                               nc::residual<nc::conv<8, nc::kernel<1>, nc::no_bias>, nc::batch_norm>,
                               nc::global_avg_pool, nc::fc<3>> {};

TEST_CASE("to_table's share column: AlexNet's weights sit in fc6 and fc7") {
    // 37,748,736 / 60,954,656 = 61.9%, 16,777,216 / 60,954,656 = 27.5%; a 10-character bar for
    // 100%, so 6 and 3 characters.
    const std::string expected =
        "layer  output         units                   weights                     parameters  connections                              share of weights\n"
        "-----  -------------  ----------------------  --------------------------  ----------  ---------------------------------------  ----------------\n"
        "conv1  55 x 55 x 96   55 * 55 * 96 = 290400   11 * 11 * 3 * 96 = 34848    34944       11 * 11 * 3 * 96 * 55 * 55 = 105415200     0.1%\n"
        "conv2  27 x 27 x 256  27 * 27 * 256 = 186624  5 * 5 * 48 * 256 = 307200   307456      5 * 5 * 48 * 256 * 27 * 27 = 223948800     0.5%\n"
        "conv3  13 x 13 x 384  13 * 13 * 384 = 64896   3 * 3 * 256 * 384 = 884736  885120      3 * 3 * 256 * 384 * 13 * 13 = 149520384    1.5%\n"
        "conv4  13 x 13 x 384  13 * 13 * 384 = 64896   3 * 3 * 192 * 384 = 663552  663936      3 * 3 * 192 * 384 * 13 * 13 = 112140288    1.1%\n"
        "conv5  13 x 13 x 256  13 * 13 * 256 = 43264   3 * 3 * 192 * 256 = 442368  442624      3 * 3 * 192 * 256 * 13 * 13 = 74760192     0.7%\n"
        "fc6    1 x 1 x 4096   4096                    9216 * 4096 = 37748736      37752832    9216 * 4096 = 37748736                    61.9% ######\n"
        "fc7    1 x 1 x 4096   4096                    4096 * 4096 = 16777216      16781312    4096 * 4096 = 16777216                    27.5% ###\n"
        "fc8    1 x 1 x 1000   1000                    4096 * 1000 = 4096000       4097000     4096 * 1000 = 4096000                      6.7% #\n"
        "total                 659272                  60954656                    60965224    724406816                                100.0%\n";
    CHECK(nc::to_table<alexnet>({.share = nc::share_of::weights, .bar_width = 10}) == expected);
}

TEST_CASE("to_table of a branching network, every layer, with its share of the connections") {
    // 6,912 / 14,360 = 48.1% (20 * 0.481 = 9.6: 10 characters); 4,096 / 14,360 = 28.5%;
    // 2,304 / 14,360 = 16.0%; 512 / 14,360 = 3.6%; 24 / 14,360 = 0.2% (no bar).
    const std::string expected =
        "layer                  output     units            weights              parameters  connections                   share of connections\n"
        "---------------------  ---------  ---------------  -------------------  ----------  ----------------------------  --------------------\n"
        "stem                   8 x 8 x 4  8 * 8 * 4 = 256  3 * 3 * 3 * 4 = 108  112         3 * 3 * 3 * 4 * 8 * 8 = 6912   48.1% ##########\n"
        "mix/conv1              8 x 8 x 2  8 * 8 * 2 = 128  1 * 1 * 4 * 2 = 8    10          1 * 1 * 4 * 2 * 8 * 8 = 512     3.6% #\n"
        "mix/conv2              8 x 8 x 2  8 * 8 * 2 = 128  1 * 1 * 4 * 2 = 8    10          1 * 1 * 4 * 2 * 8 * 8 = 512     3.6% #\n"
        "mix/relu1              8 x 8 x 2  0                0                    0           0                               0.0%\n"
        "mix/conv3              8 x 8 x 2  8 * 8 * 2 = 128  3 * 3 * 2 * 2 = 36   36          3 * 3 * 2 * 2 * 8 * 8 = 2304   16.0% ###\n"
        "mix/max_pool1          8 x 8 x 4  0                0                    0           0                               0.0%\n"
        "mix                    8 x 8 x 8  0                0                    0           0                               0.0%\n"
        "residual1/conv1        8 x 8 x 8  8 * 8 * 8 = 512  1 * 1 * 8 * 8 = 64   64          1 * 1 * 8 * 8 * 8 * 8 = 4096   28.5% ######\n"
        "residual1/batch_norm1  8 x 8 x 8  0                0                    16          0                               0.0%\n"
        "residual1              8 x 8 x 8  0                0                    0           0                               0.0%\n"
        "global_avg_pool1       1 x 1 x 8  0                0                    0           0                               0.0%\n"
        "fc1                    1 x 1 x 3  3                8 * 3 = 24           27          8 * 3 = 24                      0.2%\n"
        "total                             1155             248                  275         14360                         100.0%\n";
    CHECK(nc::to_table<branching>({.all_layers = true, .share = nc::share_of::connections}) == expected);
}

TEST_CASE("to_markdown prints the seed's table as a Markdown table") {
    const std::string expected =
        "| layer | output        | units                  | weights                    | parameters | connections                             |\n"
        "| ----- | ------------- | ---------------------: | -------------------------: | ---------: | --------------------------------------: |\n"
        "| conv1 | 55 x 55 x 96  |  55 * 55 * 96 = 290400 |   11 * 11 * 3 * 96 = 34848 |      34944 |  11 * 11 * 3 * 96 * 55 * 55 = 105415200 |\n"
        "| conv2 | 27 x 27 x 256 | 27 * 27 * 256 = 186624 |  5 * 5 * 48 * 256 = 307200 |     307456 |  5 * 5 * 48 * 256 * 27 * 27 = 223948800 |\n"
        "| conv3 | 13 x 13 x 384 |  13 * 13 * 384 = 64896 | 3 * 3 * 256 * 384 = 884736 |     885120 | 3 * 3 * 256 * 384 * 13 * 13 = 149520384 |\n"
        "| conv4 | 13 x 13 x 384 |  13 * 13 * 384 = 64896 | 3 * 3 * 192 * 384 = 663552 |     663936 | 3 * 3 * 192 * 384 * 13 * 13 = 112140288 |\n"
        "| conv5 | 13 x 13 x 256 |  13 * 13 * 256 = 43264 | 3 * 3 * 192 * 256 = 442368 |     442624 |  3 * 3 * 192 * 256 * 13 * 13 = 74760192 |\n"
        "| fc6   | 1 x 1 x 4096  |                   4096 |     9216 * 4096 = 37748736 |   37752832 |                  9216 * 4096 = 37748736 |\n"
        "| fc7   | 1 x 1 x 4096  |                   4096 |     4096 * 4096 = 16777216 |   16781312 |                  4096 * 4096 = 16777216 |\n"
        "| fc8   | 1 x 1 x 1000  |                   1000 |      4096 * 1000 = 4096000 |    4097000 |                   4096 * 1000 = 4096000 |\n"
        "| total |               |                 659272 |                   60954656 |   60965224 |                               724406816 |\n";
    CHECK(nc::to_markdown<alexnet>() == expected);
}

TEST_CASE("to_markdown of a branching network with its share of the parameters") {
    // stem 112 / 275 = 40.7%; residual1/conv1 64 / 275 = 23.3%; mix/conv3 36 / 275 = 13.1%;
    // fc1 27 / 275 = 9.8%; the batch norm's 16 / 275 = 5.8%; 10 / 275 = 3.6%.
    const std::string expected =
        "| layer                 | output    | units           | weights             | parameters | connections                  | share of parameters |\n"
        "| --------------------- | --------- | --------------: | ------------------: | ---------: | ---------------------------: | ------------------- |\n"
        "| stem                  | 8 x 8 x 4 | 8 * 8 * 4 = 256 | 3 * 3 * 3 * 4 = 108 |        112 | 3 * 3 * 3 * 4 * 8 * 8 = 6912 |  40.7% ########     |\n"
        "| mix/conv1             | 8 x 8 x 2 | 8 * 8 * 2 = 128 |   1 * 1 * 4 * 2 = 8 |         10 |  1 * 1 * 4 * 2 * 8 * 8 = 512 |   3.6% #            |\n"
        "| mix/conv2             | 8 x 8 x 2 | 8 * 8 * 2 = 128 |   1 * 1 * 4 * 2 = 8 |         10 |  1 * 1 * 4 * 2 * 8 * 8 = 512 |   3.6% #            |\n"
        "| mix/relu1             | 8 x 8 x 2 |               0 |                   0 |          0 |                            0 |   0.0%              |\n"
        "| mix/conv3             | 8 x 8 x 2 | 8 * 8 * 2 = 128 |  3 * 3 * 2 * 2 = 36 |         36 | 3 * 3 * 2 * 2 * 8 * 8 = 2304 |  13.1% ###          |\n"
        "| mix/max_pool1         | 8 x 8 x 4 |               0 |                   0 |          0 |                            0 |   0.0%              |\n"
        "| mix                   | 8 x 8 x 8 |               0 |                   0 |          0 |                            0 |   0.0%              |\n"
        "| residual1/conv1       | 8 x 8 x 8 | 8 * 8 * 8 = 512 |  1 * 1 * 8 * 8 = 64 |         64 | 1 * 1 * 8 * 8 * 8 * 8 = 4096 |  23.3% #####        |\n"
        "| residual1/batch_norm1 | 8 x 8 x 8 |               0 |                   0 |         16 |                            0 |   5.8% #            |\n"
        "| residual1             | 8 x 8 x 8 |               0 |                   0 |          0 |                            0 |   0.0%              |\n"
        "| global_avg_pool1      | 1 x 1 x 8 |               0 |                   0 |          0 |                            0 |   0.0%              |\n"
        "| fc1                   | 1 x 1 x 3 |               3 |          8 * 3 = 24 |         27 |                   8 * 3 = 24 |   9.8% ##           |\n"
        "| total                 |           |            1155 |                 248 |        275 |                        14360 | 100.0%              |\n";
    CHECK(nc::to_markdown<branching>({.all_layers = true, .share = nc::share_of::parameters}) == expected);
}

TEST_CASE("to_table's default rows are the entries with parameters, a batch norm's included") {
    // residual1/batch_norm1 has no weights but 2 * 8 = 16 parameters, 5.8% of the 275: its row
    // is there, so that the rows' parameters add up to the total's (112 + 10 + 10 + 36 + 64 +
    // 16 + 27 = 275).
    const std::string table = nc::to_table<branching>({.share = nc::share_of::parameters});
    CHECK(table.find("\nresidual1/batch_norm1  8 x 8 x 8  0                0                    16          0"
                     "                               5.8% #\n") != std::string::npos);
    CHECK(table.find("\nmix/relu1") == std::string::npos);
    CHECK(table.find("\ntotal                             1155             248                  275         14360") !=
          std::string::npos);
}

TEST_CASE("to_table's input and kernel columns: AlexNet's windows as the paper gives them") {
    // Krizhevsky et al. 2012: conv1 11 x 11 at stride 4 on 227 x 227 x 3; conv2 5 x 5 (padding 2
    // keeps 27 x 27), conv3 to conv5 3 x 3 (padding 1 keeps 13 x 13); conv2, conv4 and conv5 on
    // the two towers (groups 2); fc6 reads the whole 6 x 6 x 256.
    const std::string expected =
        "layer  input          output         kernel                  units                   weights                     parameters  connections\n"
        "-----  -------------  -------------  ----------------------  ----------------------  --------------------------  ----------  ---------------------------------------\n"
        "conv1  227 x 227 x 3  55 x 55 x 96   11 x 11, stride 4       55 * 55 * 96 = 290400   11 * 11 * 3 * 96 = 34848    34944       11 * 11 * 3 * 96 * 55 * 55 = 105415200\n"
        "conv2  27 x 27 x 96   27 x 27 x 256  5 x 5, pad 2, groups 2  27 * 27 * 256 = 186624  5 * 5 * 48 * 256 = 307200   307456      5 * 5 * 48 * 256 * 27 * 27 = 223948800\n"
        "conv3  13 x 13 x 256  13 x 13 x 384  3 x 3, pad 1            13 * 13 * 384 = 64896   3 * 3 * 256 * 384 = 884736  885120      3 * 3 * 256 * 384 * 13 * 13 = 149520384\n"
        "conv4  13 x 13 x 384  13 x 13 x 384  3 x 3, pad 1, groups 2  13 * 13 * 384 = 64896   3 * 3 * 192 * 384 = 663552  663936      3 * 3 * 192 * 384 * 13 * 13 = 112140288\n"
        "conv5  13 x 13 x 384  13 x 13 x 256  3 x 3, pad 1, groups 2  13 * 13 * 256 = 43264   3 * 3 * 192 * 256 = 442368  442624      3 * 3 * 192 * 256 * 13 * 13 = 74760192\n"
        "fc6    6 x 6 x 256    1 x 1 x 4096   global                  4096                    9216 * 4096 = 37748736      37752832    9216 * 4096 = 37748736\n"
        "fc7    1 x 1 x 4096   1 x 1 x 4096   global                  4096                    4096 * 4096 = 16777216      16781312    4096 * 4096 = 16777216\n"
        "fc8    1 x 1 x 4096   1 x 1 x 1000   global                  1000                    4096 * 1000 = 4096000       4097000     4096 * 1000 = 4096000\n"
        "total                                                        659272                  60954656                    60965224    724406816\n";
    CHECK(nc::to_table<alexnet>({.input = true, .kernel = true}) == expected);
}

TEST_CASE("to_markdown with every column: windows of every shape, counts right-aligned") {
    // 9 x 8 x 4 input.
    //   conv1  3 x 3, stride 2, same, groups 2, 8 filters: ceil(9 / 2) = 5 rows need
    //          (5 - 1) * 2 + 3 = 11 of 9, padding 1 and 1; ceil(8 / 2) = 4 columns need 9 of 8,
    //          padding 0 and 1 (the odd one at the end). 3 * 3 * 2 * 8 = 144 weights, 152
    //          parameters, 144 * 20 = 2,880 connections
    //   conv2  3 x 3, dilation 2 (a 5 x 5 reach), padding 2: 5 x 4 x 8; 3 * 3 * 8 * 8 = 576
    //          weights, 584 parameters, 11,520 connections
    //   transposed_conv1  2 x 2, stride 2, 4 filters: (5 - 1) * 2 + 2 = 10, (4 - 1) * 2 + 2 = 8;
    //          2 * 2 * 8 * 4 = 128 weights, 132 parameters, 128 * 5 * 4 = 2,560 connections
    //   max_pool1 2 x 2 (stride 2): 5 x 4 x 4; batch_norm1 2 * 4 = 8 parameters; the global pool
    //          1 x 1 x 4; fc1 4 * 3 = 12 weights, 15 parameters
    // Totals: units 160 + 160 + 320 + 3 = 643; weights 860; parameters 891; connections 16,972.
    // Live: 288 + 160 = 448; 160 + 160 = 320; 160 + 320 = 480 (the peak); 320 + 80 = 400; 80 in
    // place; 80 + 4 = 84; 4 + 3 = 7. Shares of 891: 152 17.1%, 584 65.5%, 132 14.8%, 8 0.9%,
    // 15 1.7%.
    struct windows : nc::network<nc::input<9, 8, 4>, nc::conv<8, nc::kernel<3>, nc::stride<2>, nc::same, nc::groups<2>>,
                                 nc::conv<8, nc::kernel<3>, nc::dilation<2>, nc::pad<2>>,
                                 nc::transposed_conv<4, nc::kernel<2>, nc::stride<2>>, nc::max_pool<nc::kernel<2>>,
                                 nc::batch_norm, nc::global_avg_pool, nc::fc<3>> {};
    const std::string expected =
        "| layer            | input      | output     | kernel                                   | units            | weights             | parameters | connections                   | live activations | share of parameters  |\n"
        "| ---------------- | ---------- | ---------- | ---------------------------------------- | ---------------: | ------------------: | ---------: | ----------------------------: | ---------------: | -------------------- |\n"
        "| conv1            | 9 x 8 x 4  | 5 x 4 x 8  | 3 x 3, stride 2, pad 1,1 x 0,1, groups 2 |  5 * 4 * 8 = 160 | 3 * 3 * 2 * 8 = 144 |        152 |  3 * 3 * 2 * 8 * 5 * 4 = 2880 |              448 |  17.1% ###           |\n"
        "| conv2            | 5 x 4 x 8  | 5 x 4 x 8  | 3 x 3, pad 2, dilation 2                 |  5 * 4 * 8 = 160 | 3 * 3 * 8 * 8 = 576 |        584 | 3 * 3 * 8 * 8 * 5 * 4 = 11520 |              320 |  65.5% ############# |\n"
        "| transposed_conv1 | 5 x 4 x 8  | 10 x 8 x 4 | 2 x 2, stride 2, transposed              | 10 * 8 * 4 = 320 | 2 * 2 * 8 * 4 = 128 |        132 |  2 * 2 * 8 * 4 * 5 * 4 = 2560 |              480 |  14.8% ###           |\n"
        "| max_pool1        | 10 x 8 x 4 | 5 x 4 x 4  | 2 x 2, stride 2                          |                0 |                   0 |          0 |                             0 |              400 |   0.0%               |\n"
        "| batch_norm1      | 5 x 4 x 4  | 5 x 4 x 4  |                                          |                0 |                   0 |          8 |                             0 |               80 |   0.9%               |\n"
        "| global_avg_pool1 | 5 x 4 x 4  | 1 x 1 x 4  | global                                   |                0 |                   0 |          0 |                             0 |               84 |   0.0%               |\n"
        "| fc1              | 1 x 1 x 4  | 1 x 1 x 3  | global                                   |                3 |          4 * 3 = 12 |         15 |                    4 * 3 = 12 |                7 |   1.7%               |\n"
        "| total            |            |            |                                          |              643 |                 860 |        891 |                         16972 |         peak 480 | 100.0%               |\n";
    CHECK(nc::to_markdown<windows>({.all_layers = true,
                                    .share = nc::share_of::parameters,
                                    .live_activations = true,
                                    .input = true,
                                    .kernel = true}) == expected);
}

TEST_CASE("to_table's live activations column: AlexNet's peak is at lrn1") {
    // The live activations of to_csv's test below, for the layers with weights; the peak,
    // 580,800 at lrn1, in the total row.
    const std::string expected =
        "layer  output         units                   weights                     parameters  connections                              live activations\n"
        "-----  -------------  ----------------------  --------------------------  ----------  ---------------------------------------  ----------------\n"
        "conv1  55 x 55 x 96   55 * 55 * 96 = 290400   11 * 11 * 3 * 96 = 34848    34944       11 * 11 * 3 * 96 * 55 * 55 = 105415200   444987\n"
        "conv2  27 x 27 x 256  27 * 27 * 256 = 186624  5 * 5 * 48 * 256 = 307200   307456      5 * 5 * 48 * 256 * 27 * 27 = 223948800   256608\n"
        "conv3  13 x 13 x 384  13 * 13 * 384 = 64896   3 * 3 * 256 * 384 = 884736  885120      3 * 3 * 256 * 384 * 13 * 13 = 149520384  108160\n"
        "conv4  13 x 13 x 384  13 * 13 * 384 = 64896   3 * 3 * 192 * 384 = 663552  663936      3 * 3 * 192 * 384 * 13 * 13 = 112140288  129792\n"
        "conv5  13 x 13 x 256  13 * 13 * 256 = 43264   3 * 3 * 192 * 256 = 442368  442624      3 * 3 * 192 * 256 * 13 * 13 = 74760192   108160\n"
        "fc6    1 x 1 x 4096   4096                    9216 * 4096 = 37748736      37752832    9216 * 4096 = 37748736                   13312\n"
        "fc7    1 x 1 x 4096   4096                    4096 * 4096 = 16777216      16781312    4096 * 4096 = 16777216                   8192\n"
        "fc8    1 x 1 x 1000   1000                    4096 * 1000 = 4096000       4097000     4096 * 1000 = 4096000                    5096\n"
        "total                 659272                  60954656                    60965224    724406816                                peak 580800\n";
    CHECK(nc::to_table<alexnet>({.live_activations = true}) == expected);
}

TEST_CASE("to_csv lists every layer of AlexNet") {
    // connections_with_bias = connections + units for a layer with biases: conv1
    // 105,415,200 + 290,400 = 105,705,600. Live activations: the 154,587 inputs and conv1's
    // 290,400 (444,987); relu1 in place (290,400); lrn1 writes another (580,800, the peak);
    // max_pool1 290,400 + 69,984 = 360,384; conv2 69,984 + 186,624 = 256,608; relu2 186,624;
    // lrn2 373,248; max_pool2 186,624 + 43,264 = 229,888; conv3 43,264 + 64,896 = 108,160; relu3
    // 64,896; conv4 129,792; relu4 64,896; conv5 64,896 + 43,264 = 108,160; relu5 43,264;
    // max_pool3 43,264 + 9,216 = 52,480; fc6 9,216 + 4,096 = 13,312; relu6 and dropout1 4,096;
    // fc7 8,192; relu7 and dropout2 4,096; fc8 4,096 + 1,000 = 5,096.
    const std::string expected =
        "name,kind,input_height,input_width,input_channels,output_height,output_width,output_channels,units,weights,biases,parameters,connections,connections_with_bias,activations,live_activations,merge,auxiliary,shared,output\n"
        "conv1,conv,227,227,3,55,55,96,290400,34848,96,34944,105415200,105705600,290400,444987,0,0,0,0\n"
        "relu1,relu,55,55,96,55,55,96,0,0,0,0,0,0,290400,290400,0,0,0,0\n"
        "lrn1,lrn,55,55,96,55,55,96,0,0,0,0,0,0,290400,580800,0,0,0,0\n"
        "max_pool1,max_pool,55,55,96,27,27,96,0,0,0,0,0,0,69984,360384,0,0,0,0\n"
        "conv2,conv,27,27,96,27,27,256,186624,307200,256,307456,223948800,224135424,186624,256608,0,0,0,0\n"
        "relu2,relu,27,27,256,27,27,256,0,0,0,0,0,0,186624,186624,0,0,0,0\n"
        "lrn2,lrn,27,27,256,27,27,256,0,0,0,0,0,0,186624,373248,0,0,0,0\n"
        "max_pool2,max_pool,27,27,256,13,13,256,0,0,0,0,0,0,43264,229888,0,0,0,0\n"
        "conv3,conv,13,13,256,13,13,384,64896,884736,384,885120,149520384,149585280,64896,108160,0,0,0,0\n"
        "relu3,relu,13,13,384,13,13,384,0,0,0,0,0,0,64896,64896,0,0,0,0\n"
        "conv4,conv,13,13,384,13,13,384,64896,663552,384,663936,112140288,112205184,64896,129792,0,0,0,0\n"
        "relu4,relu,13,13,384,13,13,384,0,0,0,0,0,0,64896,64896,0,0,0,0\n"
        "conv5,conv,13,13,384,13,13,256,43264,442368,256,442624,74760192,74803456,43264,108160,0,0,0,0\n"
        "relu5,relu,13,13,256,13,13,256,0,0,0,0,0,0,43264,43264,0,0,0,0\n"
        "max_pool3,max_pool,13,13,256,6,6,256,0,0,0,0,0,0,9216,52480,0,0,0,0\n"
        "fc6,fc,6,6,256,1,1,4096,4096,37748736,4096,37752832,37748736,37752832,4096,13312,0,0,0,0\n"
        "relu6,relu,1,1,4096,1,1,4096,0,0,0,0,0,0,4096,4096,0,0,0,0\n"
        "dropout1,dropout,1,1,4096,1,1,4096,0,0,0,0,0,0,4096,4096,0,0,0,0\n"
        "fc7,fc,1,1,4096,1,1,4096,4096,16777216,4096,16781312,16777216,16781312,4096,8192,0,0,0,0\n"
        "relu7,relu,1,1,4096,1,1,4096,0,0,0,0,0,0,4096,4096,0,0,0,0\n"
        "dropout2,dropout,1,1,4096,1,1,4096,0,0,0,0,0,0,4096,4096,0,0,0,0\n"
        "fc8,fc,1,1,4096,1,1,1000,1000,4096000,1000,4097000,4096000,4097000,1000,5096,0,0,0,0\n";
    CHECK(nc::to_csv<alexnet>() == expected);
}

TEST_CASE("to_csv lists a branching network's layers and merges") {
    // A merge reports the shape of its first path as its input (mix: 8 x 8 x 2).
    const std::string expected =
        "name,kind,input_height,input_width,input_channels,output_height,output_width,output_channels,units,weights,biases,parameters,connections,connections_with_bias,activations,live_activations,merge,auxiliary,shared,output\n"
        "stem,conv,8,8,3,8,8,4,256,108,4,112,6912,7168,256,448,0,0,0,0\n"
        "mix/conv1,conv,8,8,4,8,8,2,128,8,2,10,512,640,128,384,0,0,0,0\n"
        "mix/conv2,conv,8,8,4,8,8,2,128,8,2,10,512,640,128,512,0,0,0,0\n"
        "mix/relu1,relu,8,8,2,8,8,2,0,0,0,0,0,0,128,512,0,0,0,0\n"
        "mix/conv3,conv,8,8,2,8,8,2,128,36,0,36,2304,2304,128,640,0,0,0,0\n"
        "mix/max_pool1,max_pool,8,8,4,8,8,4,0,0,0,0,0,0,256,768,0,0,0,0\n"
        "mix,concat,8,8,2,8,8,8,0,0,0,0,0,0,512,1024,1,0,0,0\n"
        "residual1/conv1,conv,8,8,8,8,8,8,512,64,0,64,4096,4096,512,1024,0,0,0,0\n"
        "residual1/batch_norm1,batch_norm,8,8,8,8,8,8,0,0,0,16,0,0,512,1024,0,0,0,0\n"
        "residual1,add,8,8,8,8,8,8,0,0,0,0,0,0,512,1536,1,0,0,0\n"
        "global_avg_pool1,global_avg_pool,8,8,8,1,1,8,0,0,0,0,0,0,8,520,0,0,0,0\n"
        "fc1,fc,1,1,8,1,1,3,3,24,3,27,24,27,3,11,0,0,0,0\n";
    CHECK(nc::to_csv<branching>() == expected);
}

TEST_CASE("to_json: AlexNet's layers, graph, receptive fields and totals") {
    // The receptive fields are tests/static/receptive_field.cpp's; activations 1,925,224 are
    // tests/static/memory.cpp's; connections_with_bias 724,406,816 + 659,272 = 725,066,088.
    const std::string expected =
        "{\n"
        "  \"input\": {\"height\": 227, \"width\": 227, \"channels\": 3},\n"
        "  \"output\": {\"height\": 1, \"width\": 1, \"channels\": 1000},\n"
        "  \"outputs\": [21],\n"
        "  \"reuses\": [],\n"
        "  \"layers\": [\n"
        "    {\"name\": \"conv1\", \"kind\": \"conv\", \"inputs\": [-1], \"input\": {\"height\": 227, \"width\": 227, \"channels\": 3}, \"output\": {\"height\": 55, \"width\": 55, \"channels\": 96}, \"units\": 290400, \"weights\": 34848, \"biases\": 96, \"parameters\": 34944, \"connections\": 105415200, \"connections_with_bias\": 105705600, \"activations\": 290400, \"live_activations\": 444987, \"receptive_field\": {\"height\": {\"size\": 11, \"jump\": 4, \"start\": 0}, \"width\": {\"size\": 11, \"jump\": 4, \"start\": 0}}, \"merge\": false, \"auxiliary\": false},\n"
        "    {\"name\": \"relu1\", \"kind\": \"relu\", \"inputs\": [0], \"input\": {\"height\": 55, \"width\": 55, \"channels\": 96}, \"output\": {\"height\": 55, \"width\": 55, \"channels\": 96}, \"units\": 0, \"weights\": 0, \"biases\": 0, \"parameters\": 0, \"connections\": 0, \"connections_with_bias\": 0, \"activations\": 290400, \"live_activations\": 290400, \"receptive_field\": {\"height\": {\"size\": 11, \"jump\": 4, \"start\": 0}, \"width\": {\"size\": 11, \"jump\": 4, \"start\": 0}}, \"merge\": false, \"auxiliary\": false},\n"
        "    {\"name\": \"lrn1\", \"kind\": \"lrn\", \"inputs\": [1], \"input\": {\"height\": 55, \"width\": 55, \"channels\": 96}, \"output\": {\"height\": 55, \"width\": 55, \"channels\": 96}, \"units\": 0, \"weights\": 0, \"biases\": 0, \"parameters\": 0, \"connections\": 0, \"connections_with_bias\": 0, \"activations\": 290400, \"live_activations\": 580800, \"receptive_field\": {\"height\": {\"size\": 11, \"jump\": 4, \"start\": 0}, \"width\": {\"size\": 11, \"jump\": 4, \"start\": 0}}, \"merge\": false, \"auxiliary\": false},\n"
        "    {\"name\": \"max_pool1\", \"kind\": \"max_pool\", \"inputs\": [2], \"input\": {\"height\": 55, \"width\": 55, \"channels\": 96}, \"output\": {\"height\": 27, \"width\": 27, \"channels\": 96}, \"units\": 0, \"weights\": 0, \"biases\": 0, \"parameters\": 0, \"connections\": 0, \"connections_with_bias\": 0, \"activations\": 69984, \"live_activations\": 360384, \"receptive_field\": {\"height\": {\"size\": 19, \"jump\": 8, \"start\": 0}, \"width\": {\"size\": 19, \"jump\": 8, \"start\": 0}}, \"merge\": false, \"auxiliary\": false},\n"
        "    {\"name\": \"conv2\", \"kind\": \"conv\", \"inputs\": [3], \"input\": {\"height\": 27, \"width\": 27, \"channels\": 96}, \"output\": {\"height\": 27, \"width\": 27, \"channels\": 256}, \"units\": 186624, \"weights\": 307200, \"biases\": 256, \"parameters\": 307456, \"connections\": 223948800, \"connections_with_bias\": 224135424, \"activations\": 186624, \"live_activations\": 256608, \"receptive_field\": {\"height\": {\"size\": 51, \"jump\": 8, \"start\": -16}, \"width\": {\"size\": 51, \"jump\": 8, \"start\": -16}}, \"merge\": false, \"auxiliary\": false},\n"
        "    {\"name\": \"relu2\", \"kind\": \"relu\", \"inputs\": [4], \"input\": {\"height\": 27, \"width\": 27, \"channels\": 256}, \"output\": {\"height\": 27, \"width\": 27, \"channels\": 256}, \"units\": 0, \"weights\": 0, \"biases\": 0, \"parameters\": 0, \"connections\": 0, \"connections_with_bias\": 0, \"activations\": 186624, \"live_activations\": 186624, \"receptive_field\": {\"height\": {\"size\": 51, \"jump\": 8, \"start\": -16}, \"width\": {\"size\": 51, \"jump\": 8, \"start\": -16}}, \"merge\": false, \"auxiliary\": false},\n"
        "    {\"name\": \"lrn2\", \"kind\": \"lrn\", \"inputs\": [5], \"input\": {\"height\": 27, \"width\": 27, \"channels\": 256}, \"output\": {\"height\": 27, \"width\": 27, \"channels\": 256}, \"units\": 0, \"weights\": 0, \"biases\": 0, \"parameters\": 0, \"connections\": 0, \"connections_with_bias\": 0, \"activations\": 186624, \"live_activations\": 373248, \"receptive_field\": {\"height\": {\"size\": 51, \"jump\": 8, \"start\": -16}, \"width\": {\"size\": 51, \"jump\": 8, \"start\": -16}}, \"merge\": false, \"auxiliary\": false},\n"
        "    {\"name\": \"max_pool2\", \"kind\": \"max_pool\", \"inputs\": [6], \"input\": {\"height\": 27, \"width\": 27, \"channels\": 256}, \"output\": {\"height\": 13, \"width\": 13, \"channels\": 256}, \"units\": 0, \"weights\": 0, \"biases\": 0, \"parameters\": 0, \"connections\": 0, \"connections_with_bias\": 0, \"activations\": 43264, \"live_activations\": 229888, \"receptive_field\": {\"height\": {\"size\": 67, \"jump\": 16, \"start\": -16}, \"width\": {\"size\": 67, \"jump\": 16, \"start\": -16}}, \"merge\": false, \"auxiliary\": false},\n"
        "    {\"name\": \"conv3\", \"kind\": \"conv\", \"inputs\": [7], \"input\": {\"height\": 13, \"width\": 13, \"channels\": 256}, \"output\": {\"height\": 13, \"width\": 13, \"channels\": 384}, \"units\": 64896, \"weights\": 884736, \"biases\": 384, \"parameters\": 885120, \"connections\": 149520384, \"connections_with_bias\": 149585280, \"activations\": 64896, \"live_activations\": 108160, \"receptive_field\": {\"height\": {\"size\": 99, \"jump\": 16, \"start\": -32}, \"width\": {\"size\": 99, \"jump\": 16, \"start\": -32}}, \"merge\": false, \"auxiliary\": false},\n"
        "    {\"name\": \"relu3\", \"kind\": \"relu\", \"inputs\": [8], \"input\": {\"height\": 13, \"width\": 13, \"channels\": 384}, \"output\": {\"height\": 13, \"width\": 13, \"channels\": 384}, \"units\": 0, \"weights\": 0, \"biases\": 0, \"parameters\": 0, \"connections\": 0, \"connections_with_bias\": 0, \"activations\": 64896, \"live_activations\": 64896, \"receptive_field\": {\"height\": {\"size\": 99, \"jump\": 16, \"start\": -32}, \"width\": {\"size\": 99, \"jump\": 16, \"start\": -32}}, \"merge\": false, \"auxiliary\": false},\n"
        "    {\"name\": \"conv4\", \"kind\": \"conv\", \"inputs\": [9], \"input\": {\"height\": 13, \"width\": 13, \"channels\": 384}, \"output\": {\"height\": 13, \"width\": 13, \"channels\": 384}, \"units\": 64896, \"weights\": 663552, \"biases\": 384, \"parameters\": 663936, \"connections\": 112140288, \"connections_with_bias\": 112205184, \"activations\": 64896, \"live_activations\": 129792, \"receptive_field\": {\"height\": {\"size\": 131, \"jump\": 16, \"start\": -48}, \"width\": {\"size\": 131, \"jump\": 16, \"start\": -48}}, \"merge\": false, \"auxiliary\": false},\n"
        "    {\"name\": \"relu4\", \"kind\": \"relu\", \"inputs\": [10], \"input\": {\"height\": 13, \"width\": 13, \"channels\": 384}, \"output\": {\"height\": 13, \"width\": 13, \"channels\": 384}, \"units\": 0, \"weights\": 0, \"biases\": 0, \"parameters\": 0, \"connections\": 0, \"connections_with_bias\": 0, \"activations\": 64896, \"live_activations\": 64896, \"receptive_field\": {\"height\": {\"size\": 131, \"jump\": 16, \"start\": -48}, \"width\": {\"size\": 131, \"jump\": 16, \"start\": -48}}, \"merge\": false, \"auxiliary\": false},\n"
        "    {\"name\": \"conv5\", \"kind\": \"conv\", \"inputs\": [11], \"input\": {\"height\": 13, \"width\": 13, \"channels\": 384}, \"output\": {\"height\": 13, \"width\": 13, \"channels\": 256}, \"units\": 43264, \"weights\": 442368, \"biases\": 256, \"parameters\": 442624, \"connections\": 74760192, \"connections_with_bias\": 74803456, \"activations\": 43264, \"live_activations\": 108160, \"receptive_field\": {\"height\": {\"size\": 163, \"jump\": 16, \"start\": -64}, \"width\": {\"size\": 163, \"jump\": 16, \"start\": -64}}, \"merge\": false, \"auxiliary\": false},\n"
        "    {\"name\": \"relu5\", \"kind\": \"relu\", \"inputs\": [12], \"input\": {\"height\": 13, \"width\": 13, \"channels\": 256}, \"output\": {\"height\": 13, \"width\": 13, \"channels\": 256}, \"units\": 0, \"weights\": 0, \"biases\": 0, \"parameters\": 0, \"connections\": 0, \"connections_with_bias\": 0, \"activations\": 43264, \"live_activations\": 43264, \"receptive_field\": {\"height\": {\"size\": 163, \"jump\": 16, \"start\": -64}, \"width\": {\"size\": 163, \"jump\": 16, \"start\": -64}}, \"merge\": false, \"auxiliary\": false},\n"
        "    {\"name\": \"max_pool3\", \"kind\": \"max_pool\", \"inputs\": [13], \"input\": {\"height\": 13, \"width\": 13, \"channels\": 256}, \"output\": {\"height\": 6, \"width\": 6, \"channels\": 256}, \"units\": 0, \"weights\": 0, \"biases\": 0, \"parameters\": 0, \"connections\": 0, \"connections_with_bias\": 0, \"activations\": 9216, \"live_activations\": 52480, \"receptive_field\": {\"height\": {\"size\": 195, \"jump\": 32, \"start\": -64}, \"width\": {\"size\": 195, \"jump\": 32, \"start\": -64}}, \"merge\": false, \"auxiliary\": false},\n"
        "    {\"name\": \"fc6\", \"kind\": \"fc\", \"inputs\": [14], \"input\": {\"height\": 6, \"width\": 6, \"channels\": 256}, \"output\": {\"height\": 1, \"width\": 1, \"channels\": 4096}, \"units\": 4096, \"weights\": 37748736, \"biases\": 4096, \"parameters\": 37752832, \"connections\": 37748736, \"connections_with_bias\": 37752832, \"activations\": 4096, \"live_activations\": 13312, \"receptive_field\": {\"height\": {\"size\": 355, \"jump\": 32, \"start\": -64}, \"width\": {\"size\": 355, \"jump\": 32, \"start\": -64}}, \"merge\": false, \"auxiliary\": false},\n"
        "    {\"name\": \"relu6\", \"kind\": \"relu\", \"inputs\": [15], \"input\": {\"height\": 1, \"width\": 1, \"channels\": 4096}, \"output\": {\"height\": 1, \"width\": 1, \"channels\": 4096}, \"units\": 0, \"weights\": 0, \"biases\": 0, \"parameters\": 0, \"connections\": 0, \"connections_with_bias\": 0, \"activations\": 4096, \"live_activations\": 4096, \"receptive_field\": {\"height\": {\"size\": 355, \"jump\": 32, \"start\": -64}, \"width\": {\"size\": 355, \"jump\": 32, \"start\": -64}}, \"merge\": false, \"auxiliary\": false},\n"
        "    {\"name\": \"dropout1\", \"kind\": \"dropout\", \"inputs\": [16], \"input\": {\"height\": 1, \"width\": 1, \"channels\": 4096}, \"output\": {\"height\": 1, \"width\": 1, \"channels\": 4096}, \"units\": 0, \"weights\": 0, \"biases\": 0, \"parameters\": 0, \"connections\": 0, \"connections_with_bias\": 0, \"activations\": 4096, \"live_activations\": 4096, \"receptive_field\": {\"height\": {\"size\": 355, \"jump\": 32, \"start\": -64}, \"width\": {\"size\": 355, \"jump\": 32, \"start\": -64}}, \"merge\": false, \"auxiliary\": false},\n"
        "    {\"name\": \"fc7\", \"kind\": \"fc\", \"inputs\": [17], \"input\": {\"height\": 1, \"width\": 1, \"channels\": 4096}, \"output\": {\"height\": 1, \"width\": 1, \"channels\": 4096}, \"units\": 4096, \"weights\": 16777216, \"biases\": 4096, \"parameters\": 16781312, \"connections\": 16777216, \"connections_with_bias\": 16781312, \"activations\": 4096, \"live_activations\": 8192, \"receptive_field\": {\"height\": {\"size\": 355, \"jump\": 32, \"start\": -64}, \"width\": {\"size\": 355, \"jump\": 32, \"start\": -64}}, \"merge\": false, \"auxiliary\": false},\n"
        "    {\"name\": \"relu7\", \"kind\": \"relu\", \"inputs\": [18], \"input\": {\"height\": 1, \"width\": 1, \"channels\": 4096}, \"output\": {\"height\": 1, \"width\": 1, \"channels\": 4096}, \"units\": 0, \"weights\": 0, \"biases\": 0, \"parameters\": 0, \"connections\": 0, \"connections_with_bias\": 0, \"activations\": 4096, \"live_activations\": 4096, \"receptive_field\": {\"height\": {\"size\": 355, \"jump\": 32, \"start\": -64}, \"width\": {\"size\": 355, \"jump\": 32, \"start\": -64}}, \"merge\": false, \"auxiliary\": false},\n"
        "    {\"name\": \"dropout2\", \"kind\": \"dropout\", \"inputs\": [19], \"input\": {\"height\": 1, \"width\": 1, \"channels\": 4096}, \"output\": {\"height\": 1, \"width\": 1, \"channels\": 4096}, \"units\": 0, \"weights\": 0, \"biases\": 0, \"parameters\": 0, \"connections\": 0, \"connections_with_bias\": 0, \"activations\": 4096, \"live_activations\": 4096, \"receptive_field\": {\"height\": {\"size\": 355, \"jump\": 32, \"start\": -64}, \"width\": {\"size\": 355, \"jump\": 32, \"start\": -64}}, \"merge\": false, \"auxiliary\": false},\n"
        "    {\"name\": \"fc8\", \"kind\": \"fc\", \"inputs\": [20], \"input\": {\"height\": 1, \"width\": 1, \"channels\": 4096}, \"output\": {\"height\": 1, \"width\": 1, \"channels\": 1000}, \"units\": 1000, \"weights\": 4096000, \"biases\": 1000, \"parameters\": 4097000, \"connections\": 4096000, \"connections_with_bias\": 4097000, \"activations\": 1000, \"live_activations\": 5096, \"receptive_field\": {\"height\": {\"size\": 355, \"jump\": 32, \"start\": -64}, \"width\": {\"size\": 355, \"jump\": 32, \"start\": -64}}, \"merge\": false, \"auxiliary\": false}\n"
        "  ],\n"
        "  \"totals\": {\"units\": 659272, \"weights\": 60954656, \"biases\": 10568, \"parameters\": 60965224, \"connections\": 724406816, \"connections_with_bias\": 725066088, \"activations\": 1925224, \"peak_activations\": 580800}\n"
        "}\n";
    CHECK(nc::to_json<alexnet>() == expected);
}

TEST_CASE("to_json: a branching network's inputs list every path of a merge") {
    const std::string
        expected = "{\n"
                   "  \"input\": {\"height\": 8, \"width\": 8, \"channels\": 3},\n"
                   "  \"output\": {\"height\": 1, \"width\": 1, \"channels\": 3},\n"
                   "  \"outputs\": [11],\n"
                   "  \"reuses\": [],\n"
                   "  \"layers\": [\n"
                   "    {\"name\": \"stem\", \"kind\": \"conv\", \"inputs\": [-1], \"input\": {\"height\": 8, \"width\": 8, \"channels\": 3}, \"output\": {\"height\": 8, \"width\": 8, \"channels\": 4}, \"units\": 256, \"weights\": 108, \"biases\": 4, \"parameters\": 112, \"connections\": 6912, \"connections_with_bias\": 7168, \"activations\": 256, \"live_activations\": 448, \"receptive_field\": {\"height\": {\"size\": 3, \"jump\": 1, \"start\": -1}, \"width\": {\"size\": 3, \"jump\": 1, \"start\": -1}}, \"merge\": false, \"auxiliary\": false},\n"
                   "    {\"name\": \"mix/conv1\", \"kind\": \"conv\", \"inputs\": [0], \"input\": {\"height\": 8, \"width\": 8, \"channels\": 4}, \"output\": {\"height\": 8, \"width\": 8, \"channels\": 2}, \"units\": 128, \"weights\": 8, \"biases\": 2, \"parameters\": 10, \"connections\": 512, \"connections_with_bias\": 640, \"activations\": 128, \"live_activations\": 384, \"receptive_field\": {\"height\": {\"size\": 3, \"jump\": 1, \"start\": -1}, \"width\": {\"size\": 3, \"jump\": 1, \"start\": -1}}, \"merge\": false, \"auxiliary\": false},\n"
                   "    {\"name\": \"mix/conv2\", \"kind\": \"conv\", \"inputs\": [0], \"input\": {\"height\": 8, \"width\": 8, \"channels\": 4}, \"output\": {\"height\": 8, \"width\": 8, \"channels\": 2}, \"units\": 128, \"weights\": 8, \"biases\": 2, \"parameters\": 10, \"connections\": 512, \"connections_with_bias\": 640, \"activations\": 128, \"live_activations\": 512, \"receptive_field\": {\"height\": {\"size\": 3, \"jump\": 1, \"start\": -1}, \"width\": {\"size\": 3, \"jump\": 1, \"start\": -1}}, \"merge\": false, \"auxiliary\": false},\n"
                   "    {\"name\": \"mix/relu1\", \"kind\": \"relu\", \"inputs\": [2], \"input\": {\"height\": 8, \"width\": 8, \"channels\": 2}, \"output\": {\"height\": 8, \"width\": 8, \"channels\": 2}, \"units\": 0, \"weights\": 0, \"biases\": 0, \"parameters\": 0, \"connections\": 0, \"connections_with_bias\": 0, \"activations\": 128, \"live_activations\": 512, \"receptive_field\": {\"height\": {\"size\": 3, \"jump\": 1, \"start\": -1}, \"width\": {\"size\": 3, \"jump\": 1, \"start\": -1}}, \"merge\": false, \"auxiliary\": false},\n"
                   "    {\"name\": \"mix/conv3\", \"kind\": \"conv\", \"inputs\": [3], \"input\": {\"height\": 8, \"width\": 8, \"channels\": 2}, \"output\": {\"height\": 8, \"width\": 8, \"channels\": 2}, \"units\": 128, \"weights\": 36, \"biases\": 0, \"parameters\": 36, \"connections\": 2304, \"connections_with_bias\": 2304, \"activations\": 128, \"live_activations\": 640, \"receptive_field\": {\"height\": {\"size\": 5, \"jump\": 1, \"start\": -2}, \"width\": {\"size\": 5, \"jump\": 1, \"start\": -2}}, \"merge\": false, \"auxiliary\": false},\n"
                   "    {\"name\": \"mix/max_pool1\", \"kind\": \"max_pool\", \"inputs\": [0], \"input\": {\"height\": 8, \"width\": 8, \"channels\": 4}, \"output\": {\"height\": 8, \"width\": 8, \"channels\": 4}, \"units\": 0, \"weights\": 0, \"biases\": 0, \"parameters\": 0, \"connections\": 0, \"connections_with_bias\": 0, \"activations\": 256, \"live_activations\": 768, \"receptive_field\": {\"height\": {\"size\": 5, \"jump\": 1, \"start\": -2}, \"width\": {\"size\": 5, \"jump\": 1, \"start\": -2}}, \"merge\": false, \"auxiliary\": false},\n"
                   "    {\"name\": \"mix\", \"kind\": \"concat\", \"inputs\": [1, 4, 5], \"input\": {\"height\": 8, \"width\": 8, \"channels\": 2}, \"output\": {\"height\": 8, \"width\": 8, \"channels\": 8}, \"units\": 0, \"weights\": 0, \"biases\": 0, \"parameters\": 0, \"connections\": 0, \"connections_with_bias\": 0, \"activations\": 512, \"live_activations\": 1024, \"receptive_field\": {\"height\": {\"size\": 5, \"jump\": 1, \"start\": -2}, \"width\": {\"size\": 5, \"jump\": 1, \"start\": -2}}, \"merge\": true, \"auxiliary\": false},\n"
                   "    {\"name\": \"residual1/conv1\", \"kind\": \"conv\", \"inputs\": [6], \"input\": {\"height\": 8, \"width\": 8, \"channels\": 8}, \"output\": {\"height\": 8, \"width\": 8, \"channels\": 8}, \"units\": 512, \"weights\": 64, \"biases\": 0, \"parameters\": 64, \"connections\": 4096, \"connections_with_bias\": 4096, \"activations\": 512, \"live_activations\": 1024, \"receptive_field\": {\"height\": {\"size\": 5, \"jump\": 1, \"start\": -2}, \"width\": {\"size\": 5, \"jump\": 1, \"start\": -2}}, \"merge\": false, \"auxiliary\": false},\n"
                   "    {\"name\": \"residual1/batch_norm1\", \"kind\": \"batch_norm\", \"inputs\": [7], \"input\": {\"height\": 8, \"width\": 8, \"channels\": 8}, \"output\": {\"height\": 8, \"width\": 8, \"channels\": 8}, \"units\": 0, \"weights\": 0, \"biases\": 0, \"parameters\": 16, \"connections\": 0, \"connections_with_bias\": 0, \"activations\": 512, \"live_activations\": 1024, \"receptive_field\": {\"height\": {\"size\": 5, \"jump\": 1, \"start\": -2}, \"width\": {\"size\": 5, \"jump\": 1, \"start\": -2}}, \"merge\": false, \"auxiliary\": false},\n"
                   "    {\"name\": \"residual1\", \"kind\": \"add\", \"inputs\": [6, 8], \"input\": {\"height\": 8, \"width\": 8, \"channels\": 8}, \"output\": {\"height\": 8, \"width\": 8, \"channels\": 8}, \"units\": 0, \"weights\": 0, \"biases\": 0, \"parameters\": 0, \"connections\": 0, \"connections_with_bias\": 0, \"activations\": 512, \"live_activations\": 1536, \"receptive_field\": {\"height\": {\"size\": 5, \"jump\": 1, \"start\": -2}, \"width\": {\"size\": 5, \"jump\": 1, \"start\": -2}}, \"merge\": true, \"auxiliary\": false},\n"
                   "    {\"name\": \"global_avg_pool1\", \"kind\": \"global_avg_pool\", \"inputs\": [9], \"input\": {\"height\": 8, \"width\": 8, \"channels\": 8}, \"output\": {\"height\": 1, \"width\": 1, \"channels\": 8}, \"units\": 0, \"weights\": 0, \"biases\": 0, \"parameters\": 0, \"connections\": 0, \"connections_with_bias\": 0, \"activations\": 8, \"live_activations\": 520, \"receptive_field\": {\"height\": {\"size\": 12, \"jump\": 1, \"start\": -2}, \"width\": {\"size\": 12, \"jump\": 1, \"start\": -2}}, \"merge\": false, \"auxiliary\": false},\n"
                   "    {\"name\": \"fc1\", \"kind\": \"fc\", \"inputs\": [10], \"input\": {\"height\": 1, \"width\": 1, \"channels\": 8}, \"output\": {\"height\": 1, \"width\": 1, \"channels\": 3}, \"units\": 3, \"weights\": 24, \"biases\": 3, \"parameters\": 27, \"connections\": 24, \"connections_with_bias\": 27, \"activations\": 3, \"live_activations\": 11, \"receptive_field\": {\"height\": {\"size\": 12, \"jump\": 1, \"start\": -2}, \"width\": {\"size\": 12, \"jump\": 1, \"start\": -2}}, \"merge\": false, \"auxiliary\": false}\n"
                   "  ],\n"
                   "  \"totals\": {\"units\": 1155, \"weights\": 248, \"biases\": 11, \"parameters\": 275, \"connections\": 14360, \"connections_with_bias\": 14875, \"activations\": 3083, \"peak_activations\": 1536}\n"
                   "}\n";
    CHECK(nc::to_json<branching>() == expected);
}

TEST_CASE("to_svg draws AlexNet's weights and connections on linear axes") {
    // Weights: ticks every 10M up to 40M over 300 px, so fc6's 37,748,736 is 283.1 px and
    // fc7's 16,777,216 is 125.8 px; conv1's 34,848 (0.26 px) still gets 1 px. Connections:
    // ticks every 50M up to 250M, conv2's 223,948,800 is 268.7 px. Each value is written 4 px
    // after its bar.
    const std::string expected =
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"877\" height=\"320\" viewBox=\"0 0 877 320\" font-family=\"DejaVu Sans Mono, Menlo, Consolas, monospace\">\n"
        "  <title>AlexNet</title>\n"
        "  <rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n"
        "  <text x=\"16\" y=\"34\" font-size=\"16\" font-weight=\"bold\" fill=\"#222222\">AlexNet</text>\n"
        "  <rect x=\"66\" y=\"48\" width=\"12\" height=\"12\" fill=\"#4e79a7\"/>\n"
        "  <text x=\"84\" y=\"58\" font-size=\"12\" fill=\"#222222\">weights (linear scale)</text>\n"
        "  <line x1=\"66\" y1=\"66\" x2=\"66\" y2=\"258\" stroke=\"#dddddd\"/>\n"
        "  <text x=\"66\" y=\"272\" font-size=\"10\" text-anchor=\"middle\" fill=\"#666666\">0</text>\n"
        "  <line x1=\"141\" y1=\"66\" x2=\"141\" y2=\"258\" stroke=\"#dddddd\"/>\n"
        "  <text x=\"141\" y=\"272\" font-size=\"10\" text-anchor=\"middle\" fill=\"#666666\">10M</text>\n"
        "  <line x1=\"216\" y1=\"66\" x2=\"216\" y2=\"258\" stroke=\"#dddddd\"/>\n"
        "  <text x=\"216\" y=\"272\" font-size=\"10\" text-anchor=\"middle\" fill=\"#666666\">20M</text>\n"
        "  <line x1=\"291\" y1=\"66\" x2=\"291\" y2=\"258\" stroke=\"#dddddd\"/>\n"
        "  <text x=\"291\" y=\"272\" font-size=\"10\" text-anchor=\"middle\" fill=\"#666666\">30M</text>\n"
        "  <line x1=\"366\" y1=\"66\" x2=\"366\" y2=\"258\" stroke=\"#dddddd\"/>\n"
        "  <text x=\"366\" y=\"272\" font-size=\"10\" text-anchor=\"middle\" fill=\"#666666\">40M</text>\n"
        "  <rect x=\"476\" y=\"48\" width=\"12\" height=\"12\" fill=\"#f28e2b\"/>\n"
        "  <text x=\"494\" y=\"58\" font-size=\"12\" fill=\"#222222\">connections (linear scale)</text>\n"
        "  <line x1=\"476\" y1=\"66\" x2=\"476\" y2=\"258\" stroke=\"#dddddd\"/>\n"
        "  <text x=\"476\" y=\"272\" font-size=\"10\" text-anchor=\"middle\" fill=\"#666666\">0</text>\n"
        "  <line x1=\"536\" y1=\"66\" x2=\"536\" y2=\"258\" stroke=\"#dddddd\"/>\n"
        "  <text x=\"536\" y=\"272\" font-size=\"10\" text-anchor=\"middle\" fill=\"#666666\">50M</text>\n"
        "  <line x1=\"596\" y1=\"66\" x2=\"596\" y2=\"258\" stroke=\"#dddddd\"/>\n"
        "  <text x=\"596\" y=\"272\" font-size=\"10\" text-anchor=\"middle\" fill=\"#666666\">100M</text>\n"
        "  <line x1=\"656\" y1=\"66\" x2=\"656\" y2=\"258\" stroke=\"#dddddd\"/>\n"
        "  <text x=\"656\" y=\"272\" font-size=\"10\" text-anchor=\"middle\" fill=\"#666666\">150M</text>\n"
        "  <line x1=\"716\" y1=\"66\" x2=\"716\" y2=\"258\" stroke=\"#dddddd\"/>\n"
        "  <text x=\"716\" y=\"272\" font-size=\"10\" text-anchor=\"middle\" fill=\"#666666\">200M</text>\n"
        "  <line x1=\"776\" y1=\"66\" x2=\"776\" y2=\"258\" stroke=\"#dddddd\"/>\n"
        "  <text x=\"776\" y=\"272\" font-size=\"10\" text-anchor=\"middle\" fill=\"#666666\">250M</text>\n"
        "  <text x=\"56\" y=\"82\" font-size=\"12\" text-anchor=\"end\" fill=\"#222222\">conv1</text>\n"
        "  <rect x=\"66\" y=\"70\" width=\"1\" height=\"16\" fill=\"#4e79a7\"><title>conv1: 34,848 weights, 0.1%</title></rect>\n"
        "  <text x=\"71\" y=\"82\" font-size=\"11\" fill=\"#333333\">34,848</text>\n"
        "  <rect x=\"476\" y=\"70\" width=\"126.5\" height=\"16\" fill=\"#f28e2b\"><title>conv1: 105,415,200 connections, 14.6%</title></rect>\n"
        "  <text x=\"606.5\" y=\"82\" font-size=\"11\" fill=\"#333333\">105,415,200</text>\n"
        "  <text x=\"56\" y=\"106\" font-size=\"12\" text-anchor=\"end\" fill=\"#222222\">conv2</text>\n"
        "  <rect x=\"66\" y=\"94\" width=\"2.3\" height=\"16\" fill=\"#4e79a7\"><title>conv2: 307,200 weights, 0.5%</title></rect>\n"
        "  <text x=\"72.3\" y=\"106\" font-size=\"11\" fill=\"#333333\">307,200</text>\n"
        "  <rect x=\"476\" y=\"94\" width=\"268.7\" height=\"16\" fill=\"#f28e2b\"><title>conv2: 223,948,800 connections, 30.9%</title></rect>\n"
        "  <text x=\"748.7\" y=\"106\" font-size=\"11\" fill=\"#333333\">223,948,800</text>\n"
        "  <text x=\"56\" y=\"130\" font-size=\"12\" text-anchor=\"end\" fill=\"#222222\">conv3</text>\n"
        "  <rect x=\"66\" y=\"118\" width=\"6.6\" height=\"16\" fill=\"#4e79a7\"><title>conv3: 884,736 weights, 1.5%</title></rect>\n"
        "  <text x=\"76.6\" y=\"130\" font-size=\"11\" fill=\"#333333\">884,736</text>\n"
        "  <rect x=\"476\" y=\"118\" width=\"179.4\" height=\"16\" fill=\"#f28e2b\"><title>conv3: 149,520,384 connections, 20.6%</title></rect>\n"
        "  <text x=\"659.4\" y=\"130\" font-size=\"11\" fill=\"#333333\">149,520,384</text>\n"
        "  <text x=\"56\" y=\"154\" font-size=\"12\" text-anchor=\"end\" fill=\"#222222\">conv4</text>\n"
        "  <rect x=\"66\" y=\"142\" width=\"5\" height=\"16\" fill=\"#4e79a7\"><title>conv4: 663,552 weights, 1.1%</title></rect>\n"
        "  <text x=\"75\" y=\"154\" font-size=\"11\" fill=\"#333333\">663,552</text>\n"
        "  <rect x=\"476\" y=\"142\" width=\"134.6\" height=\"16\" fill=\"#f28e2b\"><title>conv4: 112,140,288 connections, 15.5%</title></rect>\n"
        "  <text x=\"614.6\" y=\"154\" font-size=\"11\" fill=\"#333333\">112,140,288</text>\n"
        "  <text x=\"56\" y=\"178\" font-size=\"12\" text-anchor=\"end\" fill=\"#222222\">conv5</text>\n"
        "  <rect x=\"66\" y=\"166\" width=\"3.3\" height=\"16\" fill=\"#4e79a7\"><title>conv5: 442,368 weights, 0.7%</title></rect>\n"
        "  <text x=\"73.3\" y=\"178\" font-size=\"11\" fill=\"#333333\">442,368</text>\n"
        "  <rect x=\"476\" y=\"166\" width=\"89.7\" height=\"16\" fill=\"#f28e2b\"><title>conv5: 74,760,192 connections, 10.3%</title></rect>\n"
        "  <text x=\"569.7\" y=\"178\" font-size=\"11\" fill=\"#333333\">74,760,192</text>\n"
        "  <text x=\"56\" y=\"202\" font-size=\"12\" text-anchor=\"end\" fill=\"#222222\">fc6</text>\n"
        "  <rect x=\"66\" y=\"190\" width=\"283.1\" height=\"16\" fill=\"#4e79a7\"><title>fc6: 37,748,736 weights, 61.9%</title></rect>\n"
        "  <text x=\"353.1\" y=\"202\" font-size=\"11\" fill=\"#333333\">37,748,736</text>\n"
        "  <rect x=\"476\" y=\"190\" width=\"45.3\" height=\"16\" fill=\"#f28e2b\"><title>fc6: 37,748,736 connections, 5.2%</title></rect>\n"
        "  <text x=\"525.3\" y=\"202\" font-size=\"11\" fill=\"#333333\">37,748,736</text>\n"
        "  <text x=\"56\" y=\"226\" font-size=\"12\" text-anchor=\"end\" fill=\"#222222\">fc7</text>\n"
        "  <rect x=\"66\" y=\"214\" width=\"125.8\" height=\"16\" fill=\"#4e79a7\"><title>fc7: 16,777,216 weights, 27.5%</title></rect>\n"
        "  <text x=\"195.8\" y=\"226\" font-size=\"11\" fill=\"#333333\">16,777,216</text>\n"
        "  <rect x=\"476\" y=\"214\" width=\"20.1\" height=\"16\" fill=\"#f28e2b\"><title>fc7: 16,777,216 connections, 2.3%</title></rect>\n"
        "  <text x=\"500.1\" y=\"226\" font-size=\"11\" fill=\"#333333\">16,777,216</text>\n"
        "  <text x=\"56\" y=\"250\" font-size=\"12\" text-anchor=\"end\" fill=\"#222222\">fc8</text>\n"
        "  <rect x=\"66\" y=\"238\" width=\"30.7\" height=\"16\" fill=\"#4e79a7\"><title>fc8: 4,096,000 weights, 6.7%</title></rect>\n"
        "  <text x=\"100.7\" y=\"250\" font-size=\"11\" fill=\"#333333\">4,096,000</text>\n"
        "  <rect x=\"476\" y=\"238\" width=\"4.9\" height=\"16\" fill=\"#f28e2b\"><title>fc8: 4,096,000 connections, 0.6%</title></rect>\n"
        "  <text x=\"484.9\" y=\"250\" font-size=\"11\" fill=\"#333333\">4,096,000</text>\n"
        "  <text x=\"16\" y=\"298\" font-size=\"12\" fill=\"#222222\">total: 60,954,656 weights, 724,406,816 connections (multiply-accumulates)</text>\n"
        "</svg>\n";
    CHECK(nc::to_svg<alexnet>({.title = "AlexNet"}) == expected);
}

TEST_CASE("to_svg's memory profile marks AlexNet's peak at lrn1") {
    // Every layer, and a third panel of live activations (to_csv's test above has them by hand):
    // the peak, 580,800 at lrn1, is the one red bar, labelled, and named below the chart.
    const std::string svg = nc::to_svg<alexnet>({.memory_profile = true});
    CHECK(svg.find(">live activations (linear scale)</text>") != std::string::npos);
    CHECK(svg.find("fill=\"#e15759\"><title>lrn1: 580,800 live activations, 100.0%</title>") != std::string::npos);
    CHECK(svg.find(">peak 580,800</text>") != std::string::npos);
    CHECK(svg.find("#e15759") == svg.rfind("#e15759"));
    CHECK(svg.find("<title>relu1: 290,400 live activations, 50.0%</title>") != std::string::npos);
    CHECK(svg.find("peak: 580,800 live activations at lrn1</text>") != std::string::npos);
    // Without it, the chart is as it was: two panels.
    CHECK(nc::to_svg<alexnet>().find("live activations") == std::string::npos);
}

TEST_CASE("to_svg on log axes, every layer of a branching network") {
    // Weights from 1 to 1k (3 decades over 300 px): stem's 108 is log10(108) * 100 = 203.3 px.
    // Connections from 10 to 10k: stem's 6,912 is (log10(6912) - 1) * 100 = 284.0 px, fc1's 24
    // is 38.0 px. Layers without weights get no bar and a 0.
    const std::string expected =
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"914\" height=\"416\" viewBox=\"0 0 914 416\" font-family=\"DejaVu Sans Mono, Menlo, Consolas, monospace\">\n"
        "  <title>weights and connections per layer</title>\n"
        "  <rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n"
        "  <text x=\"16\" y=\"34\" font-size=\"16\" font-weight=\"bold\" fill=\"#222222\">weights and connections per layer</text>\n"
        "  <rect x=\"194\" y=\"48\" width=\"12\" height=\"12\" fill=\"#4e79a7\"/>\n"
        "  <text x=\"212\" y=\"58\" font-size=\"12\" fill=\"#222222\">weights (log scale)</text>\n"
        "  <line x1=\"194\" y1=\"66\" x2=\"194\" y2=\"354\" stroke=\"#dddddd\"/>\n"
        "  <text x=\"194\" y=\"368\" font-size=\"10\" text-anchor=\"middle\" fill=\"#666666\">1</text>\n"
        "  <line x1=\"294\" y1=\"66\" x2=\"294\" y2=\"354\" stroke=\"#dddddd\"/>\n"
        "  <text x=\"294\" y=\"368\" font-size=\"10\" text-anchor=\"middle\" fill=\"#666666\">10</text>\n"
        "  <line x1=\"394\" y1=\"66\" x2=\"394\" y2=\"354\" stroke=\"#dddddd\"/>\n"
        "  <text x=\"394\" y=\"368\" font-size=\"10\" text-anchor=\"middle\" fill=\"#666666\">100</text>\n"
        "  <line x1=\"494\" y1=\"66\" x2=\"494\" y2=\"354\" stroke=\"#dddddd\"/>\n"
        "  <text x=\"494\" y=\"368\" font-size=\"10\" text-anchor=\"middle\" fill=\"#666666\">1k</text>\n"
        "  <rect x=\"555\" y=\"48\" width=\"12\" height=\"12\" fill=\"#f28e2b\"/>\n"
        "  <text x=\"573\" y=\"58\" font-size=\"12\" fill=\"#222222\">connections (log scale)</text>\n"
        "  <line x1=\"555\" y1=\"66\" x2=\"555\" y2=\"354\" stroke=\"#dddddd\"/>\n"
        "  <text x=\"555\" y=\"368\" font-size=\"10\" text-anchor=\"middle\" fill=\"#666666\">10</text>\n"
        "  <line x1=\"655\" y1=\"66\" x2=\"655\" y2=\"354\" stroke=\"#dddddd\"/>\n"
        "  <text x=\"655\" y=\"368\" font-size=\"10\" text-anchor=\"middle\" fill=\"#666666\">100</text>\n"
        "  <line x1=\"755\" y1=\"66\" x2=\"755\" y2=\"354\" stroke=\"#dddddd\"/>\n"
        "  <text x=\"755\" y=\"368\" font-size=\"10\" text-anchor=\"middle\" fill=\"#666666\">1k</text>\n"
        "  <line x1=\"855\" y1=\"66\" x2=\"855\" y2=\"354\" stroke=\"#dddddd\"/>\n"
        "  <text x=\"855\" y=\"368\" font-size=\"10\" text-anchor=\"middle\" fill=\"#666666\">10k</text>\n"
        "  <text x=\"184\" y=\"82\" font-size=\"12\" text-anchor=\"end\" fill=\"#222222\">stem</text>\n"
        "  <rect x=\"194\" y=\"70\" width=\"203.3\" height=\"16\" fill=\"#4e79a7\"><title>stem: 108 weights, 43.5%</title></rect>\n"
        "  <text x=\"401.3\" y=\"82\" font-size=\"11\" fill=\"#333333\">108</text>\n"
        "  <rect x=\"555\" y=\"70\" width=\"284\" height=\"16\" fill=\"#f28e2b\"><title>stem: 6,912 connections, 48.1%</title></rect>\n"
        "  <text x=\"843\" y=\"82\" font-size=\"11\" fill=\"#333333\">6,912</text>\n"
        "  <text x=\"184\" y=\"106\" font-size=\"12\" text-anchor=\"end\" fill=\"#222222\">mix/conv1</text>\n"
        "  <rect x=\"194\" y=\"94\" width=\"90.3\" height=\"16\" fill=\"#4e79a7\"><title>mix/conv1: 8 weights, 3.2%</title></rect>\n"
        "  <text x=\"288.3\" y=\"106\" font-size=\"11\" fill=\"#333333\">8</text>\n"
        "  <rect x=\"555\" y=\"94\" width=\"170.9\" height=\"16\" fill=\"#f28e2b\"><title>mix/conv1: 512 connections, 3.6%</title></rect>\n"
        "  <text x=\"729.9\" y=\"106\" font-size=\"11\" fill=\"#333333\">512</text>\n"
        "  <text x=\"184\" y=\"130\" font-size=\"12\" text-anchor=\"end\" fill=\"#222222\">mix/conv2</text>\n"
        "  <rect x=\"194\" y=\"118\" width=\"90.3\" height=\"16\" fill=\"#4e79a7\"><title>mix/conv2: 8 weights, 3.2%</title></rect>\n"
        "  <text x=\"288.3\" y=\"130\" font-size=\"11\" fill=\"#333333\">8</text>\n"
        "  <rect x=\"555\" y=\"118\" width=\"170.9\" height=\"16\" fill=\"#f28e2b\"><title>mix/conv2: 512 connections, 3.6%</title></rect>\n"
        "  <text x=\"729.9\" y=\"130\" font-size=\"11\" fill=\"#333333\">512</text>\n"
        "  <text x=\"184\" y=\"154\" font-size=\"12\" text-anchor=\"end\" fill=\"#222222\">mix/relu1</text>\n"
        "  <text x=\"198\" y=\"154\" font-size=\"11\" fill=\"#333333\">0</text>\n"
        "  <text x=\"559\" y=\"154\" font-size=\"11\" fill=\"#333333\">0</text>\n"
        "  <text x=\"184\" y=\"178\" font-size=\"12\" text-anchor=\"end\" fill=\"#222222\">mix/conv3</text>\n"
        "  <rect x=\"194\" y=\"166\" width=\"155.6\" height=\"16\" fill=\"#4e79a7\"><title>mix/conv3: 36 weights, 14.5%</title></rect>\n"
        "  <text x=\"353.6\" y=\"178\" font-size=\"11\" fill=\"#333333\">36</text>\n"
        "  <rect x=\"555\" y=\"166\" width=\"236.2\" height=\"16\" fill=\"#f28e2b\"><title>mix/conv3: 2,304 connections, 16.0%</title></rect>\n"
        "  <text x=\"795.2\" y=\"178\" font-size=\"11\" fill=\"#333333\">2,304</text>\n"
        "  <text x=\"184\" y=\"202\" font-size=\"12\" text-anchor=\"end\" fill=\"#222222\">mix/max_pool1</text>\n"
        "  <text x=\"198\" y=\"202\" font-size=\"11\" fill=\"#333333\">0</text>\n"
        "  <text x=\"559\" y=\"202\" font-size=\"11\" fill=\"#333333\">0</text>\n"
        "  <text x=\"184\" y=\"226\" font-size=\"12\" text-anchor=\"end\" fill=\"#222222\">mix</text>\n"
        "  <text x=\"198\" y=\"226\" font-size=\"11\" fill=\"#333333\">0</text>\n"
        "  <text x=\"559\" y=\"226\" font-size=\"11\" fill=\"#333333\">0</text>\n"
        "  <text x=\"184\" y=\"250\" font-size=\"12\" text-anchor=\"end\" fill=\"#222222\">residual1/conv1</text>\n"
        "  <rect x=\"194\" y=\"238\" width=\"180.6\" height=\"16\" fill=\"#4e79a7\"><title>residual1/conv1: 64 weights, 25.8%</title></rect>\n"
        "  <text x=\"378.6\" y=\"250\" font-size=\"11\" fill=\"#333333\">64</text>\n"
        "  <rect x=\"555\" y=\"238\" width=\"261.2\" height=\"16\" fill=\"#f28e2b\"><title>residual1/conv1: 4,096 connections, 28.5%</title></rect>\n"
        "  <text x=\"820.2\" y=\"250\" font-size=\"11\" fill=\"#333333\">4,096</text>\n"
        "  <text x=\"184\" y=\"274\" font-size=\"12\" text-anchor=\"end\" fill=\"#222222\">residual1/batch_norm1</text>\n"
        "  <text x=\"198\" y=\"274\" font-size=\"11\" fill=\"#333333\">0</text>\n"
        "  <text x=\"559\" y=\"274\" font-size=\"11\" fill=\"#333333\">0</text>\n"
        "  <text x=\"184\" y=\"298\" font-size=\"12\" text-anchor=\"end\" fill=\"#222222\">residual1</text>\n"
        "  <text x=\"198\" y=\"298\" font-size=\"11\" fill=\"#333333\">0</text>\n"
        "  <text x=\"559\" y=\"298\" font-size=\"11\" fill=\"#333333\">0</text>\n"
        "  <text x=\"184\" y=\"322\" font-size=\"12\" text-anchor=\"end\" fill=\"#222222\">global_avg_pool1</text>\n"
        "  <text x=\"198\" y=\"322\" font-size=\"11\" fill=\"#333333\">0</text>\n"
        "  <text x=\"559\" y=\"322\" font-size=\"11\" fill=\"#333333\">0</text>\n"
        "  <text x=\"184\" y=\"346\" font-size=\"12\" text-anchor=\"end\" fill=\"#222222\">fc1</text>\n"
        "  <rect x=\"194\" y=\"334\" width=\"138\" height=\"16\" fill=\"#4e79a7\"><title>fc1: 24 weights, 9.7%</title></rect>\n"
        "  <text x=\"336\" y=\"346\" font-size=\"11\" fill=\"#333333\">24</text>\n"
        "  <rect x=\"555\" y=\"334\" width=\"38\" height=\"16\" fill=\"#f28e2b\"><title>fc1: 24 connections, 0.2%</title></rect>\n"
        "  <text x=\"597\" y=\"346\" font-size=\"11\" fill=\"#333333\">24</text>\n"
        "  <text x=\"16\" y=\"394\" font-size=\"12\" fill=\"#222222\">total: 248 weights, 14,360 connections (multiply-accumulates)</text>\n"
        "</svg>\n";
    CHECK(nc::to_svg<branching>({.scale = nc::axis_scale::log, .all_layers = true}) == expected);
}

TEST_CASE("to_dot: AlexNet's layers with weights, joined through the layers between them") {
    const std::string expected =
        "digraph network {\n"
        "  rankdir=TB;\n"
        "  node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", fontname=\"Helvetica\", fontsize=10];\n"
        "  edge [arrowsize=0.6];\n"
        "  input [label=\"input\\n227 x 227 x 3\", shape=box, style=filled, fillcolor=\"#e0e0e0\"];\n"
        "  n0 [label=\"conv1\\n55 x 55 x 96\\n34,848 weights\\n105,415,200 connections\", fillcolor=\"#dae8fc\"];\n"
        "  n4 [label=\"conv2\\n27 x 27 x 256\\n307,200 weights\\n223,948,800 connections\", fillcolor=\"#dae8fc\"];\n"
        "  n8 [label=\"conv3\\n13 x 13 x 384\\n884,736 weights\\n149,520,384 connections\", fillcolor=\"#dae8fc\"];\n"
        "  n10 [label=\"conv4\\n13 x 13 x 384\\n663,552 weights\\n112,140,288 connections\", fillcolor=\"#dae8fc\"];\n"
        "  n12 [label=\"conv5\\n13 x 13 x 256\\n442,368 weights\\n74,760,192 connections\", fillcolor=\"#dae8fc\"];\n"
        "  n15 [label=\"fc6\\n1 x 1 x 4096\\n37,748,736 weights\\n37,748,736 connections\", fillcolor=\"#dae8fc\"];\n"
        "  n18 [label=\"fc7\\n1 x 1 x 4096\\n16,777,216 weights\\n16,777,216 connections\", fillcolor=\"#dae8fc\"];\n"
        "  n21 [label=\"fc8\\n1 x 1 x 1000\\n4,096,000 weights\\n4,096,000 connections\", fillcolor=\"#dae8fc\"];\n"
        "  input -> n0;\n"
        "  n0 -> n4;\n"
        "  n4 -> n8;\n"
        "  n8 -> n10;\n"
        "  n10 -> n12;\n"
        "  n12 -> n15;\n"
        "  n15 -> n18;\n"
        "  n18 -> n21;\n"
        "}\n";
    CHECK(nc::to_dot<alexnet>({.all_layers = false}) == expected);
}

TEST_CASE("to_dot: a branching network's graph, every layer and merge") {
    // Edges as layers<Net>[i].inputs: mix reads 1, 4 and 5; residual1 reads 6 (its identity
    // path) and 8.
    const std::string expected =
        "digraph network {\n"
        "  rankdir=TB;\n"
        "  node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", fontname=\"Helvetica\", fontsize=10];\n"
        "  edge [arrowsize=0.6];\n"
        "  input [label=\"input\\n8 x 8 x 3\", shape=box, style=filled, fillcolor=\"#e0e0e0\"];\n"
        "  n0 [label=\"stem\\nconv\\n8 x 8 x 4\\n108 weights\\n6,912 connections\", fillcolor=\"#dae8fc\"];\n"
        "  n1 [label=\"mix/conv1\\n8 x 8 x 2\\n8 weights\\n512 connections\", fillcolor=\"#dae8fc\"];\n"
        "  n2 [label=\"mix/conv2\\n8 x 8 x 2\\n8 weights\\n512 connections\", fillcolor=\"#dae8fc\"];\n"
        "  n3 [label=\"mix/relu1\\n8 x 8 x 2\"];\n"
        "  n4 [label=\"mix/conv3\\n8 x 8 x 2\\n36 weights\\n2,304 connections\", fillcolor=\"#dae8fc\"];\n"
        "  n5 [label=\"mix/max_pool1\\n8 x 8 x 4\"];\n"
        "  n6 [label=\"mix\\nconcat\\n8 x 8 x 8\", shape=ellipse, fillcolor=\"#fff2cc\"];\n"
        "  n7 [label=\"residual1/conv1\\n8 x 8 x 8\\n64 weights\\n4,096 connections\", fillcolor=\"#dae8fc\"];\n"
        "  n8 [label=\"residual1/batch_norm1\\n8 x 8 x 8\"];\n"
        "  n9 [label=\"residual1\\nadd\\n8 x 8 x 8\", shape=ellipse, fillcolor=\"#fff2cc\"];\n"
        "  n10 [label=\"global_avg_pool1\\n1 x 1 x 8\"];\n"
        "  n11 [label=\"fc1\\n1 x 1 x 3\\n24 weights\\n24 connections\", fillcolor=\"#dae8fc\"];\n"
        "  input -> n0;\n"
        "  n0 -> n1;\n"
        "  n0 -> n2;\n"
        "  n2 -> n3;\n"
        "  n3 -> n4;\n"
        "  n0 -> n5;\n"
        "  n1 -> n6;\n"
        "  n4 -> n6;\n"
        "  n5 -> n6;\n"
        "  n6 -> n7;\n"
        "  n7 -> n8;\n"
        "  n6 -> n9;\n"
        "  n8 -> n9;\n"
        "  n9 -> n10;\n"
        "  n10 -> n11;\n"
        "}\n";
    CHECK(nc::to_dot<branching>() == expected);
}

TEST_CASE("to_dot without the layers that have no weights joins their edges") {
    // mix/max_pool1 is bypassed, so mix reads the stem; mix/relu1 is bypassed, so mix/conv3
    // reads mix/conv2; the pooling before fc1 is bypassed, so fc1 reads residual1.
    const std::string expected =
        "digraph network {\n"
        "  rankdir=TB;\n"
        "  node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", fontname=\"Helvetica\", fontsize=10];\n"
        "  edge [arrowsize=0.6];\n"
        "  input [label=\"input\\n8 x 8 x 3\", shape=box, style=filled, fillcolor=\"#e0e0e0\"];\n"
        "  n0 [label=\"stem\\nconv\\n8 x 8 x 4\\n108 weights\\n6,912 connections\", fillcolor=\"#dae8fc\"];\n"
        "  n1 [label=\"mix/conv1\\n8 x 8 x 2\\n8 weights\\n512 connections\", fillcolor=\"#dae8fc\"];\n"
        "  n2 [label=\"mix/conv2\\n8 x 8 x 2\\n8 weights\\n512 connections\", fillcolor=\"#dae8fc\"];\n"
        "  n4 [label=\"mix/conv3\\n8 x 8 x 2\\n36 weights\\n2,304 connections\", fillcolor=\"#dae8fc\"];\n"
        "  n6 [label=\"mix\\nconcat\\n8 x 8 x 8\", shape=ellipse, fillcolor=\"#fff2cc\"];\n"
        "  n7 [label=\"residual1/conv1\\n8 x 8 x 8\\n64 weights\\n4,096 connections\", fillcolor=\"#dae8fc\"];\n"
        "  n9 [label=\"residual1\\nadd\\n8 x 8 x 8\", shape=ellipse, fillcolor=\"#fff2cc\"];\n"
        "  n11 [label=\"fc1\\n1 x 1 x 3\\n24 weights\\n24 connections\", fillcolor=\"#dae8fc\"];\n"
        "  input -> n0;\n"
        "  n0 -> n1;\n"
        "  n0 -> n2;\n"
        "  n2 -> n4;\n"
        "  n1 -> n6;\n"
        "  n4 -> n6;\n"
        "  n0 -> n6;\n"
        "  n6 -> n7;\n"
        "  n6 -> n9;\n"
        "  n7 -> n9;\n"
        "  n9 -> n11;\n"
        "}\n";
    CHECK(nc::to_dot<branching>({.all_layers = false}) == expected);
}

// ---------------------------------------------------------------------------------------------
// Auxiliary heads in every report: adjacent heads, a head nested in a head, a head inside a
// merge's path. A head's entries show their own figures, marked " (auxiliary)" (table,
// Markdown, SVG), `auxiliary` (CSV, JSON) or dashed (DOT); a share of a figure the totals leave
// out (a head's units, connections, activations) is "not in the total", never a percent.
// 4 x 4 x 2 input (32 elements, 16 positions); 1 x 1 convs, so connections = weights * 16:
//   0 stem                   conv 2 -> 4: 8 weights, 4 biases, 64 units, 128 connections
//   1 auxiliary1/flatten1    (auxiliary) 64 activations
//   2 auxiliary1/fc1         (auxiliary) 64 * 3 = 192 weights and connections, 3 biases, 3 units
//   3 b/conv1                (auxiliary, adjacent to the first) conv 4 -> 2: 8 weights, 2
//                            biases, 32 units, 128 connections
//   4 b/auxiliary1/flatten1  (auxiliary, nested in b) 32 activations
//   5 b/auxiliary1/fc1       (auxiliary) 32 * 5 = 160 weights and connections, 5 biases, 5 units
//   6 sum/inner              conv 4 -> 4: 16 weights, 4 biases, 64 units, 256 connections
//   7 sum/d/flatten1         (auxiliary, inside the add's second path) 64 activations
//   8 sum/d/fc1              (auxiliary) 64 * 2 = 128 weights and connections, 2 biases, 2 units
//   9 sum                    add of 0 (identity) and 6 (the head reads 6 and goes nowhere)
//  10 global_avg_pool1       1 x 1 x 4
//  11 out                    fc 4 -> 2: 8 weights and connections, 2 biases, 2 units
// Totals: weights 8 + 192 + 8 + 160 + 16 + 128 + 8 = 520 (every head's count: they are stored);
// biases 4 + 3 + 2 + 5 + 4 + 2 + 2 = 22; parameters 542; units 64 + 64 + 2 = 130; connections
// 128 + 256 + 8 = 392; with bias 392 + 64 + 64 + 2 = 522; activations 64 + 64 + 64 + 4 + 2 = 198
// (the heads' units, connections and activations left out). Live activations (the heads are not
// scheduled: 0): stem 32 + 64 = 96; inner 64 + 64 = 128 (the stem is kept for the add); sum
// 64 + 64 + 64 = 192, the peak; the pool 64 + 4 = 68; out 4 + 2 = 6.
struct heads
    : nc::network<nc::input<4, 4, 2>, nc::conv<4, nc::kernel<1>, nc::name<"stem">>,
                  nc::auxiliary<nc::flatten, nc::fc<3>>,
                  nc::auxiliary<nc::name<"b">, nc::conv<2, nc::kernel<1>>, nc::auxiliary<nc::flatten, nc::fc<5>>>,
                  nc::add<nc::name<"sum">, nc::identity,
                          nc::sequence<nc::conv<4, nc::kernel<1>, nc::name<"inner">>,
                                       nc::auxiliary<nc::name<"d">, nc::flatten, nc::fc<2>>>>,
                  nc::global_avg_pool, nc::fc<2, nc::name<"out">>> {};

TEST_CASE("to_table with auxiliary heads: their connections are not in the total, and the shares add up") {
    // Shares of the 392 connections: stem 128 / 392 = 32.7% (20 * 0.327 = 6.5: 7 characters),
    // sum/inner 256 / 392 = 65.3% (13), out 8 / 392 = 2.0% (0); 32.7 + 65.3 + 2.0 = 100.0.
    const std::string expected =
        "layer                              output      units           weights             parameters  connections                  live activations  share of connections\n"
        "---------------------------------  ----------  --------------  ------------------  ----------  ---------------------------  ----------------  --------------------\n"
        "stem                               4 x 4 x 4   4 * 4 * 4 = 64  1 * 1 * 2 * 4 = 8   12          1 * 1 * 2 * 4 * 4 * 4 = 128  96                 32.7% #######\n"
        "auxiliary1/flatten1 (auxiliary)    1 x 1 x 64  0               0                   0           0                            0                 not in the total\n"
        "auxiliary1/fc1 (auxiliary)         1 x 1 x 3   3               64 * 3 = 192        195         64 * 3 = 192                 0                 not in the total\n"
        "b/conv1 (auxiliary)                4 x 4 x 2   4 * 4 * 2 = 32  1 * 1 * 4 * 2 = 8   10          1 * 1 * 4 * 2 * 4 * 4 = 128  0                 not in the total\n"
        "b/auxiliary1/flatten1 (auxiliary)  1 x 1 x 32  0               0                   0           0                            0                 not in the total\n"
        "b/auxiliary1/fc1 (auxiliary)       1 x 1 x 5   5               32 * 5 = 160        165         32 * 5 = 160                 0                 not in the total\n"
        "sum/inner                          4 x 4 x 4   4 * 4 * 4 = 64  1 * 1 * 4 * 4 = 16  20          1 * 1 * 4 * 4 * 4 * 4 = 256  128                65.3% #############\n"
        "sum/d/flatten1 (auxiliary)         1 x 1 x 64  0               0                   0           0                            0                 not in the total\n"
        "sum/d/fc1 (auxiliary)              1 x 1 x 2   2               64 * 2 = 128        130         64 * 2 = 128                 0                 not in the total\n"
        "sum                                4 x 4 x 4   0               0                   0           0                            192                 0.0%\n"
        "global_avg_pool1                   1 x 1 x 4   0               0                   0           0                            68                  0.0%\n"
        "out                                1 x 1 x 2   2               4 * 2 = 8           10          4 * 2 = 8                    6                   2.0%\n"
        "total                                          130             520                 542         392                          peak 192          100.0%\n";
    CHECK(nc::to_table<heads>({.all_layers = true, .share = nc::share_of::connections, .live_activations = true}) ==
          expected);
}

TEST_CASE("to_markdown with auxiliary heads: their weights are shares of the total") {
    // Shares of the 520 weights, heads included: 192 / 520 = 36.9%, 160 / 520 = 30.8%,
    // 128 / 520 = 24.6%, 16 / 520 = 3.1%, 8 / 520 = 1.5% (three rows); they add to 99.9%, each
    // rounded on its own.
    const std::string expected =
        "| layer                        | output    | units          | weights            | parameters | connections                 | share of weights |\n"
        "| ---------------------------- | --------- | -------------: | -----------------: | ---------: | --------------------------: | ---------------- |\n"
        "| stem                         | 4 x 4 x 4 | 4 * 4 * 4 = 64 |  1 * 1 * 2 * 4 = 8 |         12 | 1 * 1 * 2 * 4 * 4 * 4 = 128 |   1.5%           |\n"
        "| auxiliary1/fc1 (auxiliary)   | 1 x 1 x 3 |              3 |       64 * 3 = 192 |        195 |                64 * 3 = 192 |  36.9% #######   |\n"
        "| b/conv1 (auxiliary)          | 4 x 4 x 2 | 4 * 4 * 2 = 32 |  1 * 1 * 4 * 2 = 8 |         10 | 1 * 1 * 4 * 2 * 4 * 4 = 128 |   1.5%           |\n"
        "| b/auxiliary1/fc1 (auxiliary) | 1 x 1 x 5 |              5 |       32 * 5 = 160 |        165 |                32 * 5 = 160 |  30.8% ######    |\n"
        "| sum/inner                    | 4 x 4 x 4 | 4 * 4 * 4 = 64 | 1 * 1 * 4 * 4 = 16 |         20 | 1 * 1 * 4 * 4 * 4 * 4 = 256 |   3.1% #         |\n"
        "| sum/d/fc1 (auxiliary)        | 1 x 1 x 2 |              2 |       64 * 2 = 128 |        130 |                64 * 2 = 128 |  24.6% #####     |\n"
        "| out                          | 1 x 1 x 2 |              2 |          4 * 2 = 8 |         10 |                   4 * 2 = 8 |   1.5%           |\n"
        "| total                        |           |            130 |                520 |        542 |                         392 | 100.0%           |\n";
    CHECK(nc::to_markdown<heads>({.share = nc::share_of::weights}) == expected);
}

TEST_CASE("to_csv and to_json with auxiliary heads: every entry, marked, and the totals without the heads' work") {
    // Each row's figures as listed above heads; connections_with_bias adds the units of a layer
    // with biases (stem 128 + 64 = 192); the inputs of each entry as layers<heads>[i].inputs.
    const std::string csv =
        "name,kind,input_height,input_width,input_channels,output_height,output_width,output_channels,units,weights,biases,parameters,connections,connections_with_bias,activations,live_activations,merge,auxiliary,shared,output\n"
        "stem,conv,4,4,2,4,4,4,64,8,4,12,128,192,64,96,0,0,0,0\n"
        "auxiliary1/flatten1,flatten,4,4,4,1,1,64,0,0,0,0,0,0,64,0,0,1,0,0\n"
        "auxiliary1/fc1,fc,1,1,64,1,1,3,3,192,3,195,192,195,3,0,0,1,0,0\n"
        "b/conv1,conv,4,4,4,4,4,2,32,8,2,10,128,160,32,0,0,1,0,0\n"
        "b/auxiliary1/flatten1,flatten,4,4,2,1,1,32,0,0,0,0,0,0,32,0,0,1,0,0\n"
        "b/auxiliary1/fc1,fc,1,1,32,1,1,5,5,160,5,165,160,165,5,0,0,1,0,0\n"
        "sum/inner,conv,4,4,4,4,4,4,64,16,4,20,256,320,64,128,0,0,0,0\n"
        "sum/d/flatten1,flatten,4,4,4,1,1,64,0,0,0,0,0,0,64,0,0,1,0,0\n"
        "sum/d/fc1,fc,1,1,64,1,1,2,2,128,2,130,128,130,2,0,0,1,0,0\n"
        "sum,add,4,4,4,4,4,4,0,0,0,0,0,0,64,192,1,0,0,0\n"
        "global_avg_pool1,global_avg_pool,4,4,4,1,1,4,0,0,0,0,0,0,4,68,0,0,0,0\n"
        "out,fc,1,1,4,1,1,2,2,8,2,10,8,10,2,6,0,0,0,0\n";
    CHECK(nc::to_csv<heads>() == csv);
    const std::
        string json = "{\n"
                      "  \"input\": {\"height\": 4, \"width\": 4, \"channels\": 2},\n"
                      "  \"output\": {\"height\": 1, \"width\": 1, \"channels\": 2},\n"
                      "  \"outputs\": [11],\n"
                      "  \"reuses\": [],\n"
                      "  \"layers\": [\n"
                      "    {\"name\": \"stem\", \"kind\": \"conv\", \"inputs\": [-1], \"input\": {\"height\": 4, \"width\": 4, \"channels\": 2}, \"output\": {\"height\": 4, \"width\": 4, \"channels\": 4}, \"units\": 64, \"weights\": 8, \"biases\": 4, \"parameters\": 12, \"connections\": 128, \"connections_with_bias\": 192, \"activations\": 64, \"live_activations\": 96, \"receptive_field\": {\"height\": {\"size\": 1, \"jump\": 1, \"start\": 0}, \"width\": {\"size\": 1, \"jump\": 1, \"start\": 0}}, \"merge\": false, \"auxiliary\": false},\n"
                      "    {\"name\": \"auxiliary1/flatten1\", \"kind\": \"flatten\", \"inputs\": [0], \"input\": {\"height\": 4, \"width\": 4, \"channels\": 4}, \"output\": {\"height\": 1, \"width\": 1, \"channels\": 64}, \"units\": 0, \"weights\": 0, \"biases\": 0, \"parameters\": 0, \"connections\": 0, \"connections_with_bias\": 0, \"activations\": 64, \"live_activations\": 0, \"receptive_field\": {\"height\": {\"size\": 4, \"jump\": 1, \"start\": 0}, \"width\": {\"size\": 4, \"jump\": 1, \"start\": 0}}, \"merge\": false, \"auxiliary\": true},\n"
                      "    {\"name\": \"auxiliary1/fc1\", \"kind\": \"fc\", \"inputs\": [1], \"input\": {\"height\": 1, \"width\": 1, \"channels\": 64}, \"output\": {\"height\": 1, \"width\": 1, \"channels\": 3}, \"units\": 3, \"weights\": 192, \"biases\": 3, \"parameters\": 195, \"connections\": 192, \"connections_with_bias\": 195, \"activations\": 3, \"live_activations\": 0, \"receptive_field\": {\"height\": {\"size\": 4, \"jump\": 1, \"start\": 0}, \"width\": {\"size\": 4, \"jump\": 1, \"start\": 0}}, \"merge\": false, \"auxiliary\": true},\n"
                      "    {\"name\": \"b/conv1\", \"kind\": \"conv\", \"inputs\": [0], \"input\": {\"height\": 4, \"width\": 4, \"channels\": 4}, \"output\": {\"height\": 4, \"width\": 4, \"channels\": 2}, \"units\": 32, \"weights\": 8, \"biases\": 2, \"parameters\": 10, \"connections\": 128, \"connections_with_bias\": 160, \"activations\": 32, \"live_activations\": 0, \"receptive_field\": {\"height\": {\"size\": 1, \"jump\": 1, \"start\": 0}, \"width\": {\"size\": 1, \"jump\": 1, \"start\": 0}}, \"merge\": false, \"auxiliary\": true},\n"
                      "    {\"name\": \"b/auxiliary1/flatten1\", \"kind\": \"flatten\", \"inputs\": [3], \"input\": {\"height\": 4, \"width\": 4, \"channels\": 2}, \"output\": {\"height\": 1, \"width\": 1, \"channels\": 32}, \"units\": 0, \"weights\": 0, \"biases\": 0, \"parameters\": 0, \"connections\": 0, \"connections_with_bias\": 0, \"activations\": 32, \"live_activations\": 0, \"receptive_field\": {\"height\": {\"size\": 4, \"jump\": 1, \"start\": 0}, \"width\": {\"size\": 4, \"jump\": 1, \"start\": 0}}, \"merge\": false, \"auxiliary\": true},\n"
                      "    {\"name\": \"b/auxiliary1/fc1\", \"kind\": \"fc\", \"inputs\": [4], \"input\": {\"height\": 1, \"width\": 1, \"channels\": 32}, \"output\": {\"height\": 1, \"width\": 1, \"channels\": 5}, \"units\": 5, \"weights\": 160, \"biases\": 5, \"parameters\": 165, \"connections\": 160, \"connections_with_bias\": 165, \"activations\": 5, \"live_activations\": 0, \"receptive_field\": {\"height\": {\"size\": 4, \"jump\": 1, \"start\": 0}, \"width\": {\"size\": 4, \"jump\": 1, \"start\": 0}}, \"merge\": false, \"auxiliary\": true},\n"
                      "    {\"name\": \"sum/inner\", \"kind\": \"conv\", \"inputs\": [0], \"input\": {\"height\": 4, \"width\": 4, \"channels\": 4}, \"output\": {\"height\": 4, \"width\": 4, \"channels\": 4}, \"units\": 64, \"weights\": 16, \"biases\": 4, \"parameters\": 20, \"connections\": 256, \"connections_with_bias\": 320, \"activations\": 64, \"live_activations\": 128, \"receptive_field\": {\"height\": {\"size\": 1, \"jump\": 1, \"start\": 0}, \"width\": {\"size\": 1, \"jump\": 1, \"start\": 0}}, \"merge\": false, \"auxiliary\": false},\n"
                      "    {\"name\": \"sum/d/flatten1\", \"kind\": \"flatten\", \"inputs\": [6], \"input\": {\"height\": 4, \"width\": 4, \"channels\": 4}, \"output\": {\"height\": 1, \"width\": 1, \"channels\": 64}, \"units\": 0, \"weights\": 0, \"biases\": 0, \"parameters\": 0, \"connections\": 0, \"connections_with_bias\": 0, \"activations\": 64, \"live_activations\": 0, \"receptive_field\": {\"height\": {\"size\": 4, \"jump\": 1, \"start\": 0}, \"width\": {\"size\": 4, \"jump\": 1, \"start\": 0}}, \"merge\": false, \"auxiliary\": true},\n"
                      "    {\"name\": \"sum/d/fc1\", \"kind\": \"fc\", \"inputs\": [7], \"input\": {\"height\": 1, \"width\": 1, \"channels\": 64}, \"output\": {\"height\": 1, \"width\": 1, \"channels\": 2}, \"units\": 2, \"weights\": 128, \"biases\": 2, \"parameters\": 130, \"connections\": 128, \"connections_with_bias\": 130, \"activations\": 2, \"live_activations\": 0, \"receptive_field\": {\"height\": {\"size\": 4, \"jump\": 1, \"start\": 0}, \"width\": {\"size\": 4, \"jump\": 1, \"start\": 0}}, \"merge\": false, \"auxiliary\": true},\n"
                      "    {\"name\": \"sum\", \"kind\": \"add\", \"inputs\": [0, 6], \"input\": {\"height\": 4, \"width\": 4, \"channels\": 4}, \"output\": {\"height\": 4, \"width\": 4, \"channels\": 4}, \"units\": 0, \"weights\": 0, \"biases\": 0, \"parameters\": 0, \"connections\": 0, \"connections_with_bias\": 0, \"activations\": 64, \"live_activations\": 192, \"receptive_field\": {\"height\": {\"size\": 1, \"jump\": 1, \"start\": 0}, \"width\": {\"size\": 1, \"jump\": 1, \"start\": 0}}, \"merge\": true, \"auxiliary\": false},\n"
                      "    {\"name\": \"global_avg_pool1\", \"kind\": \"global_avg_pool\", \"inputs\": [9], \"input\": {\"height\": 4, \"width\": 4, \"channels\": 4}, \"output\": {\"height\": 1, \"width\": 1, \"channels\": 4}, \"units\": 0, \"weights\": 0, \"biases\": 0, \"parameters\": 0, \"connections\": 0, \"connections_with_bias\": 0, \"activations\": 4, \"live_activations\": 68, \"receptive_field\": {\"height\": {\"size\": 4, \"jump\": 1, \"start\": 0}, \"width\": {\"size\": 4, \"jump\": 1, \"start\": 0}}, \"merge\": false, \"auxiliary\": false},\n"
                      "    {\"name\": \"out\", \"kind\": \"fc\", \"inputs\": [10], \"input\": {\"height\": 1, \"width\": 1, \"channels\": 4}, \"output\": {\"height\": 1, \"width\": 1, \"channels\": 2}, \"units\": 2, \"weights\": 8, \"biases\": 2, \"parameters\": 10, \"connections\": 8, \"connections_with_bias\": 10, \"activations\": 2, \"live_activations\": 6, \"receptive_field\": {\"height\": {\"size\": 4, \"jump\": 1, \"start\": 0}, \"width\": {\"size\": 4, \"jump\": 1, \"start\": 0}}, \"merge\": false, \"auxiliary\": false}\n"
                      "  ],\n"
                      "  \"totals\": {\"units\": 130, \"weights\": 520, \"biases\": 22, \"parameters\": 542, \"connections\": 392, \"connections_with_bias\": 522, \"activations\": 198, \"peak_activations\": 192}\n"
                      "}\n";
    CHECK(nc::to_json<heads>() == json);
}

TEST_CASE("to_dot with auxiliary heads: dashed, each reading what its position holds") {
    // Without the layers that have no weights: each head's flatten is bypassed, so its fc reads
    // the head's input (the stem, b/conv1, sum/inner); b/conv1 reads the stem, and so does the
    // add beside sum/inner.
    const std::string expected =
        "digraph network {\n"
        "  rankdir=TB;\n"
        "  node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", fontname=\"Helvetica\", fontsize=10];\n"
        "  edge [arrowsize=0.6];\n"
        "  input [label=\"input\\n4 x 4 x 2\", shape=box, style=filled, fillcolor=\"#e0e0e0\"];\n"
        "  n0 [label=\"stem\\nconv\\n4 x 4 x 4\\n8 weights\\n128 connections\", fillcolor=\"#dae8fc\"];\n"
        "  n2 [label=\"auxiliary1/fc1\\n1 x 1 x 3\\n192 weights\\n192 connections\", fillcolor=\"#dae8fc\", style=\"rounded,filled,dashed\"];\n"
        "  n3 [label=\"b/conv1\\n4 x 4 x 2\\n8 weights\\n128 connections\", fillcolor=\"#dae8fc\", style=\"rounded,filled,dashed\"];\n"
        "  n5 [label=\"b/auxiliary1/fc1\\n1 x 1 x 5\\n160 weights\\n160 connections\", fillcolor=\"#dae8fc\", style=\"rounded,filled,dashed\"];\n"
        "  n6 [label=\"sum/inner\\nconv\\n4 x 4 x 4\\n16 weights\\n256 connections\", fillcolor=\"#dae8fc\"];\n"
        "  n8 [label=\"sum/d/fc1\\n1 x 1 x 2\\n128 weights\\n128 connections\", fillcolor=\"#dae8fc\", style=\"rounded,filled,dashed\"];\n"
        "  n9 [label=\"sum\\nadd\\n4 x 4 x 4\", shape=ellipse, fillcolor=\"#fff2cc\"];\n"
        "  n11 [label=\"out\\nfc\\n1 x 1 x 2\\n8 weights\\n8 connections\", fillcolor=\"#dae8fc\"];\n"
        "  input -> n0;\n"
        "  n0 -> n2;\n"
        "  n0 -> n3;\n"
        "  n3 -> n5;\n"
        "  n0 -> n6;\n"
        "  n6 -> n8;\n"
        "  n0 -> n9;\n"
        "  n6 -> n9;\n"
        "  n9 -> n11;\n"
        "}\n";
    CHECK(nc::to_dot<heads>({.all_layers = false}) == expected);
}

TEST_CASE("to_svg with auxiliary heads: marked rows, no share of a total that leaves them out") {
    // The longest name shown, "b/auxiliary1/flatten1 (auxiliary)", is 33 characters: the plots
    // start at 16 + 33 * 8 + 10 = 290 px. Weights: largest 192, step 50 (192 / 5 rounds up to
    // 39), axis to 200 over 300 px: 1.5 px a weight (192: 288 px, 8: 12 px). Connections: largest
    // 256, step 100, axis to 300: 1 px a connection. Live activations: largest 192, axis to 200:
    // 1.5 px each (96: 144 px, 68: 102 px, 6: 9 px). Tooltips: weights of 520, connections of 392
    // (the heads' "not in the total"), live activations of the peak, 192 (96 / 192 = 50.0%,
    // 128 / 192 = 66.7%, 68 / 192 = 35.4%, 6 / 192 = 3.1%). The heads' rows are not scheduled:
    // 0, and the peak is sum's.
    const std::string expected =
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1392\" height=\"416\" viewBox=\"0 0 1392 416\" font-family=\"DejaVu Sans Mono, Menlo, Consolas, monospace\">\n"
        "  <title>weights and connections per layer</title>\n"
        "  <rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n"
        "  <text x=\"16\" y=\"34\" font-size=\"16\" font-weight=\"bold\" fill=\"#222222\">weights and connections per layer</text>\n"
        "  <rect x=\"290\" y=\"48\" width=\"12\" height=\"12\" fill=\"#4e79a7\"/>\n"
        "  <text x=\"308\" y=\"58\" font-size=\"12\" fill=\"#222222\">weights (linear scale)</text>\n"
        "  <line x1=\"290\" y1=\"66\" x2=\"290\" y2=\"354\" stroke=\"#dddddd\"/>\n"
        "  <text x=\"290\" y=\"368\" font-size=\"10\" text-anchor=\"middle\" fill=\"#666666\">0</text>\n"
        "  <line x1=\"365\" y1=\"66\" x2=\"365\" y2=\"354\" stroke=\"#dddddd\"/>\n"
        "  <text x=\"365\" y=\"368\" font-size=\"10\" text-anchor=\"middle\" fill=\"#666666\">50</text>\n"
        "  <line x1=\"440\" y1=\"66\" x2=\"440\" y2=\"354\" stroke=\"#dddddd\"/>\n"
        "  <text x=\"440\" y=\"368\" font-size=\"10\" text-anchor=\"middle\" fill=\"#666666\">100</text>\n"
        "  <line x1=\"515\" y1=\"66\" x2=\"515\" y2=\"354\" stroke=\"#dddddd\"/>\n"
        "  <text x=\"515\" y=\"368\" font-size=\"10\" text-anchor=\"middle\" fill=\"#666666\">150</text>\n"
        "  <line x1=\"590\" y1=\"66\" x2=\"590\" y2=\"354\" stroke=\"#dddddd\"/>\n"
        "  <text x=\"590\" y=\"368\" font-size=\"10\" text-anchor=\"middle\" fill=\"#666666\">200</text>\n"
        "  <rect x=\"651\" y=\"48\" width=\"12\" height=\"12\" fill=\"#f28e2b\"/>\n"
        "  <text x=\"669\" y=\"58\" font-size=\"12\" fill=\"#222222\">connections (linear scale)</text>\n"
        "  <line x1=\"651\" y1=\"66\" x2=\"651\" y2=\"354\" stroke=\"#dddddd\"/>\n"
        "  <text x=\"651\" y=\"368\" font-size=\"10\" text-anchor=\"middle\" fill=\"#666666\">0</text>\n"
        "  <line x1=\"751\" y1=\"66\" x2=\"751\" y2=\"354\" stroke=\"#dddddd\"/>\n"
        "  <text x=\"751\" y=\"368\" font-size=\"10\" text-anchor=\"middle\" fill=\"#666666\">100</text>\n"
        "  <line x1=\"851\" y1=\"66\" x2=\"851\" y2=\"354\" stroke=\"#dddddd\"/>\n"
        "  <text x=\"851\" y=\"368\" font-size=\"10\" text-anchor=\"middle\" fill=\"#666666\">200</text>\n"
        "  <line x1=\"951\" y1=\"66\" x2=\"951\" y2=\"354\" stroke=\"#dddddd\"/>\n"
        "  <text x=\"951\" y=\"368\" font-size=\"10\" text-anchor=\"middle\" fill=\"#666666\">300</text>\n"
        "  <rect x=\"1012\" y=\"48\" width=\"12\" height=\"12\" fill=\"#59a14f\"/>\n"
        "  <text x=\"1030\" y=\"58\" font-size=\"12\" fill=\"#222222\">live activations (linear scale)</text>\n"
        "  <line x1=\"1012\" y1=\"66\" x2=\"1012\" y2=\"354\" stroke=\"#dddddd\"/>\n"
        "  <text x=\"1012\" y=\"368\" font-size=\"10\" text-anchor=\"middle\" fill=\"#666666\">0</text>\n"
        "  <line x1=\"1087\" y1=\"66\" x2=\"1087\" y2=\"354\" stroke=\"#dddddd\"/>\n"
        "  <text x=\"1087\" y=\"368\" font-size=\"10\" text-anchor=\"middle\" fill=\"#666666\">50</text>\n"
        "  <line x1=\"1162\" y1=\"66\" x2=\"1162\" y2=\"354\" stroke=\"#dddddd\"/>\n"
        "  <text x=\"1162\" y=\"368\" font-size=\"10\" text-anchor=\"middle\" fill=\"#666666\">100</text>\n"
        "  <line x1=\"1237\" y1=\"66\" x2=\"1237\" y2=\"354\" stroke=\"#dddddd\"/>\n"
        "  <text x=\"1237\" y=\"368\" font-size=\"10\" text-anchor=\"middle\" fill=\"#666666\">150</text>\n"
        "  <line x1=\"1312\" y1=\"66\" x2=\"1312\" y2=\"354\" stroke=\"#dddddd\"/>\n"
        "  <text x=\"1312\" y=\"368\" font-size=\"10\" text-anchor=\"middle\" fill=\"#666666\">200</text>\n"
        "  <text x=\"280\" y=\"82\" font-size=\"12\" text-anchor=\"end\" fill=\"#222222\">stem</text>\n"
        "  <rect x=\"290\" y=\"70\" width=\"12\" height=\"16\" fill=\"#4e79a7\"><title>stem: 8 weights, 1.5%</title></rect>\n"
        "  <text x=\"306\" y=\"82\" font-size=\"11\" fill=\"#333333\">8</text>\n"
        "  <rect x=\"651\" y=\"70\" width=\"128\" height=\"16\" fill=\"#f28e2b\"><title>stem: 128 connections, 32.7%</title></rect>\n"
        "  <text x=\"783\" y=\"82\" font-size=\"11\" fill=\"#333333\">128</text>\n"
        "  <rect x=\"1012\" y=\"70\" width=\"144\" height=\"16\" fill=\"#59a14f\"><title>stem: 96 live activations, 50.0%</title></rect>\n"
        "  <text x=\"1160\" y=\"82\" font-size=\"11\" fill=\"#333333\">96</text>\n"
        "  <text x=\"280\" y=\"106\" font-size=\"12\" text-anchor=\"end\" fill=\"#222222\">auxiliary1/flatten1 (auxiliary)</text>\n"
        "  <text x=\"294\" y=\"106\" font-size=\"11\" fill=\"#333333\">0</text>\n"
        "  <text x=\"655\" y=\"106\" font-size=\"11\" fill=\"#333333\">0</text>\n"
        "  <text x=\"1016\" y=\"106\" font-size=\"11\" fill=\"#333333\">0</text>\n"
        "  <text x=\"280\" y=\"130\" font-size=\"12\" text-anchor=\"end\" fill=\"#222222\">auxiliary1/fc1 (auxiliary)</text>\n"
        "  <rect x=\"290\" y=\"118\" width=\"288\" height=\"16\" fill=\"#4e79a7\"><title>auxiliary1/fc1 (auxiliary): 192 weights, 36.9%</title></rect>\n"
        "  <text x=\"582\" y=\"130\" font-size=\"11\" fill=\"#333333\">192</text>\n"
        "  <rect x=\"651\" y=\"118\" width=\"192\" height=\"16\" fill=\"#f28e2b\"><title>auxiliary1/fc1 (auxiliary): 192 connections, not in the total</title></rect>\n"
        "  <text x=\"847\" y=\"130\" font-size=\"11\" fill=\"#333333\">192</text>\n"
        "  <text x=\"1016\" y=\"130\" font-size=\"11\" fill=\"#333333\">0</text>\n"
        "  <text x=\"280\" y=\"154\" font-size=\"12\" text-anchor=\"end\" fill=\"#222222\">b/conv1 (auxiliary)</text>\n"
        "  <rect x=\"290\" y=\"142\" width=\"12\" height=\"16\" fill=\"#4e79a7\"><title>b/conv1 (auxiliary): 8 weights, 1.5%</title></rect>\n"
        "  <text x=\"306\" y=\"154\" font-size=\"11\" fill=\"#333333\">8</text>\n"
        "  <rect x=\"651\" y=\"142\" width=\"128\" height=\"16\" fill=\"#f28e2b\"><title>b/conv1 (auxiliary): 128 connections, not in the total</title></rect>\n"
        "  <text x=\"783\" y=\"154\" font-size=\"11\" fill=\"#333333\">128</text>\n"
        "  <text x=\"1016\" y=\"154\" font-size=\"11\" fill=\"#333333\">0</text>\n"
        "  <text x=\"280\" y=\"178\" font-size=\"12\" text-anchor=\"end\" fill=\"#222222\">b/auxiliary1/flatten1 (auxiliary)</text>\n"
        "  <text x=\"294\" y=\"178\" font-size=\"11\" fill=\"#333333\">0</text>\n"
        "  <text x=\"655\" y=\"178\" font-size=\"11\" fill=\"#333333\">0</text>\n"
        "  <text x=\"1016\" y=\"178\" font-size=\"11\" fill=\"#333333\">0</text>\n"
        "  <text x=\"280\" y=\"202\" font-size=\"12\" text-anchor=\"end\" fill=\"#222222\">b/auxiliary1/fc1 (auxiliary)</text>\n"
        "  <rect x=\"290\" y=\"190\" width=\"240\" height=\"16\" fill=\"#4e79a7\"><title>b/auxiliary1/fc1 (auxiliary): 160 weights, 30.8%</title></rect>\n"
        "  <text x=\"534\" y=\"202\" font-size=\"11\" fill=\"#333333\">160</text>\n"
        "  <rect x=\"651\" y=\"190\" width=\"160\" height=\"16\" fill=\"#f28e2b\"><title>b/auxiliary1/fc1 (auxiliary): 160 connections, not in the total</title></rect>\n"
        "  <text x=\"815\" y=\"202\" font-size=\"11\" fill=\"#333333\">160</text>\n"
        "  <text x=\"1016\" y=\"202\" font-size=\"11\" fill=\"#333333\">0</text>\n"
        "  <text x=\"280\" y=\"226\" font-size=\"12\" text-anchor=\"end\" fill=\"#222222\">sum/inner</text>\n"
        "  <rect x=\"290\" y=\"214\" width=\"24\" height=\"16\" fill=\"#4e79a7\"><title>sum/inner: 16 weights, 3.1%</title></rect>\n"
        "  <text x=\"318\" y=\"226\" font-size=\"11\" fill=\"#333333\">16</text>\n"
        "  <rect x=\"651\" y=\"214\" width=\"256\" height=\"16\" fill=\"#f28e2b\"><title>sum/inner: 256 connections, 65.3%</title></rect>\n"
        "  <text x=\"911\" y=\"226\" font-size=\"11\" fill=\"#333333\">256</text>\n"
        "  <rect x=\"1012\" y=\"214\" width=\"192\" height=\"16\" fill=\"#59a14f\"><title>sum/inner: 128 live activations, 66.7%</title></rect>\n"
        "  <text x=\"1208\" y=\"226\" font-size=\"11\" fill=\"#333333\">128</text>\n"
        "  <text x=\"280\" y=\"250\" font-size=\"12\" text-anchor=\"end\" fill=\"#222222\">sum/d/flatten1 (auxiliary)</text>\n"
        "  <text x=\"294\" y=\"250\" font-size=\"11\" fill=\"#333333\">0</text>\n"
        "  <text x=\"655\" y=\"250\" font-size=\"11\" fill=\"#333333\">0</text>\n"
        "  <text x=\"1016\" y=\"250\" font-size=\"11\" fill=\"#333333\">0</text>\n"
        "  <text x=\"280\" y=\"274\" font-size=\"12\" text-anchor=\"end\" fill=\"#222222\">sum/d/fc1 (auxiliary)</text>\n"
        "  <rect x=\"290\" y=\"262\" width=\"192\" height=\"16\" fill=\"#4e79a7\"><title>sum/d/fc1 (auxiliary): 128 weights, 24.6%</title></rect>\n"
        "  <text x=\"486\" y=\"274\" font-size=\"11\" fill=\"#333333\">128</text>\n"
        "  <rect x=\"651\" y=\"262\" width=\"128\" height=\"16\" fill=\"#f28e2b\"><title>sum/d/fc1 (auxiliary): 128 connections, not in the total</title></rect>\n"
        "  <text x=\"783\" y=\"274\" font-size=\"11\" fill=\"#333333\">128</text>\n"
        "  <text x=\"1016\" y=\"274\" font-size=\"11\" fill=\"#333333\">0</text>\n"
        "  <text x=\"280\" y=\"298\" font-size=\"12\" text-anchor=\"end\" fill=\"#222222\">sum</text>\n"
        "  <text x=\"294\" y=\"298\" font-size=\"11\" fill=\"#333333\">0</text>\n"
        "  <text x=\"655\" y=\"298\" font-size=\"11\" fill=\"#333333\">0</text>\n"
        "  <rect x=\"1012\" y=\"286\" width=\"288\" height=\"16\" fill=\"#e15759\"><title>sum: 192 live activations, 100.0%</title></rect>\n"
        "  <text x=\"1304\" y=\"298\" font-size=\"11\" fill=\"#333333\">peak 192</text>\n"
        "  <text x=\"280\" y=\"322\" font-size=\"12\" text-anchor=\"end\" fill=\"#222222\">global_avg_pool1</text>\n"
        "  <text x=\"294\" y=\"322\" font-size=\"11\" fill=\"#333333\">0</text>\n"
        "  <text x=\"655\" y=\"322\" font-size=\"11\" fill=\"#333333\">0</text>\n"
        "  <rect x=\"1012\" y=\"310\" width=\"102\" height=\"16\" fill=\"#59a14f\"><title>global_avg_pool1: 68 live activations, 35.4%</title></rect>\n"
        "  <text x=\"1118\" y=\"322\" font-size=\"11\" fill=\"#333333\">68</text>\n"
        "  <text x=\"280\" y=\"346\" font-size=\"12\" text-anchor=\"end\" fill=\"#222222\">out</text>\n"
        "  <rect x=\"290\" y=\"334\" width=\"12\" height=\"16\" fill=\"#4e79a7\"><title>out: 8 weights, 1.5%</title></rect>\n"
        "  <text x=\"306\" y=\"346\" font-size=\"11\" fill=\"#333333\">8</text>\n"
        "  <rect x=\"651\" y=\"334\" width=\"8\" height=\"16\" fill=\"#f28e2b\"><title>out: 8 connections, 2.0%</title></rect>\n"
        "  <text x=\"663\" y=\"346\" font-size=\"11\" fill=\"#333333\">8</text>\n"
        "  <rect x=\"1012\" y=\"334\" width=\"9\" height=\"16\" fill=\"#59a14f\"><title>out: 6 live activations, 3.1%</title></rect>\n"
        "  <text x=\"1025\" y=\"346\" font-size=\"11\" fill=\"#333333\">6</text>\n"
        "  <text x=\"16\" y=\"394\" font-size=\"12\" fill=\"#222222\">total: 520 weights, 392 connections (multiply-accumulates); peak: 192 live activations at sum</text>\n"
        "</svg>\n";
    CHECK(nc::to_svg<heads>({.memory_profile = true}) == expected);
}

// A network whose only entries are a head's: nothing runs in inference, so no row is at the
// peak (the heads' rows are 0 and are not scheduled); the chart says where the peak is (the
// input, which is live alone) and draws no bar red.
struct only_a_head : nc::network<nc::input<4, 4, 2>, nc::auxiliary<nc::flatten, nc::fc<3>>> {};

TEST_CASE("to_svg's memory profile when only an auxiliary head follows the input") {
    const std::string svg = nc::to_svg<only_a_head>({.memory_profile = true});
    CHECK(svg.find(" live activations (the input; no layer runs)</text>") != std::string::npos);
    CHECK(svg.find("#e15759") == std::string::npos);
    CHECK(svg.find(">peak ") == std::string::npos);
    CHECK(svg.find(">auxiliary1/fc1 (auxiliary)</text>") != std::string::npos);
}

// A head far larger than the network: on a 65536 x 65536 x 1 input (2^32 elements) a 1 x 1 conv
// of 1,024 filters without bias has 1,024 weights and 2^32 * 1,024 = 2^42 = 4,398,046,511,104
// units and connections; the network itself is a global pool and an fc of one output: 1 weight,
// 1 bias, 1 unit, 1 connection. Its share of the 1 connection in the total, divided out, was
// 439,804,651,110,400% and a bar of 8.8 * 10^13 characters (std::bad_alloc).
struct large_head
    : nc::network<nc::input<65536, 65536, 1>,
                  nc::auxiliary<nc::name<"head">, nc::conv<1024, nc::kernel<1>, nc::no_bias, nc::name<"wide">>>,
                  nc::global_avg_pool, nc::fc<1, nc::name<"out">>> {};

TEST_CASE("a large auxiliary head: every share at most 100%, every bar at most its width") {
    // Connections: the head's are not in the total; out has all of it. Weights: the head's
    // 1,024 of 1,025 are 99.9% (20 * 0.999 = 19.98: 20 characters), out's 1 is 0.1%.
    const std::string table =
        "layer                  output                units                                 weights                  parameters  connections                                       share of connections\n"
        "---------------------  --------------------  ------------------------------------  -----------------------  ----------  ------------------------------------------------  ---------------------------\n"
        "head/wide (auxiliary)  65536 x 65536 x 1024  65536 * 65536 * 1024 = 4398046511104  1 * 1 * 1 * 1024 = 1024  1024        1 * 1 * 1 * 1024 * 65536 * 65536 = 4398046511104  not in the total\n"
        "global_avg_pool1       1 x 1 x 1             0                                     0                        0           0                                                   0.0%\n"
        "out                    1 x 1 x 1             1                                     1 * 1 = 1                2           1 * 1 = 1                                         100.0% ####################\n"
        "total                                        1                                     1025                     1026        1                                                 100.0%\n";
    CHECK(nc::to_table<large_head>({.all_layers = true, .share = nc::share_of::connections}) == table);
    const std::string markdown =
        "| layer                 | output               | units                                | weights                 | parameters | connections                                      | share of weights            |\n"
        "| --------------------- | -------------------- | -----------------------------------: | ----------------------: | ---------: | -----------------------------------------------: | --------------------------- |\n"
        "| head/wide (auxiliary) | 65536 x 65536 x 1024 | 65536 * 65536 * 1024 = 4398046511104 | 1 * 1 * 1 * 1024 = 1024 |       1024 | 1 * 1 * 1 * 1024 * 65536 * 65536 = 4398046511104 |  99.9% #################### |\n"
        "| out                   | 1 x 1 x 1            |                                    1 |               1 * 1 = 1 |          2 |                                        1 * 1 = 1 |   0.1%                      |\n"
        "| total                 |                      |                                    1 |                    1025 |       1026 |                                                1 | 100.0%                      |\n";
    CHECK(nc::to_markdown<large_head>({.share = nc::share_of::weights}) == markdown);
    const std::string markdown_connections =
        "| layer                 | output               | units                                | weights                 | parameters | connections                                      | share of connections        |\n"
        "| --------------------- | -------------------- | -----------------------------------: | ----------------------: | ---------: | -----------------------------------------------: | --------------------------- |\n"
        "| head/wide (auxiliary) | 65536 x 65536 x 1024 | 65536 * 65536 * 1024 = 4398046511104 | 1 * 1 * 1 * 1024 = 1024 |       1024 | 1 * 1 * 1 * 1024 * 65536 * 65536 = 4398046511104 | not in the total            |\n"
        "| out                   | 1 x 1 x 1            |                                    1 |               1 * 1 = 1 |          2 |                                        1 * 1 = 1 | 100.0% #################### |\n"
        "| total                 |                      |                                    1 |                    1025 |       1026 |                                                1 | 100.0%                      |\n";
    CHECK(nc::to_markdown<large_head>({.share = nc::share_of::connections}) == markdown_connections);
    // Connections on an axis to 5T (2^42 / 5 rounds up to 879,609,302,221, step 10^12): the
    // head's bar is 4.398046511104 / 5 of 300 px = 263.9 px; out's 1 still shows 1 px. Weights
    // to 1.5k: 1,024 is 204.8 px.
    const std::string svg =
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1012\" height=\"176\" viewBox=\"0 0 1012 176\" font-family=\"DejaVu Sans Mono, Menlo, Consolas, monospace\">\n"
        "  <title>weights and connections per layer</title>\n"
        "  <rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n"
        "  <text x=\"16\" y=\"34\" font-size=\"16\" font-weight=\"bold\" fill=\"#222222\">weights and connections per layer</text>\n"
        "  <rect x=\"194\" y=\"48\" width=\"12\" height=\"12\" fill=\"#4e79a7\"/>\n"
        "  <text x=\"212\" y=\"58\" font-size=\"12\" fill=\"#222222\">weights (linear scale)</text>\n"
        "  <line x1=\"194\" y1=\"66\" x2=\"194\" y2=\"114\" stroke=\"#dddddd\"/>\n"
        "  <text x=\"194\" y=\"128\" font-size=\"10\" text-anchor=\"middle\" fill=\"#666666\">0</text>\n"
        "  <line x1=\"294\" y1=\"66\" x2=\"294\" y2=\"114\" stroke=\"#dddddd\"/>\n"
        "  <text x=\"294\" y=\"128\" font-size=\"10\" text-anchor=\"middle\" fill=\"#666666\">500</text>\n"
        "  <line x1=\"394\" y1=\"66\" x2=\"394\" y2=\"114\" stroke=\"#dddddd\"/>\n"
        "  <text x=\"394\" y=\"128\" font-size=\"10\" text-anchor=\"middle\" fill=\"#666666\">1k</text>\n"
        "  <line x1=\"494\" y1=\"66\" x2=\"494\" y2=\"114\" stroke=\"#dddddd\"/>\n"
        "  <text x=\"494\" y=\"128\" font-size=\"10\" text-anchor=\"middle\" fill=\"#666666\">1.5k</text>\n"
        "  <rect x=\"569\" y=\"48\" width=\"12\" height=\"12\" fill=\"#f28e2b\"/>\n"
        "  <text x=\"587\" y=\"58\" font-size=\"12\" fill=\"#222222\">connections (linear scale)</text>\n"
        "  <line x1=\"569\" y1=\"66\" x2=\"569\" y2=\"114\" stroke=\"#dddddd\"/>\n"
        "  <text x=\"569\" y=\"128\" font-size=\"10\" text-anchor=\"middle\" fill=\"#666666\">0</text>\n"
        "  <line x1=\"629\" y1=\"66\" x2=\"629\" y2=\"114\" stroke=\"#dddddd\"/>\n"
        "  <text x=\"629\" y=\"128\" font-size=\"10\" text-anchor=\"middle\" fill=\"#666666\">1T</text>\n"
        "  <line x1=\"689\" y1=\"66\" x2=\"689\" y2=\"114\" stroke=\"#dddddd\"/>\n"
        "  <text x=\"689\" y=\"128\" font-size=\"10\" text-anchor=\"middle\" fill=\"#666666\">2T</text>\n"
        "  <line x1=\"749\" y1=\"66\" x2=\"749\" y2=\"114\" stroke=\"#dddddd\"/>\n"
        "  <text x=\"749\" y=\"128\" font-size=\"10\" text-anchor=\"middle\" fill=\"#666666\">3T</text>\n"
        "  <line x1=\"809\" y1=\"66\" x2=\"809\" y2=\"114\" stroke=\"#dddddd\"/>\n"
        "  <text x=\"809\" y=\"128\" font-size=\"10\" text-anchor=\"middle\" fill=\"#666666\">4T</text>\n"
        "  <line x1=\"869\" y1=\"66\" x2=\"869\" y2=\"114\" stroke=\"#dddddd\"/>\n"
        "  <text x=\"869\" y=\"128\" font-size=\"10\" text-anchor=\"middle\" fill=\"#666666\">5T</text>\n"
        "  <text x=\"184\" y=\"82\" font-size=\"12\" text-anchor=\"end\" fill=\"#222222\">head/wide (auxiliary)</text>\n"
        "  <rect x=\"194\" y=\"70\" width=\"204.8\" height=\"16\" fill=\"#4e79a7\"><title>head/wide (auxiliary): 1,024 weights, 99.9%</title></rect>\n"
        "  <text x=\"402.8\" y=\"82\" font-size=\"11\" fill=\"#333333\">1,024</text>\n"
        "  <rect x=\"569\" y=\"70\" width=\"263.9\" height=\"16\" fill=\"#f28e2b\"><title>head/wide (auxiliary): 4,398,046,511,104 connections, not in the total</title></rect>\n"
        "  <text x=\"836.9\" y=\"82\" font-size=\"11\" fill=\"#333333\">4,398,046,511,104</text>\n"
        "  <text x=\"184\" y=\"106\" font-size=\"12\" text-anchor=\"end\" fill=\"#222222\">out</text>\n"
        "  <rect x=\"194\" y=\"94\" width=\"1\" height=\"16\" fill=\"#4e79a7\"><title>out: 1 weights, 0.1%</title></rect>\n"
        "  <text x=\"199\" y=\"106\" font-size=\"11\" fill=\"#333333\">1</text>\n"
        "  <rect x=\"569\" y=\"94\" width=\"1\" height=\"16\" fill=\"#f28e2b\"><title>out: 1 connections, 100.0%</title></rect>\n"
        "  <text x=\"574\" y=\"106\" font-size=\"11\" fill=\"#333333\">1</text>\n"
        "  <text x=\"16\" y=\"154\" font-size=\"12\" fill=\"#222222\">total: 1,025 weights, 1 connections (multiply-accumulates)</text>\n"
        "</svg>\n";
    CHECK(nc::to_svg<large_head>() == svg);
}

TEST_CASE("names are escaped as each format requires") {
    struct odd : nc::network<nc::input<2, 2, 1>, nc::fc<2, nc::name<"a\"b,c|d<e>\\">>> {};
    CHECK(nc::to_csv<odd>().find("\n\"a\"\"b,c|d<e>\\\",fc,") != std::string::npos);
    CHECK(nc::to_json<odd>().find("{\"name\": \"a\\\"b,c|d<e>\\\\\", \"kind\": \"fc\"") != std::string::npos);
    CHECK(nc::to_markdown<odd>().find("| a\"b,c\\|d\\<e\\>\\\\ |") != std::string::npos);
    CHECK(nc::to_svg<odd>().find(">a&quot;b,c|d&lt;e&gt;\\</text>") != std::string::npos);
    CHECK(nc::to_dot<odd>().find("[label=\"a\\\"b,c|d<e>\\\\\\nfc\\n") != std::string::npos);
}
