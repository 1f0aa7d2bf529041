// Budgets: within_budget holds when every limit given holds, and says nothing of figures left
// out. Figures from AlexNet's hand-worked table (Krizhevsky et al. 2012 at 227 x 227, towers as
// groups, without biases).
#include <netcount/netcount.hpp>
#include <netcount/zoo/alexnet.hpp>

namespace nc = netcount;
using nc::zoo::alexnet;

static_assert(nc::within_budget<alexnet, nc::budget{.weights = 60'954'656}>); // exactly at the limit
static_assert(nc::within_budget<alexnet, nc::budget{.weights = 61'000'000, .connections = 725'000'000}>);
static_assert(nc::within_budget<alexnet, nc::budget{}>);
static_assert(nc::within_budget<alexnet, nc::budget{.units = 659'272, .parameters = 60'965'224}>);
