# cmake -DCOMMAND=<line> -DSOURCE=<block> -DFILE=<name> -DWORK=<dir> -DCOMPILER=<c++>
#       -DINCLUDE=<netcount's include dir> [-DEXPECT=<text>] [-DEXPECTED=<output file>]
#       -P netcount_doc_command.cmake
#
# Compiles a documentation block with the command its page gives (the ```sh block marked
# <!-- doc-commands -->, cmake/netcount_doc_blocks.cmake), as a reader would: the block alone,
# as it stands, saved as FILE in a fresh WORK directory, and the command run there by sh, with
# two substitutions only: the leading `g++` becomes this build's compiler, and
# `path/to/netcount/include` the include directory. It passes if the command succeeds (and, with
# EXPECTED, the program prints exactly that), or with EXPECT, if it fails with a diagnostic that
# contains EXPECT.

file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
configure_file(${SOURCE} ${WORK}/${FILE} COPYONLY)

string(REGEX REPLACE "^g\\+\\+ " "${COMPILER} " command "${COMMAND}")
string(REPLACE "path/to/netcount/include" "${INCLUDE}" command "${command}")
find_program(sh NAMES sh REQUIRED)
execute_process(COMMAND ${sh} -c "${command}" WORKING_DIRECTORY ${WORK}
  RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE errors)
message(STATUS "ran, in ${WORK}: ${command}")

if(DEFINED EXPECT)
  if(result EQUAL 0)
    message(FATAL_ERROR "the block compiled, but its page says it fails with: ${EXPECT}")
  endif()
  string(FIND "${errors}" "${EXPECT}" at)
  if(at EQUAL -1)
    message("${errors}")
    message(FATAL_ERROR "the diagnostic does not contain: ${EXPECT}")
  endif()
  message(STATUS "rejected as the page says: ${EXPECT}")
  return()
endif()

if(NOT result EQUAL 0)
  message("${output}${errors}")
  message(FATAL_ERROR "the command failed (${result})")
endif()
if(errors)
  message("${errors}")
  message(FATAL_ERROR "the command printed to the standard error: warnings?")
endif()
if(DEFINED EXPECTED)
  file(READ ${EXPECTED} expected)
  if(NOT output STREQUAL expected)
    message("expected (${EXPECTED}):\n${expected}")
    message("printed:\n${output}")
    message(FATAL_ERROR "the program's output differs from the page's")
  endif()
endif()
