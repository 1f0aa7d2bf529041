#ifndef NETCOUNT_DETAIL_CHECKED_HPP
#define NETCOUNT_DETAIL_CHECKED_HPP

#include <netcount/detail/config.hpp> // NETCOUNT_DIAGNOSTICS_PUSH, _POP

#include <cstdint>

// Arithmetic that reports overflow instead of wrapping: a count that does not fit in 64 bits
// must become a compile error, never a wrong number. Every operation on a count, size, offset
// or axis value in netcount goes through these functions (never a bare + or *, never the
// compiler builtins directly), so there is one place to audit.
//
// Where the compiler has __builtin_add_overflow and __builtin_mul_overflow (g++, clang++),
// they are used: they work in constant expressions and cost no constexpr steps of their own.
// Elsewhere (MSVC), or when NETCOUNT_PORTABLE_ARITHMETIC is defined (the tests build the whole
// static suite that way too), plain unsigned arithmetic with a division check gives the same
// answers.
#if defined(__has_builtin) && !defined(NETCOUNT_PORTABLE_ARITHMETIC)
#if __has_builtin(__builtin_add_overflow) && __has_builtin(__builtin_mul_overflow)
#define NETCOUNT_DETAIL_OVERFLOW_BUILTINS 1
#endif
#endif
#ifndef NETCOUNT_DETAIL_OVERFLOW_BUILTINS
#define NETCOUNT_DETAIL_OVERFLOW_BUILTINS 0
#endif

NETCOUNT_DIAGNOSTICS_PUSH
namespace netcount::detail {

// add_overflows(a, b, &r): r = a + b (wrapped when it does not fit); true when it does not fit.
constexpr bool add_overflows(std::uint64_t a, std::uint64_t b, std::uint64_t* r) noexcept {
#if NETCOUNT_DETAIL_OVERFLOW_BUILTINS
    return __builtin_add_overflow(a, b, r);
#else
    *r = a + b;
    return *r < a;
#endif
}

// mul_overflows(a, b, &r): r = a * b (wrapped when it does not fit); true when it does not fit.
constexpr bool mul_overflows(std::uint64_t a, std::uint64_t b, std::uint64_t* r) noexcept {
#if NETCOUNT_DETAIL_OVERFLOW_BUILTINS
    return __builtin_mul_overflow(a, b, r);
#else
    *r = a * b;
    return a != 0 && *r / a != b;
#endif
}

// The same, accumulating: `overflow` becomes true and stays true once anything overflowed.
constexpr std::uint64_t mul(std::uint64_t a, std::uint64_t b, bool& overflow) noexcept {
    std::uint64_t product = 0;
    overflow = mul_overflows(a, b, &product) || overflow;
    return product;
}

constexpr std::uint64_t add(std::uint64_t a, std::uint64_t b, bool& overflow) noexcept {
    std::uint64_t sum = 0;
    overflow = add_overflows(a, b, &sum) || overflow;
    return sum;
}

// The smaller and the larger of two values, without <algorithm>: including it cost every TU
// that includes <netcount/netcount.hpp> 9 MB on g++ 12 (docs/performance.md).
template<class T>
constexpr T smaller(T a, T b) noexcept {
    return b < a ? b : a;
}
template<class T>
constexpr T larger(T a, T b) noexcept {
    return a < b ? b : a;
}

} // namespace netcount::detail

NETCOUNT_DIAGNOSTICS_POP

#endif
