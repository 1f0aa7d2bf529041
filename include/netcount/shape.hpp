#ifndef NETCOUNT_SHAPE_HPP
#define NETCOUNT_SHAPE_HPP

#include <netcount/detail/config.hpp> // first: below C++20, its error comes first

#include <cstdint>

NETCOUNT_DIAGNOSTICS_PUSH
namespace netcount {

// The shape of a feature map (or, after an fc layer, of a 1 x 1 x features vector).
struct shape {
    std::uint64_t height = 0;
    std::uint64_t width = 0;
    std::uint64_t channels = 0;

    friend constexpr bool operator==(const shape&, const shape&) = default;
};

} // namespace netcount

NETCOUNT_DIAGNOSTICS_POP

#endif
