#ifndef NETCOUNT_DETAIL_CONFIG_HPP
#define NETCOUNT_DETAIL_CONFIG_HPP

// Every public header includes this one first, so that a compile below C++20 starts with this
// error rather than with whichever C++20 feature the compiler meets first. MSVC reports the
// standard in _MSVC_LANG (its __cplusplus stays 199711L without /Zc:__cplusplus).
#if defined(_MSVC_LANG)
#if _MSVC_LANG < 202002L
#error "netcount needs C++20: compile with /std:c++20 (MSVC)"
#endif
#elif __cplusplus < 202002L
#error "netcount needs C++20: compile with -std=c++20 (g++ 12 or newer, clang++ 14 or newer)"
#endif

// NETCOUNT_DIAGNOSTICS_PUSH ... NETCOUNT_DIAGNOSTICS_POP: around the code of every header (the
// test headers.diagnostics_scoped checks it), so that a build under clang's -Weverything or
// g++'s -Wpadded stays free of warnings a user can do nothing about, and the user's own code
// keeps every warning it asked for. One warning is turned off:
//   -Wpadded: netcount's structs (layer_info, the engine's results, the options) have members
//   of different sizes and so padding; they are constant-expression data whose layout no
//   program depends on, and reordering their members cannot remove all of it (a struct of a
//   bool and a std::uint64_t is padded in any order). A user's struct still warns.
// Both compilers apply a diagnostic pragma by the place the warning is about, so a netcount
// template instantiated in the user's code (structure<...> has padding that depends on its
// arguments) is still quiet, and a user's struct after the include is not. MSVC (no such
// warning, and no GCC pragmas) gets nothing.
#if defined(__GNUC__) // g++ and clang++ (which defines it too)
#define NETCOUNT_DIAGNOSTICS_PUSH _Pragma("GCC diagnostic push") _Pragma("GCC diagnostic ignored \"-Wpadded\"")
#define NETCOUNT_DIAGNOSTICS_POP _Pragma("GCC diagnostic pop")
#else
#define NETCOUNT_DIAGNOSTICS_PUSH
#define NETCOUNT_DIAGNOSTICS_POP
#endif

#endif
