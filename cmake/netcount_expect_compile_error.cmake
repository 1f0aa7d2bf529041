# cmake -DCOMPILER=... -DFLAGS=... -DSOURCE=... [-DEXTRA_EXPECT=...] -P netcount_expect_compile_error.cmake
#
# Compiles SOURCE with NETCOUNT_COMPILE_FAIL defined; succeeds only if compilation fails and the
# output contains every "// expect: <text>" of SOURCE (and EXTRA_EXPECT), matched literally.

file(STRINGS "${SOURCE}" expect_lines REGEX "^// expect: ")
set(expected "")
foreach(line IN LISTS expect_lines)
  string(REGEX REPLACE "^// expect: " "" text "${line}")
  list(APPEND expected "${text}")
endforeach()
if(DEFINED EXTRA_EXPECT)
  list(APPEND expected "${EXTRA_EXPECT}")
endif()
if(NOT expected)
  message(FATAL_ERROR "${SOURCE} names no expected diagnostic (// expect: ...)")
endif()

execute_process(
  COMMAND ${COMPILER} ${FLAGS} -DNETCOUNT_COMPILE_FAIL ${SOURCE}
  RESULT_VARIABLE result
  OUTPUT_VARIABLE output
  ERROR_VARIABLE output)

if(result EQUAL 0)
  message(FATAL_ERROR "${SOURCE} compiled, but it must be rejected")
endif()
foreach(text IN LISTS expected)
  string(FIND "${output}" "${text}" at)
  if(at EQUAL -1)
    message("${output}")
    message(FATAL_ERROR "the diagnostic does not contain: ${text}")
  endif()
endforeach()
list(LENGTH expected count)
message(STATUS "rejected as expected, with ${count} expected texts found")
