// detail/checked.hpp near 2^64. This file is compiled twice: in netcount_static_tests with the
// compiler's builtins (g++, clang++), and in netcount_static_tests_portable with
// NETCOUNT_PORTABLE_ARITHMETIC, the plain unsigned arithmetic that MSVC gets. The expected values
// are worked by hand below, so both paths must give them.
#include <array>
#include <cstdint>

#include <netcount/detail/checked.hpp>

namespace {

using netcount::detail::add_overflows;
using netcount::detail::mul_overflows;
using u64 = std::uint64_t;

// The path this compile took: the define must reach the header.
#if defined(NETCOUNT_PORTABLE_ARITHMETIC)
static_assert(NETCOUNT_DETAIL_OVERFLOW_BUILTINS == 0);
#elif defined(__GNUC__) // g++ and clang++ both have the builtins
static_assert(NETCOUNT_DETAIL_OVERFLOW_BUILTINS == 1);
#endif

struct outcome {
    bool overflow;
    u64 result;
    constexpr bool operator==(const outcome&) const = default;
};

constexpr outcome add(u64 a, u64 b) {
    u64 r = 0;
    const bool o = add_overflows(a, b, &r);
    return {o, r};
}

constexpr outcome mul(u64 a, u64 b) {
    u64 r = 0;
    const bool o = mul_overflows(a, b, &r);
    return {o, r};
}

constexpr u64 max = 18'446'744'073'709'551'615u; // 2^64 - 1 = 3 * 5 * 17 * 257 * 641 * 65537 * 6700417
constexpr u64 two_32 = 4'294'967'296u;           // 2^32
constexpr u64 two_63 = 9'223'372'036'854'775'808u;

// Sums: 2^64 - 1 is the largest that fits; past it the result wraps modulo 2^64.
static_assert(add(max, 0) == outcome{false, max});
static_assert(add(0, max) == outcome{false, max});
static_assert(add(two_63 - 1, two_63) == outcome{false, max});
static_assert(add(max, 1) == outcome{true, 0});
static_assert(add(1, max) == outcome{true, 0});
static_assert(add(two_63, two_63) == outcome{true, 0});
static_assert(add(max, max) == outcome{true, max - 1}); // 2^65 - 2 = 2^64 + (2^64 - 2)
static_assert(add(0, 0) == outcome{false, 0});

// Products: (2^32 - 1)(2^32 + 1) = 2^64 - 1 fits, 2^32 * 2^32 = 2^64 does not.
static_assert(mul(two_32 - 1, two_32 + 1) == outcome{false, max});
static_assert(mul(two_32, two_32 - 1) == outcome{false, 18'446'744'069'414'584'320u}); // 2^64 - 2^32
static_assert(mul(two_32, two_32) == outcome{true, 0});
static_assert(mul(two_63, 2) == outcome{true, 0});
static_assert(mul(max, 1) == outcome{false, max});
static_assert(mul(1, max) == outcome{false, max});
static_assert(mul(max, 2) == outcome{true, max - 1});                     // 2^65 - 2
static_assert(mul(3, 6'148'914'691'236'517'205u) == outcome{false, max}); // (2^64 - 1) / 3
static_assert(mul(3, 6'148'914'691'236'517'206u) == outcome{true, 2});    // 2^64 + 2
static_assert(mul(6'148'914'691'236'517'206u, 3) == outcome{true, 2});
static_assert(mul(0, max) == outcome{false, 0});
static_assert(mul(max, 0) == outcome{false, 0});
static_assert(mul(max, max) == outcome{true, 1}); // (2^64 - 1)^2 = 2^128 - 2^65 + 1

// The accumulating forms: once set, the flag stays set.
constexpr bool sticky() {
    bool overflow = false;
    const u64 a = netcount::detail::mul(two_32, two_32, overflow); // overflows
    const u64 b = netcount::detail::add(1, 2, overflow);           // does not, the flag stays
    return overflow && a == 0 && b == 3;
}
static_assert(sticky());

constexpr bool clean() {
    bool overflow = false;
    const u64 a = netcount::detail::mul(two_32 - 1, two_32 + 1, overflow);
    const u64 b = netcount::detail::add(a - 1, 1, overflow);
    return !overflow && b == max;
}
static_assert(clean());

#if defined(__has_builtin)
#if __has_builtin(__builtin_add_overflow) && __has_builtin(__builtin_mul_overflow)
// Where the builtins exist, both paths agree with them on every pair of values near the limits
// (the test may call the builtins; the library goes through checked.hpp).
constexpr std::array<u64, 16> edges{0,          1,           2,       3,          two_32 - 1, two_32,
                                    two_32 + 1, two_63 - 1,  two_63,  two_63 + 1, max / 3,    max / 3 + 1,
                                    max / 2,    max / 2 + 1, max - 1, max};
constexpr bool agrees_with_builtins() {
    for (const u64 a : edges)
        for (const u64 b : edges) {
            u64 r = 0;
            const bool o = __builtin_add_overflow(a, b, &r);
            if (add(a, b) != outcome{o, r}) return false;
            const bool p = __builtin_mul_overflow(a, b, &r);
            if (mul(a, b) != outcome{p, r}) return false;
        }
    return true;
}
static_assert(agrees_with_builtins());
#endif
#endif

} // namespace
