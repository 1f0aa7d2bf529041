// Every report format on a network of every layer kind of issue 10's vocabulary, against exact
// expected text. The figures, worked out by hand on an 8 x 8 x 4 input:
//   stem       conv 3 x 3, same, 8 filters: units 8 * 8 * 8 = 512, weights 3 * 3 * 4 * 8 = 288,
//              biases 8, connections 288 * 64 = 18,432, with bias 18,432 + 512 = 18,944
//   group_norm<2> on 8 channels: parameters 2 * 8 = 16
//   seven activations: nothing; prelu<>: 1 parameter; prelu<per_channel>: 8
//   split      concat of chunk<0, 2> (8 x 8 x 4) and chunk<1, 2> -> linear<4> (weights 4 * 4 = 16,
//              biases 4, units 8 * 8 * 4 = 256, connections 16 * 64 = 1,024, with bias
//              1,024 + 256 = 1,280) -> layer_norm (2 * 4 = 8) -> layer_scale (4): 8 x 8 x 8
//   channel_shuffle<2>, instance_norm<> (0), instance_norm<affine> (16), stochastic_depth
//   upsample<2>: 16 x 16 x 8 (2,048 activations); upsample_to<20, 18>: 20 x 18 x 8 (2,880)
//   head       linear<3, no_bias> on 20 x 18 x 8: weights 8 * 3 = 24, units 20 * 18 * 3 = 1,080,
//              connections 24 * 360 = 8,640
// Live activations (docs/deploy.md): the stem reads the 256 inputs and writes 512 (768); the
// norms, activations and prelus run in place (512); chunk1 writes 256 beside the 512 it reads
// (768), chunk2 256 more (1,024); linear1 256 beside both chunks (768); layer_norm and
// layer_scale run in place beside chunk1 (512); the concat writes 512 beside its two 256s
// (1,024), the shuffle 512 beside those (1,024); the instance norms and stochastic_depth in
// place (512); upsample 2,048 beside 512 (2,560), upsample_to 2,880 beside 2,048 (4,928), head
// 1,080 beside 2,880 (3,960).
// Totals: units 512 + 256 + 1,080 = 1,848; weights 288 + 16 + 24 = 328; biases 12; parameters
// 296 + 16 + 1 + 8 + 20 + 8 + 4 + 16 + 24 = 393; connections 18,432 + 1,024 + 8,640 = 28,096.
#include <string>

#include <netcount/netcount.hpp>
#include <netcount/report.hpp>

#include "catch.hpp"

namespace nc = netcount;

namespace {

struct modern
    : nc::network<nc::input<8, 8, 4>, nc::conv<8, nc::kernel<3>, nc::same, nc::name<"stem">>, nc::group_norm<2>,
                  nc::silu, nc::hardswish, nc::hardsigmoid, nc::gelu, nc::leaky_relu, nc::elu, nc::mish, nc::prelu<>,
                  nc::prelu<nc::per_channel>,
                  nc::concat<nc::name<"split">, nc::chunk<0, 2>,
                             nc::sequence<nc::chunk<1, 2>, nc::linear<4>, nc::layer_norm, nc::layer_scale>>,
                  nc::channel_shuffle<2>, nc::instance_norm<>, nc::instance_norm<nc::affine>, nc::stochastic_depth,
                  nc::upsample<2>, nc::upsample_to<20, 18>, nc::linear<3, nc::no_bias, nc::name<"head">>> {};

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

} // namespace

TEST_CASE("to_table writes linear's formulas: a 1 x 1 conv's, without kernel factors") {
    // The rows are the entries with parameters: the norms, prelus and layer_scale as well as the
    // layers with weights, so that the parameters column adds up to its total, 393.
    const std::string expected =
        "layer               output       units               weights              parameters  connections\n"
        "------------------  -----------  ------------------  -------------------  ----------  -----------------------------\n"
        "stem                8 x 8 x 8    8 * 8 * 8 = 512     3 * 3 * 4 * 8 = 288  296         3 * 3 * 4 * 8 * 8 * 8 = 18432\n"
        "group_norm1         8 x 8 x 8    0                   0                    16          0\n"
        "prelu1              8 x 8 x 8    0                   0                    1           0\n"
        "prelu2              8 x 8 x 8    0                   0                    8           0\n"
        "split/linear1       8 x 8 x 4    8 * 8 * 4 = 256     4 * 4 = 16           20          4 * 4 * 8 * 8 = 1024\n"
        "split/layer_norm1   8 x 8 x 4    0                   0                    8           0\n"
        "split/layer_scale1  8 x 8 x 4    0                   0                    4           0\n"
        "instance_norm2      8 x 8 x 8    0                   0                    16          0\n"
        "head                20 x 18 x 3  20 * 18 * 3 = 1080  8 * 3 = 24           24          8 * 3 * 20 * 18 = 8640\n"
        "total                            1848                328                  393         28096\n";
    CHECK(nc::to_table<modern>() == expected);
}

