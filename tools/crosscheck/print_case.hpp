// What netcount makes of one layer on one input, for tools/crosscheck/shape_fuzz.py: one line
//   <case> <status> <h> <w> <c> <message>
// from Layer::apply (status 0 and the output shape where the layer takes the input, else its
// error and 0 0 0); an accepted case is also run through a network<input<H, W, C>, Layer>, whose
// output_shape must be the same. The message is netcount::message(status).
#ifndef NETCOUNT_CROSSCHECK_PRINT_CASE_HPP
#define NETCOUNT_CROSSCHECK_PRINT_CASE_HPP

#include <cstddef>
#include <ostream>

#include <netcount/netcount.hpp>

namespace crosscheck {

template<class Layer, std::size_t H, std::size_t W, std::size_t C>
void print_case(std::ostream& out, std::size_t id) {
    constexpr netcount::layer_result r = Layer::apply(netcount::shape{H, W, C});
    if constexpr (r.status == netcount::error::none) {
        static_assert(netcount::output_shape<netcount::network<netcount::input<H, W, C>, Layer>> == r.output,
                      "shape_fuzz: the network's output shape is not its only layer's");
        out << id << " 0 " << r.output.height << ' ' << r.output.width << ' ' << r.output.channels << " -\n";
    } else {
        out << id << ' ' << static_cast<unsigned>(r.status) << " 0 0 0 " << netcount::message(r.status) << '\n';
    }
}

} // namespace crosscheck

#endif
