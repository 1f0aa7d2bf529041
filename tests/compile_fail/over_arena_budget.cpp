// A budget on TFLite Micro's arena: the fc chain of tests/static/tflm.cpp needs 432 bytes in int8,
// and the error names the tensor at the top of the plan, fc1's (at 288, 144 bytes).
// expect: netcount: the network's TFLite Micro tensor arena (tflm_arena's head_bytes) is larger than its budget allows
// expect: 432
// expect: 400
// expect: 'f', 'c', '1'
#include <netcount/netcount.hpp>
namespace nc = netcount;

using fc_chain = nc::network<nc::input<1, 1, 256>, nc::fc<144>, nc::fc<144>, nc::fc<144>>;
#ifdef NETCOUNT_COMPILE_FAIL
constexpr std::uint64_t limit = 400; // the most live at one step: not enough for the plan
#else
constexpr std::uint64_t limit = 432;
#endif
static_assert(nc::within_budget<fc_chain, nc::budget{.arena_bytes = limit}>);
