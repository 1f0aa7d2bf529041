// Inception v3 (torchvision's inception_v3 with its auxiliary classifier, aux_logits=True) at
// 299 x 299 against what PyTorch reports for it, layer by layer and in total:
// tests/reference/torchvision-zoo.json, measured by tools/reference/make_reference.py with
// forward hooks (PyTorch 1.13.1, torchvision 0.14.1), where AuxLogits' layers are measured on
// Mixed_6e's output and marked auxiliary; its weights and biases are in the totals, its units
// and multiply-accumulates are not (eval mode).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <netcount/scale.hpp>
#include <netcount/zoo/inception.hpp>

#include "reference_check.hpp"
#include "reference_zoo.hpp"

namespace nc = netcount;
using nc::zoo::inception_v3;
using reference::has_figures;

static_assert(reference::first_mismatch<inception_v3>(reference_zoo::inception_v3) == reference::all_match);
static_assert(reference::totals_match<inception_v3>(reference_zoo::inception_v3));

// The first layer, by hand: 3 x 3 x 3 x 32 = 864 weights, no bias; stride 2 on 299 gives
// (299 - 3) / 2 + 1 = 149, so 149 * 149 * 32 = 710,432 units and 864 * 22,201 = 19,181,664
// multiply-accumulates. The classifier: fc 2048 -> 1000, 2,048,000 weights and 1,000 biases.
static_assert(has_figures(nc::layer<inception_v3, "Conv2d_1a_3x3/conv">,
                          {{149, 149, 32}, 710'432, 864, 0, 19'181'664}));
static_assert(has_figures(nc::layer<inception_v3, "fc">, {{1, 1, 1000}, 1'000, 2'048'000, 1'000, 2'048'000}));

// Figure 6's factorised 7 x 7 in Mixed_6b (channels_7x7 = 128), on the 17 x 17 grid: the 1 x 7
// (padding 0, 3 keeps 17 + 6 - 7 + 1 = 17) has 1 * 7 * 128 * 128 = 114,688 weights,
// 17 * 17 * 128 = 36,992 units and 114,688 * 289 = 33,144,832 multiply-accumulates; the 7 x 1
// after it, to 192: 7 * 1 * 128 * 192 = 172,032 weights, 55,488 units, 49,717,248.
static_assert(has_figures(nc::layer<inception_v3, "Mixed_6b/branch7x7_2/conv">,
                          {{17, 17, 128}, 36'992, 114'688, 0, 33'144'832}));
static_assert(has_figures(nc::layer<inception_v3, "Mixed_6b/branch7x7_3/conv">,
                          {{17, 17, 192}, 55'488, 172'032, 0, 49'717'248}));
static_assert(nc::layer<inception_v3, "Mixed_6b/branch7x7_2/conv">.window.width.kernel == 7 &&
              nc::layer<inception_v3, "Mixed_6b/branch7x7_2/conv">.window.height.kernel == 1);

// AuxLogits, by hand: the 5 x 5 average pool at stride 3 takes Mixed_6e's 17 x 17 to
// (17 - 5) / 3 + 1 = 5; conv0 (1 x 1, 768 -> 128) has 98,304 weights, 5 * 5 * 128 = 3,200 units
// and 98,304 * 25 = 2,457,600 multiply-accumulates; conv1 (5 x 5 x 128 -> 768) covers the 5 x 5
// map once: 2,457,600 weights, 768 units, 2,457,600; fc 768 -> 1000: 768,000 weights, 1,000
// biases. An auxiliary entry keeps its own figures in layers<Net>.
static_assert(nc::layer<inception_v3, "AuxLogits/avg_pool1">.output == nc::shape{5, 5, 768});
static_assert(has_figures(nc::layer<inception_v3, "AuxLogits/conv0/conv">, {{5, 5, 128}, 3'200, 98'304, 0, 2'457'600}));
static_assert(has_figures(nc::layer<inception_v3, "AuxLogits/conv1/conv">,
                          {{1, 1, 768}, 768, 2'457'600, 0, 2'457'600}));
static_assert(has_figures(nc::layer<inception_v3, "AuxLogits/fc">, {{1, 1, 1000}, 1'000, 768'000, 1'000, 768'000}));

// The head's entries, and only they, are marked auxiliary: the pool, conv0 and conv1 with their
// batch norms and ReLUs, the adaptive pool and fc, 9 entries; none is scheduled.
constexpr bool auxiliary_entries_marked() {
    std::size_t marked = 0;
    for (const nc::layer_info& l : nc::layers<inception_v3>) {
        if (l.auxiliary != l.name.starts_with("AuxLogits/")) return false;
        if (l.auxiliary && l.live_activations != 0) return false;
        if (l.auxiliary) ++marked;
    }
    return marked == 9;
}
static_assert(auxiliary_entries_marked());
static_assert(nc::layer<inception_v3, "AuxLogits/fc">.auxiliary && !nc::layer<inception_v3, "fc">.auxiliary);
// The head reads Mixed_6e's output, and so does Mixed_7a: the head's output goes nowhere.
static_assert(nc::layer<inception_v3, "AuxLogits/avg_pool1">.input == nc::layer<inception_v3, "Mixed_6e">.output);
static_assert(nc::layer<inception_v3, "Mixed_7a/branch3x3_1/conv">.input == nc::shape{17, 17, 768});

// The auxiliary rule on the totals: the head's parameters count (98,304 + 256 + 2,457,600 +
// 1,536 + 768,000 + 1,000 = 3,326,696, the batch norms' scales and shifts included); its units
// (3,200 + 768 + 1,000 = 4,968) and multiply-accumulates (2,457,600 + 2,457,600 + 768,000 =
// 5,683,200) do not.
struct head_sums {
    std::uint64_t parameters, units, connections;
};
constexpr head_sums head() {
    head_sums s{};
    for (const nc::layer_info& l : nc::layers<inception_v3>)
        if (l.auxiliary) s = {s.parameters + l.parameters, s.units + l.units, s.connections + l.connections};
    return s;
}
static_assert(head().parameters == 3'326'696 && head().units == 4'968 && head().connections == 5'683'200);
constexpr head_sums all_entries() {
    head_sums s{};
    for (const nc::layer_info& l : nc::layers<inception_v3>)
        s = {s.parameters + l.parameters, s.units + l.units, s.connections + l.connections};
    return s;
}
static_assert(nc::parameters<inception_v3> == all_entries().parameters);
static_assert(nc::units<inception_v3> == all_entries().units - 4'968);
static_assert(nc::connections<inception_v3> == all_entries().connections - 5'683'200);
// The same rule, as the budgets and the reports read it (detail::contribution): every entry's
// contribution sums to the totals.
constexpr nc::counts contributions() {
    nc::counts s{};
    for (const nc::layer_info& l : nc::layers<inception_v3>) {
        const nc::counts c = nc::detail::contribution(l);
        s = {.units = s.units + c.units,
             .weights = s.weights + c.weights,
             .biases = s.biases + c.biases,
             .parameters = s.parameters + c.parameters,
             .connections = s.connections + c.connections,
             .connections_with_bias = s.connections_with_bias + c.connections_with_bias,
             .activations = s.activations + c.activations};
    }
    return s;
}
static_assert(contributions() == nc::totals<inception_v3>);

// The maps of Table 1 (and of torchvision's forward): 35 x 35 x 288 after the Figure 5 modules,
// 17 x 17 x 768 after the Figure 6 ones, 8 x 8 x 2048 after Figure 7's. Each module's channels
// are its branches': Mixed_5b 64 + 64 + 96 + 32 = 256; Mixed_6a 384 + 96 + 288 (the max pool
// passes Mixed_5d's through) = 768; Mixed_7a 320 + 192 + 768 = 1280; Mixed_7b 320 + 2 * 384 +
// 2 * 384 + 192 = 2048.
static_assert(nc::layer<inception_v3, "maxpool2">.output == nc::shape{35, 35, 192});
static_assert(nc::layer<inception_v3, "Mixed_5b">.output == nc::shape{35, 35, 256});
static_assert(nc::layer<inception_v3, "Mixed_5d">.output == nc::shape{35, 35, 288});
static_assert(nc::layer<inception_v3, "Mixed_6a">.output == nc::shape{17, 17, 768});
static_assert(nc::layer<inception_v3, "Mixed_6e">.output == nc::shape{17, 17, 768});
static_assert(nc::layer<inception_v3, "Mixed_7a">.output == nc::shape{8, 8, 1280});
static_assert(nc::layer<inception_v3, "Mixed_7b/branch3x3">.output == nc::shape{8, 8, 768});
static_assert(nc::layer<inception_v3, "Mixed_7c">.output == nc::shape{8, 8, 2048});
// The pools torchvision calls as functions: the 3 x 3 average pool at stride 1, padding 1 keeps
// the grid; the 3 x 3 max pool at stride 2 reduces it.
static_assert(nc::layer<inception_v3, "Mixed_5b/avg_pool1">.output == nc::shape{35, 35, 192});
static_assert(nc::layer<inception_v3, "Mixed_6a/max_pool1">.output == nc::shape{17, 17, 288});
static_assert(nc::layer<inception_v3, "Mixed_7a/max_pool1">.output == nc::shape{8, 8, 768});
// The network's output is the classifier's, not the auxiliary head's.
static_assert(nc::output_shape<inception_v3> == nc::shape{1, 1, 1000});

// Totals, from the reference. The parameters are also torchvision's "num_params" for its
// ImageNet weights (Inception_V3_Weights.IMAGENET1K_V1.meta), AuxLogits included.
static_assert(nc::parameters<inception_v3> == 27'161'264);
static_assert(nc::weights<inception_v3> == 27'123'040);
static_assert(nc::biases<inception_v3> == 2'000);
static_assert(nc::connections<inception_v3> == 5'713'216'096);
static_assert(nc::units<inception_v3> == 8'968'488);

// The auxiliary head must fit what it reads (training runs it): from 299 x 299 on. At 300 the
// stem and Mixed_6a leave 17 x 17 as at 299 (floor((300 - 3) / 2) + 1 = 149, then 147, 73, 71,
// 35, 17), which the head's 5 x 5 / 3 pool takes to 5 x 5, its conv1's window; at 298 they leave
// 16 x 16 (148, 146, 72, 70, 34, 16), pooled to 4 x 4, and the network is rejected there.
static_assert(nc::layer<nc::with_input<nc::zoo::inception_v3, 300, 300>, "AuxLogits/conv1/conv">.input ==
              nc::shape{5, 5, 128});
