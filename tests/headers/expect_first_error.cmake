# cmake "-DCOMMAND=compiler;flags..." "-DSOURCES=a.cpp;b.cpp" "-DEXPECT=text" -P expect_first_error.cmake
#
# Compiles each source, which must fail, and checks that the first line of the output that
# reports an error ("error" followed by a colon, as g++ and clang++ write it) contains EXPECT.
foreach(source IN LISTS SOURCES)
  execute_process(COMMAND ${COMMAND} ${source}
    RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
  if(result EQUAL 0)
    message(FATAL_ERROR "${source} compiled, but it must be rejected")
  endif()
  string(REGEX MATCH "[^\n]*error:[^\n]*" first "${output}")
  string(FIND "${first}" "${EXPECT}" at)
  if(at EQUAL -1)
    message("${output}")
    message(FATAL_ERROR "${source}: the first error is\n  ${first}\nand does not contain: ${EXPECT}")
  endif()
endforeach()
list(LENGTH SOURCES count)
message(STATUS "${count} files, each rejected first with: ${EXPECT}")
