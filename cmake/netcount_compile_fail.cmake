# netcount_compile_fail_tests(files...)
#
# Each file holds an invalid use under #ifdef NETCOUNT_COMPILE_FAIL and its valid twin under
# #else, and names what the diagnostic must contain in lines of the form
#     // expect: <text>
# For each file, a CTest test compiles it with NETCOUNT_COMPILE_FAIL defined and passes only if
# the compiler rejects it and prints every expected text. The twins compile in the normal build,
# so a twin that does not compile breaks the build.

set(netcount_compile_fail_flags
  -std=c++20 -fsyntax-only -Wall -Wextra -Wpedantic -Werror
  -I${PROJECT_SOURCE_DIR}/include)

function(netcount_compile_fail_tests)
  add_library(netcount_compile_fail_twins OBJECT ${ARGN})
  target_link_libraries(netcount_compile_fail_twins PRIVATE netcount::netcount netcount_warnings)
  foreach(source IN LISTS ARGN)
    get_filename_component(case ${source} NAME_WE)
    add_test(NAME compile_fail.${case}
      COMMAND ${CMAKE_COMMAND}
        -DCOMPILER=${CMAKE_CXX_COMPILER}
        "-DFLAGS=${netcount_compile_fail_flags}"
        -DSOURCE=${CMAKE_CURRENT_SOURCE_DIR}/${source}
        -P ${PROJECT_SOURCE_DIR}/cmake/netcount_expect_compile_error.cmake)
  endforeach()
endfunction()