TEST_CASE("to_table lists every new kind, with numbers and no formula where it has none") {
    const std::string table = nc::to_table<modern>({.all_layers = true, .share = nc::share_of::parameters});
    // The parameters' share, of 393: group_norm<2>'s 16 are 4.1%, a '#' of 20 (one per 5%, rounded);
    // prelu<per_channel>'s 8 are 2.0%, too few for one.
    CHECK(has(table, "\ngroup_norm1         8 x 8 x 8    0                   0                    16          0"
                     "                                4.1% #\n"));
    CHECK(has(table, "\nsilu1               8 x 8 x 8    0                   0                    0           0"
                     "                                0.0%\n"));
    CHECK(has(table, "\nprelu2              8 x 8 x 8    0                   0                    8           0"
                     "                                2.0%\n"));
    CHECK(has(table, "\nsplit/chunk2        8 x 8 x 4    0 "));
    CHECK(has(table, "\nsplit/layer_scale1  8 x 8 x 4    0 "));
    CHECK(has(table, "\nupsample1           16 x 16 x 8  0 "));
    CHECK(has(table, "\nupsample_to1        20 x 18 x 8  0 "));
    CHECK(has(
        table,
        "\nhead                20 x 18 x 3  20 * 18 * 3 = 1080  8 * 3 = 24           24          8 * 3 * 20 * 18 = 8640"
        "           6.1% #\n"));
    for (const char* kind :
         {"hardswish1", "hardsigmoid1", "gelu1", "leaky_relu1", "elu1", "mish1", "prelu1", "split/chunk1",
          "split/layer_norm1", "channel_shuffle1", "instance_norm1", "instance_norm2", "stochastic_depth1"})
        CHECK(has(table, std::string("\n") + kind + " "));
    CHECK(!has(table, " * 0")); // no formula made of a kind's zeros
}

TEST_CASE("to_markdown writes linear's formulas") {
    const std::string md = nc::to_markdown<modern>();
    CHECK(has(
        md,
        "| split/linear1      | 8 x 8 x 4   |    8 * 8 * 4 = 256 |          4 * 4 = 16 |         20 |          4 * 4 * 8 * 8 = 1024 |\n"));
    CHECK(has(
        md,
        "| head               | 20 x 18 x 3 | 20 * 18 * 3 = 1080 |          8 * 3 = 24 |         24 |        8 * 3 * 20 * 18 = 8640 |\n"));
    // The norms, prelus and layer_scale have rows of their own: each has parameters.
    CHECK(has(
        md,
        "\n| split/layer_scale1 | 8 x 8 x 4   |                  0 |                   0 |          4 |                             0 |\n"));
    CHECK(has(
        md,
        "\n| total              |             |               1848 |                 328 |        393 |                         28096 |\n"));
}

TEST_CASE("to_csv: every new kind's row") {
    const std::string expected =
        "name,kind,input_height,input_width,input_channels,output_height,output_width,output_channels,"
        "units,weights,biases,parameters,connections,connections_with_bias,activations,live_activations,merge,auxiliary,shared,output\n"
        "stem,conv,8,8,4,8,8,8,512,288,8,296,18432,18944,512,768,0,0,0,0\n"
        "group_norm1,group_norm,8,8,8,8,8,8,0,0,0,16,0,0,512,512,0,0,0,0\n"
        "silu1,silu,8,8,8,8,8,8,0,0,0,0,0,0,512,512,0,0,0,0\n"
        "hardswish1,hardswish,8,8,8,8,8,8,0,0,0,0,0,0,512,512,0,0,0,0\n"
        "hardsigmoid1,hardsigmoid,8,8,8,8,8,8,0,0,0,0,0,0,512,512,0,0,0,0\n"
        "gelu1,gelu,8,8,8,8,8,8,0,0,0,0,0,0,512,512,0,0,0,0\n"
        "leaky_relu1,leaky_relu,8,8,8,8,8,8,0,0,0,0,0,0,512,512,0,0,0,0\n"
        "elu1,elu,8,8,8,8,8,8,0,0,0,0,0,0,512,512,0,0,0,0\n"
        "mish1,mish,8,8,8,8,8,8,0,0,0,0,0,0,512,512,0,0,0,0\n"
        "prelu1,prelu,8,8,8,8,8,8,0,0,0,1,0,0,512,512,0,0,0,0\n"
        "prelu2,prelu,8,8,8,8,8,8,0,0,0,8,0,0,512,512,0,0,0,0\n"
        "split/chunk1,chunk,8,8,8,8,8,4,0,0,0,0,0,0,256,768,0,0,0,0\n"
        "split/chunk2,chunk,8,8,8,8,8,4,0,0,0,0,0,0,256,1024,0,0,0,0\n"
        "split/linear1,linear,8,8,4,8,8,4,256,16,4,20,1024,1280,256,768,0,0,0,0\n"
        "split/layer_norm1,layer_norm,8,8,4,8,8,4,0,0,0,8,0,0,256,512,0,0,0,0\n"
        "split/layer_scale1,layer_scale,8,8,4,8,8,4,0,0,0,4,0,0,256,512,0,0,0,0\n"
        "split,concat,8,8,4,8,8,8,0,0,0,0,0,0,512,1024,1,0,0,0\n"
        "channel_shuffle1,channel_shuffle,8,8,8,8,8,8,0,0,0,0,0,0,512,1024,0,0,0,0\n"
        "instance_norm1,instance_norm,8,8,8,8,8,8,0,0,0,0,0,0,512,512,0,0,0,0\n"
        "instance_norm2,instance_norm,8,8,8,8,8,8,0,0,0,16,0,0,512,512,0,0,0,0\n"
        "stochastic_depth1,stochastic_depth,8,8,8,8,8,8,0,0,0,0,0,0,512,512,0,0,0,0\n"
        "upsample1,upsample,8,8,8,16,16,8,0,0,0,0,0,0,2048,2560,0,0,0,0\n"
        "upsample_to1,upsample_to,16,16,8,20,18,8,0,0,0,0,0,0,2880,4928,0,0,0,0\n"
        "head,linear,20,18,8,20,18,3,1080,24,0,24,8640,8640,1080,3960,0,0,0,0\n";
    CHECK(nc::to_csv<modern>() == expected);
}

