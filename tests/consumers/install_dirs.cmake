# cmake -DSOURCE=<netcount's source> -DWORK=<dir> -DPYTHON=<python3> -DCOMPILER=<c++>
#       [-DGENERATOR=...] [-DMAKE_PROGRAM=...] -P install_dirs.cmake
#
# The test consumer.install.custom_dirs: the installed netcount-import finds its Python files
# wherever CMAKE_INSTALL_BINDIR and CMAKE_INSTALL_DATADIR put them (cmake/netcount_install_import.cmake).
#   1. BINDIR tools/bin and DATADIR lib/data (relative, not the default layout), configured for
#      one prefix and installed with `cmake --install --prefix` to another: `netcount-import
#      --help` runs from there, and again after the installed tree is moved (relocatable);
#   2. an absolute DATADIR outside the prefix: `netcount-import --help` runs.
# Only the interpreter is needed (--help imports the importer's modules, not onnx or torch).

cmake_minimum_required(VERSION 3.20)
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
if(NOT EXISTS "${PYTHON}")
  if(DEFINED ENV{NETCOUNT_REQUIRE_PYTHON_TESTS})
    message(FATAL_ERROR "no ${PYTHON}, and NETCOUNT_REQUIRE_PYTHON_TESTS is set: this test must run")
  endif()
  message(STATUS "consumer.install.custom_dirs: skipped: no ${PYTHON} (NETCOUNT_IMPORT_PYTHON)")
  return()
endif()

function(must_succeed)
  execute_process(COMMAND ${ARGN} WORKING_DIRECTORY ${WORK}
    RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
  if(NOT result EQUAL 0)
    string(REPLACE ";" " " command "${ARGN}")
    message(FATAL_ERROR "failed (${result}): ${command}\n${output}")
  endif()
  set(output "${output}" PARENT_SCOPE)
endfunction()

function(expect_help program what)
  if(NOT EXISTS "${program}")
    message(FATAL_ERROR "${what}: not installed: ${program}")
  endif()
  must_succeed(${PYTHON} ${program} --help)
  if(NOT output MATCHES "usage: netcount-import")
    message(FATAL_ERROR "${what}: ${program} --help printed:\n${output}")
  endif()
  message(STATUS "${what}: ${program} --help runs")
endfunction()

set(generator -G "${GENERATOR}")
if(MAKE_PROGRAM)
  list(APPEND generator -DCMAKE_MAKE_PROGRAM=${MAKE_PROGRAM})
endif()
function(install_netcount build)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "PREFIX" "ARGS")
  must_succeed(${CMAKE_COMMAND} ${generator} -S ${SOURCE} -B ${WORK}/${build} -DCMAKE_CXX_COMPILER=${COMPILER}
    -DNETCOUNT_BUILD_TESTS=OFF -DNETCOUNT_BUILD_EXAMPLES=OFF -DNETCOUNT_INSTALL=ON ${arg_ARGS})
  must_succeed(${CMAKE_COMMAND} --install ${WORK}/${build} --prefix ${arg_PREFIX})
endfunction()

# 1. Relative custom directories, installed to another prefix than the configured one, then moved.
install_netcount(relative PREFIX ${WORK}/prefix
  ARGS -DCMAKE_INSTALL_PREFIX=${WORK}/configured -DCMAKE_INSTALL_BINDIR=tools/bin -DCMAKE_INSTALL_DATADIR=lib/data)
if(NOT EXISTS ${WORK}/prefix/lib/data/netcount/netcount_import/main.py OR EXISTS ${WORK}/prefix/share)
  message(FATAL_ERROR "1: the importer's Python files are not in ${WORK}/prefix/lib/data/netcount/netcount_import")
endif()
expect_help(${WORK}/prefix/tools/bin/netcount-import "1. BINDIR tools/bin, DATADIR lib/data")
file(RENAME ${WORK}/prefix ${WORK}/moved)
expect_help(${WORK}/moved/tools/bin/netcount-import "1. the installed tree moved")

# 2. An absolute DATADIR, outside the prefix.
install_netcount(absolute PREFIX ${WORK}/prefix2 ARGS -DCMAKE_INSTALL_DATADIR=${WORK}/elsewhere/data)
if(NOT EXISTS ${WORK}/elsewhere/data/netcount/netcount_import/main.py)
  message(FATAL_ERROR "2: the importer's Python files are not in ${WORK}/elsewhere/data/netcount/netcount_import")
endif()
expect_help(${WORK}/prefix2/bin/netcount-import "2. DATADIR ${WORK}/elsewhere/data")
