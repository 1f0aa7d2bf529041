# cmake -DSOURCE=<netcount's source> -DWORK=<dir> -DPREFIX=<installed netcount> -DPYTHON=<python>
#       -DCOMPILER=<c++> [-DGENERATOR=...] [-DMAKE_PROGRAM=...] [-DSTRICT_FLAGS="..."] -P import.cmake
#
# netcount_import() as a consumer uses it (the test consumer.netcount_import): the CMake project
# and the program of docs/import.md's example, as written, built against the installed package
# (find_package) with the strict warnings, and ONNX models exported by torch at test time
# (import/make_models.py, which prints PyTorch's parameter count of each). In order:
#   1. small.onnx as model.onnx: the build runs the importer, and the program prints PyTorch's count;
#   2. the build again, nothing changed: no import runs;
#   3. wider.onnx as model.onnx: the build imports it again, and the program prints its count;
#   4. the importer touched: the build imports again;
#   5. over.onnx (more parameters than the example's budget) as model.onnx: the build fails with
#      netcount's budget diagnostic, which shows PyTorch's count and the budget.
# Prints "consumer.netcount_import: skipped: ..." (the test's skip expression) where torch or
# onnx does not import and NETCOUNT_REQUIRE_PYTHON_TESTS is not set.

cmake_minimum_required(VERSION 3.20)
set(here ${CMAKE_CURRENT_LIST_DIR})
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK}/project)

if(NOT EXISTS "${PYTHON}")
  if(DEFINED ENV{NETCOUNT_REQUIRE_PYTHON_TESTS})
    message(FATAL_ERROR "no ${PYTHON}, and NETCOUNT_REQUIRE_PYTHON_TESTS is set: this test must run")
  endif()
  message(STATUS "consumer.netcount_import: skipped: no ${PYTHON} (NETCOUNT_IMPORT_PYTHON: a Python with torch and onnx)")
  return()
endif()
execute_process(COMMAND ${PYTHON} ${here}/import/make_models.py ${WORK}/models
  RESULT_VARIABLE result OUTPUT_VARIABLE models ERROR_VARIABLE error)
if(result EQUAL 77)
  message(STATUS "consumer.netcount_import: skipped: ${models}")
  return()
elseif(NOT result EQUAL 0)
  message(FATAL_ERROR "make_models.py failed (${result}):\n${models}${error}")
endif()
foreach(model small wider over)
  if(NOT models MATCHES "${model}\\.onnx ([0-9]+)")
    message(FATAL_ERROR "make_models.py printed no count for ${model}.onnx:\n${models}")
  endif()
  set(torch_${model} ${CMAKE_MATCH_1})
endforeach()

# docs/import.md's example: its CMake block and the C++ block after it.
file(READ ${SOURCE}/docs/import.md doc)
if(NOT doc MATCHES "<!-- netcount_import-example: CMakeLists.txt -->\n```cmake\n(.*)")
  message(FATAL_ERROR "docs/import.md has no ```cmake block under <!-- netcount_import-example: CMakeLists.txt -->")
endif()
set(rest "${CMAKE_MATCH_1}")
string(FIND "${rest}" "```" end)
string(SUBSTRING "${rest}" 0 ${end} project_text)
string(SUBSTRING "${rest}" ${end} -1 rest)
if(NOT rest MATCHES "^```\n+<!-- skip: [^\n]*consumer\\.netcount_import[^\n]* -->\n```cpp\n(.*)")
  message(FATAL_ERROR "docs/import.md's example has no ```cpp block (marked skip, naming consumer.netcount_import) after its CMake block")
endif()
set(rest "${CMAKE_MATCH_1}")
string(FIND "${rest}" "```" end)
string(SUBSTRING "${rest}" 0 ${end} main_text)
file(WRITE ${WORK}/project/CMakeLists.txt "${project_text}")
file(WRITE ${WORK}/project/main.cpp "${main_text}")
if(NOT main_text MATCHES "budget{\\.parameters = ([0-9']+)}")
  message(FATAL_ERROR "docs/import.md's example has no budget{.parameters = N}")