TEST_CASE("to_json: the new kinds, the chunks' graph and the totals") {
    const std::string json = nc::to_json<modern>();
    CHECK(has(json, "{\"name\": \"split/chunk1\", \"kind\": \"chunk\", \"inputs\": [10], "));
    CHECK(has(json, "{\"name\": \"split/chunk2\", \"kind\": \"chunk\", \"inputs\": [10], "));
    CHECK(has(json, "{\"name\": \"split\", \"kind\": \"concat\", \"inputs\": [11, 15], "));
    CHECK(has(json, "{\"name\": \"prelu2\", \"kind\": \"prelu\", \"inputs\": [9], \"input\": {\"height\": 8, "
                    "\"width\": 8, \"channels\": 8}, \"output\": {\"height\": 8, \"width\": 8, \"channels\": 8}, "
                    "\"units\": 0, \"weights\": 0, \"biases\": 0, \"parameters\": 8, \"connections\": 0, "));
    CHECK(has(json, "\"kind\": \"upsample\", \"inputs\": [20], \"input\": {\"height\": 8, \"width\": 8, "
                    "\"channels\": 8}, \"output\": {\"height\": 16, \"width\": 16, \"channels\": 8}, "));
    // Nearest upsampling keeps the field of what it repeats: the stem's 3 x 3, padded by 1.
    CHECK(has(
        json,
        "\"activations\": 2048, \"live_activations\": 2560, \"receptive_field\": {\"height\": {\"size\": 3, \"jump\": 1, "
        "\"start\": -1}, "));
    CHECK(has(json, "\"totals\": {\"units\": 1848, \"weights\": 328, \"biases\": 12, \"parameters\": 393, "
                    "\"connections\": 28096, \"connections_with_bias\": 28864, "));
}

TEST_CASE("to_dot: linear layers are drawn with their weights, the others plainly") {
    const std::string dot = nc::to_dot<modern>();
    CHECK(has(dot, "  n13 [label=\"split/linear1\\n8 x 8 x 4\\n16 weights\\n1,024 connections\", "
                   "fillcolor=\"#dae8fc\"];\n"));
    CHECK(has(dot, "  n23 [label=\"head\\nlinear\\n20 x 18 x 3\\n24 weights\\n8,640 connections\", "
                   "fillcolor=\"#dae8fc\"];\n"));
    CHECK(has(dot, "  n1 [label=\"group_norm1\\n8 x 8 x 8\"];\n"));
    CHECK(has(dot, "  n22 [label=\"upsample_to1\\n20 x 18 x 8\"];\n"));
    CHECK(has(dot, "  n10 -> n11;\n  n10 -> n12;\n  n12 -> n13;\n"));
    CHECK(has(dot, "  n11 -> n16;\n  n15 -> n16;\n"));
    // Without the layers that have no weights, the split joins through its chunks.
    const std::string bare = nc::to_dot<modern>({.all_layers = false});
    CHECK(has(bare, "  n0 -> n13;\n  n0 -> n16;\n  n13 -> n16;\n  n16 -> n23;\n"));
}

TEST_CASE("to_svg: a row for each layer with weights, linear layers included") {
    const std::string svg = nc::to_svg<modern>();
    CHECK(has(svg, "<title>split/linear1: 16 weights, 4.9%</title>")); // 16 / 328
    CHECK(has(svg, "<title>head: 8,640 connections, 30.8%</title>"));  // 8,640 / 28,096
    CHECK(has(svg, "total: 328 weights, 28,096 connections"));
    CHECK(!has(svg, "group_norm1"));
}
