# netcount_doc_blocks(<generated dir> <markdown files...>)
#
# Every ```cpp block of the given Markdown files is checked, so that the documentation cannot
# drift from the code. What a block is checked for depends on the HTML comment on the line right
# above its fence (invisible once the Markdown is rendered); CONTRIBUTING.md describes it:
#
#   (none)                           a whole translation unit, compiled as it stands; if it has
#                                    an `int main(`, it is also linked and run as a CTest test,
#                                    which passes on exit code 0
#   <!-- fragment -->                compiled at namespace scope after a prelude (below)
#   <!-- fragment: function body --> compiled inside a function, after the same prelude
#   <!-- compile-fail: <message> --> compiled after the prelude, it must fail with a diagnostic
#                                    that contains <message> (a CTest test, through the
#                                    compile-fail harness)
#   <!-- skip: <reason> -->          not compiled; the reason is required
#
# A block that includes <netcount/hana.hpp> is skipped, with a message, where Boost.Hana is
# not found.
#
# A page that tells its reader how to compile its blocks does so in a ```sh block marked
# <!-- doc-commands -->, of two lines: the command for a block without main, then the one for a
# block with main (which runs it), each naming the file the block is saved as. Every C++ block
# of such a page is then a whole file (unmarked, or marked compile-fail), and each is also
# compiled with that command, as the reader would (cmake/netcount_doc_command.cmake): the test
# docs.<file>_<n>.as_shown.
#
# A run block may be followed by a block (```text or ```) marked <!-- output -->: the program's
# standard output must then equal it. Blocks are numbered per file in order; the generated
# sources hold #line directives, so a compiler error names the Markdown file and line.
#
# Defines the OBJECT library netcount_doc_blocks (the blocks that must compile), an executable
# and test per run block, and a compile-fail test per expected failure; sets
# netcount_readme_example to the generated source of README.md's first block. Needs
# netcount_compile_fail_flags (cmake/netcount_compile_fail.cmake) and netcount_warnings.

set(netcount_doc_prelude [=[
#include <cstdint>
#include <fstream>
#include <iostream>
#include <string>

#include <netcount/edit.hpp>
#include <netcount/netcount.hpp>
#include <netcount/report.hpp>
#include <netcount/zoo.hpp>

namespace nc = netcount;
]=])

# Writes texts, one after the other, to `path`, only when they differ from what it holds, so
# that an unchanged block is not rebuilt. (Each text is read as its own argument: ${ARGN} would
# split C++ at its semicolons.)
function(_netcount_doc_write path)
  set(content "")
  math(EXPR last "${ARGC} - 1")
  foreach(i RANGE 1 ${last})
    string(APPEND content "${ARGV${i}}")
  endforeach()
  file(WRITE "${path}.new" "${content}")
  configure_file("${path}.new" "${path}" COPYONLY)
  file(REMOVE "${path}.new")
endfunction()

