# cmake -DALEXNET=<the alexnet example> -DREADME=README.md -P check_readme_alexnet.cmake
# The README shows how the AlexNet example's output begins, in the block under
# <!-- example-output: alexnet -->; this runs the example and fails unless its output begins
# with exactly that text.
execute_process(COMMAND ${ALEXNET} OUTPUT_VARIABLE printed RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "${ALEXNET} failed (${status})")
endif()
file(READ ${README} readme)
set(marker "<!-- example-output: alexnet -->\n```\n")
string(FIND "${readme}" "${marker}" at)
if(at EQUAL -1)
  message(FATAL_ERROR "${README} has no block under <!-- example-output: alexnet -->")
endif()
string(LENGTH "${marker}" marker_length)
math(EXPR at "${at} + ${marker_length}")
string(SUBSTRING "${readme}" ${at} -1 rest)
string(FIND "${rest}" "\n```" length)
if(length EQUAL -1)
  message(FATAL_ERROR "${README}: the block under <!-- example-output: alexnet --> is not closed")
endif()
math(EXPR length "${length} + 1") # its last line break
string(SUBSTRING "${rest}" 0 ${length} block)
string(SUBSTRING "${printed}" 0 ${length} begins)
if(NOT begins STREQUAL block)
  message(FATAL_ERROR "the AlexNet example's output does not begin as the README shows.\n"
    "The README:\n${block}\nThe example:\n${begins}")
endif()
string(REGEX MATCHALL "\n" lines "${block}")
list(LENGTH lines count)
message(STATUS "the README's AlexNet output: ${count} lines, as the example prints them")
