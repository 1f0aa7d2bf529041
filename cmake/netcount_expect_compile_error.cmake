# cmake -DCOMPILER=... -DFLAGS=... -DSOURCE=... [-DEXTRA_EXPECT=...] [-DEXTRA_FLAGS=...]
#       [-DLIMIT=16384] -P netcount_expect_compile_error.cmake
#
# Compiles SOURCE with NETCOUNT_COMPILE_FAIL defined; succeeds only if
#  - compilation fails;
#  - the output contains every "// expect: <text>" of SOURCE (and EXTRA_EXPECT), matched
#    literally, and no "// absent: <text>" (a false second error);
#  - the first error line contains the first expected text, the netcount message: a reader sees
#    what is wrong first, not an error that follows from it;
#  - the whole diagnostic takes at most LIMIT bytes (16 KiB): a rejection that drags follow-on
#    errors after it fails here, on either compiler.
# It prints the diagnostic's size, which the test log keeps.

if(NOT DEFINED LIMIT)
  set(LIMIT 16384)
endif()

file(STRINGS "${SOURCE}" absent_lines REGEX "^// absent: ")
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
  COMMAND ${COMPILER} ${FLAGS} ${EXTRA_FLAGS} -DNETCOUNT_COMPILE_FAIL ${SOURCE}
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

foreach(line IN LISTS absent_lines)
  string(REGEX REPLACE "^// absent: " "" text "${line}")
  string(FIND "${output}" "${text}" at)
  if(NOT at EQUAL -1)
    message("${output}")
    message(FATAL_ERROR "the diagnostic contains what it must not: ${text}")
  endif()
endforeach()

# g++ and clang++ both write "<file>:<line>:<column>: error: <what>" (or "fatal error:").
string(REGEX MATCH "[^\n]*: (fatal )?error: [^\n]*" first_error "${output}")
list(GET expected 0 message_text)
string(FIND "${first_error}" "${message_text}" at)
if(at EQUAL -1)
  message("${output}")
  message(FATAL_ERROR "the first error line does not say \"${message_text}\"; it is:\n${first_error}")
endif()

string(LENGTH "${output}" size)
if(size GREATER LIMIT)
  message("${output}")
  message(FATAL_ERROR "the diagnostic takes ${size} bytes, more than ${LIMIT}: follow-on errors?")
endif()

list(LENGTH expected count)
message(STATUS "rejected as expected, with ${count} expected texts found; diagnostic: ${size} bytes")
