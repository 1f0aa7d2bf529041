# cmake -DPROGRAM=... -DEXPECTED=... -P netcount_expect_output.cmake
#
# Runs PROGRAM; passes only if it exits with 0 and its standard output equals the contents of
# EXPECTED (a documentation block marked <!-- output -->), byte for byte.

execute_process(COMMAND ${PROGRAM} RESULT_VARIABLE result OUTPUT_VARIABLE output)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "${PROGRAM} exited with ${result}")
endif()
file(READ ${EXPECTED} expected)
if(NOT output STREQUAL expected)
  message("expected (${EXPECTED}):\n${expected}")
  message("printed:\n${output}")
  message(FATAL_ERROR "the program's output differs from the documentation's")
endif()
