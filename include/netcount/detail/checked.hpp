#ifndef NETCOUNT_DETAIL_CHECKED_HPP
#define NETCOUNT_DETAIL_CHECKED_HPP

#include <cstdint>

namespace netcount::detail {

// Arithmetic that reports overflow instead of wrapping: a count that does not fit in 64 bits
// must become a compile error, never a wrong number. The builtins work in constant
// expressions on g++ and clang++ and cost no constexpr steps.
constexpr std::uint64_t mul(std::uint64_t a, std::uint64_t b, bool& overflow) noexcept {
    std::uint64_t product = 0;
    overflow = __builtin_mul_overflow(a, b, &product) || overflow;
    return product;
}

constexpr std::uint64_t add(std::uint64_t a, std::uint64_t b, bool& overflow) noexcept {
    std::uint64_t sum = 0;
    overflow = __builtin_add_overflow(a, b, &sum) || overflow;
    return sum;
}

} // namespace netcount::detail

#endif
