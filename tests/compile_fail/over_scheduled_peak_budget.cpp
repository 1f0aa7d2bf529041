// A peak limit under a schedule: MobileNetV2 in int8 with in-place depthwise peaks at 1,404,928
// bytes (MCUNetV2's 1,372 KiB) at bottleneck2/conv1; under 1,400,000 the error says the schedule
// is the budget's and names the layer.
// expect: netcount: the network has more peak activations under the budget's peak_schedule than its budget allows
// expect: 1404928
// expect: 1400000
// expect: 'b', 'o', 't', 't', 'l', 'e', 'n', 'e', 'c', 'k', '2', '/', 'c', 'o', 'n', 'v', '1'
#include <netcount/netcount.hpp>
#include <netcount/zoo/mobilenet.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
constexpr std::uint64_t limit = 1'400'000;
#else
constexpr std::uint64_t limit = 1'404'928;
#endif
static_assert(nc::within_budget<nc::zoo::mobilenet_v2,
                                nc::budget{.peak_activations = limit, .peak_schedule = {.in_place_depthwise = true}}>);
