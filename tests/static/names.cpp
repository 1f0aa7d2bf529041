// Layer names: given ones are kept; the others are the kind and the ordinal among the layers
// of that kind (named ones included), with '_' where the kind ends in a digit.
#include <netcount/netcount.hpp>

namespace nc = netcount;

struct named_net
    : nc::network<nc::input<32, 32, 3>, nc::conv<8, nc::kernel<3>, nc::name<"stem">>, nc::relu6,
                  nc::conv<8, nc::kernel<3>>, nc::relu6, nc::max_pool<nc::kernel<2>>, nc::relu,
                  nc::flatten, nc::dropout, nc::fc<10>, nc::softmax> {};

static_assert(nc::layers<named_net>[0].name == "stem");
static_assert(nc::layers<named_net>[1].name == "relu6_1");
static_assert(nc::layers<named_net>[2].name == "conv2"); // the second conv, though the first is named
static_assert(nc::layers<named_net>[3].name == "relu6_2");
static_assert(nc::layers<named_net>[4].name == "max_pool1");
static_assert(nc::layers<named_net>[5].name == "relu1");
static_assert(nc::layers<named_net>[6].name == "flatten1");
static_assert(nc::layers<named_net>[7].name == "dropout1");
static_assert(nc::layers<named_net>[8].name == "fc1");
static_assert(nc::layers<named_net>[9].name == "softmax1");

static_assert(nc::layers<named_net>[0].kind == "conv");
static_assert(nc::layers<named_net>[1].kind == "relu6");
static_assert(nc::layers<named_net>[4].kind == "max_pool");
static_assert(nc::layers<named_net>[8].kind == "fc");

// layer<Net, "name"> finds generated names too.
static_assert(nc::layer<named_net, "conv2">.output == nc::shape{28, 28, 8}); // 32 -> 30 -> 28
static_assert(nc::layer<named_net, "fc1">.weights == 14 * 14 * 8 * 10);     // 28 / 2 = 14

// Ordinals run to as many digits as needed.
struct many_relus : nc::network<nc::input<1, 1, 1>, nc::relu, nc::relu, nc::relu, nc::relu,
                                nc::relu, nc::relu, nc::relu, nc::relu, nc::relu, nc::relu,
                                nc::relu, nc::relu> {};
static_assert(nc::layers<many_relus>[9].name == "relu10");
static_assert(nc::layers<many_relus>[11].name == "relu12");

// A network with no layers is its input.
struct empty_net : nc::network<nc::input<4, 5, 6>> {};
static_assert(nc::layers<empty_net>.size() == 0);
static_assert(nc::output_shape<empty_net> == nc::shape{4, 5, 6});
static_assert(nc::parameters<empty_net> == 0);
