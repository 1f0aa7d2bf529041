// Reports at the edges of 64 bits: a receptive field too large for its integers, figures above
// 10^19 on a chart, shares of totals near 2^64. Expected figures worked out by hand below (and
// in tests/static/limits.cpp, which checks the same networks' counts).
#include <cstdint>
#include <optional>
#include <string>

#include <netcount/netcount.hpp>
#include <netcount/report.hpp>

#include "catch.hpp"

namespace nc = netcount;

namespace {

// 64 poolings of stride 2 on 1 x 1 x 3, then a 1 x 1 conv of 5 filters: the conv's field has
// a jump of 2^64, which does not fit; its counts do: 1 * 1 * 3 * 5 = 15 weights and
// connections, 5 units, 5 biases.
struct strided_away : nc::network<nc::input<1, 1, 3>, nc::repeat<64, nc::max_pool<nc::kernel<1>, nc::stride<2>>>,
                                  nc::conv<5, nc::kernel<1>, nc::name<"head">>> {};

// 2^32 inputs, 2^32 - 1 outputs: 2^64 - 2^32 = 18,446,744,069,414,584,320 weights and
// connections, the largest figure below 2^64 that an fc on 2^32 inputs makes.
struct nearly_full : nc::network<nc::input<1, 1, std::uint64_t{1} << 32>,
                                 nc::fc<(std::uint64_t{1} << 32) - 1, nc::no_bias, nc::name<"wide">>> {};

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

} // namespace

TEST_CASE("a field that does not fit leaves every report's rows whole") {
    // The table's head row is complete, with its formulas (1 * 1 * 3 * 5 = 15 ...) and its
    // parameters (15 weights and 5 biases).
    const std::string table = nc::to_table<strided_away>();
    CHECK(contains(table,
                   "head   1 x 1 x 5  1 * 1 * 5 = 5  1 * 1 * 3 * 5 = 15  20          1 * 1 * 3 * 5 * 1 * 1 = 15\n"));
    CHECK(contains(nc::to_markdown<strided_away>(), "| head  | 1 x 1 x 5 |"));
    // Live while head runs: the 64th pooling's 3 outputs it reads and its own 5.
    CHECK(contains(nc::to_csv<strided_away>(), "\nhead,conv,1,1,3,1,1,5,5,15,5,20,15,20,5,8,0,0,0,0\n"));
    CHECK(contains(nc::to_dot<strided_away>(), "n64 [label=\"head\\nconv\\n1 x 1 x 5\\n15 weights\\n15 connections\""));
    CHECK(contains(nc::to_svg<strided_away>(), ">head</text>"));
    // JSON is the report that carries receptive fields: the 63rd pooling's fits (jump 2^63 =
    // 9223372036854775808), the 64th's and the conv's do not, and read null, keys kept.
    const std::string json = nc::to_json<strided_away>();
    CHECK(contains(json, "\"name\": \"max_pool63\", \"kind\": \"max_pool\", \"inputs\": [61]"));
    CHECK(
        contains(json, "\"receptive_field\": {\"height\": {\"size\": 1, \"jump\": 9223372036854775808, \"start\": 0}"));
    const std::string unfit = "\"receptive_field\": {\"height\": {\"size\": null, \"jump\": null, \"start\": null}, "
                              "\"width\": {\"size\": null, \"jump\": null, \"start\": null}}, \"merge\": false";
    CHECK(contains(json, "\"name\": \"head\""));
    CHECK(json.find(unfit) != json.rfind(unfit)); // max_pool64's and head's
    CHECK(contains(json, "\"weights\": 15, \"biases\": 5, \"parameters\": 20, \"connections\": 15"));
}

TEST_CASE("to_svg labels axes that end above 2^64") {
    // Linear: the largest figure, 1.8 * 10^19, over 5 is at least 3.7 * 10^18, so the step is
    // 5 * 10^18 and the axis ends at 4 steps, 2 * 10^19 (past 2^64 = 1.8 * 10^19). Ticks at
    // 0, 5000000T, ..., 20000000T (T = 10^12), 300 px / 4 = 75 px apart; the bar ends at
    // 1.8446744069 / 2 of 300 px = 276.7 px.
    const std::string linear = nc::to_svg<nearly_full>();
    CHECK(contains(linear, ">0</text>"));
    CHECK(contains(linear, ">5000000T</text>"));
    CHECK(contains(linear, ">15000000T</text>"));
    CHECK(contains(linear, ">20000000T</text>"));
    CHECK(contains(linear, "width=\"276.7\""));
    CHECK(contains(linear, ">18,446,744,069,414,584,320</text>"));
    // Log: 1.8 * 10^19 lies between the decades 19 and 20: ticks 10^19 = 10000000T and
    // 10^20 = 100000000T, and the bar ends at log10(1.8446744069) = 0.2659 of 300 px = 79.8 px.
    const std::string log = nc::to_svg<nearly_full>({.scale = nc::axis_scale::log});
    CHECK(contains(log, ">10000000T</text>"));
    CHECK(contains(log, ">100000000T</text>"));
    CHECK(contains(log, "width=\"79.8\""));
}

TEST_CASE("shares are exact near 2^64") {
    using nc::detail::permille;
    // part * 1000 + whole / 2 passes 2^64 here, which used to wrap to a share of 0.
    // 1,179,689,222,594,414,552 / 3,204,608,894,828,978,800 = 0.36812..., so 36.8%.
    CHECK(permille(1'179'689'222'594'414'552u, 3'204'608'894'828'978'800u) == 368);
    // 2^63 / (2^64 - 1) is a hair above one half: 500.
    CHECK(permille(std::uint64_t{1} << 63, UINT64_MAX) == 500);
    CHECK(permille(UINT64_MAX, UINT64_MAX) == 1000);
    CHECK(permille(0, UINT64_MAX) == 0);
    // Half a tenth rounds up, less than half down: 1 / 2000 = 0.05%, 1 / 2001 < 0.05%.
    CHECK(permille(1, 2000) == 1);
    CHECK(permille(1, 2001) == 0);
    CHECK(permille(2, 3) == 667); // 666.67
    // A part above its whole is no share (an auxiliary head's connections against a total that
    // leaves them out): none, where the long division used to go past 1,000 tenths (2 of 1 read
    // 200.0%) and, for a large part, wrap. 0 of 0 is 0.
    CHECK(!permille(2, 1).has_value());
    CHECK(!permille(UINT64_MAX, UINT64_MAX - 1).has_value());
    CHECK(!permille(std::uint64_t{1} << 42, 1).has_value());
    CHECK(!permille(1, 0).has_value());
    CHECK(permille(0, 0) == 0);
    CHECK(nc::detail::share_cell(std::nullopt, 20) == "not in the total");
    // A layer's share in the table, for a network of one layer: all of it.
    CHECK(contains(nc::to_table<nearly_full>({.share = nc::share_of::weights}), "100.0% ####################"));
}

namespace {

// A layer kind of one's own that calls itself "conv" but counts as it likes: the table shows
// its numbers without a formula (which would not hold), and does not divide by its groups of 0.
struct odd_conv {
    static constexpr std::string_view kind = "conv";
    static constexpr nc::layer_result apply(const nc::shape& in) noexcept {
        return {.output = in, .units = 1, .weights = 7, .parameters = 7, .connections = 7, .window = {.groups = 0}};
    }
};

} // namespace

TEST_CASE("formulas are shown only where they hold") {
    const std::string table = nc::to_table<nc::network<nc::input<2, 2, 3>, odd_conv>>();
    CHECK(contains(table, "conv1  2 x 2 x 3  1      7        7           7\n"));
}
