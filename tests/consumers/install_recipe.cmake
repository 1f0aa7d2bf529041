# cmake -DSOURCE=<netcount's source> -DWORK=<dir> -DCOMPILER=<c++> [-DGENERATOR=...]
#       [-DPKG_CONFIG=<pkg-config>] [-DLIMIT=<seconds>] -P install_recipe.cmake
#
# The README's install recipe, run as written: the line of the ```sh block under the marker
# <!-- install-command ... -->, with /your/prefix made WORK/prefix and nothing else changed,
# from a fresh copy of the source in WORK/source. It must
#  - succeed with nothing but CMake and the compiler: the environment (not the command) names
#    the compiler (CXX) and a toolchain file (CMAKE_TOOLCHAIN_FILE) that disables
#    find_package for Catch2, Python and Git, so a recipe that reached the tests would fail;
#  - probe nothing test-related: its CMakeCache.txt holds no Catch2, Python or Git entry and no
#    NETCOUNT_ option but NETCOUNT_BUILD_TESTS, _EXAMPLES and _INSTALL (the tests' seeds, tools
#    and Python interpreters are cached entries);
#  - install the headers, the CMake package, netcount.pc and the licence, and pkg-config must find
#    netcount.pc through PKG_CONFIG_PATH=<prefix>/share/pkgconfig, as the README says;
#  - take at most LIMIT seconds (15 by default: about 0.5 s on an idle machine, more under a
#    parallel ctest). It prints the time it took.

cmake_minimum_required(VERSION 3.20)
if(NOT DEFINED LIMIT)
  set(LIMIT 15)
endif()

file(READ ${SOURCE}/README.md readme)
if(NOT readme MATCHES "<!-- install-command[^\n]*-->\n```sh\n([^\n]*)\n```")
  message(FATAL_ERROR "README.md has no ```sh block under an <!-- install-command ... --> marker")
endif()
set(recipe "${CMAKE_MATCH_1}")
if(NOT recipe MATCHES "cmake --install" OR NOT recipe MATCHES "/your/prefix")
  message(FATAL_ERROR "README.md's install recipe has no `cmake --install` or no /your/prefix: ${recipe}")
endif()
if(NOT recipe MATCHES "-B +([^ ]+)")
  message(FATAL_ERROR "README.md's install recipe names no build directory (-B): ${recipe}")
endif()
set(build_dir ${CMAKE_MATCH_1})
string(REPLACE "/your/prefix" "${WORK}/prefix" command "${recipe}")

# A fresh copy of the source: every top-level entry but build trees and dot files.
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK}/source)
file(GLOB entries RELATIVE ${SOURCE} ${SOURCE}/*)
foreach(entry IN LISTS entries)
  if(NOT entry MATCHES "^(build|out$|\\.)")
    file(COPY ${SOURCE}/${entry} DESTINATION ${WORK}/source)
  endif()
endforeach()

file(WRITE ${WORK}/no_test_tools.cmake
  "# The install recipe must not look for what only the tests need.\n"
  "set(CMAKE_DISABLE_FIND_PACKAGE_Catch2 ON CACHE BOOL \"\")\n"
  "set(CMAKE_DISABLE_FIND_PACKAGE_Python3 ON CACHE BOOL \"\")\n"
  "set(CMAKE_DISABLE_FIND_PACKAGE_Python ON CACHE BOOL \"\")\n"
  "set(CMAKE_DISABLE_FIND_PACKAGE_Git ON CACHE BOOL \"\")\n")
set(ENV{CXX} ${COMPILER})
set(ENV{CMAKE_TOOLCHAIN_FILE} ${WORK}/no_test_tools.cmake)
if(GENERATOR)
  set(ENV{CMAKE_GENERATOR} ${GENERATOR})
endif()

find_program(sh NAMES sh REQUIRED)
string(TIMESTAMP start "%s%f")
execute_process(COMMAND ${sh} -c "${command}" WORKING_DIRECTORY ${WORK}/source
  RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
string(TIMESTAMP stop "%s%f")
math(EXPR milliseconds "(${stop} - ${start}) / 1000")
message(STATUS "README.md's install recipe, run as: ${command}\n${output}")
if(NOT result EQUAL 0)
  message(FATAL_ERROR "the install recipe failed (${result})")
endif()
message(STATUS "the install recipe took ${milliseconds} ms")
math(EXPR limit_ms "${LIMIT} * 1000")
if(milliseconds GREATER limit_ms)
  message(FATAL_ERROR "the install recipe took ${milliseconds} ms, more than ${LIMIT} s")
endif()

file(STRINGS ${WORK}/source/${build_dir}/CMakeCache.txt cache REGEX "^[A-Za-z_][^:]*:")
foreach(line IN LISTS cache)
  string(REGEX MATCH "^[^:]+" entry "${line}")
  if(entry MATCHES "Catch2|Python|PYTHON|GIT_EXECUTABLE|^NETCOUNT_" AND
     NOT entry MATCHES "^NETCOUNT_(BUILD_TESTS|BUILD_EXAMPLES|INSTALL)$" AND
     NOT entry MATCHES "^CMAKE_DISABLE_FIND_PACKAGE_")
    message(FATAL_ERROR "the install recipe probed for something only the tests need: ${line}")
  endif()
endforeach()

foreach(file include/netcount/netcount.hpp include/netcount/report.hpp include/netcount/zoo/resnet.hpp
             include/netcount/hana.hpp share/cmake/netcount/netcount-config.cmake share/pkgconfig/netcount.pc
             share/doc/netcount/LICENSE)
  if(NOT EXISTS ${WORK}/prefix/${file})
    message(FATAL_ERROR "not installed: ${file}")
  endif()
endforeach()

if(PKG_CONFIG)
  set(ENV{PKG_CONFIG_PATH} ${WORK}/prefix/share/pkgconfig)
  execute_process(COMMAND ${PKG_CONFIG} --cflags netcount RESULT_VARIABLE result OUTPUT_VARIABLE cflags
    ERROR_VARIABLE cflags)
  string(STRIP "${cflags}" cflags)
  set(found "")
  if(cflags MATCHES "^-I([^ ]+)$")
    set(found "${CMAKE_MATCH_1}")
  endif()
  if(NOT result EQUAL 0 OR NOT EXISTS "${found}/netcount/netcount.hpp")
    message(FATAL_ERROR "PKG_CONFIG_PATH=${WORK}/prefix/share/pkgconfig pkg-config --cflags netcount: ${cflags}")
  endif()
  message(STATUS "PKG_CONFIG_PATH=${WORK}/prefix/share/pkgconfig pkg-config --cflags netcount: ${cflags}")
endif()
