// Reports ask the layer, not its kind's name: formulas from each kind's formula(), merges and
// auxiliary heads from layer_info's flags. Figures by hand, shown beside each check.
#include <span>
#include <string>

#include <netcount/netcount.hpp>
#include <netcount/report.hpp>
#include <netcount/zoo/lenet.hpp>

#include "catch.hpp"

namespace nc = netcount;

namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// A kind of one's own with a formula: a 1 x 1 conv of N filters without bias, written by hand.
template<std::size_t N>
struct pointwise {
    static constexpr std::string_view kind = "pointwise";
    static constexpr nc::layer_result apply(const nc::shape& in) noexcept {
        const std::uint64_t w = in.channels * N;
        return {.output = {in.height, in.width, N},
                .units = in.height * in.width * N,
                .weights = w,
                .parameters = w,
                .connections = w * in.height * in.width};
    }
    static constexpr nc::table_formula formula(const nc::layer_info& l) noexcept {
        return {.units = {l.output.height, l.output.width, N},
                .weights = {l.input.channels, N},
                .connections = {l.input.channels, N, l.output.height, l.output.width}};
    }
};

// One called "conv" that counts otherwise, and has no formula: its numbers alone.
struct impostor {
    static constexpr std::string_view kind = "conv";
    static constexpr nc::layer_result apply(const nc::shape& in) noexcept {
        return {.output = in, .weights = 7, .parameters = 7, .connections = 11};
    }
};

// And one whose formula does not hold: shown as numbers, never as a wrong formula.
struct wrong_formula {
    static constexpr std::string_view kind = "wrong_formula";
    static constexpr nc::layer_result apply(const nc::shape& in) noexcept {
        return {.output = in, .weights = 7, .parameters = 7};
    }
    static constexpr nc::table_formula formula(const nc::layer_info&) noexcept { return {.weights = {2, 3}}; }
};

template<class... Paths>
struct weighted_fusion {
    static constexpr std::string_view kind = "weighted_fusion";
    static constexpr nc::layer_result merge(std::span<const nc::shape> paths) noexcept {
        for (const nc::shape& p : paths)
            if (p != paths[0]) return {.status = nc::error::paths_mismatch};
        return {.output = paths[0], .parameters = paths.size()};
    }
};

struct kinds_of_one_own : nc::network<nc::input<4, 4, 3>, pointwise<5>, impostor, wrong_formula> {};

struct merged
    : nc::network<nc::input<4, 4, 2>, weighted_fusion<nc::name<"fuse">, nc::identity, nc::conv<2, nc::kernel<1>>>,
                  nc::multiply<nc::identity, nc::global_avg_pool>> {};

struct headed
    : nc::network<nc::input<4, 4, 2>, nc::auxiliary<nc::name<"aux">, nc::flatten, nc::fc<3, nc::name<"logits">>>,
                  nc::conv<2, nc::kernel<1>, nc::name<"main">>> {};

} // namespace

TEST_CASE("LeNet-5's own kinds have formulas: subsample, mapped_conv, rbf") {
    const std::string table = nc::to_table<nc::zoo::lenet5>({.all_layers = true});
    // S2: 14 x 14 x 6 units; one coefficient per map; 14 * 14 * 6 * 2 * 2 = 4,704 connections.
    CHECK(contains(table, "S2      14 x 14 x 6   14 * 14 * 6 = 1176"));
    CHECK(contains(table, "14 * 14 * 6 * 2 * 2 = 4704"));
    // C3: 60 of Table I's 96 pairs are connected: 5 * 5 * 60 = 1,500 weights, 100 positions.
    CHECK(contains(table, "10 * 10 * 16 = 1600"));
    CHECK(contains(table, "5 * 5 * 60 = 1500"));
    CHECK(contains(table, "5 * 5 * 60 * 10 * 10 = 150000"));
    // S4 and the RBF output: 5 * 5 * 16 * 2 * 2 = 1,600; 84 inputs * 10 = 840 connections.
    CHECK(contains(table, "5 * 5 * 16 * 2 * 2 = 1600"));
    CHECK(contains(table, "84 * 10 = 840"));
}

