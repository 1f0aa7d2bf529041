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

#endif
