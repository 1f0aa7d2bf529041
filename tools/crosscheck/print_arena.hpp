// What tflm_arena<Net, T> plans for a network, one JSON object per line, for tflm_nets.py:
//   {"net": "<id>", "type": "<T>", "head": ..., "live_peak": ..., "ops": ...,
//    "tensors": [[entry, bytes, first_step, last_step, offset], ...]}
// with a tensor's entry its index in layers<Net> (-1 for the network's input),
// the tensors in tflm_arena's order (the input, then each op's).
#ifndef NETCOUNT_CROSSCHECK_PRINT_ARENA_HPP
#define NETCOUNT_CROSSCHECK_PRINT_ARENA_HPP

#include <cstddef>
#include <ostream>
#include <string_view>

#include <netcount/netcount.hpp>

namespace crosscheck {

template<class Net, class T>
void print_arena(std::ostream& out, std::string_view id, std::string_view type) {
    const auto& plan = netcount::tflm_arena<Net, T>;
    out << "{\"net\": \"" << id << "\", \"type\": \"" << type << "\", \"head\": " << plan.head_bytes
        << ", \"live_peak\": " << plan.live_peak_bytes << ", \"ops\": " << plan.op_count << ", \"tensors\": [";
    for (std::size_t t = 0; t != plan.tensor_count; ++t) {
        const netcount::arena_tensor& x = plan.tensors[t];
        out << (t == 0 ? "[" : ", [");
        if (x.entry == netcount::network_input)
            out << -1;
        else
            out << x.entry;
        out << ", " << x.buffer.bytes << ", " << x.buffer.first_step << ", " << x.buffer.last_step << ", "
            << x.buffer.offset << ']';
    }
    out << "]}\n";
}

} // namespace crosscheck

#endif
