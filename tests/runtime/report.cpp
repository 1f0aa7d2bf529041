// AlexNet's table as to_table prints it. Every figure in the expected text is the hand-worked
// product of Krizhevsky et al. 2012's layers at 227 x 227, towers as groups, without biases,
// row by row, with its formula.
#include <string>

#include <netcount/netcount.hpp>
#include <netcount/report.hpp>
#include <netcount/zoo/alexnet.hpp>

#include "catch.hpp"

namespace nc = netcount;

TEST_CASE("to_table prints the seed's AlexNet table with formulas and totals") {
    const std::string expected =
        "layer  output         units                   weights                     parameters  connections\n"
        "-----  -------------  ----------------------  --------------------------  ----------  ---------------------------------------\n"
        "conv1  55 x 55 x 96   55 * 55 * 96 = 290400   11 * 11 * 3 * 96 = 34848    34944       11 * 11 * 3 * 96 * 55 * 55 = 105415200\n"
        "conv2  27 x 27 x 256  27 * 27 * 256 = 186624  5 * 5 * 48 * 256 = 307200   307456      5 * 5 * 48 * 256 * 27 * 27 = 223948800\n"
        "conv3  13 x 13 x 384  13 * 13 * 384 = 64896   3 * 3 * 256 * 384 = 884736  885120      3 * 3 * 256 * 384 * 13 * 13 = 149520384\n"
        "conv4  13 x 13 x 384  13 * 13 * 384 = 64896   3 * 3 * 192 * 384 = 663552  663936      3 * 3 * 192 * 384 * 13 * 13 = 112140288\n"
        "conv5  13 x 13 x 256  13 * 13 * 256 = 43264   3 * 3 * 192 * 256 = 442368  442624      3 * 3 * 192 * 256 * 13 * 13 = 74760192\n"
        "fc6    1 x 1 x 4096   4096                    9216 * 4096 = 37748736      37752832    9216 * 4096 = 37748736\n"
        "fc7    1 x 1 x 4096   4096                    4096 * 4096 = 16777216      16781312    4096 * 4096 = 16777216\n"
        "fc8    1 x 1 x 1000   1000                    4096 * 1000 = 4096000       4097000     4096 * 1000 = 4096000\n"
        "total                 659272                  60954656                    60965224    724406816\n";
    CHECK(nc::to_table<nc::zoo::alexnet>() == expected);
}

TEST_CASE("to_table lists every layer on request") {
    // 8 x 8 x 3 -> conv 3x3, 4 filters (6 x 6 x 4: 144 units, 3 * 3 * 3 * 4 = 108 weights,
    // 108 * 36 = 3888 connections) -> relu -> 2x2 max pool (3 x 3 x 4) -> fc 2 (36 * 2 = 72).
    struct small : nc::network<nc::input<8, 8, 3>, nc::conv<4, nc::kernel<3>>, nc::relu, nc::max_pool<nc::kernel<2>>,
                               nc::fc<2>> {};
    const std::string expected =
        "layer      output     units            weights              parameters  connections\n"
        "---------  ---------  ---------------  -------------------  ----------  ----------------------------\n"
        "conv1      6 x 6 x 4  6 * 6 * 4 = 144  3 * 3 * 3 * 4 = 108  112         3 * 3 * 3 * 4 * 6 * 6 = 3888\n"
        "relu1      6 x 6 x 4  0                0                    0           0\n"
        "max_pool1  3 x 3 x 4  0                0                    0           0\n"
        "fc1        1 x 1 x 2  2                36 * 2 = 72          74          36 * 2 = 72\n"
        "total                 146              180                  186         3960\n";
    CHECK(nc::to_table<small>({.all_layers = true}) == expected);
}

TEST_CASE("to_table writes the formulas of depthwise and transposed convolutions") {
    // 8 x 8 x 4 -> depthwise 3 x 3, same: 4 filters of one channel, 3 * 3 * 1 * 4 = 36 weights
    // over 8 * 8 positions = 2304 connections -> transposed 2 x 2, stride 2, 2 filters:
    // (8 - 1) * 2 + 2 = 16, 2 * 2 * 4 * 2 = 32 weights, counted over the 8 * 8 input positions.
    struct upsampling : nc::network<nc::input<8, 8, 4>, nc::depthwise_conv<nc::kernel<3>, nc::same>,
                                    nc::transposed_conv<2, nc::kernel<2>, nc::stride<2>>> {};
    const std::string table = nc::to_table<upsampling>();
    CHECK(table.find("8 * 8 * 4 = 256  ") != std::string::npos);
    CHECK(table.find("3 * 3 * 1 * 4 = 36  ") != std::string::npos);
    CHECK(table.find("3 * 3 * 1 * 4 * 8 * 8 = 2304\n") != std::string::npos);
    CHECK(table.find("16 * 16 * 2 = 512  ") != std::string::npos);
    CHECK(table.find("2 * 2 * 4 * 2 = 32  ") != std::string::npos);
    CHECK(table.find("2 * 2 * 4 * 2 * 8 * 8 = 2048\n") != std::string::npos);
}