TEST_CASE("a kind's own formula is shown, and only where it holds") {
    const std::string table = nc::to_table<kinds_of_one_own>({.all_layers = true});
    // pointwise<5> on 4 x 4 x 3: 3 * 5 = 15 weights, 15 * 16 = 240 connections, 80 units.
    CHECK(contains(table, "pointwise1      4 x 4 x 5  4 * 4 * 5 = 80  3 * 5 = 15  15          3 * 5 * 4 * 4 = 240"));
    // A kind called "conv" is not taken for a conv: its numbers alone.
    CHECK(contains(table, "conv1           4 x 4 x 5  0               7           7           11\n"));
    // 2 * 3 is not 7: the number alone.
    CHECK(contains(table, "wrong_formula1  4 x 4 x 5  0               7           7           0\n"));
}

TEST_CASE("merges are marked in layer_info, and every report shows them as merges") {
    static_assert(nc::layer<merged, "fuse">.merge && nc::layers<merged>[3].merge && !nc::layers<merged>[2].merge);
    const std::string csv = nc::to_csv<merged>();
    // fuse: 4 x 4 x 2 from two paths, 2 parameters, 32 activations; a merge, not auxiliary.
    CHECK(contains(csv, "\nfuse,weighted_fusion,4,4,2,4,4,2,0,0,0,2,0,0,32,"));
    CHECK(contains(csv, "\nmultiply1,multiply,4,4,2,4,4,2,0,0,0,0,0,0,32,"));
    const std::string dot = nc::to_dot<merged>({.all_layers = false});
    CHECK(contains(dot, "n1 [label=\"fuse\\nweighted_fusion\\n4 x 4 x 2\", shape=ellipse"));
    CHECK(contains(dot, "n3 [label=\"multiply1\\n4 x 4 x 2\", shape=ellipse"));
    CHECK(contains(nc::to_json<merged>(), "\"name\": \"fuse\", \"kind\": \"weighted_fusion\""));
    CHECK(contains(nc::to_json<merged>(), "\"merge\": true, \"auxiliary\": false}"));
}

TEST_CASE("auxiliary heads are marked in every report") {
    // logits: 32 inputs * 3 = 96 weights, 3 biases; main: 1 * 1 * 2 * 2 = 4 weights, 2 biases.
    // The totals leave out the head's units (3) and connections (96): units 32, connections 64;
    // its 99 parameters are in them: 99 + 6 = 105.
    const std::string table = nc::to_table<headed>();
    CHECK(contains(table, "aux/logits (auxiliary)  1 x 1 x 3  3               32 * 3 = 96        99  "));
    CHECK(contains(table, "main                    4 x 4 x 2  4 * 4 * 2 = 32  1 * 1 * 2 * 2 = 4  6   "));
    CHECK(contains(table, "total                              32              100                105         64\n"));
    CHECK(contains(nc::to_markdown<headed>(), "| aux/logits (auxiliary) |"));
    const std::string csv = nc::to_csv<headed>();
    CHECK(contains(csv, "\naux/logits,fc,1,1,32,1,1,3,3,96,3,99,96,99,3,0,0,1,0,0\n"));
    CHECK(contains(csv, "\nmain,conv,4,4,2,4,4,2,32,4,2,6,64,96,32,64,0,0,0,0\n"));
    CHECK(contains(nc::to_json<headed>(), "\"merge\": false, \"auxiliary\": true}"));
    CHECK(contains(nc::to_dot<headed>(), "n1 [label=\"aux/logits\\nfc\\n1 x 1 x 3\\n96 weights\\n96 connections\", "
                                         "fillcolor=\"#dae8fc\", style=\"rounded,filled,dashed\"]"));
}
