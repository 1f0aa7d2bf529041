#ifndef NETCOUNT_FIXED_STRING_HPP
#define NETCOUNT_FIXED_STRING_HPP

#include <netcount/detail/config.hpp> // first: below C++20, its error comes first

#include <cstddef>
#include <string_view>

NETCOUNT_DIAGNOSTICS_PUSH
namespace netcount {

// fixed_string<N>: a string literal usable as a template argument, as in name<"conv1">.
// N counts the characters, not the terminating zero.
template<std::size_t N>
struct fixed_string {
    char chars[N + 1]{};

    constexpr fixed_string(const char (&text)[N + 1]) noexcept {
        for (std::size_t i = 0; i != N; ++i) chars[i] = text[i];
    }

    static constexpr std::size_t size() noexcept { return N; }
    constexpr std::string_view view() const noexcept { return {chars, N}; }
    constexpr operator std::string_view() const noexcept { return view(); }
};

template<std::size_t M>
fixed_string(const char (&)[M]) -> fixed_string<M - 1>;

} // namespace netcount

NETCOUNT_DIAGNOSTICS_POP

#endif
