# netcount_strict_flags: the warnings the public headers must compile without, as errors, under
# this build's compiler, whichever way a program finds the headers (README.md, "Supported
# compilers"). tests/headers compiles every header and what a program instantiates under them;
# tests/consumers builds a program with them through -I, add_subdirectory, FetchContent, the
# installed package and pkg-config.
#  - clang: -Weverything, less -Wc++98-compat and -Wc++98-compat-pedantic, which no C++20 code
#    can pass (they warn at every C++11 feature).
#  - g++: its warnings beyond -Wall -Wextra -Wpedantic that a strict build turns on, -Wpadded
#    among them.
# -Wpadded (in both) is quiet in netcount's own code (NETCOUNT_DIAGNOSTICS_PUSH,
# detail/config.hpp) and nowhere else.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  set(netcount_strict_flags -Wall -Wextra -Wpedantic -Wconversion -Wsign-conversion -Wshadow
    -Wold-style-cast -Wundef -Wcast-qual -Wnon-virtual-dtor -Wuseless-cast -Wdouble-promotion
    -Wzero-as-null-pointer-constant -Wswitch-default -Wpadded -Werror)
elseif(CMAKE_CXX_COMPILER_ID MATCHES "Clang")
  set(netcount_strict_flags -Weverything -Wno-c++98-compat -Wno-c++98-compat-pedantic -Werror)
else()
  set(netcount_strict_flags "")
endif()
