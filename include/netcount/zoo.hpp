// netcount::zoo: well-known networks, each written as its paper reads.
#ifndef NETCOUNT_ZOO_HPP
#define NETCOUNT_ZOO_HPP

#include <netcount/zoo/alexnet.hpp>
#include <netcount/zoo/lenet.hpp>

#endif
