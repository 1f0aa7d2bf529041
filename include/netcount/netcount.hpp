// netcount: count a CNN's units, weights and connections at compile time.
//
//   #include <netcount/netcount.hpp>
//   static_assert(netcount::weights<my_net> <= 5'000'000);
#ifndef NETCOUNT_NETCOUNT_HPP
#define NETCOUNT_NETCOUNT_HPP

#include <netcount/detail/config.hpp> // first: below C++20, its error comes first

#include <netcount/block.hpp>
#include <netcount/budget.hpp>
#include <netcount/conv.hpp>
#include <netcount/counts.hpp>
#include <netcount/elementwise.hpp>
#include <netcount/error.hpp>
#include <netcount/fc.hpp>
#include <netcount/fixed_string.hpp>
#include <netcount/flops.hpp>
#include <netcount/fold.hpp>
#include <netcount/layer_info.hpp>
#include <netcount/layer_kind.hpp>
#include <netcount/mapped_conv.hpp>
#include <netcount/memory.hpp>
#include <netcount/merge.hpp>
#include <netcount/network.hpp>
#include <netcount/norm.hpp>
#include <netcount/options.hpp>
#include <netcount/patch.hpp>
#include <netcount/peak.hpp>
#include <netcount/pool.hpp>
#include <netcount/reshape.hpp>
#include <netcount/scale.hpp>
#include <netcount/search.hpp>
#include <netcount/shape.hpp>
#include <netcount/squeeze_excitation.hpp>
#include <netcount/subsample.hpp>
#include <netcount/tflm.hpp>
#include <netcount/version.hpp>

#endif
