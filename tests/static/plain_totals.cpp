// The totals' two passes (detail/analysis.hpp): a network that uses no element of a graph is
// counted by the plain attempt alone, which reads no fact of its elements; one that has a
// from<>, outputs<>, shared<> or rois<> anywhere by the graph's pass, and both give the same
// totals where both apply. Figures by hand in the comments.
#include <netcount/netcount.hpp>
#include <netcount/zoo/resnet.hpp>

namespace nc = netcount;
namespace ncd = netcount::detail;

// conv: 4 * 3 * 3 * 3 = 108 weights and 4 biases, 8 * 8 * 4 = 256 outputs of 27 products each:
// 6,912 connections; fc<10> reads 256: 2,560 weights, 10 biases, 2,560 connections.
struct plain_chain : nc::network<nc::input<8, 8, 3>, nc::conv<4, nc::kernel<3>, nc::pad<1>>, nc::relu, nc::fc<10>> {};
static_assert(ncd::analyzed<plain_chain>::plain);
static_assert(nc::parameters<plain_chain> == 108 + 4 + 2'560 + 10);
static_assert(nc::connections<plain_chain> == 6'912 + 2'560);
static_assert(nc::output_shape<plain_chain> == nc::shape{1, 1, 10});

// The same, with fc reading conv1 by name (the relu's output has the same shape): the same
// figures, from the graph's pass.
struct tapped_chain
    : nc::network<nc::input<8, 8, 3>, nc::conv<4, nc::kernel<3>, nc::pad<1>>, nc::relu, nc::from<"conv1">, nc::fc<10>> {
};
static_assert(!ncd::analyzed<tapped_chain>::plain);
static_assert(nc::parameters<tapped_chain> == 108 + 4 + 2'560 + 10);
static_assert(nc::connections<tapped_chain> == 6'912 + 2'560);
static_assert(nc::layer<tapped_chain, "fc1">.inputs[0] == 0); // conv1, not relu1

// An element of a graph anywhere sends the network to the graph's pass: at the end
// (outputs<>), inside a block, in a shared<> definition, a rois<> block.
struct outputs_last
    : nc::network<nc::input<8, 8, 3>, nc::conv<4, nc::kernel<3>, nc::pad<1>>, nc::relu, nc::outputs<"conv1", "relu1">> {
};
static_assert(!ncd::analyzed<outputs_last>::plain);
static_assert(nc::output_shapes<outputs_last>[1] == nc::shape{8, 8, 4});
struct tap_in_block : nc::network<nc::input<8, 8, 3>, nc::conv<4, nc::kernel<3>, nc::pad<1>>,
                                  nc::add<nc::identity, nc::sequence<nc::from<"conv1">, nc::conv<4, nc::kernel<1>>>>> {
};
static_assert(!ncd::analyzed<tap_in_block>::plain);
struct shared_twice
    : nc::network<nc::input<8, 8, 4>, nc::shared<"head", nc::conv<4, nc::kernel<1>>>, nc::shared<"head">> {};
static_assert(!ncd::analyzed<shared_twice>::plain);
static_assert(nc::weights<shared_twice> == 16); // 4 * 4, once: the reuse applies the same weights
struct batched : nc::network<nc::input<8, 8, 4>, nc::rois<3, 2, 2, nc::fc<5>>> {};
static_assert(!ncd::analyzed<batched>::plain);

// Both passes agree on a network with every kind of block a backbone has (ResNet-50).
template<class Net>
constexpr bool same_totals() noexcept {
    const nc::counts& a = ncd::analyzed<Net>::totals.totals;
    const nc::counts& b = ncd::graph_analyzed<Net>::totals.totals;
    return a.units == b.units && a.weights == b.weights && a.biases == b.biases && a.parameters == b.parameters &&
           a.connections == b.connections && a.connections_with_bias == b.connections_with_bias &&
           a.activations == b.activations &&
           ncd::analyzed<Net>::totals.output == ncd::graph_analyzed<Net>::totals.output;
}
static_assert(ncd::analyzed<nc::zoo::resnet50>::plain);
static_assert(same_totals<nc::zoo::resnet50>());
static_assert(same_totals<plain_chain>());
