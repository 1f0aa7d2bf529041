#ifndef NETCOUNT_ZOO_LENET_HPP
#define NETCOUNT_ZOO_LENET_HPP

#include <netcount/detail/config.hpp> // first: below C++20, its error comes first

#include <netcount/netcount.hpp>

NETCOUNT_DIAGNOSTICS_PUSH
namespace netcount::zoo {

// LeNet-5 as LeCun, Bottou, Bengio and Haffner describe it in "Gradient-Based Learning Applied
// to Document Recognition" (1998), section II.B: a 32 x 32 input, convolutions C1, C3, C5,
// trainable subsampling S2, S4, the fully connected F6 and Euclidean RBF outputs. Units pass
// through a scaled tanh ("squashing function").

// Table I: the S2 maps (rows) each C3 map (columns) reads.
using lenet5_c3_table = connection_table<"X...XXX..XXXX.XX", "XX...XXX..XXXX.X", "XXX...XXX..X.XXX", ".XXX..XXXX..X.XX",
                                         "..XXX..XXXX.XX.X", "...XXX..XXXX.XXX">;

struct lenet5
    : network<input<32, 32, 1>, conv<6, kernel<5>, name<"C1">>, tanh, subsample<kernel<2>, name<"S2">>, tanh,
              mapped_conv<16, lenet5_c3_table, kernel<5>, name<"C3">>, tanh, subsample<kernel<2>, name<"S4">>, tanh,
              conv<120, kernel<5>, name<"C5">>, tanh, fc<84, name<"F6">>, tanh, rbf<10, name<"output">>> {};

} // namespace netcount::zoo

NETCOUNT_DIAGNOSTICS_POP

#endif
