# cmake -DSTEP=... -DWORK=dir -DSOURCE=netcount's source dir -DCOMPILER=c++ [...] -P run.cmake
#
# One step of tests/consumers/CMakeLists.txt, in its own WORK directory, made afresh:
#   install           configure netcount (tests and examples off) and install it to WORK/prefix
#   find_package      a CMake consumer that finds that prefix (PREFIX=...)
#   add_subdirectory  a CMake consumer that adds SOURCE as a subdirectory
#   FetchContent      a CMake consumer that fetches a git repository made here of SOURCE's
#                     files (tracked and untracked, not ignored: the working tree, not a commit)
#   pkg-config        make with tests/consumers/make/Makefile and PKG_CONFIG_PATH into PREFIX
#   plain             the compiler, -std=c++20 and -I SOURCE/include, nothing else
# CMAKE_ARGS (a list) go to every CMake configure, e.g. -DCMAKE_DISABLE_FIND_PACKAGE_Boost=ON.
# STRICT_FLAGS (one string, flags separated by spaces) are the warnings every consumer compiles
# with, as errors, besides -Wall -Wextra -Wpedantic -Werror.
# The consumers are built, then run, and must print AlexNet's weights.

cmake_minimum_required(VERSION 3.20)
set(here ${CMAKE_CURRENT_LIST_DIR})
separate_arguments(strict UNIX_COMMAND "${STRICT_FLAGS}")
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})

function(run)
  execute_process(COMMAND ${ARGN} WORKING_DIRECTORY ${WORK}
    RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
  if(NOT result EQUAL 0)
    string(REPLACE ";" " " command "${ARGN}")
    message(FATAL_ERROR "failed (${result}): ${command}\n${output}")
  endif()
  set(output "${output}" PARENT_SCOPE)
endfunction()

set(generator -G "${GENERATOR}")
if(MAKE_PROGRAM)
  list(APPEND generator -DCMAKE_MAKE_PROGRAM=${MAKE_PROGRAM})
endif()

function(consumer route)
  run(${CMAKE_COMMAND} ${generator} -S ${here}/cmake -B ${WORK}/consumer
    -DCMAKE_CXX_COMPILER=${COMPILER} -DROUTE=${route} -DEXPECT_HANA=${EXPECT_HANA} "-DSTRICT_FLAGS=${STRICT_FLAGS}"
    ${CMAKE_ARGS} ${ARGN})
  run(${CMAKE_COMMAND} --build ${WORK}/consumer)
  find_program(consumer_program consumer PATHS ${WORK}/consumer PATH_SUFFIXES Debug Release NO_DEFAULT_PATH)
  run(${consumer_program})
  set(output "${output}" PARENT_SCOPE)
endfunction()

if(STEP STREQUAL "install")
  run(${CMAKE_COMMAND} ${generator} -S ${SOURCE} -B ${WORK}/build -DCMAKE_CXX_COMPILER=${COMPILER}
    -DNETCOUNT_BUILD_TESTS=OFF -DNETCOUNT_BUILD_EXAMPLES=OFF -DNETCOUNT_INSTALL=ON
    -DCMAKE_INSTALL_PREFIX=${WORK}/prefix ${CMAKE_ARGS})
  run(${CMAKE_COMMAND} --build ${WORK}/build)
  run(${CMAKE_COMMAND} --install ${WORK}/build)
  foreach(file include/netcount/netcount.hpp include/netcount/hana.hpp share/cmake/netcount/netcount-config.cmake
               share/pkgconfig/netcount.pc share/doc/netcount/LICENSE share/cmake/netcount/netcount_import.cmake
               bin/netcount-import share/netcount/netcount_import/main.py)
    if(NOT EXISTS ${WORK}/prefix/${file})
      message(FATAL_ERROR "not installed: ${file}")
    endif()
  endforeach()
  message(STATUS "installed to ${WORK}/prefix")
  return()
elseif(STEP STREQUAL "find_package")
  consumer(find_package -DCMAKE_PREFIX_PATH=${PREFIX})
elseif(STEP STREQUAL "add_subdirectory")
  consumer(add_subdirectory -DNETCOUNT_SOURCE_DIR=${SOURCE})
elseif(STEP STREQUAL "FetchContent")
  run(${GIT} -C ${SOURCE} ls-files --cached --others --exclude-standard)
  string(REPLACE "\n" ";" files "${output}")
  foreach(file IN LISTS files)
    if(file AND EXISTS ${SOURCE}/${file} AND NOT IS_DIRECTORY ${SOURCE}/${file})
      get_filename_component(dir ${file} DIRECTORY)
      file(COPY ${SOURCE}/${file} DESTINATION ${WORK}/repository/${dir})
    endif()
  endforeach()
  set(git ${GIT} -C ${WORK}/repository -c user.name=netcount -c user.email=netcount@invalid
    -c commit.gpgsign=false -c init.defaultBranch=main)
  run(${git} init -q)
  run(${git} add -A)
  run(${git} commit -q -m "netcount's working tree, for the FetchContent consumer test")
  run(${git} rev-parse HEAD)
  string(STRIP "${output}" commit)
  consumer(FetchContent -DNETCOUNT_GIT_REPOSITORY=${WORK}/repository -DNETCOUNT_GIT_TAG=${commit})
elseif(STEP STREQUAL "pkg-config")
  set(ENV{PKG_CONFIG_PATH} ${PREFIX}/share/pkgconfig)
  run(${PKG_CONFIG} --modversion netcount)
  string(STRIP "${output}" version)
  if(NOT version STREQUAL VERSION)
    message(FATAL_ERROR "pkg-config says netcount ${version}, not ${VERSION}")
  endif()
  run(${MAKE} -f ${here}/make/Makefile MAIN=${here}/main.cpp CXX=${COMPILER} "STRICT=${STRICT_FLAGS}")
  run(${WORK}/consumer)
elseif(STEP STREQUAL "plain")
  run(${COMPILER} -std=c++20 -Wall -Wextra -Wpedantic -Werror ${strict} -I${SOURCE}/include ${here}/main.cpp
    -o ${WORK}/consumer)
  run(${WORK}/consumer)
else()
  message(FATAL_ERROR "unknown STEP ${STEP}")
endif()

if(NOT output MATCHES "netcount consumer: AlexNet has 60954656 weights")
  message(FATAL_ERROR "the consumer printed:\n${output}")
endif()
message(STATUS "${STEP}: built and ran: ${output}")