function(netcount_doc_blocks dir)
  set(compiled "")
  set(run_blocks "")
  set(outputs "")
  set(as_shown "")
  foreach(markdown IN LISTS ARGN)
    file(RELATIVE_PATH shown ${PROJECT_SOURCE_DIR} ${markdown})
    get_filename_component(stem ${markdown} NAME_WE)
    file(READ ${markdown} text)
    set(text "\n${text}")
    # A C++ block under another info string would go unchecked.
    string(REGEX MATCH "\n```[ ]*(c\\+\\+|C\\+\\+|cxx|cc|cpp[^\n]*[^ \n])[ ]*\n" bad "${text}")
    if(NOT bad STREQUAL "")
      string(STRIP "${bad}" bad)
      message(FATAL_ERROR "${shown}: a C++ block opens with a line that is just ```cpp, not: ${bad} "
                          "(a marker goes in an HTML comment above the fence: CONTRIBUTING.md)")
    endif()

    # The commands the page gives its reader, if it does.
    set(commands "")
    if(text MATCHES "\n<!-- doc-commands -->\n```sh\n([^\n]+)\n([^\n]+)\n```")
      set(compile_command "${CMAKE_MATCH_1}")
      set(run_command "${CMAKE_MATCH_2}")
      if(NOT compile_command MATCHES "([A-Za-z0-9_]+\\.cpp)")
        message(FATAL_ERROR "${shown}: its doc-commands name no .cpp file")
      endif()
      set(command_file ${CMAKE_MATCH_1})
      set(commands ON)
    endif()

    set(lines_before 0) # newlines in text before `at`
    set(at 0)
    set(index 0)
    set(pending_run "") # the run block an <!-- output --> block may belong to
    while(TRUE)
      string(SUBSTRING "${text}" ${at} -1 rest)
      string(REGEX MATCH "\n```[^\n]*\n" fence "${rest}")
      if(fence STREQUAL "")
        break()
      endif()
      string(FIND "${rest}" "${fence}" offset)
      # The fence's line number: the newlines up to and including the one that opens it.
      math(EXPR through "${offset} + 1")
      string(SUBSTRING "${rest}" 0 ${through} before)
      string(REGEX MATCHALL "\n" newlines "${before}")
      list(LENGTH newlines n)
      math(EXPR fence_line "${lines_before} + ${n}")
      # The line above the fence holds the block's marker, if any.
      string(SUBSTRING "${rest}" 0 ${offset} before)
      string(FIND "${before}" "\n" last_newline REVERSE)
      math(EXPR last_newline "${last_newline} + 1")
      string(SUBSTRING "${before}" ${last_newline} -1 above)
      string(STRIP "${above}" above)
      # The body: every line up to the closing fence.
      string(LENGTH "${fence}" fence_length)
      math(EXPR body_at "${at} + ${offset} + ${fence_length}")
      string(SUBSTRING "${text}" ${body_at} -1 after)
      string(FIND "\n${after}" "\n```" body_length)
      if(body_length EQUAL -1)
        message(FATAL_ERROR "${shown}:${fence_line}: a code block is not closed")
      endif()
      string(SUBSTRING "${after}" 0 ${body_length} body)
      string(REGEX MATCHALL "\n" newlines "${body}")
      list(LENGTH newlines body_lines)
      # Go on from the newline that ends the closing fence's line.
      math(EXPR close_at "${body_at} + ${body_length}")
      string(SUBSTRING "${text}" ${close_at} -1 after)
      string(FIND "${after}" "\n" close_length)
      if(close_length EQUAL -1)
        string(LENGTH "${text}" at)
      else()
        math(EXPR at "${close_at} + ${close_length}")
      endif()
      math(EXPR lines_before "${fence_line} + 1 + ${body_lines}")

      if(above STREQUAL "<!-- output -->")
        if(pending_run STREQUAL "")
          message(FATAL_ERROR "${shown}:${fence_line}: an <!-- output --> block follows no block with main()")
        endif()
        _netcount_doc_write(${dir}/${pending_run}.out "${body}")
        list(APPEND outputs ${pending_run})
        set(pending_run "")
        continue()
      endif()
      if(NOT fence MATCHES "^\n```cpp[ ]*\n$")
        set(pending_run "")
        continue()
      endif()
      set(pending_run "")
      math(EXPR index "${index} + 1")
      set(id ${stem}_${index})
      math(EXPR first_line "${fence_line} + 1")
      set(located "#line ${first_line} \"${shown}\"\n${body}")

      if(commands AND above MATCHES "^<!--" AND NOT above MATCHES "^<!-- compile-fail: (.+) -->$")
        message(FATAL_ERROR "${shown}:${fence_line}: this page says that each block is a whole file, compiled "
                            "with its doc-commands: a block marked `${above}` is not (write it as a whole file)")
      endif()
      if(commands)
        _netcount_doc_write(${dir}/${id}.as_shown.cpp "${body}")
        list(APPEND as_shown ${id})
        if(above MATCHES "^<!-- compile-fail: (.+) -->$")
          set(as_shown_${id}_command "${compile_command}")
          set(as_shown_${id}_expect "${CMAKE_MATCH_1}")
        elseif(body MATCHES "int main\\(")
          set(as_shown_${id}_command "${run_command}")
        else()
          set(as_shown_${id}_command "${compile_command}")
        endif()
        set(as_shown_${id}_file ${command_file})
      endif()

      if(above MATCHES "^<!-- skip: (.+) -->$")
        message(STATUS "docs: ${shown}:${fence_line} not compiled: ${CMAKE_MATCH_1}")
      elseif(body MATCHES "<netcount/hana.hpp>" AND NOT TARGET netcount::hana AND NOT TARGET Boost::headers)
        message(STATUS "docs: ${shown}:${fence_line} not compiled: it needs Boost.Hana, which was not found")
      elseif(above MATCHES "^<!-- compile-fail: (.+) -->$")
        set(source ${dir}/${id}.cpp)
        _netcount_doc_write(${source}
          "// ${shown}:${fence_line}, which must fail to compile.\n// expect: ${CMAKE_MATCH_1}\n"
          "#ifdef NETCOUNT_COMPILE_FAIL\n${netcount_doc_prelude}${located}#endif\n")
        add_test(NAME docs.${id}.fails
          COMMAND ${CMAKE_COMMAND}
            -DCOMPILER=${CMAKE_CXX_COMPILER}
            "-DFLAGS=${netcount_compile_fail_flags}"
            -DSOURCE=${source}
            -P ${PROJECT_SOURCE_DIR}/cmake/netcount_expect_compile_error.cmake)
      elseif(above STREQUAL "<!-- fragment -->")
        _netcount_doc_write(${dir}/${id}.cpp
          "// ${shown}:${fence_line}, a fragment.\n${netcount_doc_prelude}${located}")
        list(APPEND compiled ${dir}/${id}.cpp)
      elseif(above STREQUAL "<!-- fragment: function body -->")
        _netcount_doc_write(${dir}/${id}.cpp
          "// ${shown}:${fence_line}, a fragment inside a function.\n${netcount_doc_prelude}"
          "[[maybe_unused]] static void netcount_doc_block() {\n${located}}\n")
        list(APPEND compiled ${dir}/${id}.cpp)
      elseif(above MATCHES "^<!-- (fragment|compile-fail|skip|output)")
        message(FATAL_ERROR "${shown}:${fence_line}: unknown block marker `${above}`")
      else()
        _netcount_doc_write(${dir}/${id}.cpp "// ${shown}:${fence_line}, as it stands.\n${located}")
        if(id STREQUAL "README_1")
          set(netcount_readme_example ${dir}/${id}.cpp PARENT_SCOPE)
        endif()
        if(body MATCHES "int main\\(")
          list(APPEND run_blocks ${id})
          set(pending_run ${id})
        else()
          list(APPEND compiled ${dir}/${id}.cpp)
        endif()
      endif()
    endwhile()
    set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${markdown})
  endforeach()

  # Blocks that include <netcount/hana.hpp> need Boost.Hana's headers: netcount::hana where
  # that target exists, else netcount::netcount brings them (or they were skipped above).
  set(hana "")
  if(TARGET netcount::hana)
    set(hana netcount::hana)
  endif()

  add_library(netcount_doc_blocks OBJECT ${compiled})
  target_link_libraries(netcount_doc_blocks PRIVATE netcount::netcount ${hana} netcount_warnings)

  foreach(id IN LISTS as_shown)
    set(extra "")
    if(DEFINED as_shown_${id}_expect)
      set(extra "-DEXPECT=${as_shown_${id}_expect}")
    elseif(id IN_LIST outputs)
      set(extra -DEXPECTED=${dir}/${id}.out)
    endif()
    add_test(NAME docs.${id}.as_shown
      COMMAND ${CMAKE_COMMAND} "-DCOMMAND=${as_shown_${id}_command}" -DSOURCE=${dir}/${id}.as_shown.cpp
        -DFILE=${as_shown_${id}_file} -DWORK=${dir}/${id}.as_shown -DCOMPILER=${CMAKE_CXX_COMPILER}
        -DINCLUDE=${PROJECT_SOURCE_DIR}/include ${extra} -P ${PROJECT_SOURCE_DIR}/cmake/netcount_doc_command.cmake)
  endforeach()

  foreach(id IN LISTS run_blocks)
    add_executable(netcount_doc_${id} ${dir}/${id}.cpp)
    target_link_libraries(netcount_doc_${id} PRIVATE netcount::netcount ${hana} netcount_warnings)
    if(id IN_LIST outputs)
      add_test(NAME docs.${id}.runs
        COMMAND ${CMAKE_COMMAND} -DPROGRAM=$<TARGET_FILE:netcount_doc_${id}> -DEXPECTED=${dir}/${id}.out
          -P ${PROJECT_SOURCE_DIR}/cmake/netcount_expect_output.cmake)
    else()
      add_test(NAME docs.${id}.runs COMMAND netcount_doc_${id})
    endif()
  endforeach()
endfunction()
