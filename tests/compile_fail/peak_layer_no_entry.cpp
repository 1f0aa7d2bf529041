// A network whose only element is an auxiliary head runs no entry in inference: its peak is its
// input, 8 * 8 * 3 = 192 elements, and peak_layer<Net> has no layer to name. The twin adds a
// relu, which runs in place over the input: the peak is still 192, at relu1.
// expect: netcount: peak_layer: no entry of this network runs in inference
// expect: no_peak_layer<net>
#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
struct net : nc::network<nc::input<8, 8, 3>, nc::auxiliary<nc::conv<4, nc::kernel<3>>, nc::fc<10>>> {};
constexpr std::string_view expected = "";
#else
struct net : nc::network<nc::input<8, 8, 3>, nc::auxiliary<nc::conv<4, nc::kernel<3>>, nc::fc<10>>, nc::relu> {};
constexpr std::string_view expected = "relu1";
#endif

static_assert(nc::peak_activations<net> == 192);
static_assert(nc::peak_layer<net>.name == expected);
