// netcount: count a CNN's units, weights and connections at compile time.
#ifndef NETCOUNT_VERSION_HPP
#define NETCOUNT_VERSION_HPP

#include <netcount/detail/config.hpp> // first: below C++20, its error comes first

// The one place the version is written; CMake reads it from here.
#define NETCOUNT_VERSION_MAJOR 0
#define NETCOUNT_VERSION_MINOR 1
#define NETCOUNT_VERSION_PATCH 0

#endif
