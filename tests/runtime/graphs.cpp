// The reports of a network that is a graph: taps, several outputs, shared weights. Every
// figure is tests/static/graphs.cpp's (a head shared over two levels, checked against
// PyTorch there); the text marks what the totals leave out of a reuse.
#include <string>

#include <netcount/netcount.hpp>
#include <netcount/report.hpp>

#include "catch.hpp"

namespace nc = netcount;

namespace {
struct shared_head
    : nc::network<nc::input<32, 32, 3>, nc::conv<16, nc::kernel<3>, nc::stride<2>, nc::pad<1>, nc::name<"c1">>,
                  nc::conv<16, nc::kernel<3>, nc::stride<2>, nc::pad<1>, nc::name<"c2">>, nc::from<"c1">,
                  nc::shared<"head", nc::conv<9, nc::kernel<3>, nc::pad<1>, nc::name<"cls">>>, nc::from<"c2">,
                  nc::shared<"head">, nc::outputs<"head", "head@2">> {};
} // namespace

TEST_CASE("to_json lists the outputs and the reuses of a graph") {
    const std::string json = nc::to_json<shared_head>();
    // entries: c1 0, c2 1, head/cls 2, head@2/cls 3; the outputs are 2 and 3; 3 reuses 2.
    CHECK(json.find("  \"outputs\": [2, 3],\n") != std::string::npos);
    CHECK(json.find("  \"reuses\": [[3, 2]],\n") != std::string::npos);
    // c2 reads c1 (entry 0); head/cls reads c1 too, head@2/cls reads c2 (the taps).
    CHECK(json.find("{\"name\": \"head/cls\", \"kind\": \"conv\", \"inputs\": [0]") != std::string::npos);
    CHECK(json.find("{\"name\": \"head@2/cls\", \"kind\": \"conv\", \"inputs\": [1]") != std::string::npos);
    // The totals: head/cls's 9 * 144 + 9 = 1,305 parameters once (448 + 2,320 + 1,305).
    CHECK(json.find("\"parameters\": 4073, \"connections\":") != std::string::npos);
}

TEST_CASE("to_table marks a reuse of shared weights and the outputs") {
    // The outputs are the blocks head and head@2, whose outputs are head/cls and head@2/cls.
    const std::string table = nc::to_table<shared_head>();
    CHECK(table.find("head@2/cls (shared, output)") != std::string::npos);
    CHECK(table.find("head/cls (output)") != std::string::npos);
    CHECK(table.find("c2 (") == std::string::npos);
    // The rows' parameters are 448, 2,320, 1,305 and the reuse's 1,305; the total counts the
    // reuse's once: 4,073.
    CHECK(table.find("total ") != std::string::npos);
    CHECK(table.find(" 4073 ") != std::string::npos);
}

TEST_CASE("to_summary and to_csv mark the reuses and the outputs") {
    const std::string summary = nc::to_summary<shared_head>();
    CHECK(summary.find("  head@2/cls (shared, output)  conv") != std::string::npos);
    CHECK(summary.find("  head/cls (output)            conv") != std::string::npos);
    CHECK(summary.find("(shared): an entry that applies a shared<...> definition's weights again") !=
          std::string::npos);
    // A network without a reuse has no such note.
    CHECK(nc::to_summary<nc::network<nc::input<4, 4, 1>, nc::conv<2, nc::kernel<1>>>>().find("(shared)") ==
          std::string::npos);
    const std::string csv = nc::to_csv<shared_head>();
    CHECK(csv.find(",merge,auxiliary,shared,output\n") != std::string::npos);
    // c1: 16 x 16 x 16 from 32 x 32 x 3, 432 + 16 parameters, 110,592 MACs; neither flag.
    CHECK(csv.find("\nc1,conv,32,32,3,16,16,16,4096,432,16,448,110592,") != std::string::npos);
    CHECK(csv.find(",0,0,0,0\nc2,") != std::string::npos);
    CHECK(csv.find("\nhead/cls,") != std::string::npos);
    CHECK(csv.ends_with(",0,0,1,1\n")); // head@2/cls: a reuse and an output
}

TEST_CASE("to_dot draws the edges of the taps") {
    const std::string dot = nc::to_dot<shared_head>();
    // c1 (node 0) feeds c2 (1) and head/cls (2); c2 feeds head@2/cls (3).
    CHECK(dot.find("n0 -> n2") != std::string::npos);
    CHECK(dot.find("n1 -> n3") != std::string::npos);
}

namespace {
// tests/static/inputs.cpp's image and mask (PyTorch's figures there).
using image_mask = nc::network<nc::input<64, 64, 3, nc::name<"image">>, nc::input<64, 64, 1, nc::name<"mask">>,
                               nc::from<"image">, nc::conv<16, nc::kernel<3>, nc::pad<1>>, nc::relu,
                               nc::concat<nc::identity, nc::from<"mask">>, nc::conv<8, nc::kernel<3>, nc::pad<1>>>;
} // namespace

TEST_CASE("the reports list the inputs of a network of several") {
    const std::string json = nc::to_json<image_mask>();
    CHECK(json.find("  \"input\": {\"height\": 64, \"width\": 64, \"channels\": 3},\n  \"inputs\": [{\"name\": "
                    "\"image\", \"shape\": {\"height\": 64, \"width\": 64, \"channels\": 3}}, {\"name\": \"mask\", "
                    "\"shape\": {\"height\": 64, \"width\": 64, \"channels\": 1}}],\n") != std::string::npos);
    // conv1 reads the first input (-1), concat1 relu1 (1) and the second input (-2).
    CHECK(json.find("{\"name\": \"conv1\", \"kind\": \"conv\", \"inputs\": [-1]") != std::string::npos);
    CHECK(json.find("{\"name\": \"concat1\", \"kind\": \"concat\", \"inputs\": [1, -2]") != std::string::npos);
    const std::string table = nc::to_table<image_mask>();
    CHECK(table.find("image (input)  64 x 64 x 3") != std::string::npos);
    CHECK(table.find("mask (input)   64 x 64 x 1") != std::string::npos);
    const std::string summary = nc::to_summary<image_mask>();
    CHECK(summary.find("\nmask     input   64 x 64 x 1") != std::string::npos);
    // Both inputs' bytes: (12,288 + 4,096) * 4.
    CHECK(summary.find("\ninput                        65,536  64.00 KiB\n") != std::string::npos);
    const std::string dot = nc::to_dot<image_mask>();
    CHECK(dot.find("input1 [label=\"mask\\ninput\\n64 x 64 x 1\"") != std::string::npos);
    CHECK(dot.find("input -> n0;") != std::string::npos);
    CHECK(dot.find("input1 -> n2;") != std::string::npos);
}

TEST_CASE("a network of one unnamed input reports as before") {
    const std::string json = nc::to_json<shared_head>();
    CHECK(json.find("\"inputs\": [{") == std::string::npos);
    CHECK(nc::to_dot<shared_head>().find("  input [label=\"input\\n32 x 32 x 3\"") != std::string::npos);
}