endif()
string(REPLACE "'" "" budget "${CMAKE_MATCH_1}")
# The test is about the budget's two sides: the first two models within it, the last over it.
if(torch_wider GREATER budget OR NOT torch_over GREATER budget)
  message(FATAL_ERROR "the models do not straddle the example's budget of ${budget} parameters: "
    "small ${torch_small}, wider ${torch_wider}, over ${torch_over}")
endif()

function(run)
  execute_process(COMMAND ${ARGN} WORKING_DIRECTORY ${WORK}
    RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
  set(result "${result}" PARENT_SCOPE)
  set(output "${output}" PARENT_SCOPE)
endfunction()

function(must_succeed)
  run(${ARGN})
  if(NOT result EQUAL 0)
    string(REPLACE ";" " " command "${ARGN}")
    message(FATAL_ERROR "failed (${result}): ${command}\n${output}")
  endif()
  set(output "${output}" PARENT_SCOPE)
endfunction()

function(use_model model)
  file(COPY_FILE ${WORK}/models/${model}.onnx ${WORK}/project/model.onnx)
  file(TOUCH ${WORK}/project/model.onnx) # newer than the header, whatever the copy kept
endfunction()

# Build, and check whether the importer ran: its command's comment names the header.
function(build expect_import)
  must_succeed(${CMAKE_COMMAND} --build ${WORK}/build)
  if(expect_import AND NOT output MATCHES "netcount-import: my_net\\.hpp")
    message(FATAL_ERROR "${step}: the build did not run netcount-import:\n${output}")
  elseif(NOT expect_import AND output MATCHES "netcount-import: my_net\\.hpp")
    message(FATAL_ERROR "${step}: the build ran netcount-import, though nothing changed:\n${output}")
  endif()
endfunction()

function(expect_count count)
  find_program(program firmware PATHS ${WORK}/build PATH_SUFFIXES Debug Release NO_DEFAULT_PATH NO_CACHE)
  must_succeed(${program})
  if(NOT output STREQUAL "my_net: ${count} parameters\n")
    message(FATAL_ERROR "${step}: the program printed '${output}', PyTorch counts ${count} parameters")
  endif()
  message(STATUS "${step}: ${output}")
endfunction()

set(generator -G "${GENERATOR}")
if(MAKE_PROGRAM)
  list(APPEND generator -DCMAKE_MAKE_PROGRAM=${MAKE_PROGRAM})
endif()
use_model(small)
must_succeed(${CMAKE_COMMAND} ${generator} -S ${WORK}/project -B ${WORK}/build -DCMAKE_CXX_COMPILER=${COMPILER}
  -DCMAKE_PREFIX_PATH=${PREFIX} -DNETCOUNT_IMPORT_PYTHON=${PYTHON}
  "-DCMAKE_CXX_FLAGS=-Wall -Wextra -Wpedantic -Werror ${STRICT_FLAGS}")

set(step "1. small.onnx")
build(ON)
expect_count(${torch_small})

set(step "2. nothing changed")
build(OFF)

set(step "3. wider.onnx")
use_model(wider)
build(ON)
expect_count(${torch_wider})

set(step "4. the importer touched")
file(TOUCH ${PREFIX}/share/netcount/netcount_import/graph.py)
build(ON)

set(step "5. over.onnx")
use_model(over)
run(${CMAKE_COMMAND} --build ${WORK}/build)
if(result EQUAL 0)
  message(FATAL_ERROR "${step}: the build succeeded with ${torch_over} parameters, over the budget of ${budget}")
endif()
if(NOT output MATCHES "netcount-import: my_net\\.hpp" OR
   NOT output MATCHES "netcount: the network has more parameters than its budget allows" OR
   NOT output MATCHES "[^0-9']${torch_over}[^0-9']" OR NOT output MATCHES "[^0-9']${budget}[^0-9']")
  message(FATAL_ERROR "${step}: the build failed without the budget's diagnostic:\n${output}")
endif()
message(STATUS "${step}: the build fails with netcount's budget diagnostic")
