// Architecture edits with Boost.Hana over netcount::element_types: the edited networks are
// counted like any other. Expected figures come from AlexNet's hand-worked table (Krizhevsky
// et al. 2012 at 227 x 227, towers as groups, without biases).
#include <type_traits>

#include <boost/hana/equal.hpp>
#include <boost/hana/remove_if.hpp>
#include <boost/hana/size.hpp>
#include <boost/hana/transform.hpp>

#include <netcount/hana.hpp>
#include <netcount/netcount.hpp>
#include <netcount/zoo/alexnet.hpp>

namespace hana = boost::hana;
namespace nc = netcount;
using nc::zoo::alexnet;

// The round trip gives back the network's own elements.
static_assert(std::is_same_v<nc::network_with<alexnet, decltype(nc::element_types<alexnet>)>, nc::network_of<alexnet>>);
static_assert(decltype(hana::size(nc::element_types<alexnet>))::value == 22);
static_assert(std::is_same_v<nc::input_of<alexnet>, nc::input<227, 227, 3>>);

// Removing what has no weights (dropout) leaves units, weights and connections as they were;
// only the two dropouts' 4096 outputs each leave the activations.
constexpr auto without_dropout = hana::remove_if(nc::element_types<alexnet>, hana::equal.to(hana::type_c<nc::dropout>));
using alexnet_no_dropout = nc::network_with<alexnet, decltype(without_dropout)>;
static_assert(nc::layers<alexnet_no_dropout>.size() == 20);
static_assert(nc::parameters<alexnet_no_dropout> == nc::parameters<alexnet>);
static_assert(nc::connections<alexnet_no_dropout> == nc::connections<alexnet>);
static_assert(nc::units<alexnet_no_dropout> == nc::units<alexnet>);
static_assert(nc::activations<alexnet_no_dropout> == nc::activations<alexnet> - 2 * 4096);

// Making AlexNet smaller as a transformation: every fc but the last narrowed to 1024 outputs.
// fc6: 9216 * 1024 = 9,437,184 weights; fc7: 1024 * 1024 = 1,048,576; fc8: 1024 * 1000 =
// 1,024,000; the convolutions keep 34,848 + 307,200 + 884,736 + 663,552 + 442,368 = 2,332,704.
template<class Layer>
struct narrowed {
    using type = Layer;
};
template<class... Options>
struct narrowed<nc::fc<4096, Options...>> {
    using type = nc::fc<1024, Options...>;
};

constexpr auto narrow_fcs = hana::transform(nc::element_types<alexnet>, [](auto t) {
    return hana::type_c<typename narrowed<typename decltype(t)::type>::type>;
});
using alexnet_narrow = nc::network_with<alexnet, decltype(narrow_fcs)>;
static_assert(nc::layer<alexnet_narrow, "fc6">.weights == 9'437'184);
static_assert(nc::weights<alexnet_narrow> == 2'332'704 + 9'437'184 + 1'048'576 + 1'024'000);
static_assert(nc::connections<alexnet_narrow> < nc::connections<alexnet>);
